import { Dexie, type Table } from 'dexie';
import { EVENT_SCHEMA_VERSION, validateEvent, type EventPayloads, type EventType, type MusterEvent } from '../domain/event';
import { createClock, tick, type HlcClock } from '../domain/hlc';
import { uuidv7 } from '../domain/ids';
import { formatIssues } from '../domain/validation';
import type { MusterDb } from './db';
import { pendingReceipts, readIncidentEvents, withPending } from './packs';
import { bumpRevisions } from './streams';

/** What a caller knows when a person taps: the rest (id, stamp, device) is filled in here. */
export interface EventDraft<K extends EventType = EventType> {
  streamId: string;
  actor: string;
  type: K;
  payload: EventPayloads[K];
}

/** A write the device refused because the event is malformed; nothing was stored. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

const DEVICE_KEY = 'deviceId';
/** Where the device's hybrid logical clock is kept in settings (an HlcClock). */
export const CLOCK_KEY = 'clock';

export interface WriteEnv {
  /** Wall time in ms; passed in so tests control it. */
  now: () => number;
  /** Fills the array with random bytes. */
  random: (bytes: Uint8Array) => Uint8Array;
}

export const browserEnv: WriteEnv = {
  now: () => Date.now(),
  random: (bytes) => crypto.getRandomValues(bytes),
};

/** The device's id, made once on first use and kept in settings. */
export async function deviceId(db: MusterDb, env: WriteEnv = browserEnv): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(DEVICE_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = `d-${uuidv7(env.now(), env.random(new Uint8Array(10)))
      .replace(/-/g, '')
      .slice(-16)}`;
    await db.settings.put({ key: DEVICE_KEY, value: id });
    return id;
  });
}

/**
 * Records one event: stamps it with the device clock, then writes the event, its outbox entry
 * and the advanced clock in one IndexedDB transaction, so either all three are stored or none.
 * The returned promise resolves only after the commit; the screen changes after that.
 */
export async function appendEvent<K extends EventType>(db: MusterDb, draft: EventDraft<K>, env: WriteEnv = browserEnv): Promise<MusterEvent> {
  return (await recordEvent(db, draft, env)).event;
}

const deviceIds = new WeakMap<MusterDb, string>();

/**
 * Rows that belong with an event and must be stored with it or not at all (a note's photos,
 * storage/photos.ts): the tables they go to, and the write, run inside the event's transaction
 * once the event is valid. `write` may only touch IndexedDB (no fetch, no other await).
 */
export interface AlongsideWrite {
  readonly tables: readonly Table[];
  write(event: MusterEvent): Promise<unknown>;
}

/** As `appendEvent`, and also says the stream's revision after this write; `alongside` commits with the event. */
export async function recordEvent<K extends EventType>(
  db: MusterDb,
  draft: EventDraft<K>,
  env: WriteEnv = browserEnv,
  alongside?: AlongsideWrite,
): Promise<{ event: MusterEvent; rev: number }> {
  // The device id never changes once made; keeping it saves a transaction on every tap.
  const device = deviceIds.get(db) ?? (await deviceId(db, env));
  deviceIds.set(db, device);
  return db.transaction('rw', [db.events, db.outbox, db.settings, db.streams, ...(alongside?.tables ?? [])], async () => {
    // A tap waits on each round trip to IndexedDB: the two reads are asked for together, then
    // every write at once (a transaction runs its requests in order, and one failing aborts them all).
    const [row, stream] = await Promise.all([db.settings.get(CLOCK_KEY), db.streams.get(draft.streamId)]);
    const clock = isClock(row?.value, device) ? row.value : createClock(device);
    const now = env.now();
    const stamped = tick(clock, now);
    const candidate = {
      id: uuidv7(now, env.random(new Uint8Array(10))),
      streamId: draft.streamId,
      deviceId: device,
      actor: draft.actor,
      hlc: stamped.stamp,
      type: draft.type,
      payload: draft.payload,
      v: EVENT_SCHEMA_VERSION,
    };
    const checked = validateEvent(candidate);
    if (!checked.ok) throw new InvalidEventError(`Event ${draft.type} not recorded: ${formatIssues(checked.issues)}`);
    const { revs, write } = bumpRevisions(db, [draft.streamId], [stream]);
    await Promise.all([
      db.events.add(checked.value),
      db.outbox.add({ eventId: checked.value.id, queuedAt: now, attempts: 0, event: checked.value }),
      alongside?.write(checked.value),
      db.settings.put({ key: CLOCK_KEY, value: stamped.clock }),
      write,
    ]);
    return { event: checked.value, rev: revs.get(draft.streamId) ?? 0 };
  });
}

