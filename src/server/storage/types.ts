import type { MusterEvent } from '../../domain/event';
import type { PhotoType } from '../../domain/events/photo';
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
export interface EventStore extends EnrolmentStore {
  /** Which adapter is behind the port ("sqlite", later "postgres"); shown by /api/health. */
  readonly kind: string;
  /** Flushes and releases the database (SQLite at once; a PostgreSQL pool when its connections end). Call once, after the HTTP server has stopped. */
  close(): void | Promise<void>;

  /** `parentId`: the organisation it reports to (a branch's head office); it must exist. None when absent. */
  createOrg(org: { id: string; name: string; parentId?: string | null }, at: string): Promise<OrgRecord>;
  getOrg(id: string): Promise<OrgRecord | undefined>;
  listOrgs(): Promise<OrgRecord[]>;
  /**
   * Puts an existing organisation under `parentId` (null: under none). The caller checks that
   * this makes no loop (`descendantOrgs`); undefined when there is no such organisation.
   */
  setOrgParent(id: string, parentId: string | null): Promise<OrgRecord | undefined>;
  /** Every organisation below `orgId` (its children, their children, and so on), not itself, by name then id. */
  descendantOrgs(orgId: string): Promise<OrgRecord[]>;
  /** How far each of these organisations has got, in the order asked; one that has nothing still gets a row. */
  orgActivity(orgIds: readonly string[]): Promise<OrgActivity[]>;

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
  appendEvents(orgId: string, events: readonly MusterEvent[], receivedAt: string, tokenId?: string): Promise<AppendOutcome[]>;
  /**
   * Binds the token to `deviceId` if it is bound to none yet and no other active token of its
   * organisation holds that device id, and answers the device id it is bound to (this one, or
   * the one an earlier push bound); undefined when it is bound to none. One statement, so two
   * first pushes racing cannot both bind.
   */
  bindTokenDevice(tokenId: string, deviceId: string): Promise<string | undefined>;
  /**
   * Up to `limit` events of the organisation with seq > `afterSeq`, in seq order, stopping
   * before the event that would take the page's event JSON past `maxBytes` (MAX_PULL_BYTES by
   * default) — but always at least one event, however big. Rows past the page are not read.
   */
  readEvents(orgId: string, afterSeq: number, limit: number, maxBytes?: number): Promise<EventPage>;
  /** The database's identity (its epoch): a random id, the same across restarts, new after a restore. */
  databaseEpoch(): Promise<string>;
  /**
   * Gives the database a new epoch (see `databaseEpoch`) and answers it: after the database
   * was put back from a backup by other means than `restore` (pg_restore), so devices pull again.
   */
  renewEpoch(at: string): Promise<string>;
  /** Writes an online, consistent copy of the whole database to `file` (readable by its owner only). */
  backupTo(file: string): Promise<void>;
  /**
   * For /api/health: a cheap read, and a write that is rolled back (it takes the write lock and
   * changes a row, then undoes it), each answered with its problem or undefined when it passed.
   * Never throws.
   */
  probe(): Promise<{ readonly read: string | undefined; readonly write: string | undefined }>;
  /** The organisation's highest seq, 0 when it has no events. */
  latestSeq(orgId: string): Promise<number>;
  /**
   * How many events of the organisation have seq > `afterSeq` (a pull's "n of m"). Optional: a
   * store without it lets pulls go without a count.
   */
  countEventsAfter?(orgId: string, afterSeq: number): Promise<number>;
  /**
   * The bytes the organisation's events take (see sqlite-usage.ts for what counts), for its
   * storage quota; 0 when it has none. Read on every push, so cheap; always the committed events exactly.
   */
  storedEventBytes(orgId: string): Promise<number>;
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

  /**
   * The organisation's report-countersigning key; `candidate` is stored first when it has none
   * (insert-if-absent, so two first requests end up with the same key). Never changed after.
   */
  orgSigningKey(orgId: string, candidate: Omit<OrgSigningKey, 'createdAt'>, at: string): Promise<OrgSigningKey>;

  /**
   * Stores a note's photo (src/domain/blob-protocol.ts) under the organisation and its hash,
   * unless the organisation holds that hash already (`duplicate`: nothing changes, whichever
   * incident named it first keeps it). Refuses it (`incidentFull`, nothing written) when the
   * incident's photos would pass `maxStreamBytes`. The check and the insert are one write
   * transaction, so two uploads racing cannot both squeeze under the limit. The caller has
   * checked the bytes: their hash, type and size.
   */
  putBlob(orgId: string, blob: NewBlob, maxStreamBytes: number, at: string): Promise<PutBlobOutcome>;
  /** One of the organisation's photos by hash, with its bytes; undefined when it has none. */
  getBlob(orgId: string, hash: string): Promise<StoredBlob | undefined>;
  /** The bytes of the photos stored for one incident of the organisation (its per-incident limit); 0 when none. */
  blobBytesForStream(orgId: string, streamId: string): Promise<number>;
  /** The bytes of all the organisation's photos, counted with its events against its storage quota; 0 when none. */
  storedBlobBytes(orgId: string): Promise<number>;

