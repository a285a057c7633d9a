import type { MusterEvent } from '../../domain/event';

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
 * - one organisation's rows are never returned for another.
 */
export interface EventStore {
  /** Which adapter is behind the port ("sqlite", later "postgres"); shown by /api/health. */
  readonly kind: string;
  /** Flushes and releases the database. Call once, after the HTTP server has stopped. */
  close(): void;

  createOrg(org: { id: string; name: string }, at: string): Promise<OrgRecord>;
  getOrg(id: string): Promise<OrgRecord | undefined>;
  listOrgs(): Promise<OrgRecord[]>;

  /** Stores a device token by its hash; the token itself is never stored. */
  addDeviceToken(token: { id: string; orgId: string; label: string; tokenHash: string }, at: string): Promise<DeviceTokenRecord>;
  /** The token with this hash, revoked or not; undefined when there is none. */
  findDeviceToken(tokenHash: string): Promise<DeviceTokenRecord | undefined>;
  listDeviceTokens(orgId: string): Promise<DeviceTokenRecord[]>;
  /** Marks the token revoked (keeping the first revocation time); undefined when there is no such token. */
  revokeDeviceToken(id: string, at: string): Promise<DeviceTokenRecord | undefined>;

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
}

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