/** A stream's events in (hlc, id) order, rows and packs. Offline: reads only the device's own copy. */
export async function readStream(db: MusterDb, streamId: string): Promise<MusterEvent[]> {
  return readIncidentEvents(db, streamId);
}

/**
 * A stream's events in (hlc, id) order, handed to `onPage` a page at a time inside one read
 * transaction (one consistent snapshot). The next page is asked for before the current one is
 * handed over, so IndexedDB reads it while the page before is being folded into state, and no
 * single task decodes 100,000 events at once. Resolves with how many events were read.
 */
export async function readStreamPages(db: MusterDb, streamId: string, onPage: (events: readonly MusterEvent[]) => void, pageSize = 5000): Promise<number> {
  return db.transaction('r', db.events, db.packs, db.receipts, async () => {
    if ((await db.packs.where('streamId').equals(streamId).count()) === 0) return readRowPages(db, streamId, onPage, pageSize);
    // Packed (synced) events: read whole, a few packs per request (storage/packs.ts), then handed over in pages.
    const events = await readIncidentEvents(db, streamId);
    for (let start = 0; start < events.length; start += pageSize) onPage(events.slice(start, start + pageSize));
    return events.length;
  });
}

/** `readStreamPages` for a stream held as rows only (nothing of it packed). */
async function readRowPages(db: MusterDb, streamId: string, onPage: (events: readonly MusterEvent[]) => void, pageSize: number): Promise<number> {
  const index = () => db.events.where('[streamId+hlc]');
  return db.transaction('r', db.events, db.receipts, async () => {
    // Rows a push has sent take their receipt from the answer until they are packed (storage/packs.ts).
    const pendingRead = pendingReceipts(db);
    let read = 0;
    let next = index().between([streamId, Dexie.minKey], [streamId, Dexie.maxKey]).limit(pageSize).toArray();
    const pending = await pendingRead;
    // Ids already handed over at the last page's last stamp: the next page starts at that stamp (inclusive), so
    // events sharing a stamp across the page break are neither lost nor handed over twice.
    let atBoundary = new Set<string>();
    for (;;) {
      const rows = await next;
      const last = rows[rows.length - 1];
      if (!last) return read;
      const fresh = rows.filter((e) => !(e.hlc === rows[0]?.hlc && atBoundary.has(e.id)));
      const full = rows.length === pageSize;
      if (full && fresh.length === 0) {
        // A whole page of one stamp (never made by a clock, but cheap to survive): take that stamp whole, go past it.
        const same = await index().equals([streamId, last.hlc]).toArray();
        const rest = same.filter((e) => !atBoundary.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
        next = index().between([streamId, last.hlc], [streamId, Dexie.maxKey], false).limit(pageSize).toArray();
        atBoundary = new Set();
        read += rest.length;
        onPage(withPending(rest, pending));
        continue;
      }
      read += fresh.length;
      if (!full) {
        onPage(withPending(fresh, pending));
        return read;
      }
      next = index().between([streamId, last.hlc], [streamId, Dexie.maxKey], true).limit(pageSize).toArray();
      atBoundary = new Set(rows.filter((e) => e.hlc === last.hlc).map((e) => e.id));
      onPage(withPending(fresh, pending));
    }
  });
}

// The incident list (home, sync's following) lives apart so the home screen does not load the write path.
export { closedStreamIds, listIncidentStreams, openIncidentIds } from './incident-list';

export async function outboxSize(db: MusterDb): Promise<number> {
  return db.outbox.count();
}

export function isClock(v: unknown, device: string): v is HlcClock {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<HlcClock>;
  return c.deviceId === device && typeof c.wall === 'number' && typeof c.counter === 'number';
}
