import { Dexie } from 'dexie';
import { compareEvents } from '../domain/event-order';
import type { HeldEvent, ServerReceipt } from '../domain/merge-order';
import { photoRefsOf } from '../domain/photo-refs';
import type { MusterDb } from './db';
import { keySpan } from './key-span';

/*
 * Packs: many events of one incident in one IndexedDB row (schema version 6).
 *
 * Why: in Chromium each IndexedDB row costs about 0.15 ms to write and 0.03 ms to read,
 * whatever its size, so 10,000 events written one row each take 1.5 s or more; the same events
 * in ten rows take about 0.25 s. A pulled page, or a pushed batch once the server has it, is
 * written as one pack per incident.
 *
 * What is packed, and what is not: only events of incident streams (`inc-…`) that no screen looks
 * up by type. The incident's declaration and closure approval (the home screen's list reads
 * them by the `type` index), and any event naming photos (the photo sync looks through those),
 * stay rows of the `events` table, as does every event of a duty log, a round, a campaign, the
 * roster or the calendar (read by type or by stream-id prefix), and everything this device
 * records until the server has it. So the `type` and `[streamId+hlc]` indexes of `events` still
 * answer every question they answered before, except "the events of one incident": that is read
 * here, from both tables (`readIncidentEvents`).
 *
 * A pack's events are in (hlc, id) order; `ids` (a multi-entry index) says which pack holds an
 * event, so a pull never stores one twice.
 */

export interface EventPack {
  /** Auto-increment key. */
  key?: number;
  streamId: string;
  /** The ids of `events`, indexed (multi-entry). */
  ids: string[];
  events: HeldEvent[];
}

/**
 * A push's answer for events that are still rows (schema version 7). Giving each pushed event its
 * receipt and moving it into a pack was half of a push's time (10,000 events: about 0.7 s of
 * IndexedDB work in the push's transactions); so the push writes this one row in the transaction
 * that takes its events out of the outbox, and packs them after the round (sync-state.ts
 * `packPushed`). Until then every reader here gives those rows the receipt (`withPending`), so
 * nothing reads differently before and after packing.
 */
export interface PendingReceipt {
  /** Auto-increment key: the order answers were written in. */
  key?: number;
  /** The server database the receipt counts in (sync-state.ts): one from another is dropped. */
  epoch: string;
  receivedAt: string;
  deliveredBy: string | null;
  /** Its events, packable, held as rows of `events` when it was written. */
  ids: string[];
}

/** Receipts waiting to be packed, by event id, inside the caller's transaction (the table is empty but just after a push). */
export async function pendingReceipts(db: MusterDb): Promise<Map<string, Required<ServerReceipt>>> {
  const out = new Map<string, Required<ServerReceipt>>();
  for (const r of await db.receipts.toArray()) for (const id of r.ids) out.set(id, { receivedAt: r.receivedAt, deliveredBy: r.deliveredBy });
  return out;
}

/** Rows of `events` with the receipts waiting for them (packed events have theirs already). */
export function withPending(rows: HeldEvent[], pending: ReadonlyMap<string, Required<ServerReceipt>>): HeldEvent[] {
  if (pending.size === 0) return rows;
  return rows.map((e) => {
    const receipt = pending.get(e.id);
    return receipt === undefined ? e : { ...e, ...receipt };
  });
}

/** Incident streams: the only ones whose events are packed. */
const INCIDENT_STREAM_PREFIX = 'inc-';

/** Types some screen reads through the `type` index of `events`: never packed. */
const ROW_TYPES: ReadonlySet<string> = new Set(['incident.declared', 'closure.approved']);

/** Whether an event that the server has may go into a pack (see above); otherwise it stays a row. */
export function packable(e: HeldEvent): boolean {
  return e.streamId.startsWith(INCIDENT_STREAM_PREFIX) && !ROW_TYPES.has(e.type) && photoRefsOf(e).length === 0;
}

/** Adds `events` (none held yet, all packable) as one pack per stream, inside the caller's transaction. */
export async function addPacks(db: MusterDb, events: readonly HeldEvent[]): Promise<void> {
  if (events.length === 0) return;
  const byStream = new Map<string, HeldEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId);
    if (list) list.push(e);
    else byStream.set(e.streamId, [e]);
  }
  const packs = [...byStream].map(([streamId, list]): EventPack => {
    const sorted = list.sort(compareEvents);
    return { streamId, ids: sorted.map((e) => e.id), events: sorted };
  });
  await db.packs.bulkAdd(packs);
}

/**
 * Which of `ids` this device holds, as a row or in a pack, inside the caller's transaction.
 * The ids devices make are time-ordered (UUIDv7), so a page's ids span a short key range: one
 * request per table answers for the lot, reading only ids held in that range.
 */
export async function heldIds(db: MusterDb, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const wanted = new Set(ids);
  const span = keySpan(ids);
  const [rowKeys, packed] = await Promise.all([
    span === null
      ? db.events.bulkGet([...ids]).then((rows) => rows.flatMap((r) => (r ? [r.id] : [])))
      : db.events.where(':id').between(span[0], span[1], true, true).primaryKeys(),
    packedIds(db, ids),
  ]);
  const held = new Set(packed);
  for (const k of rowKeys) if (wanted.has(k)) held.add(k);
  return held;
}

/** Which of `ids` are held in packs, inside the caller's transaction: one request (a key range from RANGE_FROM ids, storage/key-span.ts). */
export async function packedIds(db: MusterDb, ids: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  if (ids.length === 0) return held;
  const wanted = new Set(ids);
  const span = keySpan(ids);
  if (span === null) {
    const packs = await db.packs
      .where('ids')
      .anyOf([...ids])
      .toArray();
    for (const p of packs) for (const id of p.ids) if (wanted.has(id)) held.add(id);
    return held;
  }
  const keys = await db.packs.where('ids').between(span[0], span[1], true, true).keys();
  for (const k of keys) if (typeof k === 'string' && wanted.has(k)) held.add(k);
  return held;
}

