import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { MAX_DRIFT_MS, parseStamp } from '../../src/domain/hlc';
import { reduceIncident } from '../../src/domain/incident';
import { CLOCK_KEY } from '../../src/storage/events';
import { streamRev } from '../../src/storage/streams';
import { flaggedEvents, readCursor, rejectedEvents } from '../../src/storage/sync-state';
import { applyPulledPage, retryUnreadable } from '../../src/sync/apply';
import { syncOnce } from '../../src/sync/engine';
import type { PullResponse } from '../../src/domain/sync-protocol';
import { SyncError, type SyncTransport } from '../../src/sync/transport';
import { removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';
import { allHeldEvents, heldEvent, heldEventCount } from '../../src/storage/packs';

const DAY = 24 * 60 * 60 * 1000;

let server: TestServer;
let token: string;
let devices: TestDevice[] = [];

beforeEach(async () => {
  server = new TestServer(tempDir('engine'));
  await server.addOrg('org-bank-sz', 'Shenzhen branch');
  token = await server.issueToken('org-bank-sz');
});
afterEach(async () => {
  for (const d of devices) await d.dispose();
  devices = [];
  server.close();
  removeTempDirs();
});

async function device(name: string, offsetMs = 0): Promise<TestDevice> {
  const d = new TestDevice(name, () => T0, offsetMs, devices.length + 7);
  devices.push(d);
  await d.enrol(token);
  return d;
}

function sync(d: TestDevice, transport: SyncTransport = d.transport(server, token)): ReturnType<typeof syncOnce> {
  return syncOnce({ db: d.db, transport, ...d.env });
}

const note = (text: string, streamId = 'inc-flood-b1') => ({ streamId, actor: '王值班', type: 'note.added' as const, payload: { text } });

/** An event the device recorded before a bug was fixed: it breaks the event schema. */
async function plantPoisonedEvent(d: TestDevice, id: string): Promise<void> {
  const bad = {
    id,
    streamId: 'inc-flood-b1',
    deviceId: 'd-old',
    actor: '',
    hlc: 'not-a-stamp',
    type: 'note.added',
    payload: { text: '' },
    v: 1,
  } as unknown as MusterEvent;
  await d.db.transaction('rw', d.db.events, d.db.outbox, async () => {
    await d.db.events.add(bad);
    await d.db.outbox.add({ eventId: id, queuedAt: 0, attempts: 0 });
  });
}

describe('pushing the outbox', () => {
  it('clears the outbox only after the server answers, so a lost answer means a harmless retry', async () => {
    const scribe = await device('scribe');
    await scribe.record(note('水位 20 cm'));
    await scribe.record(note('已切断电源'));
    const answerLost: SyncTransport = {
      ...scribe.transport(server, token),
      push: async (events) => {
        await scribe.transport(server, token).push(events);
        throw new SyncError('offline', 'connection reset');
      },
    };
    await expect(sync(scribe, answerLost)).rejects.toThrow('connection reset');
    expect(await scribe.db.outbox.count()).toBe(2);
    expect(server.eventIds('org-bank-sz')).toHaveLength(2);

    const report = await sync(scribe);
    expect(report).toMatchObject({ pushed: 0, duplicates: 2 });
    expect(await scribe.db.outbox.count()).toBe(0);
    expect(server.eventIds('org-bank-sz')).toHaveLength(2);
  });

  // This test and the size one write hundreds of records one by one; their 120 s timeouts only
  // catch a hang, far above what a busy machine takes.
  it('sends a long outbox in batches of at most 500', async () => {
    const commander = await device('commander');
    for (let i = 0; i < 501; i++) await commander.record({ streamId: 'inc-flood-b1', actor: '王值班', type: 'step.done', payload: { stepId: `s${i}` } });
    const sizes: number[] = [];
    const real = commander.transport(server, token);
    const counting: SyncTransport = {
      ...real,
      push: (events) => {
        sizes.push(events.length);
        return real.push(events);
      },
    };
    expect((await sync(commander, counting)).pushed).toBe(501);
    expect(sizes).toEqual([500, 1]);
  }, 120_000);

  it('sets a poisoned event aside without holding back the rest, and keeps it for the user to see', async () => {
    const scribe = await device('scribe');
    await scribe.record(note('before'));
    await plantPoisonedEvent(scribe, 'poisoned-1');
    await scribe.record(note('after'));

    const report = await sync(scribe);
    expect(report).toMatchObject({ pushed: 2, rejected: 1 });
    expect(await scribe.db.outbox.count()).toBe(0);
    const [rejected] = await rejectedEvents(scribe.db).toArray();
    expect(rejected).toMatchObject({ eventId: 'poisoned-1', direction: 'push', code: 'invalid' });
    expect(rejected?.reason).toMatch(/hlc: expected a clock stamp/);
    expect(server.eventIds('org-bank-sz')).toHaveLength(2);
    // Still on the device: refusing to share a record is not deleting it.
    expect(await heldEvent(scribe.db, 'poisoned-1')).toBeDefined();
  });

  it('finds the one event a server refuses a whole request for, by halving the batch', async () => {
    const scribe = await device('scribe');
    for (let i = 0; i < 9; i++) await scribe.record(note(`entry ${i}`));
    const culprit = (await scribe.db.outbox.orderBy('queuedAt').toArray())[5]!.eventId;
    const real = scribe.transport(server, token);
    const strict: SyncTransport = {
      ...real,
      push: (events) => (events.some((e) => e.id === culprit) ? Promise.reject(new SyncError('refused', 'HTTP 413: too large')) : real.push(events)),
    };
    const report = await sync(scribe, strict);
    expect(report).toMatchObject({ pushed: 8, rejected: 1 });
    expect((await rejectedEvents(scribe.db).toArray()).map((r) => r.eventId)).toEqual([culprit]);
    expect(await scribe.db.outbox.count()).toBe(0);
  });

  it('splits requests by size too, under the 1 MB body limit', async () => {
    const scribe = await device('scribe');
    for (let i = 0; i < 400; i++) await scribe.record(note(`${i} ${'长'.repeat(1_300)}`));
    const sizes: number[] = [];
    const real = scribe.transport(server, token);
    const counting: SyncTransport = {
      ...real,
      push: (events) => {
        sizes.push(events.length);
        return real.push(events);
      },
    };
    expect((await sync(scribe, counting)).pushed).toBe(400);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(400);
  }, 120_000);
});

describe('pulling', () => {
  it('brings in what another device recorded, moves the cursor, bumps the stream revision and advances the clock', async () => {
    const commander = await device('commander', 60_000); // a minute ahead, within the limit
    const scribe = await device('scribe');
    const id = await commander.record(note('请求支援'));
    await sync(commander);

    const before = await streamRev(scribe.db, 'inc-flood-b1');
    const report = await sync(scribe);
    expect(report.pulled).toBe(1);
    expect(await heldEvent(scribe.db, id)).toMatchObject({ payload: { text: '请求支援' } });
    expect(await readCursor(scribe.db)).toBeGreaterThan(0);
    expect(await streamRev(scribe.db, 'inc-flood-b1')).toBe(before + 1);
    // What the scribe records next sorts after what it has seen, though its own clock is behind.
    const next = await scribe.record(note('收到'));
    const events = reduceIncident('inc-flood-b1', await allHeldEvents(scribe.db)).notes.map((n) => n.eventId);
    expect(events).toEqual([id, next]);
  });

  it('applies the same page twice without change: events once, cursor forward only', async () => {
    const scribe = await device('scribe');
    const commander = await device('commander');
    await commander.record(note('one'));
    await commander.record(note('two'));
    await sync(commander);
    const page = await scribe.transport(server, token).pull(0, 1000);
    const me = 'd-scribe';
    const first = await applyPulledPage(scribe.db, page, me, T0);
    const again = await applyPulledPage(scribe.db, page, me, T0);
    const stale = await applyPulledPage(scribe.db, { ...page, events: page.events.slice(0, 1), next: page.events[0]!.seq }, me, T0);
    expect(first.added).toBe(2);
    expect(again.added).toBe(0);
    expect(stale).toMatchObject({ added: 0, cursor: first.cursor });
    expect(await heldEventCount(scribe.db)).toBe(2);
    expect(await readCursor(scribe.db)).toBe(first.cursor);
  });

  it('keeps an event it cannot read (a newer app’s type) aside, moves on, and applies it once it can', async () => {
    const scribe = await device('scribe');
    const future = {
      id: 'ev-future',
      streamId: 'inc-flood-b1',
      deviceId: 'd-new',
      actor: 'Li',
      hlc: `${String(T0).padStart(15, '0')}-0000-d-new`,
      type: 'drone.launched',
      payload: { altitude: 40 },
      v: 1,
      seq: 7,
      receivedAt: '',
    };
    const readable = {
      id: 'ev-note',
      streamId: 'inc-flood-b1',
      deviceId: 'd-new',
      actor: 'Li',
      hlc: `${String(T0).padStart(15, '0')}-0001-d-new`,
      type: 'note.added',
      payload: { text: 'ok' },
      v: 1,
      seq: 8,
      receivedAt: '',
    };
    const page = { events: [future, readable], next: 8, more: false, serverTime: '' } as unknown as PullResponse;
    const applied = await applyPulledPage(scribe.db, page, 'd-scribe', T0);
    expect(applied).toMatchObject({ added: 1, unreadable: 1, cursor: 8 });
    expect(await rejectedEvents(scribe.db).get('ev-future')).toMatchObject({ direction: 'pull', code: 'unreadable' });

    // An app update teaches it the type: here, the parked copy is replaced by a readable event.
    await rejectedEvents(scribe.db).update('ev-future', { event: { ...readable, id: 'ev-future', seq: undefined, receivedAt: undefined } });
    expect(await retryUnreadable(scribe.db, 'd-scribe', T0)).toBe(1);
    expect(await heldEvent(scribe.db, 'ev-future')).toBeDefined();
    expect(await rejectedEvents(scribe.db).count()).toBe(0);
  });

  it('stores, flags and does not follow an event from a device whose clock is a day ahead', async () => {
    const wrongClock = await device('wrong-clock', DAY);
    const scribe = await device('scribe');
    const futureId = await wrongClock.record({ streamId: 'inc-flood-b1', actor: '李', type: 'step.done', payload: { stepId: 'pump' } });
    const pushed = await sync(wrongClock);
    // The device with the wrong clock learns it from the server's answer, which refuses the event.
    expect(pushed.clockOffsetMs).toBe(DAY);
    expect(await rejectedEvents(wrongClock.db).get(futureId)).toMatchObject({ code: 'clock-ahead' });
    // One that got in all the same (stored before the server checked stamps) is still flagged on pull.
    const future = await heldEvent(wrongClock.db, futureId);
    await server.store.appendEvents('org-bank-sz', [future!], new Date(T0).toISOString());

    const clockBefore = (await scribe.db.settings.get(CLOCK_KEY))?.value;
    const report = await sync(scribe);
    expect(report).toMatchObject({ pulled: 1, flagged: 1 });
    expect(await heldEvent(scribe.db, futureId)).toBeDefined();
    const flag = await flaggedEvents(scribe.db).get(futureId);
    expect(flag).toMatchObject({ flag: 'clockAhead', deviceId: expect.stringMatching(/^d-/) as unknown });
    expect(flag!.aheadMs).toBeGreaterThan(MAX_DRIFT_MS);
    // The clock takes in no more than when the server stored it (merge-order.ts takeIn), never the day ahead.
    expect(clockBefore).toBeUndefined();
    expect(((await scribe.db.settings.get(CLOCK_KEY))?.value as { wall: number }).wall).toBe(T0);

    // The scribe's own next record keeps its real time, not the wrong phone's.
    const mine = await scribe.record(note('pump checked'));
    expect(parseStamp((await heldEvent(scribe.db, mine))!.hlc).wall).toBe(T0);
  });

  it('refuses to loop on a server that says "more" without moving the cursor', async () => {
    const scribe = await device('scribe');
    const stuck: SyncTransport = { ...scribe.transport(server, token), pull: () => Promise.resolve({ events: [], next: 0, more: true, serverTime: '' }) };
    await expect(sync(scribe, stuck)).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('enrolment into another organisation', () => {
  it('starts pulling from the beginning when the new token belongs to another organisation', async () => {
    const scribe = await device('scribe');
    const other = await device('other');
    await other.record(note('bank entry'));
    await sync(other);
    await sync(scribe);
    expect(await readCursor(scribe.db)).toBeGreaterThan(0);

    await server.addOrg('org-2', 'Second org');
    const secondToken = await server.issueToken('org-2');
    const second = await device('second');
    await second.enrol(secondToken);
    await second.record(note('org-2 entry'));
    await syncOnce({ db: second.db, transport: second.transport(server, secondToken), ...second.env });

    await scribe.enrol(secondToken);
    const report = await syncOnce({ db: scribe.db, transport: scribe.transport(server, secondToken), ...scribe.env });
    expect(report.pulled).toBe(1);
    expect((await allHeldEvents(scribe.db)).map((e) => (e.payload as { text: string }).text).sort()).toEqual(['bank entry', 'org-2 entry']);
  });
});
