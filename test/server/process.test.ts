import { existsSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePort, readServerConfig } from '../../src/server/config';
import { DEFAULT_MIN_FREE_DISK_BYTES } from '../../src/server/health';
import { DEFAULT_COST_LIMITS } from '../../src/server/rate-limit';
import {
  exitWithin,
  freePort,
  LATEST_SCHEMA_VERSION,
  makeTempDir,
  rawGet,
  removeTempDirs,
  spawnServer,
  stopStrayServers,
  writeTree,
  type ServerProcess,
} from './support';

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
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('orgs', 'events', 'device_tokens', 'published_playbooks')`).get()).toEqual({
      n: 4,
    });
  } finally {
    db.close();
  }
}

interface WatchedRequest {
  /** The whole body; rejects if the connection is cut before the answer ends. */
  readonly body: Promise<string>;
  /** Resolves when the server closes the connection. */
  readonly closed: Promise<void>;
}

/**
 * GET `path` on a keep-alive connection of its own. Resolves once the first bytes of the body
 * have arrived (the slow route sends its first line at once), and notes in `log`, in the order
 * the test process sees them, when the answer ended (`<name> answered`) and when the server
 * closed the connection (`<name> closed`). The shutdown tests check the order of those notes,
 * not a stopwatch.
 */
function watchedGet(port: number, path: string, name: string, log: string[]): Promise<WatchedRequest> {
  return new Promise((resolveStarted, reject) => {
    let closed: Promise<void> = Promise.resolve();
    const req = get({ host: '127.0.0.1', port, path, agent: new Agent({ keepAlive: true }) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const body = new Promise<string>((resolveBody, rejectBody) => {
        res.on('data', (chunk: string) => {
          text += chunk;
          resolveStarted({ body, closed });
        });
        res.on('end', () => {
          log.push(`${name} answered`);
          resolveBody(text);
        });
        res.on('close', () => {
          if (!res.complete) rejectBody(new Error(`cut off after ${JSON.stringify(text)}`));
        });
      });
      body.catch(() => undefined); // observed by the caller; avoid an unhandled rejection before then
    });
    req.on('socket', (socket) => {
      closed = new Promise((resolveClosed) =>
        socket.once('close', () => {
          log.push(`${name} closed`);
          resolveClosed();
        }),
      );
    });
    req.on('error', reject);
  });
}

// Each test starts a real process; the timeouts only catch a hang, far above a slow machine's time.
const PROCESS_TEST = { timeout: 120_000 };

describe('stopping the server process', PROCESS_TEST, () => {
  // Nothing here times the shutdown with the test's own clock, which a busy machine skews.
  // Promptness shows in the order of events: a connection closed while another request is
  // still being answered was not left for the cut-off, whatever the machine's speed.
  it('on SIGTERM finishes the requests in flight, closes idle and answered keep-alive connections at once, refuses new ones and exits 0', async () => {
    const { server, port, dataDir } = await startProcess({ MUSTER_TEST_SLOW_ROUTE: '1' });
    const log: string[] = [];
    // An idle keep-alive connection, as a browser leaves behind; it must not hold the exit up.
    const idle = await watchedGet(port, '/api/health', 'idle', log);
    expect(JSON.parse(await idle.body)).toMatchObject({ status: 'ok' });
    // On a keep-alive connection too: once answered it turns idle and must then be closed as
    // well, while the longer request still runs, well before the cut-off.
    const short = await watchedGet(port, '/api/test/slow?ms=1000', 'short', log);
    const long = await watchedGet(port, '/api/test/slow?ms=3000', 'long', log);

    server.child.kill('SIGTERM');
    await server.waitForOutput(/Muster is stopping \(SIGTERM\), finishing 2 request\(s\)/);
    await expect(rawGet(port, '/api/health')).rejects.toThrow(/ECONNREFUSED/);

    expect(await short.body).toBe('started\nfinished\n');
    expect(await long.body).toBe('started\nfinished\n');
    expect(await server.exited).toBe(0);
    await Promise.all([idle.closed, short.closed, long.closed]);
    expect(log.indexOf('idle closed')).toBeLessThan(log.indexOf('short answered'));
    expect(log.indexOf('short closed')).toBeLessThan(log.indexOf('long answered'));
    expect(server.stdout()).toContain('Muster stopped.');
    expect(server.stderr()).toBe('');
    expectDatabaseIntact(dataDir);
  });

  it('on SIGINT (Ctrl+C) closes an idle keep-alive connection and exits 0', async () => {
    const { server, port, dataDir } = await startProcess();
    const log: string[] = [];
    const idle = await watchedGet(port, '/api/health', 'idle', log);
    await idle.body;

    // Both signals take the same path; that idle connections are closed at once rather than at
    // the cut-off is shown under SIGTERM above.
    server.child.kill('SIGINT');
    // Exit code 0, not 1, means the process stopped before its own 4.8 s deadline fired.
    expect(await server.exited).toBe(0);
    await idle.closed;
    expect(server.stdout()).toContain('Muster is stopping (SIGINT)');
    expect(server.stdout()).toContain('Muster stopped.');
    expectDatabaseIntact(dataDir);
  });

  it('cuts a request that will not finish after about 4 s and still exits 0 within 5 s', async () => {
    const { server, port, dataDir } = await startProcess({ MUSTER_TEST_SLOW_ROUTE: '1' });
    const slow = await watchedGet(port, '/api/test/slow?ms=20000', 'slow', []);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    // Exit code 0, not 1, means the process stopped before its own 4.8 s deadline fired.
    expect(await server.exited).toBe(0);
    // A lower bound only: the cut-off timer starts after the signal, so no machine is too slow for it.
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(3_500);
    await expect(slow.body).rejects.toThrow(/cut off/);
    expect(server.stdout()).toContain('Muster stopped.');
    expectDatabaseIntact(dataDir);
  });
});

describe('starting the server process', PROCESS_TEST, () => {
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
    expect(await exitWithin(server, 60_000)).toBe(1);
    expect(server.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use — is Muster already running? Set PORT to use another port.`);
    expect(server.stderr()).not.toMatch(/\n\s+at /); // one clear line, not a stack trace
    expect(server.stdout()).not.toContain('Muster is running');
  });

  it.each(['eighty', '70000', '0', '80.5', '-1'])('exits 1 naming PORT when PORT=%s', async (value) => {
    const server = spawnServer({ PORT: value, DATA_DIR: join(makeTempDir('badport'), 'data') });
    expect(await exitWithin(server, 60_000)).toBe(1);
    expect(server.stderr()).toContain(`PORT must be a whole number from 1 to 65535, but it is "${value}"`);
    expect(server.stdout()).toBe('');
  });

  it('exits 1 naming the file when DATA_DIR holds something that is not a database', async () => {
    const work = makeTempDir('notadb');
    writeTree(work, { 'data/muster.sqlite': 'a spreadsheet someone saved here\n'.repeat(30) });
    const server = spawnServer({ PORT: String(await freePort()), DATA_DIR: join(work, 'data') });
    expect(await exitWithin(server, 60_000)).toBe(1);
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
      trustProxy: false,
      limits: DEFAULT_COST_LIMITS,
      minFreeDiskBytes: DEFAULT_MIN_FREE_DISK_BYTES,
    });
  });

  it('takes MIN_FREE_DISK_MB, below which health answers 503, and refuses a value that is not a number', () => {
    expect(readServerConfig({ MIN_FREE_DISK_MB: '1024' }, '/repo', '/here').minFreeDiskBytes).toBe(1024 * 1024 * 1024);
    expect(readServerConfig({ MIN_FREE_DISK_MB: '0' }, '/repo', '/here').minFreeDiskBytes).toBe(0);
    expect(() => readServerConfig({ MIN_FREE_DISK_MB: '1GB' }, '/repo', '/here')).toThrow(
      'MIN_FREE_DISK_MB must be a whole number of at least 0, but it is "1GB". Example: MIN_FREE_DISK_MB=256',
    );
  });

  it('takes TOKEN_BYTES_PER_MINUTE, ORG_QUOTA_MB and UNAUTHENTICATED_PER_MINUTE', () => {
    const env = { TOKEN_BYTES_PER_MINUTE: '2097152', ORG_QUOTA_MB: '500', UNAUTHENTICATED_PER_MINUTE: '10' };
    expect(readServerConfig(env, '/repo', '/here').limits).toEqual({
      tokenBytesPerMinute: 2_097_152,
      orgQuotaBytes: 500 * 1024 * 1024,
      unauthenticatedPerMinute: 10,
    });
  });

  it('takes HTTP_PORT, PUBLIC_URL, TRUST_PROXY, TLS_CERT and TLS_KEY', () => {
    const env = { HTTP_PORT: '80', PUBLIC_URL: 'https://Muster.Branch.lan:8443/', TRUST_PROXY: '1', TLS_CERT: 'tls/a.crt', TLS_KEY: '/etc/a.key' };
    expect(readServerConfig(env, '/repo', '/here')).toMatchObject({
      httpPort: 80,
      publicUrl: 'https://muster.branch.lan:8443',
      trustProxy: true,
      tlsCert: '/here/tls/a.crt',
      tlsKey: '/etc/a.key',
    });
  });

  it.each([
    [{ HTTP_PORT: 'eighty' }, /^HTTP_PORT must be a whole number/],
    [{ PUBLIC_URL: 'muster.branch.lan' }, /^PUBLIC_URL must be a full address/],
    [{ PUBLIC_URL: 'https://muster.branch.lan/muster' }, /^PUBLIC_URL must be the server's address only/],
    [{ TRUST_PROXY: 'maybe' }, /^TRUST_PROXY must be 1 \(on\) or 0 \(off\)/],
    // Below the largest push body, a device could never push a full batch again.
    [{ TOKEN_BYTES_PER_MINUTE: '1000' }, /^TOKEN_BYTES_PER_MINUTE must be a whole number of at least 1048576/],
    [{ ORG_QUOTA_MB: '1.5' }, /^ORG_QUOTA_MB must be a whole number of at least 1/],
    [{ UNAUTHENTICATED_PER_MINUTE: '0' }, /^UNAUTHENTICATED_PER_MINUTE must be a whole number of at least 1/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readServerConfig(env, '/repo', '/here')).toThrow(message);
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
