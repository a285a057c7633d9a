import type { MusterEvent } from '../domain/event';
import { DEVICE_ROLES, type DeviceRole } from '../domain/playbook-publish';
import type { MusterDb, OutboxEntry } from './db';

/**
 * What the sync engine keeps on the device besides the events and the outbox: the device
 * token, the pull cursor, the last outcome, and two lists the user is shown — events the
 * server refused and pulled events stamped too far in the future. The row types of those two
 * lists are defined here; `db.ts` declares their tables (schema version 2) with these types.
 */

/** Settings keys. The token is the device's credential: the server knows the device by it. */
const SYNC_TOKEN_KEY = 'sync.token';
/** The last server `seq` this device has applied (pull cursor). */
export const SYNC_CURSOR_KEY = 'sync.cursor';
/** The organisation the cursor belongs to; a device enrolled into another one starts from 0. */
const SYNC_CURSOR_ORG_KEY = 'sync.cursorOrg';
/** The server database's epoch the cursor belongs to (null: none seen yet). */
const SYNC_EPOCH_KEY = 'sync.epoch';
/** The organisation of the current token, once the server has confirmed it (null: not yet). */
const SYNC_ORG_KEY = 'sync.org';
/** What the current token may do (member, editor), as the server last said; null: not known yet. */
const SYNC_ROLE_KEY = 'sync.role';
const SYNC_LAST_SUCCESS_KEY = 'sync.lastSuccessAt';
const SYNC_LAST_ERROR_KEY = 'sync.lastError';

/**
 * An event that will not be shared: refused by the server when pushed (`push`), or pulled
 * but unreadable by this version of the app (`pull`, e.g. an event type added later). It is
 * kept whole so nothing is lost: a pulled one is applied once an updated app can read it.
 */
export interface RejectedEvent {
  eventId: string;
  streamId: string | null;
  direction: 'push' | 'pull';
  /** `invalid`, `conflict` (server), `tooLarge` (device), `unreadable` (pulled). */
  code: string;
  /** The server's or validator's words, in English, for the administrator. */
  reason: string;
  /** When this device set it aside (ms). */
  at: number;
  /** The event as it was; for `pull`, as the server sent it (without seq). */
  event: unknown;
}

/** A pulled event whose stamp was more than MAX_DRIFT_MS ahead of this device's clock. */
export interface FlaggedEvent {
  eventId: string;
  streamId: string;
  deviceId: string;
  flag: 'clockAhead';
  /** How far ahead of this device's clock the stamp was when it arrived (ms). */
  aheadMs: number;
  at: number;
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface LastSyncError {
  kind: string;
  message: string;
  at: number;
}

export function rejectedEvents(db: MusterDb): MusterDb['rejected'] {
  return db.rejected;
}

export function flaggedEvents(db: MusterDb): MusterDb['flagged'] {
  return db.flagged;
}

async function setting<T>(db: MusterDb, key: string, isValue: (v: unknown) => v is T): Promise<T | null> {
  const row = await db.settings.get(key);
  return row !== undefined && isValue(row.value) ? row.value : null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOrg = (v: unknown): v is OrgRef =>
  typeof v === 'object' && v !== null && typeof (v as OrgRef).id === 'string' && typeof (v as OrgRef).name === 'string';
const isRole = (v: unknown): v is DeviceRole => typeof v === 'string' && (DEVICE_ROLES as readonly string[]).includes(v);
const isLastError = (v: unknown): v is LastSyncError =>
  typeof v === 'object' && v !== null && typeof (v as LastSyncError).kind === 'string' && typeof (v as LastSyncError).at === 'number';

export function readSyncToken(db: MusterDb): Promise<string | null> {
  return setting(db, SYNC_TOKEN_KEY, isString);
}

/**
 * Stores the device token. A new token may belong to another organisation and have another
 * role, so both are forgotten until the server confirms them; the cursor is kept and reset
 * only if the org differs.
 */
export async function storeSyncToken(db: MusterDb, token: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: SYNC_TOKEN_KEY, value: token });
    await db.settings.put({ key: SYNC_ORG_KEY, value: null });
    await db.settings.put({ key: SYNC_ROLE_KEY, value: null });
  });
}

/**
 * What this device's token may do, as the server last said (whoami, or a publish's answer);
 * null while not enrolled or not yet confirmed. Read offline, so the editor can say before
 * anything is sent whether publishing from here will be allowed.
 */
export async function readDeviceRole(db: MusterDb): Promise<DeviceRole | null> {
  const [token, role] = await Promise.all([readSyncToken(db), setting(db, SYNC_ROLE_KEY, isRole)]);
  return token === null ? null : role;
}

/** Records the role the server gave the current token. */
export async function recordDeviceRole(db: MusterDb, role: DeviceRole): Promise<void> {
  await db.settings.put({ key: SYNC_ROLE_KEY, value: role });
}

export async function readCursor(db: MusterDb): Promise<number> {
  return (await setting(db, SYNC_CURSOR_KEY, isNumber)) ?? 0;
}

/** The epoch of the server database the cursor counts in; null until a pull has said it. */
export function readSyncEpoch(db: MusterDb): Promise<string | null> {
  return setting(db, SYNC_EPOCH_KEY, isString);
}

