import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { openDb } from '../../src/storage/db';
import { createSyncEngine, type LocalSyncEngine, type SyncEngineOptions, type SyncStatus } from '../../src/sync/controller';
import { enrolFromUrl, tokenFromEnrolmentUrl } from '../../src/sync/enrol';
import { syncLock } from '../../src/sync/lock';
import { SyncError, type SyncTransport } from '../../src/sync/transport';
import { backoffDelay, randomFraction } from '../../src/sync/backoff';
import { FakeTarget, halfway, ManualTimers, removeTempDirs, statusWhere, T0, tempDir, TestDevice, TestServer } from './support';
import { heldEventCount } from '../../src/storage/packs';

let server: TestServer;
let token: string;
let clock: number;
const cleanup: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  clock = T0;
  server = new TestServer(tempDir('controller'), () => clock);
  await server.addOrg('org-bank-sz', 'Shenzhen branch');
  token = await server.issueToken('org-bank-sz');
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  server.close();
  removeTempDirs();
});

interface Rig {
  device: TestDevice;
  engine: LocalSyncEngine;
  timers: ManualTimers;
  win: FakeTarget;
  doc: FakeTarget;
  /** Switch the network off and on: requests fail before they reach the server. */
  network: { up: boolean; requests: number };
}

async function rig(opts: Partial<SyncEngineOptions> & { enrol?: boolean } = {}): Promise<Rig> {
  const device = new TestDevice(`tab-${Math.random().toString(16).slice(2, 8)}`, () => clock);
  const timers = new ManualTimers();
  const win = new FakeTarget();
  const doc = new FakeTarget();
  const network = { up: true, requests: 0 };
  if (opts.enrol !== false) await device.enrol(token);
  const engine = createSyncEngine({
    db: device.db,
    transportFor: (t) =>
      device.transport(
        {
          fetch: (input, init) => {
            network.requests++;
            return network.up ? server.fetch(input, init) : Promise.reject(new TypeError('fetch failed'));
          },
        },
        t,
      ),
    now: () => clock,
    random: halfway,
    setTimer: timers.set,
    clearTimer: timers.clear,
    windowTarget: win,
    documentTarget: doc,
    ...opts,
  });
  cleanup.push(async () => {
    engine.stop();
    await device.dispose();
  });
  return { device, engine, timers, win, doc, network };
}

const note = (text: string) => ({ streamId: 'inc-flood-b1', actor: '王值班', type: 'note.added' as const, payload: { text } });

