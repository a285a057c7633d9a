import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { exitWithin, freePort, makeTempDir, REPO_ROOT, removeTempDirs, spawnServer, stopStrayServers, writeTree, type ServerProcess } from './support';

// Issue 16, finding 4: the database's identity (its epoch) in every pull, the same across
// restarts and new after a restore; `npm run admin -- backup` and `restore`, as an
// administrator runs them next to the real server process.

afterEach(() => {
  stopStrayServers();
  removeTempDirs();
});

const ORG = 'org-bank-sz';

function admin(dataDir: string, cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/admin.ts'), ...args], {
    cwd: REPO_ROOT,
    // INIT_CWD is where npm says the command was typed: a relative backup path is taken from there.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, INIT_CWD: cwd },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Site {
  work: string;
  dataDir: string;
  port: number;
  token: string;
  server?: ServerProcess;
}

async function site(): Promise<Site> {
  const work = makeTempDir('backup');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const dataDir = join(work, 'data');
  const store = openSqliteStore(dataDir);
  const token = newDeviceToken();
  await store.createOrg({ id: ORG, name: 'Shenzhen branch' }, '2026-07-14T02:00:00Z');
  await store.addDeviceToken({ id: 'dt-1', orgId: ORG, label: 'duty phone', tokenHash: hashDeviceToken(token) }, '2026-07-14T02:00:00Z');
  store.close();
  return { work, dataDir, port: await freePort(), token };
}

async function start(s: Site): Promise<void> {
  s.server = spawnServer({ PORT: String(s.port), DATA_DIR: s.dataDir, STATIC_DIR: join(s.work, 'dist') });
  await s.server.waitForOutput(/Muster is running at/);
}

async function stop(s: Site): Promise<void> {
  s.server?.child.kill('SIGTERM');
  if (s.server) expect(await exitWithin(s.server, 30_000)).toBe(0);
}

/**
 * One connection per request: while the test blocks in spawnSync for the admin CLI, a kept-alive
 * connection may time out on the server's side and fail the next request.
 */
function call<T>(s: Site, method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; body: T }> {
  return new Promise((resolveCall, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${s.token}` };
    if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
    const req = request({ host: '127.0.0.1', port: s.port, path, method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body: JSON.parse(text) as T }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function pullAll(s: Site): Promise<PullResponse> {
  const res = await call<PullResponse>(s, 'GET', '/api/v1/events?after=0');
  expect(res.status).toBe(200);
  return res.body;
}

let serial = 0;
async function push(s: Site, ...texts: string[]): Promise<string[]> {
  const events = texts.map((text) => {
    serial += 1;
    return {
      id: `0198b000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
      streamId: 'inc-flood-b1',
      deviceId: 'd-duty',
      actor: '王值班',
      hlc: `${String(1784080800000 + serial).padStart(15, '0')}-0000-d-duty`,
      type: 'note.added',
      payload: { text },
      v: 1,
    };
  });
  const { body } = await call<PushResponse>(s, 'POST', '/api/v1/events', JSON.stringify({ events }));
  expect(body.results.map((r) => r.status)).toEqual(texts.map(() => 'accepted'));
  return events.map((e) => e.id);
}

describe('the database epoch, backup and restore', () => {
  it('keeps the epoch across restarts; a backup taken while the server runs restores, with a new epoch', async () => {
    const s = await site();
    await start(s);
    const first = await pullAll(s);
    expect(first.epoch).toMatch(/^[0-9a-f]{32}$/);
    const before = await push(s, '02:10 水深 20 cm', '02:15 已断电', '02:20 沙袋到位');

    // Online: the server keeps running and answering while the copy is made.
    const backedUp = admin(s.dataDir, s.work, 'backup', 'monday.sqlite');
    expect(backedUp.stderr).toBe('');
    expect(backedUp.status).toBe(0);
    const backup = join(s.work, 'monday.sqlite');
    expect(backedUp.stdout).toContain(backup);
    expect(statSync(backup).mode & 0o077).toBe(0);
    // Never over an existing file.
    const again = admin(s.dataDir, s.work, 'backup', 'monday.sqlite');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');

    const after = await push(s, '02:40 水退');
    expect((await pullAll(s)).events.map((e) => e.id)).toEqual([...before, ...after]);

    // Not while the server has the file open.
    const refused = admin(s.dataDir, s.work, 'restore', backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/server is running.*Stop it first/);
    expect((await pullAll(s)).events).toHaveLength(4);

    await stop(s);
    await start(s);
    const restarted = await pullAll(s);
    expect(restarted.epoch).toBe(first.epoch);
    await stop(s);

    const restored = admin(s.dataDir, s.work, 'restore', 'monday.sqlite');
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('3 events');
    // The replaced database is kept beside it.
    expect(readdirSync(s.dataDir).some((f) => /^muster\.sqlite\.before-restore-/.test(f))).toBe(true);

    await start(s);
    const back = await pullAll(s);
    expect(back.events.map((e) => e.id)).toEqual(before);
    expect(back.epoch).toMatch(/^[0-9a-f]{32}$/);
    expect(back.epoch).not.toBe(first.epoch);
    // The backup itself is untouched and can be restored again.
    expect(existsSync(backup)).toBe(true);
    await stop(s);
  }, 120_000);

  it('refuses a file that is not a Muster database, and leaves the database as it was', async () => {
    const s = await site();
    writeTree(s.work, { 'notes.txt': 'not a database at all, just some text that is long enough to look like something'.repeat(20) });
    const text = admin(s.dataDir, s.work, 'restore', 'notes.txt');
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/notes\.txt .*(not a readable SQLite database|cannot be opened)/);

    // A SQLite file, but somebody else's.
    const other = join(s.work, 'other.sqlite');
    const db = openSqliteStore(join(s.work, 'elsewhere'));
    db.db.exec('DROP TABLE events');
    db.close();
    const foreign = admin(s.dataDir, s.work, 'restore', join(s.work, 'elsewhere', 'muster.sqlite'));
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('is not a Muster database');
    const missing = admin(s.dataDir, s.work, 'restore', other);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no file');

    expect(readdirSync(s.dataDir).filter((f) => f.includes('restor'))).toEqual([]);
    await start(s);
    expect((await pullAll(s)).events).toEqual([]);
    await stop(s);
  }, 120_000);
});
