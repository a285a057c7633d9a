import { afterEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../domain/event';
import { formatStamp } from '../domain/hlc';
import { openDb, type MusterDb } from './db';
import { outboxPositionAfter, readHeldRanges, readOutboxBatch, readSyncEpoch, recordSyncEpoch, settlePush, type PushSettlement } from './sync-state';
import { heldEvent } from './packs';

// What a push round reads from the outbox and writes back with the server's answer.

const T0 = Date.UTC(2026, 6, 14, 2, 0);
const RECEIVED = new Date(T0 + 1000).toISOString();
const dbs: MusterDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(): MusterDb {
  const db = openDb(`sync-state-push-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
}

function note(i: number): MusterEvent {
  return {
    id: `ev-${String(i).padStart(3, '0')}`,
    streamId: 'inc-fire-3f',
    deviceId: 'd-warden',
    actor: 'Warden Zhou',
    hlc: formatStamp({ wall: T0 + i, counter: 0, deviceId: 'd-warden' }),
    type: 'note.added',
    payload: { text: `3F east stairs clear (${i})` },
    v: 1,
  };
}

/** Notes in the events and the outbox; `queuedAt(i)` says when each was queued. */
async function queued(db: MusterDb, n: number, queuedAt: (i: number) => number): Promise<MusterEvent[]> {
  const events = Array.from({ length: n }, (_, i) => note(i + 1));
  await db.events.bulkAdd(events);
  await db.outbox.bulkAdd(events.map((e, i) => ({ eventId: e.id, queuedAt: queuedAt(i), attempts: 0 })));
  return events;
}

const stored = (e: MusterEvent, seq: number): PushSettlement => ({
  eventId: e.id,
  outcome: 'stored',
  stored: { seq, event: e, receipt: { receivedAt: RECEIVED, deliveredBy: 'Warden phone' } },
});

describe('reading the outbox on, while what was read before is still on its way', () => {
  it('reads each entry once, even when entries queued in the same millisecond fall on both sides of a batch', async () => {
    const db = device();
    // Five entries queued in one millisecond, then two more.
    await queued(db, 7, (i) => T0 + (i < 5 ? 0 : i));
    const seen: string[] = [];
    let from = undefined as Parameters<typeof outboxPositionAfter>[0];
    for (let batch = await readOutboxBatch(db, 2, from); batch.length > 0; batch = await readOutboxBatch(db, 2, from)) {
      expect(batch.every((b) => b.event?.id === b.entry.eventId)).toBe(true);
      seen.push(...batch.map((b) => b.entry.eventId));
      from = outboxPositionAfter(
        from,
        batch.map((b) => b.entry),
      );
    }
    expect(seen.sort()).toEqual(['ev-001', 'ev-002', 'ev-003', 'ev-004', 'ev-005', 'ev-006', 'ev-007']);
  });
});

describe('entries that carry their event', () => {
  it('reads the event from the entry, and from the events for entries queued before entries carried it', async () => {
    const db = device();
    const events = Array.from({ length: 40 }, (_, i) => note(i + 1));
    await db.events.bulkAdd(events);
    // Odd ones as recorded now (the event kept with its entry), even ones as an older version queued them.
    await db.outbox.bulkAdd(events.map((e, i) => ({ eventId: e.id, queuedAt: T0 + i, attempts: 0, ...(i % 2 === 0 ? {} : { event: e }) })));
    // The entries' own copies are what is sent: a row changed after queueing (its receipt, say) is not read for them.
    await db.events.bulkPut(events.map((e) => ({ ...e, payload: { text: 'the row, not the entry' } })));
    const batch = await readOutboxBatch(db, 40);
    expect(batch.map((b) => b.entry.eventId)).toEqual(events.map((e) => e.id));
    const text = (e: MusterEvent | undefined) => (e?.payload as { text?: string } | undefined)?.text;
    expect(batch.map((b) => text(b.event))).toEqual(events.map((e, i) => (i % 2 === 0 ? 'the row, not the entry' : text(e))));
    // The entry handed on is the bookkeeping only.
    expect(batch.every((b) => !('event' in b.entry))).toBe(true);
  });
});

describe('writing the answer to a push', () => {
  it('clears the outbox, gives each note the receipt a pull would have brought, and holds its seq', async () => {
    const db = device();
    const notes = await queued(db, 3, (i) => T0 + i);
    await settlePush(db, [stored(notes[0]!, 41), stored(notes[1]!, 42), { eventId: notes[2]!.id, outcome: 'stored' }], 'epoch-1');

    expect(await db.outbox.count()).toBe(0);
    expect(await readSyncEpoch(db)).toBe('epoch-1');
    const rows = await Promise.all(notes.map((n) => heldEvent(db, n.id)));
    expect(rows.map((r) => r?.deliveredBy)).toEqual(['Warden phone', 'Warden phone', undefined]);
    // The envelope is as recorded: only the receipt was added.
    expect(rows[0]).toEqual({ ...notes[0], receivedAt: RECEIVED, deliveredBy: 'Warden phone' });
    // A duplicate's receipt is the first push's: it is pulled, so its seq is not held.
    expect(await readHeldRanges(db)).toEqual([[41, 42]]);
  });

  it('keeps no receipt and holds no seq from a server restored from a backup (another epoch): those are pulled back', async () => {
    const db = device();
    await recordSyncEpoch(db, 'epoch-1');
    const notes = await queued(db, 2, (i) => T0 + i);
    await settlePush(db, [stored(notes[0]!, 7), stored(notes[1]!, 8)], 'epoch-2');

    expect(await db.outbox.count()).toBe(0);
    expect((await heldEvent(db, notes[0]!.id))?.receivedAt).toBeUndefined();
    expect(await readHeldRanges(db)).toEqual([]);
    expect(await readSyncEpoch(db)).toBe('epoch-1');
  });

  it('never takes out a note that still waits between the ids of the answered ones', async () => {
    const db = device();
    const notes = await queued(db, 40, (i) => T0 + i);
    // Answered: all but the 10th, whose request failed; its id lies inside the others' key range.
    const answered = notes.filter((_, i) => i !== 9);
    await settlePush(
      db,
      answered.map((n) => ({ eventId: n.id, outcome: 'stored' })),
    );
    expect(await db.outbox.toCollection().primaryKeys()).toEqual(['ev-010']);
  });

  it('reads a batch whose ids lie among others’ records, each with its own event', async () => {
    const db = device();
    const notes = await queued(db, 30, (i) => T0 + i);
    // Others' records with ids between the warden's (pulled meanwhile), never in the outbox.
    await db.events.bulkAdd(notes.map((n) => ({ ...n, id: `${n.id}-other`, deviceId: 'd-other' })));
    const batch = await readOutboxBatch(db, 30);
    expect(batch.map((b) => b.event?.id)).toEqual(notes.map((n) => n.id));
    expect(batch.map((b) => b.event?.deviceId)).toEqual(notes.map(() => 'd-warden'));
  });

  it('moves a refused note to the rejected list and forgets a missing one, in the same write', async () => {
    const db = device();
    const notes = await queued(db, 2, (i) => T0 + i);
    await settlePush(db, [
      {
        eventId: notes[0]!.id,
        outcome: 'rejected',
        rejection: { streamId: 'inc-fire-3f', direction: 'push', code: 'invalid', reason: 'bad', at: T0, event: notes[0] },
      },
      { eventId: notes[1]!.id, outcome: 'missing' },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => r.eventId)).toEqual([notes[0]!.id]);
  });
});