describe('when the engine syncs', () => {
  it('does nothing and says so while the device is not enrolled', async () => {
    const { engine, network } = await rig({ enrol: false });
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus()).toMatchObject({ enrolled: false, syncing: false });
    await engine.syncNow();
    expect(network.requests).toBe(0);
    expect(engine.getStatus()).toMatchObject({ enrolled: false, lastError: null });
  });

  it('sends a new record shortly after it is written, then polls', async () => {
    const { engine, device, timers } = await rig({ debounceMs: 1_500, pollMs: 60_000 });
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus().lastSuccessAt).toBe(clock);
    expect(timers.delays()).toEqual([60_000]);

    await device.record(note('水位 20 cm'));
    await statusWhere(engine, (s) => s.waiting === 1);
    expect(timers.delays()).toEqual([1_500]); // the sooner timer replaced the poll
    clock += 1_500;
    timers.fireAll();
    await engine.whenIdle();
    await statusWhere(engine, (s) => s.waiting === 0);
    expect(server.eventIds('org-bank-sz')).toHaveLength(1);
    expect(engine.getStatus().lastSuccessAt).toBe(clock);
  });

  it('counts down as the server answers each batch, and counts the outbox again only once the round is over', async () => {
    const { engine, device } = await rig({ pollMs: 60_000 });
    // Three batches (500, 500, 100), recorded before the engine starts.
    for (let i = 0; i < 1_100; i++) await device.record(note(`水位 ${i} cm`));
    let counts = 0;
    const count = device.db.outbox.count.bind(device.db.outbox);
    device.db.outbox.count = () => {
      counts++;
      return count();
    };
    const seen: number[] = [];
    engine.subscribe(() => {
      const { waiting } = engine.getStatus();
      if (seen[seen.length - 1] !== waiting) seen.push(waiting);
    });
    engine.start();
    await engine.whenIdle();
    await statusWhere(engine, (s) => s.waiting === 0 && !s.syncing);
    expect(server.eventIds('org-bank-sz')).toHaveLength(1_100);
    expect(seen).toEqual([0, 1_100, 600, 100, 0]);
    // At most: the watch as the engine starts, the round's own when that had not answered yet, the watch after the round.
    expect(counts).toBeLessThanOrEqual(3);

    // A record written while a round runs and left for later is sent soon after it.
    await device.record(note('水位 1 cm'));
    await statusWhere(engine, (s) => s.waiting === 1);
  });

  it('treats a failed request as offline, backs off with jitter, and tries at once when the network comes back', async () => {
    // A debounce as long as the first back-off step, so the timers seen are the back-off's.
    const { engine, device, timers, win, network } = await rig({ debounceMs: 1_500 });
    network.up = false;
    await device.record(note('offline 1'));
    engine.start();
    await engine.whenIdle();
    await statusWhere(engine, (s) => s.waiting === 1);
    expect(engine.getStatus()).toMatchObject({ syncing: false, lastSuccessAt: null, lastError: { kind: 'offline' } });
    const delays: number[] = [...timers.delays()];
    for (let i = 0; i < 3; i++) {
      const before = network.requests;
      timers.fireAll();
      await engine.whenIdle();
      expect(network.requests).toBeGreaterThan(before);
      delays.push(...timers.delays());
    }
    expect(randomFraction(halfway)).toBe(0.5);
    expect(delays).toEqual([1, 2, 3, 4].map((n) => backoffDelay(n, 0.5)));
    expect(delays).toEqual([1_500, 3_000, 6_000, 12_000]);

    // Writes during the outage wait for the back-off instead of hammering a dead server.
    await device.record(note('offline 2'));
    await statusWhere(engine, (s) => s.waiting === 2);
    expect(timers.delays()).toEqual([12_000]);

    network.up = true;
    win.dispatch('online');
    await engine.whenIdle();
    expect(engine.getStatus().lastError).toBeNull();
    await statusWhere(engine, (s) => s.waiting === 0);
    expect(server.eventIds('org-bank-sz')).toHaveLength(2);
  });

  it('waits as long as the server asks when it is too busy', async () => {
    const { engine, timers } = await rig({
      transportFor: (): SyncTransport => {
        const busy = () => Promise.reject(new SyncError('rateLimited', 'HTTP 429', 429, 30_000));
        return { push: busy, pull: busy, whoami: busy };
      },
    });
    await engine.syncNow();
    expect(engine.getStatus().lastError?.kind).toBe('rateLimited');
    engine.start();
    await engine.whenIdle();
    expect(timers.delays()).toEqual([30_000]);
  });

  it('stops trying on its own once the token is refused, but "sync now" still tries', async () => {
    const { engine, timers, network, win } = await rig();
    server.store.db.prepare(`UPDATE device_tokens SET revoked_at = 'now'`).run();
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus().lastError?.kind).toBe('unauthorized');
    expect(timers.pending.size).toBe(0);
    expect(engine.getStatus().nextAttemptAt).toBeNull();
    const before = network.requests;
    win.dispatch('online');
    await engine.whenIdle();
    expect(network.requests).toBe(before);
    expect(timers.pending.size).toBe(0);
    await engine.syncNow();
    expect(network.requests).toBeGreaterThan(before);
  });

  it('syncs when the app comes back into view, but not twice in a row', async () => {
    const { engine, doc, network } = await rig();
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus().lastSuccessAt).toBe(clock);
    const before = network.requests;
    doc.dispatch('visibilitychange'); // visible again right away: skipped
    await engine.whenIdle();
    expect(network.requests).toBe(before);
    clock += 10_000;
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    await engine.whenIdle();
    expect(network.requests).toBe(before);
    doc.visibilityState = 'visible';
    doc.dispatch('visibilitychange');
    await engine.whenIdle();
    expect(network.requests).toBeGreaterThan(before);
  });

  it('counts refused records so the user is told, and keeps going with the rest', async () => {
    const { engine, device } = await rig();
    await device.record(note('good'));
    const bad = {
      id: 'poisoned',
      streamId: 'inc-flood-b1',
      deviceId: 'd-x',
      actor: 'x',
      hlc: 'bad',
      type: 'note.added',
      payload: { text: 'x' },
      v: 1,
    } as unknown as MusterEvent;
    await device.db.transaction('rw', device.db.events, device.db.outbox, async () => {
      await device.db.events.add(bad);
      await device.db.outbox.add({ eventId: 'poisoned', queuedAt: T0, attempts: 0 });
    });
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus().lastError).toBeNull();
    await statusWhere(engine, (s) => s.rejected === 1 && s.waiting === 0);
    expect(server.eventIds('org-bank-sz')).toHaveLength(1);
  });

  it('remembers the last success across a restart of the app', async () => {
    const first = await rig();
    await first.engine.syncNow();
    const at = first.engine.getStatus().lastSuccessAt;
    expect(at).toBe(clock);
    first.engine.stop();
    const reopened = createSyncEngine({ db: first.device.db, transportFor: () => ({}) as SyncTransport, setTimer: () => 0, clearTimer: () => undefined });
    reopened.start();
    await statusWhere(reopened, (s) => s.lastSuccessAt === at);
    reopened.stop();
    await reopened.whenIdle();
  });
});

