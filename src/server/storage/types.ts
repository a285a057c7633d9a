import type { MusterEvent } from '../../domain/event';
import type { DeviceRole, PublishedPlaybookInfo } from '../../domain/playbook-publish';

/**
 * The server's storage port. Routes and the admin CLI talk to this interface only, so the
 * SQLite adapter (one file, zero set-up) and a later PostgreSQL adapter are interchangeable.
 * Every method is async, although SQLite answers synchronously, because PostgreSQL cannot.
 *
 * What an adapter must guarantee, because the sync protocol relies on it:
 * - an event is stored once per organisation, by its id (insert-or-ignore);
 * - `seq` rises with commit order: no reader may see seq N+1 before N is committed, so a
 *   device that has read up to N never skips an event (SQLite: IMMEDIATE transactions;
 *   PostgreSQL: a per-organisation counter row updated in the insert's transaction);
 * - one organisation's rows are never returned for another;
 * - a published playbook version is written once and never changed or removed, and its
 *   revision is handed out in the same write transaction as the check that the publisher
 *   started from the current one, so two publishes from the same base cannot both win
 *   (SQLite: one IMMEDIATE transaction; PostgreSQL: SERIALIZABLE, or a lock on the
 *   organisation's row, around the read and the insert).
 */
export interface EventStore {
  /** Which adapter is behind the port ("sqlite", later "postgres"); shown by /api/health. */
  readonly kind: string;
  /** Flushes and releases the database. Call once, after the HTTP server has stopped. */
  close(): void;

  createOrg(org: { id: string; name: string }, at: string): Promise<OrgRecord>;
  getOrg(id: string): Promise<OrgRecord | undefined>;
  listOrgs(): Promise<OrgRecord[]>;

  /** Stores a device token by its hash; the token itself is never stored. A member's unless `role` says otherwise. */
  addDeviceToken(token: { id: string; orgId: string; label: string; tokenHash: string; role?: DeviceRole }, at: string): Promise<DeviceTokenRecord>;
  /** The token with this hash, revoked or not; undefined when there is none. */
  findDeviceToken(tokenHash: string): Promise<DeviceTokenRecord | undefined>;
  listDeviceTokens(orgId: string): Promise<DeviceTokenRecord[]>;
  /** Marks the token revoked (keeping the first revocation time); undefined when there is no such token. */
  revokeDeviceToken(id: string, at: string): Promise<DeviceTokenRecord | undefined>;
  /** Gives the token another role, from its next request on; undefined when there is no such token. */
  setDeviceRole(id: string, role: DeviceRole): Promise<DeviceTokenRecord | undefined>;

  /**
   * Stores each event unless its id is already there, in one transaction, and says what
   * happened to each, in order. A second copy within the same call counts as a duplicate.
   * `conflict`: the id exists with different content; nothing was written for it.
   */
  appendEvents(orgId: string, events: readonly MusterEvent[], receivedAt: string): Promise<AppendOutcome[]>;
  /** Up to `limit` events of the organisation with seq > `afterSeq`, in seq order. */
  readEvents(orgId: string, afterSeq: number, limit: number): Promise<EventPage>;
  /** The organisation's highest seq, 0 when it has no events. */
  latestSeq(orgId: string): Promise<number>;
  /**
   * Notes, in one write, that the server heard from these devices: `seenSeq` is the last seq
   * each has been handed (never lowered), `following` the incidents open on it (left as it was
   * when undefined).
   */
  noteDeviceContacts(contacts: readonly DeviceContact[]): Promise<void>;
  /** The organisation's active devices that follow `incidentId`, with how far each has been handed its events. */
  incidentFollowers(orgId: string, incidentId: string): Promise<IncidentFollowers>;

  /**
   * Stores a new version of a playbook as the next revision of its id and language (1 for the
   * first), if the current revision is still `baseRevision` (null: none published yet).
   * Otherwise nothing is written and the answer is `stale` with the current version (null
   * when there is none although `baseRevision` named one). The check and the insert are one
   * write transaction. Never changes a stored version.
   */
  publishPlaybook(orgId: string, playbook: NewPublishedPlaybook, baseRevision: number | null, at: string): Promise<PublishOutcome>;
  /** The latest revision of each of the organisation's playbooks (one per id and language), without bodies, by id then language. */
  currentPlaybooks(orgId: string): Promise<PublishedPlaybookInfo[]>;
  /** The latest revision of one playbook of the organisation, with its body; undefined when none is published. */
  currentPlaybook(orgId: string, id: string, language: string): Promise<StoredPlaybook | undefined>;
  /** One published version of the organisation's, with its body as stored; undefined when there is none. */
  getPublishedPlaybook(orgId: string, id: string, language: string, revision: number): Promise<StoredPlaybook | undefined>;
}

/** What the publisher hands the store; the store adds the revision and the time. */
export interface NewPublishedPlaybook {
  readonly id: string;
  readonly language: string;
  readonly version: string;
  readonly kind: string;
  readonly title: string;
  /** `playbookContentHash` of the body. */
  readonly hash: string;
  readonly note: string;
  /** The body as JSON text, stored and handed out exactly as given. */
  readonly bodyJson: string;
  /** The id of the device token that publishes it. */
  readonly publishedBy: string;
}

/**
 * A published version as stored: its description, with `publishedBy` the token's label, and
 * its body still the JSON text it was stored as, so a read hands out the very same bytes.
 */
export interface StoredPlaybook extends PublishedPlaybookInfo {
  readonly bodyJson: string;
}

export type PublishOutcome =
  { readonly status: 'published'; readonly info: PublishedPlaybookInfo } | { readonly status: 'stale'; readonly current: StoredPlaybook | null };

export interface DeviceContact {
  readonly tokenId: string;
  readonly at: string;
  readonly seenSeq: number;
  readonly following?: readonly string[];
}

export interface IncidentFollowers {
  /** The last seq of the incident's events, or null when the server has none of them. */
  readonly latestSeq: number | null;
  readonly devices: readonly {
    readonly tokenId: string;
    readonly label: string;
    readonly seenSeq: number;
    readonly seenAt: string | null;
    /** When the first event of the incident after `seenSeq` arrived, or null when it has them all. */
    readonly behindSince: string | null;
  }[];
}

export interface OrgRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface DeviceTokenRecord {
  readonly id: string;
  readonly orgId: string;
  /** Whose device it is, as the administrator typed it ("Commander's tablet"). */
  readonly label: string;
  /** What the device may do; a token issued before roles existed is a member. */
  readonly role: DeviceRole;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export type AppendOutcome =
  | { readonly status: 'accepted'; readonly seq: number }
  | { readonly status: 'duplicate'; readonly seq: number }
  | { readonly status: 'conflict'; readonly seq: number };

/**
 * An event as stored. The payload stays the JSON text it was stored as, so a pull can splice
 * it into the response without parsing and re-serialising every event.
 */
export interface StoredEvent {
  readonly seq: number;
  readonly receivedAt: string;
  readonly id: string;
  readonly streamId: string;
  readonly deviceId: string;
  readonly actor: string;
  readonly hlc: string;
  readonly type: string;
  readonly v: number;
  readonly payloadJson: string;
}

export interface EventPage {
  readonly events: readonly StoredEvent[];
  /** Whether the organisation has events after the last one in `events`. */
  readonly more: boolean;
}