  /**
   * Only where several server processes share the database (PostgreSQL): calls `onAppend` for
   * every commit of new events by any process, with the organisation and its highest new seq,
   * so each process can tell its own open streams. The returned function stops listening.
   * Absent for SQLite, whose one process publishes its own pushes.
   */
  listenForAppends?(onAppend: (orgId: string, seq: number) => void): Promise<() => Promise<void>>;
  /**
   * Only where several server processes share the database: a token bucket kept in the
   * database, so a device's budget is one budget whichever process it reaches. Takes `cost`
   * (charged as at most `burst`) from bucket `key`, refilled at `perSecond` on the clock
   * `nowMs`; answers 0 when allowed, else the whole seconds to wait (at least 1). One statement.
   */
  chargeBucket?(key: string, cost: number, burst: number, perSecond: number, nowMs: number): Promise<number>;
}

/** A photo as the upload hands it to the store. */
export interface NewBlob {
  /** SHA-256 of `data`, 64 lower-case hex digits. */
  readonly hash: string;
  /** The incident whose note names it. */
  readonly streamId: string;
  readonly type: PhotoType;
  readonly data: Uint8Array;
  /** The token that sent it, so the administrator can tell what a stolen token wrote. */
  readonly tokenId: string;
}

export interface StoredBlob {
  readonly hash: string;
  readonly streamId: string;
  readonly type: PhotoType;
  readonly data: Uint8Array;
  readonly storedAt: string;
}

export type PutBlobOutcome =
  | { readonly status: 'stored'; readonly streamBytes: number }
  | { readonly status: 'duplicate' }
  | { readonly status: 'incidentFull'; readonly streamBytes: number };

export interface OrgActivity {
  readonly orgId: string;
  /** 0 when it has no events. */
  readonly latestSeq: number;
  /** When its newest event reached the server; null when it has none. */
  readonly lastEventAt: string | null;
  /** When one of its active devices last pulled or held its stream; null when none has. */
  readonly lastContactAt: string | null;
}

/** An organisation's Ed25519 key pair (raw keys in hex) that countersigns report hashes. */
export interface OrgSigningKey {
  readonly keyId: string;
  readonly publicKey: string;
  readonly secretKey: string;
  readonly createdAt: string;
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
  /** The organisation it reports to (a branch's head office); null for a top one. */
  readonly parentId: string | null;
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
  /** The label of the token that pushed it (`tokenId` of appendEvents); null when not recorded. */
  readonly deliveredBy?: string | null;
}

export interface EventPage {
  readonly events: readonly StoredEvent[];
  /** Whether the organisation has events after the last one in `events`. */
  readonly more: boolean;
}

/**
 * One-time enrolment codes and token rotation (SQLite: sqlite-enrol.ts, migration 9). Codes and
 * tokens are handed over as hashes; the secrets are never stored.
 */
export interface EnrolmentStore {
  /** Stores a new code by its hash; the device that uses it gets a token with id `tokenId`. */
  addEnrolmentCode(code: NewEnrolmentCode, at: string): Promise<EnrolmentCodeRecord>;
  /**
   * Uses the code, if it is unused, not withdrawn and not expired at `at`: in one write
   * transaction marks it used and stores the device token (`tokenHash`) with the code's
   * organisation, label and role. Otherwise nothing is written and the answer says why.
   */
  redeemEnrolmentCode(codeHash: string, tokenHash: string, deviceId: string | null, at: string): Promise<RedeemOutcome>;
  /** The organisation's codes not used yet (expired or not, withdrawn ones excepted), oldest first. */
  pendingEnrolmentCodes(orgId: string): Promise<EnrolmentCodeRecord[]>;
  /** Withdraws the unused code that would give `tokenId`; undefined when there is none. */
  cancelEnrolmentCode(tokenId: string, at: string): Promise<EnrolmentCodeRecord | undefined>;
  /** Gives the token a next hash, replacing any earlier one not yet used; false when the token is gone or revoked. */
  setNextTokenHash(tokenId: string, nextHash: string): Promise<boolean>;
  /**
   * A request came with a rotated token: it becomes the token's hash and the old one stops
   * working. False when no active token waits for that hash.
   */
  takeUpNextToken(nextHash: string): Promise<boolean>;
}

export interface NewEnrolmentCode {
  readonly codeHash: string;
  readonly orgId: string;
  readonly tokenId: string;
  readonly label: string;
  readonly role: DeviceRole;
  readonly expiresAt: string;
}

export interface EnrolmentCodeRecord {
  readonly tokenId: string;
  readonly orgId: string;
  readonly label: string;
  readonly role: DeviceRole;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly cancelledAt: string | null;
}

export type RedeemOutcome =
  | { readonly status: 'enrolled'; readonly code: EnrolmentCodeRecord }
  | { readonly status: 'used' | 'expired' | 'cancelled'; readonly code: EnrolmentCodeRecord }
  | { readonly status: 'unknown' };
