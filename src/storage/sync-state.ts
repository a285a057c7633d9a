import type { MusterEvent } from '../domain/event';
import type { HeldEvent, ServerReceipt } from '../domain/merge-order';
import { DEVICE_ROLES, type DeviceRole } from '../domain/playbook-publish';
import { addHeldSeqs, type SeqRange } from '../domain/sync-protocol';
import type { MusterDb, OutboxEntry } from './db';
import { deleteIds, keySpan, spanHoldingOnly } from './key-span';
import { addPacks, eventsOfDevice, packable, packedEventsByIds, type PendingReceipt } from './packs';
import { bumpRevisions } from './streams';

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
/**
 * Seqs past the cursor this device holds because it pushed them (`{ epoch, ranges }`): named
 * in pulls so the server never sends them back (sync-protocol.ts, HELD_PARAM). Tied to the
 * epoch, and forgotten with the cursor when the organisation changes.
 */
const SYNC_HELD_KEY = 'sync.held';
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
  return db.transaction('rw', [db.settings, db.outbox, db.events, db.packs, db.receipts, rejected], async () => {
    await db.settings.put({ key: SYNC_CURSOR_KEY, value: 0 });
    await db.settings.put({ key: SYNC_EPOCH_KEY, value: epoch });
    await db.settings.delete(SYNC_HELD_KEY);
    // Receipts of the old database not packed yet are dropped: the re-pull brings the new one's.
    await db.receipts.clear();
    // In the order they were recorded (stamp order), as the outbox sends them.
    const own = (await eventsOfDevice(db, device)).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)).map((e) => e.id);
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
      await db.settings.delete(SYNC_HELD_KEY);
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

/**
 * Where a push round has read the outbox up to: the last entry's `queuedAt` and the ids taken at
 * exactly that time (several entries can share one). A round reads on from here while what it
 * read before is still being sent, so nothing is read twice.
 */
export interface OutboxPosition {
  readonly queuedAt: number;
  readonly eventIds: ReadonlySet<string>;
}

/**
 * The oldest outbox entries (after `from`, when given), each with its event (undefined if the
 * event row is missing). One read transaction: the outbox's index, then by key the events of
 * entries that do not carry theirs.
 * An entry queued meanwhile with an earlier time than `from` (the wall clock was set back) is
 * left for the next round, which reads from the start.
 */
export async function readOutboxBatch(db: MusterDb, limit: number, from?: OutboxPosition): Promise<{ entry: OutboxEntry; event: MusterEvent | undefined }[]> {
  return db.transaction('r', db.outbox, db.events, db.packs, async () => {
    const read =
      from === undefined
        ? await db.outbox.orderBy('queuedAt').limit(limit).toArray()
        : (
            await db.outbox
              .where('queuedAt')
              .aboveOrEqual(from.queuedAt)
              .limit(limit + from.eventIds.size)
              .toArray()
          )
            .filter((e) => !from.eventIds.has(e.eventId))
            .slice(0, limit);
    // An entry carries its event when it was recorded (db.ts); the others are read from the events.
    const without = read.filter((e) => e.event === undefined).map((e) => e.eventId);
    const found = without.length === 0 ? [] : await eventsByIds(db, without);
    const byId = new Map(without.map((id, i) => [id, found[i]]));
    return read.map(({ event, ...entry }) => ({ entry, event: event ?? byId.get(entry.eventId) }));
  });
}

/**
 * The events of `ids`, in that order. The ids a device makes are time-ordered (UUIDv7), so a
 * batch of its outbox usually spans a short key range: it is read in one request, and used when
 * it holds at most twice the batch (others' events recorded meanwhile lie between); otherwise
 * one read per id, as before.
 */
async function eventsByIds(db: MusterDb, ids: readonly string[]): Promise<(HeldEvent | undefined)[]> {
  const found = await rowsByIds(db, ids);
  // Put back in the outbox after a server restore, an event may be packed already (storage/packs.ts).
  const missing = ids.filter((_, i) => found[i] === undefined);
  if (missing.length === 0) return found;
  const packed = await packedEventsByIds(db, missing);
  return found.map((e, i) => e ?? packed.get(ids[i]!));
}

