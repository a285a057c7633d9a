import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { parseStamp } from '../../src/domain/hlc';
import { reduceIncident } from '../../src/domain/incident';
import { CLOCK_KEY } from '../../src/storage/events';
import { flaggedEvents, rejectedEvents } from '../../src/storage/sync-state';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { createSyncEngine } from '../../src/sync/controller';
import { syncOnce } from '../../src/sync/engine';
import { httpTransport, type FetchLike } from '../../src/sync/transport';
import { freePort, makeTempDir, removeTempDirs, spawnServer, stopStrayServers, writeTree, type ServerProcess } from '../server/support';
import { engineData, ENGINES, ManualTimers, statusWhere, storedEventIds, TestDevice, type Engine } from './support';
import { allHeldEvents, heldEvent } from '../../src/storage/packs';

// Faults with the real server process: a SIGKILL in the middle of a push,
// an outage, a phone whose clock is a day ahead, a poisoned record; and two devices that both
// record offline into the same incident and then agree. Each test starts the server process;
// the 120 s timeouts only catch a hang, far above what a busy machine takes.

const DAY = 24 * 60 * 60 * 1000;
const devices: TestDevice[] = [];

afterEach(async () => {
  stopStrayServers();
  for (const d of devices.splice(0)) await d.dispose();
  removeTempDirs();
});

interface Deployment {
  /** The server's data on this test's engine: SQLite's DATA_DIR, or a PostgreSQL database too. */
  data: Awaited<ReturnType<typeof engineData>>;
  staticDir: string;
  port: number;
  url: string;
  token: string;
  /** A second device's own token: a token pushes only the device id it was first used with. */
  token2: string;
  server: ServerProcess;
}

/** An organisation with two device tokens, on `engine`, and the server process on it. */
async function deploy(engine: Engine): Promise<Deployment> {
  const work = makeTempDir('faults');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const data = await engineData(engine, `faults-${engine}`);
  const store = await data.open();
  const token = newDeviceToken();
  const token2 = newDeviceToken();
  await store.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, '2026-07-14T02:00:00Z');
  await store.addDeviceToken({ id: 'dt-1', orgId: 'org-bank-sz', label: 'first phone', tokenHash: hashDeviceToken(token) }, '2026-07-14T02:00:00Z');
  await store.addDeviceToken({ id: 'dt-2', orgId: 'org-bank-sz', label: 'second phone', tokenHash: hashDeviceToken(token2) }, '2026-07-14T02:00:00Z');
  await store.close();
  const port = await freePort();
  const d: Deployment = {
    data,
    staticDir: join(work, 'dist'),
    port,
    url: `http://127.0.0.1:${port}`,
    token,
    token2,
    server: undefined as unknown as ServerProcess,
  };
  await start(d);
  return d;
}

async function start(d: Deployment): Promise<void> {
  d.server = spawnServer({ PORT: String(d.port), ...d.data.env, STATIC_DIR: d.staticDir });
  await d.server.waitForOutput(/Muster is running at/);
}

async function kill(d: Deployment): Promise<void> {
  d.server.child.kill('SIGKILL');
  // SIGKILL cannot be caught: the exit comes, however slowly a busy machine reports it.
  await d.server.exited;
}

/** What the server stored, read from its database: every event id, in seq order. */
async function storedIds(d: Deployment): Promise<string[]> {
  const store = await d.data.open();
  try {
    return await storedEventIds(store, 'org-bank-sz');
  } finally {
    await store.close();
  }
}

function device(name: string, offsetMs = 0): TestDevice {
  const d = new TestDevice(name, () => Date.now(), offsetMs, devices.length + 11);
  devices.push(d);
  return d;
}

/** The device's sync engine against the deployment, with timers the test fires by hand. */
function engineOf(d: TestDevice, dep: Deployment): { engine: ReturnType<typeof createSyncEngine>; timers: ManualTimers } {
  const timers = new ManualTimers();
  const engine = createSyncEngine({
    db: d.db,
    transportFor: (t) => httpTransport({ baseUrl: dep.url, token: t }),
    ...d.env,
    setTimer: timers.set,
    clearTimer: timers.clear,
  });
  return { engine, timers };
}

/**
 * fetch over node:http, one connection per request, with a hook that may take over sending
 * the body — so a test can cut the server off half-way through an upload.
 */
function nodeFetch(onPush?: (req: ClientRequest, body: Buffer) => boolean): FetchLike {
  return async (input, init) => {
    // The transport sends a push as a Blob (src/sync/transport.ts), other requests as strings.
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : init.body instanceof Blob ? Buffer.from(await init.body.arrayBuffer()) : undefined;
    return new Promise((resolve, reject) => {
      const url = new URL(input);
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
      if (body) headers['Content-Length'] = String(body.length);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: h }));
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(new TypeError(`fetch failed: ${e.message}`)));
      // Only the pushes of events: the round's other requests (the device's certificate) go as usual.
      if (body && init.method === 'POST' && url.pathname === '/api/v1/events' && onPush?.(req, body)) return;
      req.end(body);
    });
  };
}