/** The first epoch this device hears of: the cursor already counts in it. */
export async function recordSyncEpoch(db: MusterDb, epoch: string): Promise<void> {
  await db.settings.put({ key: SYNC_EPOCH_KEY, value: epoch });
}

/**
 * The server's database was restored from a backup (its epoch changed): in one transaction,
 * the cursor goes back to 0 in the new epoch, and every event this device recorded goes back
 * into the outbox (unless waiting there already, or refused by the server before), because the
 * backup may lack records the server had acknowledged — and only their author may send them.
 * The server stores each id once, so resending one it has is a harmless duplicate. Returns
 * the ids put back, so the re-pull can take out those the restored server turns out to have.
 */
export async function startNewEpoch(db: MusterDb, epoch: string, device: string, at: number): Promise<string[]> {
  const rejected = rejectedEvents(db);
  return db.transaction('rw', [db.settings, db.outbox, db.events, rejected], async () => {
    await db.settings.put({ key: SYNC_CURSOR_KEY, value: 0 });
    await db.settings.put({ key: SYNC_EPOCH_KEY, value: epoch });
    // In the order they were recorded (stamp order), as the outbox sends them.
    const own = (await db.events.filter((e) => e.deviceId === device).toArray()).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)).map((e) => e.id);
    const [waiting, refused] = await Promise.all([db.outbox.bulkGet(own), rejected.bulkGet(own)]);
    const back = own.filter((_, i) => waiting[i] === undefined && refused[i] === undefined);
    // Fractions of a millisecond keep that order and stay ahead of anything recorded next.
    await db.outbox.bulkAdd(back.map((eventId, i) => ({ eventId, queuedAt: at + i / back.length, attempts: 0 })));
    return back;
  });
}

/** Events put back by `startNewEpoch` that the restored server turned out to have: nothing to send. */
export async function dropResent(db: MusterDb, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length > 0) await db.outbox.bulkDelete([...eventIds]);
}

export function readSyncOrg(db: MusterDb): Promise<OrgRef | null> {
  return setting(db, SYNC_ORG_KEY, isOrg);
}

/** Records the token's organisation; a different one from the cursor's restarts pulling at 0. */
export async function confirmSyncOrg(db: MusterDb, org: OrgRef): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const cursorOrg = await setting(db, SYNC_CURSOR_ORG_KEY, isString);
    if (cursorOrg !== org.id) {
      await db.settings.put({ key: SYNC_CURSOR_KEY, value: 0 });
      await db.settings.put({ key: SYNC_CURSOR_ORG_KEY, value: org.id });
    }
    await db.settings.put({ key: SYNC_ORG_KEY, value: { id: org.id, name: org.name } });
  });
}

export async function readLastSync(db: MusterDb): Promise<{ lastSuccessAt: number | null; lastError: LastSyncError | null }> {
  return {
    lastSuccessAt: await setting(db, SYNC_LAST_SUCCESS_KEY, isNumber),
    lastError: await setting(db, SYNC_LAST_ERROR_KEY, isLastError),
  };
}

/** Remembers how the last attempt ended, so a reopened app can still say it. */
export async function recordSyncOutcome(db: MusterDb, outcome: { ok: true; at: number } | { ok: false; error: LastSyncError }): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (outcome.ok) {
      await db.settings.put({ key: SYNC_LAST_SUCCESS_KEY, value: outcome.at });
      await db.settings.delete(SYNC_LAST_ERROR_KEY);
    } else {
      await db.settings.put({ key: SYNC_LAST_ERROR_KEY, value: outcome.error });
    }
  });
}

/** The oldest outbox entries, each with its event (undefined if the event row is missing). */
export async function readOutboxBatch(db: MusterDb, limit: number): Promise<{ entry: OutboxEntry; event: MusterEvent | undefined }[]> {
  return db.transaction('r', db.outbox, db.events, async () => {
    const entries = await db.outbox.orderBy('queuedAt').limit(limit).toArray();
    const events = await db.events.bulkGet(entries.map((e) => e.eventId));
    return entries.map((entry, i) => ({ entry, event: events[i] }));
  });
}

export type PushSettlement =
  | { eventId: string; outcome: 'stored' }
  | { eventId: string; outcome: 'missing' }
  | { eventId: string; outcome: 'rejected'; rejection: Omit<RejectedEvent, 'eventId'> };

/**
 * Applies the server's answer to a push in one transaction: stored (accepted or duplicate)
 * and missing events leave the outbox; refused ones move to the rejected list, so one bad
 * event never blocks the rest of the queue. Called only after the reply has arrived.
 */
export async function settlePush(db: MusterDb, settled: readonly PushSettlement[]): Promise<void> {
  if (settled.length === 0) return;
  const rejected = rejectedEvents(db);
  await db.transaction('rw', db.outbox, rejected, async () => {
    await db.outbox.bulkDelete(settled.map((s) => s.eventId));
    const refused = settled.flatMap((s) => (s.outcome === 'rejected' ? [{ eventId: s.eventId, ...s.rejection }] : []));
    if (refused.length > 0) await rejected.bulkPut(refused);
  });
}