async function rowsByIds(db: MusterDb, ids: readonly string[]): Promise<(HeldEvent | undefined)[]> {
  const span = keySpan(ids);
  if (span === null) return db.events.bulkGet([...ids]);
  const rows = await db.events
    .where(':id')
    .between(span[0], span[1], true, true)
    .limit(ids.length * 2 + 1)
    .toArray();
  if (rows.length > ids.length * 2) return db.events.bulkGet([...ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

/** The position after `entries` (read in `queuedAt` order from `from`): where the next read starts. */
export function outboxPositionAfter(from: OutboxPosition | undefined, entries: readonly OutboxEntry[]): OutboxPosition | undefined {
  const last = entries[entries.length - 1];
  if (last === undefined) return from;
  const at = entries.filter((e) => e.queuedAt === last.queuedAt).map((e) => e.eventId);
  return { queuedAt: last.queuedAt, eventIds: new Set(from?.queuedAt === last.queuedAt ? [...from.eventIds, ...at] : at) };
}

/**
 * The seqs past the cursor this device holds (its own pushed events), when they count in the
 * epoch the cursor counts in; none otherwise. What a pull names in `held`.
 */
export async function readHeldRanges(db: MusterDb): Promise<SeqRange[]> {
  return db.transaction('r', db.settings, async () => {
    const [row, epoch, cursor] = await Promise.all([db.settings.get(SYNC_HELD_KEY), readSyncEpoch(db), readCursor(db)]);
    const held = row?.value as { epoch?: unknown; ranges?: unknown } | undefined;
    if (epoch === null || held?.epoch !== epoch || !Array.isArray(held.ranges)) return [];
    return addHeldSeqs(held.ranges as SeqRange[], [], cursor);
  });
}

/** A pushed event the server stored now: its seq, and the receipt a pull would have brought. */
export interface PushReceipt {
  readonly seq: number;
  /** The event as pushed (its envelope): written back with the receipt, with no read first. */
  readonly event: MusterEvent;
  readonly receipt: Required<ServerReceipt>;
}

export type PushSettlement =
  | { eventId: string; outcome: 'stored'; stored?: PushReceipt }
  | { eventId: string; outcome: 'missing' }
  | { eventId: string; outcome: 'rejected'; rejection: Omit<RejectedEvent, 'eventId'> };

/** Rows written per request batch inside a settle's transaction: no task makes thousands of requests at once. */
const SETTLE_SLICE = 100;

/**
 * Applies the server's answer to a push in one transaction: stored (accepted or duplicate)
 * and missing events leave the outbox; refused ones move to the rejected list, so one bad
 * event never blocks the rest of the queue. Called only after the reply has arrived.
 *
 * Events stored with a receipt (`epoch`: the server database the seqs count in) take it now, as
 * a pull would have given it, and their seqs join the held ranges, so pulls skip them; only
 * when the epoch is the cursor's (or the cursor has none yet, at 0), else they are pulled back
 * as before. The same commit: the held ranges never name an event this device lacks. An
 * incident's events get it as one pending receipt per answer, and are packed after the round
 * (`packPushed`; storage/packs.ts); the others are rewritten whole from the pushed envelopes
 * (events are append-only: only the receipt a pull brings changes a row, and no pull runs while
 * a push is settled), in slices.
 */
export async function settlePush(db: MusterDb, settled: readonly PushSettlement[], epoch?: string): Promise<void> {
  if (settled.length === 0) return;
  const rejected = rejectedEvents(db);
  const receipts = epoch === undefined ? [] : settled.flatMap((s) => (s.outcome === 'stored' && s.stored !== undefined ? [s.stored] : []));
  const tables = receipts.length > 0 ? [db.outbox, rejected, db.events, db.receipts, db.settings, db.streams] : [db.outbox, rejected];
  const ids = settled.map((s) => s.eventId);
  const refused = settled.flatMap((s) => (s.outcome === 'rejected' ? [{ eventId: s.eventId, ...s.rejection }] : []));
  const held = receipts.map((r): HeldEvent => ({ ...r.event, ...r.receipt }));
  const kept = held.filter((e) => !packable(e));
  const streamIds = [...new Set(receipts.map((r) => r.event.streamId))];
  await db.transaction('rw', tables, async () => {
    // Every read this write depends on, asked for at once; then every write at once. A transaction
    // runs its requests in order and a failing one aborts them all, and each wait for IndexedDB's
    // answer costs a round trip: this way a settle waits twice, not a dozen times.
    const [known, cursor, row, outboxSpan, streamRows] = await Promise.all([
      receipts.length > 0 ? readSyncEpoch(db) : null,
      receipts.length > 0 ? readCursor(db) : 0,
      receipts.length > 0 ? db.settings.get(SYNC_HELD_KEY) : undefined,
      spanHoldingOnly(db.outbox, ids),
      receipts.length > 0 ? db.streams.bulkGet(streamIds) : [],
    ]);
    const writes: Promise<unknown>[] = [deleteIds(db.outbox, ids, outboxSpan, SETTLE_SLICE)];
    if (refused.length > 0) writes.push(rejected.bulkPut(refused));
    // Receipts from another epoch than the cursor's (a server restored from a backup) are not kept: those events are pulled back.
    if (receipts.length > 0 && epoch !== undefined && (known === epoch || (known === null && cursor === 0))) {
      if (known === null) writes.push(db.settings.put({ key: SYNC_EPOCH_KEY, value: epoch }));
      writes.push(inSlices(kept, (slice) => db.events.bulkPut(slice)));
      const pending = pendingFor(
        epoch,
        receipts.filter((r) => packable(r.event)),
      );
      if (pending.length > 0) writes.push(db.receipts.bulkAdd(pending));
      writes.push(bumpRevisions(db, streamIds, streamRows).write);
      const heldRanges = row?.value as { epoch?: unknown; ranges?: unknown } | undefined;
      const before = heldRanges?.epoch === epoch && Array.isArray(heldRanges.ranges) ? (heldRanges.ranges as SeqRange[]) : [];
      const ranges = addHeldSeqs(
        before,
        receipts.map((r) => r.seq),
        cursor,
      );
      writes.push(db.settings.put({ key: SYNC_HELD_KEY, value: { epoch, ranges } }));
    }
    await Promise.all(writes);
  });
}

/** One pending receipt per distinct receipt among `receipts` (one answer has one). */
function pendingFor(epoch: string, receipts: readonly PushReceipt[]): PendingReceipt[] {
  const byReceipt = new Map<string, PendingReceipt>();
  for (const { event, receipt } of receipts) {
    const key = JSON.stringify([receipt.receivedAt, receipt.deliveredBy]);
    const found = byReceipt.get(key);
    if (found) found.ids.push(event.id);
    else byReceipt.set(key, { epoch, receivedAt: receipt.receivedAt, deliveredBy: receipt.deliveredBy, ids: [event.id] });
  }
  return [...byReceipt.values()];
}

/**
 * Packs the events of the oldest pending receipt (`settlePush`) in one transaction: their rows
 * leave `events` for a pack, each with the receipt, as a pull stores an incident's events (an
 * event no longer a row, pulled or packed meanwhile, is left as it is). A receipt of another
 * epoch than the cursor's is dropped. Returns how many events were packed, or null when no
 * receipt waits.
 */
export async function packPushed(db: MusterDb): Promise<number | null> {
  return db.transaction('rw', [db.receipts, db.events, db.packs, db.settings], async () => {
    const pending = await db.receipts.orderBy(':id').first();
    if (pending?.key === undefined) return null;
    const [epoch, rows] = await Promise.all([readSyncEpoch(db), rowsByIds(db, pending.ids)]);
    if (epoch !== pending.epoch) {
      await db.receipts.delete(pending.key);
      return 0;
    }
    const receipt = { receivedAt: pending.receivedAt, deliveredBy: pending.deliveredBy };
    const found = rows.flatMap((e) => (e === undefined ? [] : [{ ...e, ...receipt }]));
    const packed = found.filter(packable);
    const packedIdList = packed.map((e) => e.id);
    const span = await spanHoldingOnly(db.events, packedIdList);
    await Promise.all([
      deleteIds(db.events, packedIdList, span, SETTLE_SLICE),
      addPacks(db, packed),
      // Not packable (never written so, but cheap to survive): the row takes its receipt in place.
      inSlices(
        found.filter((e) => !packable(e)),
        (slice) => db.events.bulkPut(slice),
      ),
      db.receipts.delete(pending.key),
    ]);
    return packed.length;
  });
}

/** Writes `rows` a slice at a time (SETTLE_SLICE), each slice's request made once the one before is answered. */
async function inSlices<T>(rows: readonly T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += SETTLE_SLICE) await write(rows.slice(start, start + SETTLE_SLICE));
}
