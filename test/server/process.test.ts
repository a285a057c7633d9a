import { existsSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePort, readServerConfig } from '../../src/server/config';
import { exitWithin, freePort, makeTempDir, rawGet, removeTempDirs, spawnServer, stopStrayServers, writeTree, type ServerProcess } from './support';

const RUNNING = /Muster is running at (http:\/\/127\.0\.0\.1:(\d+)\/) \(data in (.+)\)\n/;

afterEach(() => {
  stopStrayServers();
  removeTempDirs();
});

async function startProcess(extraEnv: Record<string, string> = {}): Promise<{
  server: ServerProcess;
  port: number;
  dataDir: string;
}> {
  const work = makeTempDir('proc');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const port = await freePort();
  const dataDir = join(work, 'data');
  const server = spawnServer({
    PORT: String(port),
    DATA_DIR: dataDir,
    STATIC_DIR: join(work, 'dist'),
    ...extraEnv,
  });
  const [, url, printedPort, printedData] = await server.waitForOutput(RUNNING);
  expect(url).toBe(`http://127.0.0.1:${port}/`);
  expect(printedPort).toBe(String(port));
  expect(printedData).toBe(dataDir);
  return { server, port, dataDir };
}

/** Opens the file the stopped server left and checks it is whole and fully checkpointed. */
function expectDatabaseIntact(dataDir: string): void {
  const file = join(dataDir, 'muster.sqlite');
  // A -wal file left behind means the process died without closing the database.
  expect(existsSync(`${file}-wal`)).toBe(false);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('orgs', 'events', 'device_tokens')`).get()).toEqual({ n: 3 });
  } finally {
    db.close();
  }
}

/** Starts GET /api/test/slow and resolves once the server has begun answering it. */
function startSlowRequest(port: number, ms: number, agent: Agent | false = false): Promise<{ rest: Promise<string> }> {
  return new Promise((resolveStarted, reject) => {
    const req = get({ host: '127.0.0.1', port, path: `/api/test/slow?ms=${ms}`, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      const rest = new Promise<string>((resolveBody, rejectBody) => {
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body === 'started\n') resolveStarted({ rest });
        });
        res.on('end', () => resolveBody(body));
        res.on('error', rejectBody);
        res.on('aborted', () => rejectBody(new Error(`cut off after ${JSON.stringify(body)}`)));
      });
      rest.catch(() => undefined); // observed by the caller; avoid an unhandled rejection before then
    });
    req.on('error', reject);
  });
}

describe('stopping the server process', () => {
  it('on SIGTERM finishes the request in flight, refuses new ones, closes the database and exits 0', async () => {
    const { server, port, dataDir } = await startProcess({ MUSTER_TEST_SLOW_ROUTE: '1' });
    // An idle keep-alive connection, as a browser leaves behind; it must not hold the exit up.
    const keepAlive = new Agent({ keepAlive: true });
    expect((await rawGet(port, '/api/health', keepAlive)).status).toBe(200);

    // On a keep-alive socket too: once answered it turns idle and must then be closed as well.
    const slow = await startSlowRequest(port, 1_500, new Agent({ keepAlive: true }));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await server.waitForOutput(/Muster is stopping \(SIGTERM\), finishing 1 request\(s\)/);
    await expect(rawGet(port, '/api/health')).rejects.toThrow(/ECONNREFUSED/);

    expect(await slow.rest).toBe('started\nfinished\n');
    expect(await exitWithin(server, 5_000 - (Date.now() - signalledAt))).toBe(0);
    const took = Date.now() - signalledAt;
    expect(took).toBeGreaterThanOrEqual(1_400);
    // Well before the 4 s cut-off: the answered keep-alive socket was closed, not waited out.
    expect(took).toBeLessThan(3_000);
    expect(server.stdout()).toContain('Muster stopped.');
    expect(server.stderr()).toBe('');
    keepAlive.destroy();
    expectDatabaseIntact(dataDir);
  });

  it('on SIGINT (Ctrl+C) exits 0 at once even with an idle keep-alive connection open', async () => {
    const { server, port, dataDir } = await startProcess();
    const keepAlive = new Agent({ keepAlive: true });
    expect((await rawGet(port, '/api/health', keepAlive)).status).toBe(200);

    const signalledAt = Date.now();
    server.child.kill('SIGINT');
    expect(await exitWithin(server, 5_000)).toBe(0);
    // Node keeps idle sockets for 5 s; leaving well before that shows they were closed.
    expect(Date.now() - signalledAt).toBeLessThan(2_500);
    expect(server.stdout()).toContain('Muster is stopping (SIGINT)');
    expect(server.stdout()).toContain('Muster stopped.');
    keepAlive.destroy();
    expectDatabaseIntact(dataDir);
  });

  it('cuts a request that will not finish after about 4 s and still exits 0 within 5 s', async () => {
    const { server, port, dataDir } = await startProcess({ MUSTER_TEST_SLOW_ROUTE: '1' });
    const slow = await startSlowRequest(port, 20_000);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    expect(await exitWithin(server, 5_000)).toBe(0);
    const took = Date.now() - signalledAt;
    expect(took).toBeGreaterThanOrEqual(3_500);
    await expect(slow.rest).rejects.toThrow();
    expect(server.stdout()).toContain('Muster stopped.');
    expectDatabaseIntact(dataDir);
  });
});

describe('starting the server process', () => {
  let squatter: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((done) => (squatter ? squatter.close(() => done()) : done()));
    squatter = undefined;
  });

  it('exits 1 and says which port is taken when another program holds it', async () => {
    const port = await freePort();
    squatter = createServer();
    await new Promise<void>((done) => squatter?.listen(port, '127.0.0.1', done));

    const server = spawnServer({ PORT: String(port), DATA_DIR: join(makeTempDir('busy'), 'data') });
    expect(await exitWithin(server, 15_000)).toBe(1);
    expect(server.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use — is Muster already running? Set PORT to use another port.`);
    expect(server.stderr()).not.toMatch(/\n\s+at /); // one clear line, not a stack trace
    expect(server.stdout()).not.toContain('Muster is running');
  });

  it.each(['eighty', '70000', '0', '80.5', '-1'])('exits 1 naming PORT when PORT=%s', async (value) => {
    const server = spawnServer({ PORT: value, DATA_DIR: join(makeTempDir('badport'), 'data') });
    expect(await exitWithin(server, 15_000)).toBe(1);
    expect(server.stderr()).toContain(`PORT must be a whole number from 1 to 65535, but it is "${value}"`);
    expect(server.stdout()).toBe('');
  });

  it('exits 1 naming the file when DATA_DIR holds something that is not a database', async () => {
    const work = makeTempDir('notadb');
    writeTree(work, { 'data/muster.sqlite': 'a spreadsheet someone saved here\n'.repeat(30) });
    const server = spawnServer({ PORT: String(await freePort()), DATA_DIR: join(work, 'data') });
    expect(await exitWithin(server, 15_000)).toBe(1);
    expect(server.stderr()).toContain(`Cannot open the Muster database ${join(work, 'data', 'muster.sqlite')}`);
    expect(server.stderr()).toContain('not a SQLite database');
  });
});

describe('reading the environment', () => {
  it('defaults to 127.0.0.1:8080, ./data and the repository dist/', () => {
    expect(readServerConfig({}, '/repo', '/here')).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/here/data',
      staticDir: '/repo/dist',
      slowTestRoute: false,
    });
  });

  it('takes HOST, PORT, DATA_DIR and STATIC_DIR, relative paths from the current folder', () => {
    const env = { HOST: '0.0.0.0', PORT: '9000', DATA_DIR: 'var/muster', STATIC_DIR: '/srv/muster' };
    expect(readServerConfig(env, '/repo', '/here')).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/here/var/muster',
      staticDir: '/srv/muster',
    });
  });

  it.each([
    [undefined, 8080],
    ['', 8080],
    ['1', 1],
    ['65535', 65535],
    [' 8081 ', 8081],
  ])('PORT=%j means port %i', (raw, port) => {
    expect(parsePort(raw)).toBe(port);
  });

  it.each(['65536', '0', 'abc', '1e3', '0x50', '8080abc'])('rejects PORT=%j naming PORT', (raw) => {
    expect(() => parsePort(raw)).toThrow(/^PORT must be a whole number from 1 to 65535/);
  });
});
