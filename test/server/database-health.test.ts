import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { sqliteHealthCheck } from '../../src/server/health';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, SQLITE_FILE_NAME, StoreOpenError, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { exitWithin, freePort, makeTempDir, removeTempDirs, spawnServer, stopStrayServers, writeTree } from './support';

// Finding 5 of issue 16: a damaged database file started and said 200; a 0-byte file started as
// an empty database (every token 401); health said 200 with the disk full.

const servers: RunningServer[] = [];
const listeners: ServerType[] = [];
const stores: SqliteEventStore[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const listener of listeners.splice(0)) await new Promise((done) => listener.close(done));
  for (const store of stores.splice(0)) store.close();
  stopStrayServers();
  removeTempDirs();
});

function workDir(label: string): { dataDir: string; staticDir: string; file: string } {
  const work = makeTempDir(label);
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const dataDir = join(work, 'data');
  return { dataDir, staticDir: join(work, 'dist'), file: join(dataDir, SQLITE_FILE_NAME) };
}

/** A real Muster database with an organisation and 3,000 notes, closed (its WAL checkpointed). */
async function filledDatabase(dataDir: string): Promise<void> {
  const store = openSqliteStore(dataDir);
  await store.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, '2026-07-14T02:00:00.000Z');
  const notes = Array.from({ length: 3000 }, (_, i) => ({
    id: `0198a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId: 'd-commander',
    actor: '王值班',
    hlc: `${String(1784080800000 + i).padStart(15, '0')}-0000-d-commander`,
    type: 'note.added' as const,
    payload: { text: `水位上涨，第 ${i} 次报告：一楼已疏散 ${'。'.repeat(60)}` },
    v: 1,
  }));
  await store.appendEvents('org-bank-sz', notes, '2026-07-14T02:05:00.000Z');
  store.close();
}

async function startRefusal(options: { dataDir: string; staticDir: string }): Promise<StoreOpenError> {
  const started = startServer({ port: 0, ...options });
  await expect(started).rejects.toBeInstanceOf(StoreOpenError);
  return started.then(
    (server) => {
      servers.push(server);
      throw new Error('the server started');
    },
    (error: unknown) => error as StoreOpenError,
  );
}

describe('the database file is checked when the server starts', () => {
  it('refuses a file with garbage written over pages in its middle, naming the file and saying to restore a backup', async () => {
    const { dataDir, staticDir, file } = workDir('corrupt');
    await filledDatabase(dataDir);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(16 * 1024, 0xa5), 0, 16 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const error = await startRefusal({ dataDir, staticDir });
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/damaged|corrupt/);
    expect(error.message).toMatch(/copy your latest backup of the database over this file/);
    // main.ts prints it as the one line a person reads.
    expect(error.message).not.toContain('\n');
  });

  it('refuses a 0-byte file instead of starting as an empty database', async () => {
    const { dataDir, staticDir, file } = workDir('empty');
    writeTree(dataDir, { [SQLITE_FILE_NAME]: '' });
    const error = await startRefusal({ dataDir, staticDir });
    expect(error.message).toBe(
      `Cannot open the Muster database ${file}: the file is empty (0 bytes): it holds no organisation and no device token. Stop Muster, copy your latest backup of the database over this file (deleting the -wal and -shm files beside it, if any), and start again; if this is a new installation with nothing in it yet, delete the empty file instead.`,
    );
    // Nothing was written into it: the administrator still has the evidence.
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a SQLite file of another program, and writes nothing into it', async () => {
    const { dataDir, staticDir, file } = workDir('foreign');
    mkdirSync(dataDir, { recursive: true });
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT, phone TEXT)');
    other.close();
    const error = await startRefusal({ dataDir, staticDir });
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Muster database: it holds tables of another program \(contacts\)/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('starts as usual on a new folder and again on the file it made', async () => {
    const { dataDir, staticDir } = workDir('fresh');
    servers.push(await startServer({ port: 0, dataDir, staticDir }));
    await servers.pop()?.close();
    servers.push(await startServer({ port: 0, dataDir, staticDir }));
  });

  it('the server process refuses a 0-byte file in one line on stderr and exits 1', async () => {
    const { dataDir, staticDir, file } = workDir('empty-process');
    writeTree(dataDir, { [SQLITE_FILE_NAME]: '' });
    const server = spawnServer({ PORT: String(await freePort()), DATA_DIR: dataDir, STATIC_DIR: staticDir });
    expect(await exitWithin(server, 60_000)).toBe(1);
    expect(server.stderr().trim()).toBe(
      `Cannot open the Muster database ${file}: the file is empty (0 bytes): it holds no organisation and no device token. Stop Muster, copy your latest backup of the database over this file (deleting the -wal and -shm files beside it, if any), and start again; if this is a new installation with nothing in it yet, delete the empty file instead.`,
    );
  });
});

interface Health {
  status: string;
  database: { read: boolean; write: boolean };
  disk: { freeBytes: number | null; minFreeBytes: number };
  problems: string[];
}

async function health(base: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(new URL('/api/health', base));
  return { status: res.status, body: (await res.json()) as Health };
}

/** The app over real HTTP on a store the test holds, so it can break the store under the server. */
async function serveOwnStore(options: { minFreeBytes?: number } = {}): Promise<{ url: string; store: SqliteEventStore }> {
  const { dataDir, staticDir } = workDir('health');
  const store = openSqliteStore(dataDir);
  stores.push(store);
  const app = createApp({ storage: store, version: '0.0.0-test', staticDir, health: sqliteHealthCheck({ db: store.db, dataDir, ...options }) });
  const listener = await new Promise<ServerType>((ready) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
  });
  listeners.push(listener);
  return { url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/`, store };
}

describe('GET /api/health touches the database and the disk', () => {
  it('says 200 when the database reads and writes, with the free bytes of the data folder', async () => {
    const { url } = await serveOwnStore({ minFreeBytes: 1 });
    const answer = await health(url);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', database: { read: true, write: true }, disk: { minFreeBytes: 1 }, problems: [] });
    expect(answer.body.disk.freeBytes).toBeGreaterThan(0);
  });

  it('answers 503 with the reason when the database is closed under the server', async () => {
    const { url, store } = await serveOwnStore({ minFreeBytes: 1 });
    store.close();
    const answer = await health(url);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 'unavailable', database: { read: false, write: false } });
    expect(answer.body.problems).toContain('The database cannot be written, so pushes would fail (the database connection is closed).');
  });

  it('answers 503 when the connection can read but not write', async () => {
    const { url, store } = await serveOwnStore({ minFreeBytes: 1 });
    // What a read-only file gives; chmod would not do it when the tests run as root.
    store.db.pragma('query_only = 1');
    const answer = await health(url);
    expect(answer.status).toBe(503);
    expect(answer.body.database).toEqual({ read: true, write: false });
    expect(answer.body.problems).toEqual([expect.stringMatching(/^The database cannot be written, so pushes would fail \(SQLITE_READONLY: /)]);
    store.db.pragma('query_only = 0');
    expect((await health(url)).status).toBe(200);
  });

  it('leaves nothing behind: fifty probes add no row and write nothing to the file or its log', async () => {
    const { url, store } = await serveOwnStore({ minFreeBytes: 1 });
    const files = [store.file, `${store.file}-wal`];
    const bytes = (): (Buffer | undefined)[] => files.map((f) => (existsSync(f) ? readFileSync(f) : undefined));
    const before = { rows: store.db.prepare('SELECT * FROM sqlite_sequence').all(), bytes: bytes() };
    for (let i = 0; i < 50; i++) expect((await health(url)).status).toBe(200);
    expect(store.db.prepare('SELECT * FROM sqlite_sequence').all()).toEqual(before.rows);
    expect(bytes()).toEqual(before.bytes);
  });

  it('answers 503 when the disk holding DATA_DIR has less free space than the threshold (MIN_FREE_DISK_MB)', async () => {
    const { dataDir, staticDir } = workDir('full');
    const server = await startServer({ port: 0, dataDir, staticDir, minFreeDiskBytes: Number.MAX_SAFE_INTEGER });
    servers.push(server);
    const answer = await health(server.url);
    expect(answer.status).toBe(503);
    expect(answer.body.database).toEqual({ read: true, write: true });
    expect(answer.body.disk.minFreeBytes).toBe(Number.MAX_SAFE_INTEGER);
    expect(answer.body.disk.freeBytes).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(answer.body.problems).toEqual([
      expect.stringMatching(new RegExp(`^The disk holding ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is nearly full: \\d+ MB free`)),
    ]);
  });
});
