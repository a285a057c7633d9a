import { afterEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { formatStamp } from '../../src/domain/hlc';
import type { HeldEvent } from '../../src/domain/merge-order';
import { applyPulledPage } from '../../src/sync/apply';
import { openDb, type MusterDb } from '../../src/storage/db';
import { readStream, readStreamPages, recordEvent } from '../../src/storage/events';
import { allHeldEvents, heldEvent, heldEventCount, heldIds, packable } from '../../src/storage/packs';
import { packPushed, readOutboxBatch, settlePush, startNewEpoch } from '../../src/storage/sync-state';

// Packs: an incident's synced events, many to a row (packs.ts). What a branch's phones must be
// able to count on: every event held once, read back in order, whichever table holds it.

const T0 = Date.UTC(2026, 6, 14, 2, 0);
const RECEIVED = new Date(T0 + 60_000).toISOString();
const INCIDENT = 'inc-flood-b1';
const dbs: MusterDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function device(): MusterDb {
  const db = openDb(`packs-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
}

/** A note from another phone, as the server sends it (with a receipt and seq). */
function pulled(i: number, over: Partial<MusterEvent> = {}): MusterEvent & { seq: number; receivedAt: string; deliveredBy: string } {
  return {
    id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    streamId: INCIDENT,
    deviceId: 'd-commander',
    actor: 'Commander Li',
    hlc: formatStamp({ wall: T0 + i * 10, counter: 0, deviceId: 'd-commander' }),
    type: 'note.added',
    payload: { text: `B1 water ${i} cm` },
    v: 1,
    ...over,
    seq: i,
    receivedAt: RECEIVED,
    deliveredBy: 'Commander phone',
  } as MusterEvent & { seq: number; receivedAt: string; deliveredBy: string };
}

const page = (events: ReturnType<typeof pulled>[], next: number) => ({ events, next, more: false, serverTime: RECEIVED });

describe('which events are packed', () => {
  it("packs an incident's everyday events, and keeps as rows what screens look up by type, photos and other books", () => {
    const base = pulled(1);
    expect(packable(base)).toBe(true);
    expect(packable({ ...base, streamId: 'duty-site-1' })).toBe(false);
    expect(packable({ ...base, streamId: 'round-fire-2026-q3' })).toBe(false);
    expect(packable({ ...base, type: 'incident.declared' } as HeldEvent)).toBe(false);
    expect(packable({ ...base, type: 'closure.approved' } as HeldEvent)).toBe(false);
    expect(
      packable({ ...base, payload: { text: 'B1 photo', photos: [{ hash: 'a'.repeat(64), type: 'image/jpeg', bytes: 10 }] } } as unknown as HeldEvent),
    ).toBe(false);
  });
});

describe('a pulled page', () => {
  it('goes into one pack per incident, and is read back with the rows in (hlc, id) order, each event once', async () => {
    const db = device();
    // Two local taps, recorded before the pull, between pulled events in time.
    const mine = await recordEvent(
      db,
      { streamId: INCIDENT, actor: 'Scribe', type: 'note.added', payload: { text: 'pumps on' } },
      { now: () => T0 + 15, random: (b) => b.fill(7) },
    );
    const other = Array.from({ length: 40 }, (_, i) => pulled(40 - i));
    const declared = pulled(41, {
      type: 'incident.declared',
      payload: { playbookId: 'flood-emergency', playbookVersion: '1.2.0', mode: 'real', title: 'B1 flood', place: 'Branch B1' },
    } as never);
    await applyPulledPage(db, page([...other, declared], 41), 'd-scribe', T0 + 1000);

    expect(await db.packs.count()).toBe(1);
    expect(await db.events.count()).toBe(2); // the local tap, and the declaration (read by type)
    expect(await db.events.where('type').equals('incident.declared').count()).toBe(1);
    const read = await readStream(db, INCIDENT);
    expect(read).toHaveLength(42);
    expect(read.map((e) => e.hlc)).toEqual([...read.map((e) => e.hlc)].sort());
    expect(read.filter((e) => e.id === mine.event.id)).toHaveLength(1);
    expect(read[0]).toMatchObject({ id: pulled(1).id, receivedAt: RECEIVED, deliveredBy: 'Commander phone' });

    const pages: number[] = [];
    expect(await readStreamPages(db, INCIDENT, (p) => pages.push(p.length), 16)).toBe(42);
    expect(pages).toEqual([16, 16, 10]);
  });

  it('stores nothing twice: the same page again, or an event already held as a row or in a pack', async () => {
    const db = device();
    const first = Array.from({ length: 30 }, (_, i) => pulled(i + 1));
    await applyPulledPage(db, page(first, 30), 'd-scribe', T0 + 1000);
    const again = await applyPulledPage(db, page(first, 30), 'd-scribe', T0 + 2000);
    expect(again.added).toBe(0);
    // Overlapping the first page, with the same event twice in it.
    const overlapping = [...first.slice(20), pulled(31), pulled(31), pulled(32)];
    const third = await applyPulledPage(db, page(overlapping, 32), 'd-scribe', T0 + 3000);
    expect(third.added).toBe(2);
    expect(await heldEventCount(db)).toBe(32);
    const ids = (await allHeldEvents(db)).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await heldIds(db, [pulled(5).id, pulled(31).id, 'not-held'])).toEqual(new Set([pulled(5).id, pulled(31).id]));
  });

  it('gives a packed event a new receipt when the server says another (its envelope unchanged)', async () => {
    const db = device();
    const events = Array.from({ length: 20 }, (_, i) => pulled(i + 1));
    await applyPulledPage(db, page(events, 20), 'd-scribe', T0 + 1000);
    const later = new Date(T0 + 120_000).toISOString();
    await applyPulledPage(db, page([{ ...pulled(7), receivedAt: later }], 20), 'd-scribe', T0 + 2000);
    expect(await heldEvent(db, pulled(7).id)).toMatchObject({ receivedAt: later, payload: { text: 'B1 water 7 cm' } });
    expect(await heldEvent(db, pulled(8).id)).toMatchObject({ receivedAt: RECEIVED });
    expect(await heldEventCount(db)).toBe(20);
  });
});

describe('a push the server has stored', () => {
  it("moves the device's own events from their rows into a pack with their receipts, and a server restore sends them again", async () => {
    const db = device();
    const recorded: MusterEvent[] = [];
    let t = T0;
    let n = 0;
    const env = { now: () => (t += 5), random: (b: Uint8Array) => b.fill(++n % 256) };
    for (let i = 0; i < 20; i++)
      recorded.push((await recordEvent(db, { streamId: INCIDENT, actor: 'Scribe', type: 'step.done', payload: { stepId: `s${i}` } }, env)).event);
    const declared = (
      await recordEvent(
        db,
        {
          streamId: INCIDENT,
          actor: 'Scribe',
          type: 'incident.declared',
          payload: { playbookId: 'flood-emergency', playbookVersion: '1.2.0', mode: 'real', title: 'B1 flood', place: 'Branch B1' },
        } as never,
        env,
      )
    ).event;
    const all = [...recorded, declared];
    await settlePush(
      db,
      all.map((e, i) => ({
        eventId: e.id,
        outcome: 'stored',
        stored: { seq: i + 1, event: e, receipt: { receivedAt: RECEIVED, deliveredBy: 'Scribe phone' } },
      })),
      'epoch-1',
    );
    // The push's transaction: out of the outbox, one pending receipt for the incident's events, still rows.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.events.count()).toBe(21);
    expect(await db.packs.count()).toBe(0);
    expect(await db.receipts.count()).toBe(1);
    const seen = async () => {
      const pages: MusterEvent[] = [];
      await readStreamPages(db, INCIDENT, (page) => pages.push(...page), 7);
      const byId = (a: HeldEvent, b: HeldEvent) => (a.id < b.id ? -1 : 1);
      return {
        stream: await readStream(db, INCIDENT),
        pages,
        all: (await allHeldEvents(db)).sort(byId),
        one: await heldEvent(db, recorded[3]!.id),
        declared: await heldEvent(db, declared.id),
      };
    };
    const beforePacking = await seen();
    expect(beforePacking.stream).toHaveLength(21);
    expect((beforePacking.stream as HeldEvent[]).every((e) => e.receivedAt === RECEIVED && e.deliveredBy === 'Scribe phone')).toBe(true);
    expect(beforePacking.pages).toEqual(beforePacking.stream);
    expect(beforePacking.one).toMatchObject({ id: recorded[3]!.id, receivedAt: RECEIVED, deliveredBy: 'Scribe phone' });

    // Packed after the round: the events leave their rows for a pack, and every reader reads the same.
    expect(await packPushed(db)).toBe(20);
    expect(await packPushed(db)).toBeNull();
    expect(await db.events.count()).toBe(1); // the declaration stays a row
    expect(await db.packs.count()).toBe(1);
    expect(await db.receipts.count()).toBe(0);
    expect(await seen()).toEqual(beforePacking);

    // The server is restored from a backup: every event of this device goes back into the outbox, packed or not.
    const back = await startNewEpoch(db, 'epoch-2', recorded[0]!.deviceId, T0 + 10_000);
    expect([...back].sort()).toEqual(all.map((e) => e.id).sort());
    const batch = await readOutboxBatch(db, 100);
    expect(batch.map((b) => b.event?.id).sort()).toEqual(all.map((e) => e.id).sort());
  });
});

describe('a pending receipt', () => {
  /** Ten step changes recorded on this device, pushed and answered (receipts pending, not packed). */
  async function pushedTen(db: MusterDb, epoch: string): Promise<MusterEvent[]> {
    let t = T0;
    let n = 0;
    const env = { now: () => (t += 5), random: (b: Uint8Array) => b.fill(++n % 256) };
    const recorded: MusterEvent[] = [];
    for (let i = 0; i < 10; i++)
      recorded.push((await recordEvent(db, { streamId: INCIDENT, actor: 'Scribe', type: 'step.done', payload: { stepId: `s${i}` } }, env)).event);
    await settlePush(
      db,
      recorded.map((e, i) => ({
        eventId: e.id,
        outcome: 'stored',
        stored: { seq: 100 + i, event: e, receipt: { receivedAt: RECEIVED, deliveredBy: 'Scribe phone' } },
      })),
      epoch,
    );
    return recorded;
  }

  it('is dropped when the server turns out restored from a backup before it was packed: the re-pull brings the new receipts', async () => {
    const db = device();
    const recorded = await pushedTen(db, 'epoch-1');
    expect(await db.receipts.count()).toBe(1);
    await startNewEpoch(db, 'epoch-2', recorded[0]!.deviceId, T0 + 10_000);
    expect(await db.receipts.count()).toBe(0);
    expect(await packPushed(db)).toBeNull();
    const read = (await readStream(db, INCIDENT)) as HeldEvent[];
    expect(read.map((e) => e.id)).toEqual(recorded.map((e) => e.id));
    expect(read.every((e) => e.receivedAt === undefined)).toBe(true);
  });

  it('of another epoch than the cursor is not packed with its events', async () => {
    const db = device();
    await pushedTen(db, 'epoch-1');
    // As if the epoch had changed by another way than startNewEpoch (a receipt is never trusted across databases).
    await db.settings.put({ key: 'sync.epoch', value: 'epoch-9' });
    expect(await packPushed(db)).toBe(0);
    expect(await db.receipts.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    expect(await db.events.count()).toBe(10);
  });

  it('leaves an event the pull brought back meanwhile held once, with its receipt, after packing', async () => {
    const db = device();
    const recorded = await pushedTen(db, 'epoch-1');
    // The server sends three of them back (a pull that did not name them as held): their rows take the receipt the server keeps.
    const back = recorded.slice(0, 3).map((e, i) => ({ ...e, seq: 100 + i, receivedAt: RECEIVED, deliveredBy: 'Scribe phone' }));
    await applyPulledPage(db, page(back, 102), 'd-other', T0 + 20_000);
    expect(await packPushed(db)).toBe(10);
    expect(await heldEventCount(db)).toBe(10);
    const read = (await readStream(db, INCIDENT)) as HeldEvent[];
    expect(read.map((e) => e.id)).toEqual(recorded.map((e) => e.id));
    expect(read.every((e) => e.receivedAt === RECEIVED && e.deliveredBy === 'Scribe phone')).toBe(true);
  });
});
