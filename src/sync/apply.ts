import { validateEvent } from '../domain/event';
import { takeIn, type HeldEvent, type ServerReceipt } from '../domain/merge-order';
import { createClock, parseStamp, type HlcClock } from '../domain/hlc';
import { formatIssues, isRecord } from '../domain/validation';
import type { MusterDb } from '../storage/db';
import { CLOCK_KEY, isClock } from '../storage/events';
import { addPacks, heldIds, packable, updateReceipts } from '../storage/packs';
import { markStreamsChanged } from '../storage/streams';
import { wantPhotosOf } from '../storage/photos';
import { flaggedEvents, readCursor, rejectedEvents, SYNC_CURSOR_KEY, type FlaggedEvent, type RejectedEvent } from '../storage/sync-state';
import type { PullResponse } from '../domain/sync-protocol';

/** Events added per request batch inside a page's transaction (see applyPulledPage). */
const WRITE_SLICE = 125;

export interface AppliedPage {
  /** Events this device did not have before. */
  readonly added: number;
  /** Of those, how many were stamped too far ahead of this device's clock. */
  readonly flagged: number;
  /** Events this version of the app cannot read, set aside whole. */
  readonly unreadable: number;
  readonly cursor: number;
}

/**
 * Applies one pulled page in one IndexedDB transaction: the new events, the advanced clock,
 * the stream revisions and the cursor commit together or not at all, so a crash or a closed
 * tab never leaves the cursor past an event that was not stored (nor the reverse).
 *
 * Idempotent: events already held are skipped and the cursor only moves forward, so applying
 * the same page twice — a retried pull, or two tabs without Web Locks — changes nothing.
 *
 * The clock: each new event's stamp advances the device clock through `receive`, so what this
 * device records next sorts after what it has seen. A stamp more than MAX_DRIFT_MS ahead of
 * this device's clock is still stored — someone recorded it — but it is flagged and does NOT
 * move the clock at all. Advancing "up to the limit" instead would stamp every later local
 * event up to five minutes in the future, and each device pulling those would inherit the
 * offset: one phone with a wrong clock would skew everyone's timeline.
 */
export async function applyPulledPage(db: MusterDb, page: PullResponse, device: string, now: number): Promise<AppliedPage> {
  // Validation is pure and done before the transaction: nothing but IndexedDB inside it.
  const readable: HeldEvent[] = [];
  const unreadable: RejectedEvent[] = [];
  for (const raw of page.events) {
    const envelope = stripServerFields(raw);
    const checked = validateEvent(envelope);
    if (checked.ok) readable.push({ ...checked.value, ...receiptOf(raw) });
    else {
      const id = isRecord(envelope) && typeof envelope.id === 'string' ? envelope.id : `seq-${String((raw as { seq?: unknown }).seq)}`;
      const streamId = isRecord(envelope) && typeof envelope.streamId === 'string' ? envelope.streamId : null;
      unreadable.push({ eventId: id, streamId, direction: 'pull', code: 'unreadable', reason: formatIssues(checked.issues), at: now, event: envelope });
    }
  }

  const flaggedTable = flaggedEvents(db);
  const rejectedTable = rejectedEvents(db);
  return db.transaction('rw', [db.events, db.packs, db.settings, db.streams, db.photos, flaggedTable, rejectedTable], async () => {
    const cursor = await readCursor(db);

    // Which events are held already (a retried page, a device's own event pulled back): one
    // key-range read per table, not one per event (storage/packs.ts).
    const held = await heldIds(
      db,
      readable.map((e) => e.id),
    );
    const fresh: HeldEvent[] = [];
    const repeated: HeldEvent[] = [];
    const taken = new Set<string>();
    for (const e of readable) {
      if (held.has(e.id)) repeated.push(e);
      else if (!taken.has(e.id)) {
        taken.add(e.id);
        fresh.push(e);
      }
    }
    // An event held already (this device's own, pulled back) takes the server's receipt, so
    // every device orders it the same way (merge-order.ts); its envelope is never changed.
    const receipted = await updateReceipts(db, repeated);
    if (receipted.length > 0) {
      await markStreamsChanged(
        db,
        receipted.map((e) => e.streamId),
      );
    }
    const flagged = await storeFresh(db, fresh, device, now);
    if (unreadable.length > 0) {
      // Kept whole (not lost), shown to the user, and retried after an app update.
      const parked = await rejectedTable.bulkGet(unreadable.map((u) => u.eventId));
      await rejectedTable.bulkPut(unreadable.filter((_, i) => parked[i] === undefined));
    }
    const next = Math.max(cursor, page.next);
    if (next !== cursor) await db.settings.put({ key: SYNC_CURSOR_KEY, value: next });
    return { added: fresh.length, flagged, unreadable: unreadable.length, cursor: next };
  });
}

