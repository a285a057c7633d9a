import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceRole } from '../../src/domain/playbook-publish';
import { startServer } from '../../src/server/server';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { listBranches, readBranch, readBranchIncidents, readHeadOffice } from '../../src/storage/branches';
import { listIncidentStreams, outboxSize } from '../../src/storage/events';
import { createSyncEngine } from '../../src/sync/controller';
import { syncOnce } from '../../src/sync/engine';
import { pullBranchOnHint, syncBranches, type BranchSyncDeps } from '../../src/sync/head-office';
import { hintStreamOpener, type OpenStream, type StreamHandlers } from '../../src/sync/stream';
import { httpTransport, type FetchLike } from '../../src/sync/transport';
import type { MusterDb } from '../../src/storage/db';
import { FakeTarget, halfway, ManualTimers, removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';

/**
 * Head office reads its branches through the real server (head-office-api.ts) on a real SQLite
 * file, in this process: a branch's phones record and push as they always do; the head-office
 * tablet lists the branches and pulls each one's events into its own tables.
 */

const HQ = 'org-hq';
const RIVERSIDE = 'org-riverside';
const HARBOUR = 'org-harbour';
const STRANGER = 'org-elsewhere';

let server: TestServer;
let clock: number;
const devices: TestDevice[] = [];

async function token(orgId: string, role: DeviceRole, label = `${role} device`): Promise<string> {
  const value = newDeviceToken();
  await server.store.addDeviceToken(
    { id: `dt-${Math.random().toString(16).slice(2, 12)}`, orgId, label, tokenHash: hashDeviceToken(value), role },
    new Date(T0).toISOString(),
  );
  return value;
}

function device(name: string): TestDevice {
  const d = new TestDevice(name, () => clock, 0, devices.length + 1);
  devices.push(d);
  return d;
}

/** A branch phone that declares a flood and ticks a step, then pushes; returns the incident id. */
async function branchRecordsFlood(orgId: string, title: string): Promise<string> {
  const phone = device(`phone-${orgId}`);
  const t = await token(orgId, 'member', `Officer’s phone at ${orgId}`);
  const streamId = `inc-${orgId}-${Math.random().toString(16).slice(2, 8)}`;
  await phone.record({
    streamId,
    actor: 'Officer Zhao',
    type: 'incident.declared',
    payload: { playbookId: 'flood', playbookVersion: '1.0.0', playbookLanguage: 'en', mode: 'real', title, place: 'B1' },
  });
  await phone.record({ streamId, actor: 'Officer Zhao', type: 'step.done', payload: { stepId: 'step.command.interim' } });
  await syncOnce({ db: phone.db, transport: phone.transport(server, t), ...phone.env });
  return streamId;
}

/** Head office's tablet, with a fetch that counts what it asks for. */
async function headOffice(
  role: DeviceRole = 'head-office',
): Promise<{ tablet: TestDevice; deps: BranchSyncDeps; requests: string[]; network: { up: boolean; inFlight: number; most: number } }> {
  const tablet = device('hq-tablet');
  const t = await token(HQ, role, 'Head office tablet');
  await tablet.enrol(t);
  const requests: string[] = [];
  const network = { up: true, inFlight: 0, most: 0 };
  const fetch: FetchLike = async (input, init) => {
    requests.push(new URL(input).pathname + new URL(input).search);
    if (!network.up) throw new TypeError('fetch failed');
    network.inFlight++;
    network.most = Math.max(network.most, network.inFlight);
    try {
      // A turn of the event loop in flight, as over a network, so concurrent pulls overlap.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return await server.fetch(input, init);
    } finally {
      network.inFlight--;
    }
  };
  return { tablet, deps: { db: tablet.db, transport: tablet.transport({ fetch }, t), now: tablet.env.now }, requests, network };
}

beforeEach(async () => {
  clock = T0;
  server = new TestServer(tempDir('head-office'), () => clock);
  const at = new Date(T0).toISOString();
  await server.store.createOrg({ id: HQ, name: 'Head office' }, at);
  await server.store.createOrg({ id: RIVERSIDE, name: 'Riverside Sub-branch', parentId: HQ }, at);
  await server.store.createOrg({ id: HARBOUR, name: 'Harbour Sub-branch', parentId: HQ }, at);
  await server.store.createOrg({ id: STRANGER, name: 'Another bank' }, at);
});
afterEach(async () => {
  for (const d of devices.splice(0)) await d.dispose();
  server.close();
  removeTempDirs();
});

describe('head office reads its branches through the real server', () => {
  it('a flood declared at Riverside reaches head office’s tablet with its step, apart from the tablet’s own records', async () => {
    const incident = await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    await branchRecordsFlood(STRANGER, 'Not ours to see');
    const { tablet, deps } = await headOffice();

    const report = await syncBranches(deps);

    expect(report).toMatchObject({ listed: 2, pulled: 1, added: 2, failed: 0, problem: null });
    expect((await listBranches(tablet.db)).map((b) => [b.name, b.cursor > 0])).toEqual([
      ['Harbour Sub-branch', false],
      ['Riverside Sub-branch', true],
    ]);
    const incidents = await readBranchIncidents(tablet.db, RIVERSIDE, 0);
    expect([...incidents.keys()]).toEqual([incident]);
    expect(
      incidents
        .get(incident)
        ?.map((e) => e.type)
        .sort(),
    ).toEqual(['incident.declared', 'step.done']);
    // Each event carries the server's receipt: who delivered it and when.
    expect(incidents.get(incident)?.[0]?.deliveredBy).toBe(`Officer’s phone at ${RIVERSIDE}`);
    // Nothing of another bank, and nothing in the tablet's own incidents or outbox.
    expect(await tablet.db.branchEvents.count()).toBe(2);
    expect(await listIncidentStreams(tablet.db)).toEqual([]);
    expect(await outboxSize(tablet.db)).toBe(0);
    expect((await readHeadOffice(tablet.db)).state).toMatchObject({ org: { id: HQ, name: 'Head office' }, listedAt: T0 });
  });

  it('pulls page by page, at most four branches at once, and a second round asks only for the list', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `org-branch-${i}`);
    for (const id of names) {
      await server.store.createOrg({ id, name: `Branch ${id.slice(-1)}`, parentId: HQ }, new Date(T0).toISOString());
      await branchRecordsFlood(id, `Flood at ${id}`);
    }
    const { tablet, deps, requests, network } = await headOffice();
    let pauses = 0;
    const report = await syncBranches({
      ...deps,
      pullLimit: 1,
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });

    expect(report).toMatchObject({ listed: 12, pulled: 10, added: 20, failed: 0 });
    expect(network.most).toBeLessThanOrEqual(4);
    expect(network.most).toBeGreaterThan(1);
    // One event a page: each branch's two events in two pages, with a pause between them.
    expect(requests.filter((r) => r.startsWith('/api/v1/branches/org-branch-')).length).toBe(20);
    expect(pauses).toBe(10);
    expect(await tablet.db.branchEvents.count()).toBe(20);

    requests.length = 0;
    expect(await syncBranches(deps)).toMatchObject({ listed: 12, pulled: 0, added: 0 });
    expect(requests).toEqual(['/api/v1/branches']);
  });

  it('hints for every branch at once (as when the stream opens) still pull at most four branches at a time', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `org-hinted-${i}`);
    const { tablet, deps, network } = await headOffice();
    await syncBranches(deps);
    for (const id of names) {
      await server.store.createOrg({ id, name: `Hinted ${id.slice(-1)}`, parentId: HQ }, new Date(T0).toISOString());
      await branchRecordsFlood(id, `Flood at ${id}`);
    }
    // Listed, but not pulled yet.
    await syncBranches({ ...deps, transport: { ...deps.transport, branchEvents: () => Promise.reject(new Error('not now')) } });
    network.most = 0;
    await Promise.all(names.map(async (orgId) => pullBranchOnHint(deps, { orgId, seq: await server.store.latestSeq(orgId) })));
    expect(network.most).toBeLessThanOrEqual(4);
    for (const orgId of names) expect((await readBranchIncidents(tablet.db, orgId, 0)).size).toBe(1);
  });

  it('a hint pulls that branch only, and one at or below its cursor pulls nothing', async () => {
    await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    const { tablet, deps, requests } = await headOffice();
    await syncBranches(deps);
    await branchRecordsFlood(HARBOUR, 'Car park flooding');
    await branchRecordsFlood(RIVERSIDE, 'Second flood');
    const riverside = (await readBranch(tablet.db, RIVERSIDE))!;
    const latest = await server.store.latestSeq(RIVERSIDE);

    requests.length = 0;
    await pullBranchOnHint(deps, { orgId: RIVERSIDE, seq: riverside.cursor });
    expect(requests).toEqual([]);
    await pullBranchOnHint(deps, { orgId: RIVERSIDE, seq: latest });
    expect(requests).toEqual([`/api/v1/branches/${RIVERSIDE}/events?after=${riverside.cursor}&limit=1000`]);
    expect((await readBranchIncidents(tablet.db, RIVERSIDE, 0)).size).toBe(2);
    expect((await readBranchIncidents(tablet.db, HARBOUR, 0)).size).toBe(0);
    expect((await readBranch(tablet.db, RIVERSIDE))?.rev).toBe(riverside.rev + 1);
    expect((await readBranch(tablet.db, HARBOUR))?.rev).toBe(0);
  });

  it('a branch just put below head office is listed when its first hint comes', async () => {
    const { tablet, deps } = await headOffice();
    await syncBranches(deps);
    await server.store.createOrg({ id: 'org-new', name: 'New Sub-branch', parentId: HQ }, new Date(T0).toISOString());
    await branchRecordsFlood('org-new', 'First day flood');
    await pullBranchOnHint(deps, { orgId: 'org-new', seq: await server.store.latestSeq('org-new') });
    expect((await readBranchIncidents(tablet.db, 'org-new', 0)).size).toBe(1);
  });

  it('a server restored from a backup (new epoch) makes head office pull every branch again, each event held once', async () => {
    await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    const { tablet, deps, requests } = await headOffice();
    await syncBranches(deps);
    const before = (await readHeadOffice(tablet.db)).state?.epoch;

    await server.store.renewEpoch(new Date(T0).toISOString());
    requests.length = 0;
    await syncBranches(deps);

    expect((await readHeadOffice(tablet.db)).state?.epoch).not.toBe(before);
    expect(requests).toContain(`/api/v1/branches/${RIVERSIDE}/events?after=0&limit=1000`);
    expect(await tablet.db.branchEvents.count()).toBe(2);
    expect((await readBranch(tablet.db, RIVERSIDE))?.cursor).toBe(await server.store.latestSeq(RIVERSIDE));
  });

  it('offline, nothing held is lost and the problem is kept to be shown; the next round clears it', async () => {
    await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    const { tablet, deps, network } = await headOffice();
    await syncBranches(deps);
    network.up = false;
    clock = T0 + 60_000;

    const report = await syncBranches(deps);

    expect(report.problem).toContain('No answer from the server');
    expect((await readHeadOffice(tablet.db)).problem).toMatchObject({ kind: 'offline', at: T0 + 60_000 });
    expect((await readHeadOffice(tablet.db)).state?.listedAt).toBe(T0);
    expect(await tablet.db.branchEvents.count()).toBe(2);
    network.up = true;
    await syncBranches(deps);
    expect((await readHeadOffice(tablet.db)).problem).toBeNull();
  });

  it('a member’s token is refused and told so, and the round is not failed', async () => {
    const { tablet, deps } = await headOffice('member');
    const report = await syncBranches(deps);
    expect(report.problem).toContain('may not read other organisations');
    expect((await readHeadOffice(tablet.db)).problem?.kind).toBe('unauthorized');
  });

  it('a tablet whose role is changed from head office to member forgets the branches at its next round', async () => {
    await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    const { tablet, deps } = await headOffice();
    const engine = createSyncEngine({
      db: tablet.db,
      transportFor: () => deps.transport,
      now: () => clock,
      random: halfway,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await engine.syncNow();
    expect(await tablet.db.branchEvents.count()).toBe(2);
    const [token] = await server.store.listDeviceTokens(HQ);
    await server.store.setDeviceRole(token!.id, 'member');
    // The next start of the app asks the server again who the device is.
    const restarted = createSyncEngine({
      db: tablet.db,
      transportFor: () => deps.transport,
      now: () => clock,
      random: halfway,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await restarted.syncNow();
    expect(await tablet.db.branchEvents.count()).toBe(0);
    expect(await listBranches(tablet.db)).toEqual([]);
  });

  it('the engine: a round on a head-office tablet pulls the branches, and a branch hint on the stream pulls that branch', async () => {
    await branchRecordsFlood(RIVERSIDE, 'Basement flooding');
    const { tablet, deps, requests } = await headOffice();
    // The tablet's own record cannot be sent (head office writes nothing): it waits, and the round still succeeds.
    await tablet.record({ streamId: 'inc-hq', actor: 'HQ', type: 'note.added', payload: { text: 'Not sent' } });
    let handlers: StreamHandlers | undefined;
    const openStream: OpenStream = (_token, h) => {
      handlers = h;
      queueMicrotask(() => h.onOpen());
      return { close: () => undefined };
    };
    const timers = new ManualTimers();
    const engine = createSyncEngine({
      db: tablet.db,
      transportFor: () => deps.transport,
      openStream,
      now: () => clock,
      random: halfway,
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    engine.start();
    await engine.whenIdle();
    expect(engine.getStatus()).toMatchObject({ lastError: null, waiting: 1 });
    expect(requests).not.toContain('/api/v1/events');
    expect((await readBranchIncidents(tablet.db, RIVERSIDE, 0)).size).toBe(1);
    expect(requests.filter((r) => r === '/api/v1/branches')).toHaveLength(1);

    const second = await branchRecordsFlood(RIVERSIDE, 'Second flood');
    requests.length = 0;
    handlers?.onBranchHint?.({ orgId: RIVERSIDE, seq: await server.store.latestSeq(RIVERSIDE) });
    await expect.poll(async () => (await readBranchIncidents(tablet.db, RIVERSIDE, 0)).has(second)).toBe(true);
    // That branch only: no list, no round.
    expect(requests.every((r) => r.startsWith(`/api/v1/branches/${RIVERSIDE}/events`))).toBe(true);
    engine.stop();
  });
});

/** Resolves once head office holds an incident of this branch: it watches the database, not a clock. */
function heldAtHeadOffice(db: MusterDb, orgId: string, incidentId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watching = liveQuery(() => db.branchEvents.where('[orgId+streamId]').equals([orgId, incidentId]).count()).subscribe({
      next: (n) => {
        if (n === 0) return;
        queueMicrotask(() => watching.unsubscribe());
        resolve();
      },
      error: reject,
    });
  });
}

describe('over real HTTP, with the server’s stream', () => {
  it('a branch’s new incident reaches head office through a `branch` hint, with no poll and no list', async () => {
    const work = tempDir('head-office-http');
    const dataDir = join(work, 'data');
    const staticDir = join(work, 'dist');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Muster</title>');
    const store = openSqliteStore(dataDir);
    const at = new Date(T0).toISOString();
    await store.createOrg({ id: HQ, name: 'Head office' }, at);
    await store.createOrg({ id: RIVERSIDE, name: 'Riverside Sub-branch', parentId: HQ }, at);
    const issue = async (orgId: string, role: DeviceRole) => {
      const value = newDeviceToken();
      await store.addDeviceToken({ id: `dt-${orgId}-${role}`, orgId, label: `${role} at ${orgId}`, tokenHash: hashDeviceToken(value), role }, at);
      return value;
    };
    const hqToken = await issue(HQ, 'head-office');
    const phoneToken = await issue(RIVERSIDE, 'member');
    const http = await startServer({ port: 0, dataDir, staticDir, drainMs: 100 });
    const baseUrl = `http://127.0.0.1:${http.port}`;
    const requests: string[] = [];
    const fetchCounted: FetchLike = (input, init) => {
      requests.push(new URL(input).pathname);
      return fetch(input, init);
    };
    const tablet = device('hq-tablet-http');
    await tablet.enrol(hqToken);
    const timers = new ManualTimers();
    const watchdog = new ManualTimers();
    const engine = createSyncEngine({
      db: tablet.db,
      transportFor: (t) => httpTransport({ baseUrl, token: t, fetch: fetchCounted }),
      openStream: hintStreamOpener({ baseUrl, fetch: fetchCounted, setTimer: watchdog.set, clearTimer: watchdog.clear }),
      now: () => clock,
      random: halfway,
      setTimer: timers.set,
      clearTimer: timers.clear,
      windowTarget: new FakeTarget(),
      documentTarget: new FakeTarget(),
    });
    try {
      engine.start();
      await engine.whenIdle();
      await expect.poll(() => engine.getStatus().stream).toBe('open');

      // The branch's phone declares a flood and pushes it; the tablet is told on its stream.
      const phone = device('riverside-phone-http');
      const incident = 'inc-riverside-http';
      await phone.record({
        streamId: incident,
        actor: 'Officer Zhao',
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: 'Basement flooding', place: 'B1' },
      });
      requests.length = 0;
      await syncOnce({ db: phone.db, transport: httpTransport({ baseUrl, token: phoneToken }), ...phone.env });

      await heldAtHeadOffice(tablet.db, RIVERSIDE, incident);
      // That branch was pulled on its hint: no list, no round, no timer.
      expect(requests).toEqual([`/api/v1/branches/${RIVERSIDE}/events`]);
      expect(timers.pending.size).toBeGreaterThan(0); // the safety poll still waits, unfired
    } finally {
      engine.stop();
      await engine.whenIdle();
      await http.close();
      store.close();
    }
  });
});