/**
 * Gives held events a new server receipt where it differs (an event pulled back, or pushed again
 * after a restore), in rows and in packs alike, inside the caller's transaction. Returns the
 * events whose receipt changed.
 */
export async function updateReceipts(db: MusterDb, events: readonly HeldEvent[]): Promise<HeldEvent[]> {
  if (events.length === 0) return [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const differs = (h: HeldEvent, e: HeldEvent) => h.receivedAt !== e.receivedAt || h.deliveredBy !== e.deliveredBy;
  const withReceipt = (h: HeldEvent, e: HeldEvent): HeldEvent => ({
    ...h,
    ...(e.receivedAt !== undefined ? { receivedAt: e.receivedAt } : {}),
    ...(e.deliveredBy !== undefined ? { deliveredBy: e.deliveredBy } : {}),
  });
  const changed: HeldEvent[] = [];
  const rows = await db.events.bulkGet([...byId.keys()]);
  const rewritten = rows.flatMap((h) => {
    const e = h && byId.get(h.id);
    if (!h || !e || !differs(h, e)) return [];
    changed.push(e);
    return [withReceipt(h, e)];
  });
  if (rewritten.length > 0) await db.events.bulkPut(rewritten);
  const packs = await db.packs
    .where('ids')
    .anyOf([...byId.keys()])
    .distinct()
    .toArray();
  for (const pack of packs) {
    let touched = false;
    const next = pack.events.map((h) => {
      const e = byId.get(h.id);
      if (!e || !differs(h, e)) return h;
      touched = true;
      changed.push(e);
      return withReceipt(h, e);
    });
    if (touched) await db.packs.put({ ...pack, events: next });
  }
  return changed;
}

/** Packs read per request while a stream is read: each request's decoding stays a short task. */
const PACKS_PER_READ = 4;

/**
 * Every event of one stream this device holds, rows and packs, in (hlc, id) order, each once;
 * inside one read transaction of the caller (or its own).
 */
export async function readIncidentEvents(db: MusterDb, streamId: string): Promise<HeldEvent[]> {
  return db.transaction('r', db.events, db.packs, db.receipts, async () => {
    const [stored, keys, pending] = await Promise.all([
      db.events.where('[streamId+hlc]').between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).toArray(),
      db.packs.where('streamId').equals(streamId).primaryKeys(),
      pendingReceipts(db),
    ]);
    const rows = withPending(stored, pending);
    // All asked for at once (no wait for each answer before the next request), each answer decoded in its own task.
    const slices: (typeof keys)[] = [];
    for (let start = 0; start < keys.length; start += PACKS_PER_READ) slices.push(keys.slice(start, start + PACKS_PER_READ));
    const answers = await Promise.all(slices.map((slice) => db.packs.bulkGet(slice)));
    const parts: HeldEvent[][] = [rows];
    for (const answer of answers) for (const pack of answer) if (pack) parts.push(pack.events);
    // Each part is already in order: the sort merges sorted runs (close to linear), then repeats are dropped.
    const all = parts.flat().sort(compareEvents);
    const out: HeldEvent[] = [];
    for (const e of all) if (out[out.length - 1]?.id !== e.id) out.push(e);
    return out;
  });
}

/** Every event of `device` this device holds, rows and packs (a full scan: only after a server restore, which drops pending receipts). */
export async function eventsOfDevice(db: MusterDb, device: string): Promise<HeldEvent[]> {
  const rows = await db.events.filter((e) => e.deviceId === device).toArray();
  const packed: HeldEvent[] = [];
  await db.packs.each((p) => {
    for (const e of p.events) if (e.deviceId === device) packed.push(e);
  });
  return [...rows, ...packed];
}

/** The events of `ids` found in packs (for ids not held as rows: rare), by id. */
export async function packedEventsByIds(db: MusterDb, ids: readonly string[]): Promise<Map<string, HeldEvent>> {
  const out = new Map<string, HeldEvent>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  for (const p of await db.packs
    .where('ids')
    .anyOf([...ids])
    .distinct()
    .toArray())
    for (const e of p.events) if (wanted.has(e.id)) out.set(e.id, e);
  return out;
}

/** Every event this device holds, rows and packs, in no particular order. */
export async function allHeldEvents(db: MusterDb): Promise<HeldEvent[]> {
  return db.transaction('r', db.events, db.packs, db.receipts, async () => {
    const [rows, packs, pending] = await Promise.all([db.events.toArray(), db.packs.toArray(), pendingReceipts(db)]);
    return [...withPending(rows, pending), ...packs.flatMap((p) => p.events)];
  });
}

/** How many events this device holds, rows and packs. */
export async function heldEventCount(db: MusterDb): Promise<number> {
  return db.transaction('r', db.events, db.packs, async () => {
    let packed = 0;
    await db.packs.each((p) => {
      packed += p.ids.length;
    });
    return (await db.events.count()) + packed;
  });
}

/** One held event by id, a row or in a pack. */
export async function heldEvent(db: MusterDb, id: string): Promise<HeldEvent | undefined> {
  return db.transaction('r', db.events, db.packs, db.receipts, async () => {
    const [row, pending] = await Promise.all([db.events.get(id), pendingReceipts(db)]);
    return row !== undefined ? withPending([row], pending)[0] : (await packedEventsByIds(db, [id])).get(id);
  });
}
