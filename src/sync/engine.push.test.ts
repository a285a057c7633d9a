import { afterEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../domain/event';
import { formatStamp } from '../domain/hlc';
import type { PushResponse } from '../domain/sync-protocol';
import { openDb, type MusterDb } from '../storage/db';
import { readHeldRanges } from '../storage/sync-state';
import { emptySyncReport as emptyReport, pushOutbox } from './engine';
import { SyncError, type SyncTransport } from './transport';
import { heldEvent } from '../storage/packs';

// The pipelined push: the first request goes alone; once the server has answered, two travel
// while an answer is written; answers are written in the order sent, each with its receipt and
// held seqs; a failed request ends the round with what was stored written and nothing lost.
// The transport answers only when the test says so (no sleeps).

const T0 = Date.UTC(2026, 6, 14, 2, 0);
const RECEIVED = new Date(T0 + 1000).toISOString();
const dbs: MusterDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(name: string): MusterDb {
  const db = openDb(`push-pipeline-${name}-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
}

function note(i: number): MusterEvent {
  return {
    id: `ev-${String(i).padStart(5, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId: 'd-scribe',
    actor: '李记录',
    hlc: formatStamp({ wall: T0 - 60_000 + i, counter: 0, deviceId: 'd-scribe' }),
    type: 'note.added',
    payload: { text: `B1 water ${i} cm` },
    v: 1,
  };
}

/** The scribe's phone recorded `n` notes offline: each in the events and the outbox, as appendEvent writes them. */
async function recordedOffline(db: MusterDb, n: number): Promise<MusterEvent[]> {
  const events = Array.from({ length: n }, (_, i) => note(i + 1));
  await db.events.bulkAdd(events);
  // Two entries share each queuedAt: a batch may end between them.
  await db.outbox.bulkAdd(events.map((e, i) => ({ eventId: e.id, queuedAt: T0 + Math.floor(i / 2), attempts: 0 })));
  return events;
}

interface Sent {
  events: readonly MusterEvent[];
  answer: (seqFrom: number) => void;
  fail: (error: Error) => void;
}

/** A transport whose pushes wait for the test; `log` says in which order requests went and answers came. */
function heldBackTransport(): { transport: SyncTransport; log: string[]; nextSent: () => Promise<Sent> } {
  const sent: Sent[] = [];
  const log: string[] = [];
  let wake: (() => void) | null = null;
  const transport: SyncTransport = {
    push: (events) =>
      new Promise<PushResponse>((answer, fail) => {
        const n = sent.length + 1;
        log.push(`sent ${n}`);
        sent.push({
          events,
          answer: (seqFrom) => {
            log.push(`answered ${n}`);
            answer({
              results: events.map((e, i) => ({ id: e.id, status: 'accepted', seq: seqFrom + i })),
              serverTime: RECEIVED,
              receipt: { receivedAt: RECEIVED, deliveredBy: 'Scribe phone' },
              epoch: 'epoch-1',
            });
          },
          fail: (error) => {
            log.push(`failed ${n}`);
            fail(error);
          },
        });
        wake?.();
      }),
    pull: () => Promise.reject(new Error('no pulls here')),
    whoami: () => Promise.reject(new Error('not asked')),
  };
  let taken = 0;
  const nextSent = async (): Promise<Sent> => {
    while (sent.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
    return sent[taken++]!;
  };
  return { transport, log, nextSent };
}

const env = { now: () => T0 + 2000, random: (b: Uint8Array) => b.fill(7) };
const ids = (events: readonly MusterEvent[]): string[] => events.map((e) => e.id);

describe('the scribe’s phone sends seven notes recorded in the basement, two to a request', () => {
  it('sends the first alone, then keeps two on the way while writing each answer, in order, with its receipt', async () => {
    const db = device('order');
    const notes = await recordedOffline(db, 7);
    const { transport, log, nextSent } = heldBackTransport();
    const report = emptyReport();
    const pushing = pushOutbox({ db, transport, pushBatchSize: 2, ...env }, report);

    const first = await nextSent();
    expect(ids(first.events)).toEqual(['ev-00001', 'ev-00002']);
    first.answer(1);
    // Two on the way at once, before either is answered.
    const second = await nextSent();
    const third = await nextSent();
    expect(ids(second.events)).toEqual(['ev-00003', 'ev-00004']);
    expect(ids(third.events)).toEqual(['ev-00005', 'ev-00006']);
    second.answer(3);
    const fourth = await nextSent();
    expect(ids(fourth.events)).toEqual(['ev-00007']);
    third.answer(5);
    fourth.answer(7);
    await pushing;

    // The first went alone; a third request set off only once an answer had come back.
    expect(log.slice(0, 4)).toEqual(['sent 1', 'answered 1', 'sent 2', 'sent 3']);
    expect(log.indexOf('sent 4')).toBeGreaterThan(log.indexOf('answered 2'));
    expect(report.pushed).toBe(7);
    expect(await db.outbox.count()).toBe(0);
    // Each note holds what a pull would have said of it, and its seq is never pulled back.
    const rows = await Promise.all(ids(notes).map((id) => heldEvent(db, id)));
    expect(rows.map((r) => [r?.receivedAt, r?.deliveredBy])).toEqual(notes.map(() => [RECEIVED, 'Scribe phone']));
    expect(rows.map((r) => r?.payload)).toEqual(notes.map((n) => n.payload));
    expect(await readHeldRanges(db)).toEqual([[1, 7]]);
  });

  it('stops at a request that fails: the answers beside it are written, its notes stay waiting', async () => {
    const db = device('fail');
    await recordedOffline(db, 6);
    const { transport, nextSent } = heldBackTransport();
    const pushing = pushOutbox({ db, transport, pushBatchSize: 2, ...env }, emptyReport());
    (await nextSent()).answer(1);
    const second = await nextSent();
    const third = await nextSent();
    second.fail(new SyncError('offline', 'the signal dropped in the stairwell'));
    third.answer(10);
    await expect(pushing).rejects.toMatchObject({ kind: 'offline' });

    // The second request's notes wait for the next round; nothing was sent after the failure.
    expect((await db.outbox.toCollection().primaryKeys()).sort()).toEqual(['ev-00003', 'ev-00004']);
    expect((await heldEvent(db, 'ev-00005'))?.receivedAt).toBe(RECEIVED);
    expect((await heldEvent(db, 'ev-00003'))?.receivedAt).toBeUndefined();
    expect(await readHeldRanges(db)).toEqual([
      [1, 2],
      [10, 11],
    ]);
  });
});
