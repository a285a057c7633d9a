import { afterEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../domain/event';
import { formatStamp } from '../domain/hlc';
import type { PullResponse } from '../domain/sync-protocol';
import { openDb, type MusterDb } from '../storage/db';
import { readCursor } from '../storage/sync-state';
import { emptySyncReport as emptyReport, pullNew, type PullProgress } from './engine';
import type { PullOptions, SyncTransport } from './transport';
import { allHeldEvents, heldEventCount } from '../storage/packs';

// The pipelined pull: the next page is asked for while this one is written, yet pages are
// written in order, each with its own cursor, and a failed write stops the pipeline with
// nothing lost. The transport answers only when the test says so (no sleeps).

const T0 = Date.UTC(2026, 6, 14, 2, 0);
const dbs: MusterDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function event(seq: number): PullResponse['events'][number] {
  const e: MusterEvent = {
    id: `ev-${String(seq).padStart(5, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId: 'd-other',
    actor: '王值班',
    hlc: formatStamp({ wall: T0 - 60_000 + seq, counter: 0, deviceId: 'd-other' }),
    type: 'note.added',
    payload: { text: `Water ${seq} cm` },
    v: 1,
  };
  return { ...e, seq, receivedAt: new Date(T0).toISOString(), deliveredBy: 'other phone' };
}

/** Pages of `size` over seqs 1..total, as the server would cut them. */
function pageAfter(after: number, size: number, total: number): PullResponse {
  const events = Array.from({ length: Math.max(0, Math.min(size, total - after)) }, (_, i) => event(after + i + 1));
  const next = events[events.length - 1]?.seq ?? after;
  return { events, next, more: next < total, serverTime: new Date(T0).toISOString(), epoch: 'epoch-1', remaining: Math.max(0, total - next) };
}

interface Asked {
  after: number;
  options: PullOptions | undefined;
  answer: (page: PullResponse) => void;
  fail: (error: Error) => void;
}

/** A transport whose pulls wait until the test answers them. */
function heldBackTransport(): { transport: SyncTransport; asked: Asked[]; nextAsk: () => Promise<Asked> } {
  const asked: Asked[] = [];
  let wake: (() => void) | null = null;
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('no pushes here')),
    whoami: () => Promise.reject(new Error('not asked')),
    pull: (after, _limit, _following, options) =>
      new Promise<PullResponse>((answer, fail) => {
        asked.push({ after, options, answer, fail });
        wake?.();
      }),
  };
  let taken = 0;
  const nextAsk = async (): Promise<Asked> => {
    while (asked.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
    return asked[taken++]!;
  };
  return { transport, asked, nextAsk };
}

function device(name: string): MusterDb {
  const db = openDb(`pull-pipeline-${name}-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
}

const env = { now: () => T0, random: (b: Uint8Array) => b.fill(7) };

describe('a new phone pulls three pages of the branch’s records', () => {
  it('asks for the next page while writing this one, writes pages in order, and its cursor never passes what is written', async () => {
    const db = device('order');
    const { transport, nextAsk, asked } = heldBackTransport();
    const progress: PullProgress[] = [];
    const cursorsSeenAtAsk: number[] = [];
    const pulling = pullNew(
      {
        db,
        transport,
        pullLimit: 2,
        ...env,
        onPullProgress: (p) => progress.push(p),
        yieldBetweenPages: async () => {
          // Between pages: everything written so far is in the database, nothing more.
          const cursor = await readCursor(db);
          expect(await heldEventCount(db)).toBe(cursor);
        },
      },
      emptyReport(),
    );
    const first = await nextAsk();
    expect(first.after).toBe(0);
    expect(first.options?.count).toBe(true);
    first.answer(pageAfter(0, 2, 5));
    // The second page is asked for before the first is written (or at the latest while it is).
    const second = await nextAsk();
    expect(second.after).toBe(2);
    cursorsSeenAtAsk.push(await readCursor(db));
    second.answer(pageAfter(2, 2, 5));
    const third = await nextAsk();
    expect(third.after).toBe(4);
    // At most one page ahead: the third is asked only once the first is written.
    expect(await readCursor(db)).toBeGreaterThanOrEqual(2);
    third.answer(pageAfter(4, 2, 5));
    await pulling;

    expect(asked.map((a) => a.after)).toEqual([0, 2, 4]);
    expect(cursorsSeenAtAsk[0]).toBeLessThanOrEqual(2);
    expect(await readCursor(db)).toBe(5);
    const ids = (await allHeldEvents(db)).map((e) => e.id).sort();
    expect(ids).toEqual(['ev-00001', 'ev-00002', 'ev-00003', 'ev-00004', 'ev-00005']);
    expect(progress).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it('stops at a page that cannot be written: the pages before it stay, its cursor does not move, and the next round fetches it again', async () => {
    const db = device('fail');
    const { transport, nextAsk } = heldBackTransport();
    let pagesWritten = 0;
    const pulling = pullNew(
      {
        db,
        transport,
        pullLimit: 2,
        ...env,
        yieldBetweenPages: () => {
          pagesWritten++;
          // The second page's write will fail: the database is closed under it, as a closed tab would.
          if (pagesWritten === 1) db.close();
          return Promise.resolve();
        },
      },
      emptyReport(),
    );
    (await nextAsk()).answer(pageAfter(0, 2, 6));
    (await nextAsk()).answer(pageAfter(2, 2, 6));
    const third = await nextAsk();
    await expect(pulling).rejects.toThrow();
    // The page asked ahead fails later: it must not surface as an unhandled rejection.
    third.fail(new Error('the connection dropped'));

    await db.open();
    expect(await readCursor(db)).toBe(2);
    expect((await allHeldEvents(db)).map((e) => e.id).sort()).toEqual(['ev-00001', 'ev-00002']);

    // The next round starts from the written cursor and ends with every event once.
    const again = heldBackTransport();
    const round = pullNew({ db, transport: again.transport, pullLimit: 10, ...env }, emptyReport());
    const ask = await again.nextAsk();
    expect(ask.after).toBe(2);
    ask.answer(pageAfter(2, 10, 6));
    await round;
    expect(await heldEventCount(db)).toBe(6);
    expect(await readCursor(db)).toBe(6);
  });

  it('writes a page holding events it already has without doubling them, in one transaction per page', async () => {
    const db = device('again');
    const first = heldBackTransport();
    const one = pullNew({ db, transport: first.transport, pullLimit: 10, ...env }, emptyReport());
    (await first.nextAsk()).answer(pageAfter(0, 3, 3));
    await one;
    // The same events again (a server restored that sends them once more), and two new ones.
    await db.settings.put({ key: 'sync.cursor', value: 0 });
    const second = heldBackTransport();
    const report = emptyReport();
    const two = pullNew({ db, transport: second.transport, pullLimit: 10, ...env }, report);
    (await second.nextAsk()).answer(pageAfter(0, 5, 5));
    await two;
    expect(report.pulled).toBe(2);
    expect(await heldEventCount(db)).toBe(5);
    expect(await readCursor(db)).toBe(5);
  });
});