describe('one sync at a time across tabs', () => {
  it('never runs two syncs of the same database at once', async () => {
    const first = await rig();
    let inFlight = 0;
    let most = 0;
    const slowTransport = (t: string): SyncTransport => {
      const real = first.device.transport(server, t);
      const slow =
        <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          inFlight++;
          most = Math.max(most, inFlight);
          try {
            await new Promise((r) => setTimeout(r, 5));
            return await f(...a);
          } finally {
            inFlight--;
          }
        };
      return { push: slow(real.push), pull: slow(real.pull), whoami: slow(real.whoami) };
    };
    // Two tabs: two connections to one database, each with its own engine.
    const secondDb = openDb(first.device.dbName);
    cleanup.push(() => secondDb.close());
    const tabs = [
      createSyncEngine({ db: first.device.db, transportFor: slowTransport, setTimer: () => 0, clearTimer: () => undefined }),
      createSyncEngine({ db: secondDb, transportFor: slowTransport, setTimer: () => 0, clearTimer: () => undefined }),
    ];
    for (let i = 0; i < 20; i++) await first.device.record(note(`entry ${i}`));
    await Promise.all([tabs[0]!.syncNow(), tabs[1]!.syncNow(), tabs[0]!.syncNow(), tabs[1]!.syncNow()]);
    expect(most).toBe(1);
    expect(server.eventIds('org-bank-sz')).toHaveLength(20);
  });

  it('uses the Web Locks API when the browser has it, one lock per database', async () => {
    const names: string[] = [];
    const locks = {
      request: <T>(name: string, task: () => Promise<T>) => {
        names.push(name);
        return task();
      },
    };
    await syncLock('muster', locks).run(() => Promise.resolve(1));
    expect(names).toEqual(['muster-sync:muster']);
  });
});

describe('enrolling a device from its link', () => {
  const good = 'mst_' + 'A'.repeat(43);
  it.each([
    [`https://muster.example.org/enrol#token=${good}`, good],
    [`https://muster.example.org/enrol#foo=1&token=${good}`, good],
    [`https://muster.example.org/enrol?token=${good}`, null], // only ever read from the fragment
    ['https://muster.example.org/enrol#token=mst_short', null],
    ['https://muster.example.org/enrol', null],
    ['not a link', null],
  ])('reads %s as %s', (url, expected) => {
    expect(tokenFromEnrolmentUrl(url)).toBe(expected);
  });

  it('joins the organisation, syncs at once and names the organisation', async () => {
    const { engine, device } = await rig({ enrol: false });
    const other = new TestDevice('commander', () => clock);
    cleanup.push(() => other.dispose());
    await other.enrol(token);
    await other.record(note('already recorded by the commander'));
    await createSyncEngine({ db: other.db, transportFor: (t) => other.transport(server, t) }).syncNow();

    const outcome = await enrolFromUrl(engine, device.db, `https://muster.example.org/enrol#token=${token}`);
    expect(outcome).toEqual({ outcome: 'joined', org: { id: 'org-bank-sz', name: 'Shenzhen branch' } });
    expect(engine.getStatus()).toMatchObject<Partial<SyncStatus>>({ enrolled: true, lastError: null });
    expect(await heldEventCount(device.db)).toBe(1);
  });

  it('says the link was refused when the token was revoked', async () => {
    const { engine, device } = await rig({ enrol: false });
    server.store.db.prepare(`UPDATE device_tokens SET revoked_at = 'now'`).run();
    expect(await enrolFromUrl(engine, device.db, `https://x.test/enrol#token=${token}`)).toEqual({ outcome: 'refused' });
  });

  it('keeps the token and joins later when the server cannot be reached', async () => {
    const { engine, device, network } = await rig({ enrol: false });
    network.up = false;
    expect(await enrolFromUrl(engine, device.db, `https://x.test/enrol#token=${token}`)).toEqual({ outcome: 'saved' });
    network.up = true;
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ enrolled: true, lastError: null });
  });

  it('says a damaged link is damaged, and stores nothing', async () => {
    const { engine, device } = await rig({ enrol: false });
    expect(await enrolFromUrl(engine, device.db, 'https://x.test/enrol#token=mst_broken')).toEqual({ outcome: 'invalid' });
    expect(engine.getStatus().enrolled).toBe(false);
  });
});