/**
 * Stores events this device did not hold, inside the caller's transaction (which must include
 * events, packs, settings, streams, photos and flagged): an incident's receipted events go into
 * packs, the rest are rows; each stamp advances the device clock (a far-ahead one is flagged and
 * moves nothing, as `applyPulledPage` says); the streams' revisions move; a note's photos the
 * device lacks are wanted. Returns how many were flagged. The pull and a handover (handover.ts)
 * take events in by this one path.
 */
export async function storeFresh(db: MusterDb, fresh: readonly HeldEvent[], device: string, now: number): Promise<number> {
  if (fresh.length === 0) return 0;
  // An incident's events go into one pack per incident (one request); the rest are rows, added
  // in slices so each task stays short.
  // Only what the server holds (a receipt) is packed: an event received by hand and not pushed yet stays a row until its push is answered.
  const packed = (e: HeldEvent) => e.receivedAt !== undefined && packable(e);
  const rows = fresh.filter((e) => !packed(e));
  for (let start = 0; start < rows.length; start += WRITE_SLICE) await db.events.bulkAdd(rows.slice(start, start + WRITE_SLICE));
  await addPacks(db, fresh.filter(packed));
  const flags: FlaggedEvent[] = [];
  const clockRow = await db.settings.get(CLOCK_KEY);
  let clock: HlcClock = isClock(clockRow?.value, device) ? clockRow.value : createClock(device);
  const before = clock;
  for (const e of fresh) {
    const taken = takeIn(clock, e, now);
    clock = taken.clock;
    if (taken.drift !== null) {
      flags.push({ eventId: e.id, streamId: e.streamId, deviceId: e.deviceId, flag: 'clockAhead', aheadMs: parseStamp(e.hlc).wall - now, at: now });
    }
  }
  if (clock !== before) await db.settings.put({ key: CLOCK_KEY, value: clock });
  if (flags.length > 0) await flaggedEvents(db).bulkPut(flags);
  await markStreamsChanged(
    db,
    fresh.map((e) => e.streamId),
  );
  // A note's photos come apart from it (sync/photos.ts): wanted in this same commit.
  await wantPhotosOf(db, fresh, now);
  return flags.length;
}

/**
 * Pulled events this app could not read before (set aside as `unreadable`) are applied once it
 * can — after an update that knows their type. Returns how many were recovered.
 */
export async function retryUnreadable(db: MusterDb, device: string, now: number): Promise<number> {
  const rejectedTable = rejectedEvents(db);
  const parked = (await rejectedTable.toArray()).filter((r) => r.direction === 'pull');
  const readable = parked.filter((r) => validateEvent(stripServerFields(r.event)).ok);
  if (readable.length === 0) return 0;
  const cursor = await readCursor(db);
  const page: PullResponse = { events: readable.map((r) => r.event as PullResponse['events'][number]), next: cursor, more: false, serverTime: '' };
  await applyPulledPage(db, page, device, now);
  await rejectedTable.bulkDelete(readable.map((r) => r.eventId));
  return readable.length;
}

function stripServerFields(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const { seq: _seq, receivedAt: _receivedAt, deliveredBy: _deliveredBy, ...envelope } = raw;
  return envelope;
}

/** What the server said about a pulled event (when it stored it, which token delivered it), if well formed. */
function receiptOf(raw: unknown): ServerReceipt {
  if (!isRecord(raw)) return {};
  return {
    ...(typeof raw.receivedAt === 'string' ? { receivedAt: raw.receivedAt } : {}),
    ...(typeof raw.deliveredBy === 'string' || raw.deliveredBy === null ? { deliveredBy: raw.deliveredBy } : {}),
  };
}