const note = (text: string) => ({ streamId: 'inc-flood-b1', actor: '王值班', type: 'note.added' as const, payload: { text } });

async function recordNotes(d: TestDevice, n: number, label: string): Promise<void> {
  for (let i = 0; i < n; i++) await d.record(note(`${label} ${i}`));
}

// Each fault on each storage engine: the real server process on SQLite, and on PostgreSQL.
describe.each(ENGINES)('on %s', (storage) => {
  describe('the server killed in the middle of a push', () => {
    it('loses nothing and stores nothing twice, whether it died before or after committing the batch', async () => {
      const dep = await deploy(storage);
      const scribe = device('scribe');
      await scribe.enrol(dep.token);
      // Small batches keep the records few; the 500-event batch limit itself is checked in engine.test.ts.
      const pushBatchSize = 50;
      await recordNotes(scribe, 120, 'entry');

      // 1. Killed half-way through the upload of the second batch: that batch never commits.
      let pushes = 0;
      const cutMidUpload = nodeFetch((req, body) => {
        pushes++;
        if (pushes !== 2) return false;
        req.write(body.subarray(0, body.length >> 1), () => {
          void kill(dep).then(() => req.destroy());
        });
        return true;
      });
      await expect(
        syncOnce({ db: scribe.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token, fetch: cutMidUpload }), ...scribe.env, pushBatchSize }),
      ).rejects.toMatchObject({ kind: 'offline' });
      expect(await scribe.db.outbox.count()).toBe(70);
      expect(await storedIds(dep)).toHaveLength(50);

      await start(dep);
      await syncOnce({ db: scribe.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token }), ...scribe.env });
      expect(await scribe.db.outbox.count()).toBe(0);

      // 2. Killed after committing, before the device heard back: the retry finds duplicates.
      await recordNotes(scribe, 30, 'later');
      const answerLost = nodeFetch((req, body) => {
        req.on('response', (res) => {
          res.resume();
          void kill(dep);
        });
        req.end(body);
        return true;
      });
      const lost: FetchLike = async (input, init) => {
        const res = await answerLost(input, init);
        if (init.method === 'POST') throw new TypeError('fetch failed: socket hang up');
        return res;
      };
      await expect(
        syncOnce({ db: scribe.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token, fetch: lost }), ...scribe.env }),
      ).rejects.toMatchObject({ kind: 'offline' });
      await dep.server.exited;
      expect(await scribe.db.outbox.count()).toBe(30);

      await start(dep);
      const retry = await syncOnce({ db: scribe.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token }), ...scribe.env });
      expect(retry).toMatchObject({ pushed: 0, duplicates: 30 });

      const ids = await storedIds(dep);
      expect(ids).toHaveLength(150);
      expect(new Set(ids).size).toBe(150);
      expect([...ids].sort()).toEqual(await scribe.eventIds());

      // Another device pulls all of it back.
      const commander = device('commander');
      await commander.enrol(dep.token);
      const pulled = await syncOnce({ db: commander.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token }), ...commander.env });
      expect(pulled.pulled).toBe(150);
      expect(await commander.eventIds()).toEqual(await scribe.eventIds());
    }, 120_000);
  });

  describe('the server down for a while', () => {
    it('lets the outbox grow while it is down, says why, then drains it on its own', async () => {
      const dep = await deploy(storage);
      await kill(dep);
      const scribe = device('scribe');
      await scribe.enrol(dep.token);
      // The engine's timers are fired by hand: "on its own" means the back-off timer it set.
      const { engine, timers } = engineOf(scribe, dep);
      engine.start();
      try {
        await engine.whenIdle();
        for (let i = 0; i < 20; i++) {
          await scribe.record(note(`during the outage ${i}`));
          if (i % 5 === 4) {
            // Retries while the server is still down fail and set the next back-off timer.
            expect(timers.pending.size).toBe(1);
            timers.fireAll();
            await engine.whenIdle();
          }
        }
        await statusWhere(engine, (s) => s.waiting === 20);
        expect(engine.getStatus()).toMatchObject({ lastSuccessAt: null, lastError: { kind: 'offline' } });
        expect(engine.getStatus().nextAttemptAt).not.toBeNull();
        expect(timers.pending.size).toBe(1);

        await start(dep);
        timers.fireAll();
        await engine.whenIdle();
        expect(engine.getStatus().lastError).toBeNull();
        expect(engine.getStatus().lastSuccessAt).not.toBeNull();
        await statusWhere(engine, (s) => s.waiting === 0);
        expect(await storedIds(dep)).toHaveLength(20);
      } finally {
        engine.stop();
      }
    }, 120_000);
  });

  describe('a phone whose clock is a day ahead', () => {
    it('is told so and to fix its clock; the server refuses its records, and other devices do not follow its clock', async () => {
      const dep = await deploy(storage);
      const wrong = device('wrong-clock', DAY);
      const scribe = device('scribe');
      await wrong.enrol(dep.token);
      await scribe.enrol(dep.token2);
      const futureId = await wrong.record({ streamId: 'inc-flood-b1', actor: '李', type: 'step.done', payload: { stepId: 'pump' } });

      const engine = createSyncEngine({ db: wrong.db, transportFor: (t) => httpTransport({ baseUrl: dep.url, token: t }), ...wrong.env });
      const status = await engine.syncNow();
      expect(status.clockOffsetMs).toBeGreaterThan(DAY - 60_000);
      expect(await storedIds(dep)).toEqual([]);
      const refused = await rejectedEvents(wrong.db).get(futureId);
      expect(refused).toMatchObject({ direction: 'push', code: 'clock-ahead' });
      expect(refused?.reason).toMatch(/ahead of the server's clock.*set its date and time to automatic/);

      const clockBefore = (await scribe.db.settings.get(CLOCK_KEY))?.value;
      const report = await syncOnce({ db: scribe.db, transport: httpTransport({ baseUrl: dep.url, token: dep.token2 }), ...scribe.env });
      expect(report).toMatchObject({ pulled: 0, flagged: 0 });
      expect(await flaggedEvents(scribe.db).get(futureId)).toBeUndefined();
      expect((await scribe.db.settings.get(CLOCK_KEY))?.value).toEqual(clockBefore);
      // Its own next record is stamped with its own clock, not the other phone's.
      const before = scribe.now();
      const mine = await scribe.record(note('checked the pump'));
      const after = scribe.now();
      const wall = parseStamp((await heldEvent(scribe.db, mine))!.hlc).wall;
      expect(wall).toBeGreaterThanOrEqual(before);
      expect(wall).toBeLessThanOrEqual(after);
    }, 120_000);
  });

  describe('a poisoned record', () => {
    it('is refused without holding back the rest, and the user is told', async () => {
      const dep = await deploy(storage);
      const scribe = device('scribe');
      await scribe.enrol(dep.token);
      await scribe.record(note('before'));
      const bad = {
        id: 'poisoned',
        streamId: 'inc-flood-b1',
        deviceId: 'd-old',
        actor: 'x',
        hlc: 'garbage',
        type: 'note.added',
        payload: { text: 'x' },
        v: 1,
      } as unknown as MusterEvent;
      await scribe.db.transaction('rw', scribe.db.events, scribe.db.outbox, async () => {
        await scribe.db.events.add(bad);
        await scribe.db.outbox.add({ eventId: 'poisoned', queuedAt: 0, attempts: 0 });
      });
      await scribe.record(note('after'));

      const { engine } = engineOf(scribe, dep);
      engine.start();
      try {
        await engine.whenIdle();
        expect(engine.getStatus().lastError).toBeNull();
        await statusWhere(engine, (s) => s.rejected === 1 && s.waiting === 0);
        expect(await storedIds(dep)).toHaveLength(2);
        expect((await rejectedEvents(scribe.db).get('poisoned'))?.reason).toMatch(/hlc/);
      } finally {
        engine.stop();
      }
    }, 120_000);
  });

  describe('two devices that recorded offline into the same incident', () => {
    // The same story as two browsers would tell, here at the sync-engine level against the
    // real server.
    it('show the same merged timeline and checklist once both are back online', async () => {
      const dep = await deploy(storage);
      const commander = device('commander-tablet');
      const scribe = device('scribe-phone', 45_000);
      await commander.enrol(dep.token);
      await scribe.enrol(dep.token2);
      const engines = [commander, scribe].map((d) =>
        createSyncEngine({ db: d.db, transportFor: (t) => httpTransport({ baseUrl: dep.url, token: t }), ...d.env }),
      );

      const incident = 'inc-2026-07-14-b1';
      await commander.record({
        streamId: incident,
        actor: '王值班',
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: '地下室进水', place: 'B1' },
      });
      // Both offline: nothing goes out yet.
      await commander.record({ streamId: incident, actor: '王值班', type: 'step.done', payload: { stepId: 'cut-power' } });
      await scribe.record({ streamId: incident, actor: '李记录', type: 'note.added', payload: { text: '02:10 水深 20 cm' } });
      await scribe.record({ streamId: incident, actor: '李记录', type: 'step.skipped', payload: { stepId: 'sandbags', reason: '沙袋未到' } });
      await commander.record({ streamId: incident, actor: '王值班', type: 'note.added', payload: { text: '已通知支行领导' } });
      await scribe.record({ streamId: incident, actor: '李记录', type: 'step.done', payload: { stepId: 'cut-power' } });

      // Both come online.
      await Promise.all(engines.map((e) => e.syncNow()));
      await Promise.all(engines.map((e) => e.syncNow()));

      const states = await Promise.all([commander, scribe].map(async (d) => reduceIncident(incident, await allHeldEvents(d.db))));
      expect(states[0]).toEqual(states[1]);
      const state = states[0]!;
      expect(state.declared?.title).toBe('地下室进水');
      expect(state.notes.map((n) => n.text).sort()).toEqual(['02:10 水深 20 cm', '已通知支行领导']);
      expect(state.steps['sandbags']).toMatchObject({ status: 'skipped', reason: '沙袋未到' });
      expect(state.steps['cut-power']?.status).toBe('done');
      expect(state.eventCount).toBe(6);
      for (const e of engines) expect(e.getStatus()).toMatchObject({ waiting: 0, lastError: null });
    }, 120_000);
  });
});
