import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCursor, readSyncEpoch } from '../../src/storage/sync-state';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { createSyncEngine, type SyncEngine } from '../../src/sync/controller';
import { httpTransport } from '../../src/sync/transport';
import { exitWithin, freePort, makeTempDir, REPO_ROOT, removeTempDirs, spawnServer, stopStrayServers, writeTree, type ServerProcess } from '../server/support';
import { ManualTimers, TestDevice } from './support';

// Issue 16, finding 4: the server's database is restored from a backup while two phones keep
// working. Records made after the backup must not be lost, and records made after the restore
// must reach every phone, although their seq numbers were handed out once already (before,
// 100 of 100 were missed). The real server process, the real admin CLI, real SQLite files.

const ORG = 'org-bank-sz';
const devices: TestDevice[] = [];

afterEach(async () => {
  stopStrayServers();
  for (const d of devices.splice(0)) await d.dispose();
  removeTempDirs();
});

interface Deployment {
  work: string;
  dataDir: string;
  port: number;
  url: string;
  tokens: { commander: string; scribe: string };
  server?: ServerProcess;
}

async function deploy(): Promise<Deployment> {
  const work = makeTempDir('restore');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const dataDir = join(work, 'data');
  const store = openSqliteStore(dataDir);
  await store.createOrg({ id: ORG, name: 'Shenzhen branch' }, '2026-07-14T02:00:00Z');
  const tokens = { commander: newDeviceToken(), scribe: newDeviceToken() };
  for (const [name, token] of Object.entries(tokens)) {
    await store.addDeviceToken({ id: `dt-${name}`, orgId: ORG, label: `${name} phone`, tokenHash: hashDeviceToken(token) }, '2026-07-14T02:00:00Z');
  }
  store.close();
  const port = await freePort();
  return { work, dataDir, port, url: `http://127.0.0.1:${port}`, tokens };
}

async function start(d: Deployment): Promise<void> {
  d.server = spawnServer({ PORT: String(d.port), DATA_DIR: d.dataDir, STATIC_DIR: join(d.work, 'dist') });
  await d.server.waitForOutput(/Muster is running at/);
}

async function stop(d: Deployment): Promise<void> {
  d.server?.child.kill('SIGTERM');
  if (d.server) await exitWithin(d.server, 30_000);
}

function admin(d: Deployment, ...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: d.dataDir, INIT_CWD: d.work },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

function storedIds(d: Deployment): string[] {
  const store = openSqliteStore(d.dataDir);
  try {
    return (store.db.prepare('SELECT id FROM events WHERE org_id = ? ORDER BY seq').all(ORG) as { id: string }[]).map((r) => r.id);
  } finally {
    store.close();
  }
}

function phone(name: string, d: Deployment): { device: TestDevice; engine: SyncEngine } {
  const device = new TestDevice(name, () => Date.now(), 0, devices.length + 31);
  devices.push(device);
  const timers = new ManualTimers();
  const engine = createSyncEngine({
    db: device.db,
    transportFor: (t) => httpTransport({ baseUrl: d.url, token: t }),
    ...device.env,
    setTimer: timers.set,
    clearTimer: timers.clear,
  });
  return { device, engine };
}

async function recordNotes(d: TestDevice, n: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await d.record({ streamId: 'inc-flood-b1', actor: d.name, type: 'note.added', payload: { text: `${label} ${i}` } }));
  return ids;
}

describe('the server restored from a backup under two live phones', () => {
  it('loses no record made after the backup, and both phones get every record made after the restore', async () => {
    const dep = await deploy();
    await start(dep);
    const commander = phone('commander', dep);
    const scribe = phone('scribe', dep);
    await commander.device.enrol(dep.tokens.commander);
    await scribe.device.enrol(dep.tokens.scribe);

    const early = await recordNotes(commander.device, 20, 'before the backup');
    await commander.engine.syncNow();
    await scribe.engine.syncNow();
    const epochBefore = await readSyncEpoch(scribe.device.db);
    expect(epochBefore).toMatch(/^[0-9a-f]{32}$/);

    admin(dep, 'backup', 'nightly.sqlite');

    // Made after the backup, acknowledged by the server (out of the outbox), pulled by the scribe.
    const acknowledged = await recordNotes(commander.device, 100, 'after the backup');
    await commander.engine.syncNow();
    await scribe.engine.syncNow();
    expect(await commander.device.db.outbox.count()).toBe(0);
    expect(await scribe.device.eventIds()).toHaveLength(120);
    const scribeCursor = await readCursor(scribe.device.db);

    // The disk is replaced; last night's backup goes back.
    await stop(dep);
    expect(admin(dep, 'restore', 'nightly.sqlite')).toContain('20 events');
    await start(dep);
    // The backup's events, whatever order the server numbered them in (two notes of one millisecond go out in id order).
    expect([...storedIds(dep)].sort()).toEqual([...early].sort());

    // The scribe records 100 more: the restored server numbers them from 21, below the
    // commander's cursor (which the commander must not trust any more).
    const afterRestore = await recordNotes(scribe.device, 100, 'after the restore');
    await scribe.engine.syncNow();
    await commander.engine.syncNow();
    await scribe.engine.syncNow();

    const everything = [...early, ...acknowledged, ...afterRestore].sort();
    const onServer = storedIds(dep);
    expect(new Set(onServer).size).toBe(onServer.length);
    expect([...onServer].sort()).toEqual(everything);
    expect(await commander.device.eventIds()).toEqual(everything);
    expect(await scribe.device.eventIds()).toEqual(everything);
    for (const p of [commander, scribe]) {
      expect(await p.device.db.outbox.count()).toBe(0);
      expect(p.engine.getStatus()).toMatchObject({ lastError: null });
      expect(await readSyncEpoch(p.device.db)).not.toBe(epochBefore);
    }
    // The cursors count in the new epoch: the scribe's is the restored server's, not the old one.
    expect(await readCursor(scribe.device.db)).not.toBe(scribeCursor);
    await stop(dep);
  }, 240_000);
});
