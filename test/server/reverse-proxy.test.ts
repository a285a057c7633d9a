// The nginx example a branch copies (deploy/nginx/muster.conf), run for real by Debian's nginx in
// front of Muster: phones reach Muster over nginx's HTTPS, and Muster must know it.
//
// Needs /usr/sbin/nginx built with SSL and HTTP/2: the Debian package nginx.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect as http2Connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { initTls, TLS_FILES } from '../../src/server/tls';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { MAX_BODY_BYTES } from '../../src/domain/sync-protocol';
import { freePort, makeTempDir, REPO_ROOT, removeTempDirs, writeTree } from './support';

const NGINX = '/usr/sbin/nginx';
const SITE_FILE = join(REPO_ROOT, 'deploy/nginx/muster.conf');
const NAME = 'muster.example.org';
const INDEX_HTML = '<!doctype html><title>Muster behind nginx</title>';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * The example with only what a test machine must change: the certificate, Muster's port, the
 * listening ports (high and on loopback, so no root is needed and nothing is opened to the
 * network) and certbot's folder. Every target must be in the file, and nothing else in it may
 * point at the real machine, so the example cannot drift away from what is tested here.
 */
function siteForTest(
  example: string,
  at: { certFile: string; keyFile: string; musterPort: number; httpPort: number; httpsPort: number; acmeRoot: string },
): string {
  const targets: [what: string, pattern: RegExp, replacement: string][] = [
    ['the certificate /etc/letsencrypt/live/muster.example.org/fullchain.pem', /\/etc\/letsencrypt\/live\/muster\.example\.org\/fullchain\.pem/g, at.certFile],
    ['the key /etc/letsencrypt/live/muster.example.org/privkey.pem', /\/etc\/letsencrypt\/live\/muster\.example\.org\/privkey\.pem/g, at.keyFile],
    ["Muster's address http://127.0.0.1:8080", /http:\/\/127\.0\.0\.1:8080(?=[;/\s])/g, `http://127.0.0.1:${at.musterPort}`],
    ['"listen 80"', /(?<=^\s*listen\s+)80(?=[\s;])/g, `127.0.0.1:${at.httpPort}`],
    ['"listen 443"', /(?<=^\s*listen\s+)443(?=[\s;])/g, `127.0.0.1:${at.httpsPort}`],
    ["certbot's folder /var/www/letsencrypt", /\/var\/www\/letsencrypt(?=[;/\s])/g, at.acmeRoot],
  ];
  const found = new Set<string>();
  const lines = example.split('\n').map((line) => {
    // Comments are left alone: a target found only there would not be tested.
    const code = line.replace(/(^|\s)#.*$/, '');
    if (code.trim() === '') return line;
    let changed = line;
    let rest = code;
    for (const [what, pattern, replacement] of targets) {
      if (pattern.test(code)) found.add(what);
      pattern.lastIndex = 0;
      changed = changed.replace(pattern, () => replacement);
      rest = rest.replace(pattern, '');
    }
    if (/(?<![\w.])(?:80|443|8080)(?![\w.])|\/etc\/|\/var\//.test(rest)) {
      throw new Error(`${SITE_FILE}: the test does not know how to run this line on a test machine: ${line.trim()}`);
    }
    return changed;
  });
  const missing = targets.map(([what]) => what).filter((what) => !found.has(what));
  if (missing.length > 0) throw new Error(`${SITE_FILE} no longer has ${missing.join('; ')}. Change the example and this test together.`);
  return lines.join('\n');
}

interface Nginx {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<void>;
  log(): string;
}

/** nginx in the foreground as one process, with every file it writes inside `dir`. */
function startNginx(dir: string, siteFile: string): Nginx {
  // The temp directives exist only for modules built in; nginx refuses unknown ones.
  const built = spawnSync(NGINX, ['-V'], { encoding: 'utf8' }).stderr;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((module) => module === 'client_body' || !built.includes(`--without-http_${module}_module`))
    .map((module) => `  ${module}_temp_path ${join(dir, `${module}_temp`)};`);
  const errorLog = join(dir, 'error.log');
  const main = [
    'daemon off;',
    // One process that does everything: no workers to switch to another user, so the same
    // file runs as root and as an ordinary user, with no "user" directive.
    'master_process off;',
    `pid ${join(dir, 'nginx.pid')};`,
    `lock_file ${join(dir, 'nginx.lock')};`,
    `error_log ${errorLog} warn;`,
    'events {}',
    'http {',
    '  access_log off;',
    ...temp,
    `  include ${siteFile};`,
    '}',
    '',
  ].join('\n');
  const mainFile = join(dir, 'nginx.conf');
  writeFileSync(mainFile, main);
  const child = spawn(NGINX, ['-p', `${dir}/`, '-e', errorLog, '-c', mainFile]);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const log = (): string => `${output}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;
  return { child, exited, log };
}

/** Resolves once something accepts connections on `port`; rejects if nginx exits first. */
async function waitForPort(port: number, nginx: Nginx, guardMs = 30_000): Promise<void> {
  const deadline = Date.now() + guardMs;
  for (;;) {
    if (nginx.child.exitCode !== null || nginx.child.signalCode !== null) throw new Error(`nginx stopped before listening on ${port}:\n${nginx.log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = netConnect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within ${guardMs} ms:\n${nginx.log()}`);
    await new Promise((retry) => setTimeout(retry, 20));
  }
}

async function stopNginx(nginx: Nginx): Promise<void> {
  if (nginx.child.exitCode !== null || nginx.child.signalCode !== null) return;
  nginx.child.kill('SIGQUIT'); // graceful: finishes what it is answering, then exits
  // Only a guard against a hung nginx.
  const guard = setTimeout(() => nginx.child.kill('SIGKILL'), 10_000);
  await nginx.exited;
  clearTimeout(guard);
}

function collect(resolve: (answer: Answer) => void, reject: (error: Error) => void): (res: IncomingMessage) => void {
  return (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    res.on('error', reject);
  };
}

/** Through nginx's HTTPS as a phone would: trusting only the test authority, by name. */
function httpsCall(
  port: number,
  path: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { host: `${NAME}:${port}`, ...options.headers };
    const req = httpsRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', ca, servername: NAME, headers, agent: false },
      collect(resolve, reject),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function httpGet(port: number, path: string, host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: host === undefined ? {} : { host }, agent: false }, collect(resolve, reject));
    req.on('error', reject);
    req.end();
  });
}

/** Over HTTP/2, as current phones speak to nginx: the name and port travel in :authority. */
function http2Get(port: number, path: string, ca: string): Promise<Answer & { protocol: string | undefined }> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(`https://${NAME}:${port}`, {
      createConnection: () => tlsConnect({ host: '127.0.0.1', port, servername: NAME, ca, ALPNProtocols: ['h2'] }),
    });
    session.on('error', reject);
    const req = session.request({ ':path': path });
    let headers: Record<string, string | string[] | undefined> = {};
    let body = '';
    req.on('response', (h) => (headers = h));
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const protocol = session.alpnProtocol;
      session.close();
      resolve({ status: Number(headers[':status']), headers, body, protocol });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Muster behind the nginx example (deploy/nginx/muster.conf)', () => {
  let muster: RunningServer | undefined;
  let nginx: Nginx | undefined;
  let ca = '';
  let httpPort = 0;
  let httpsPort = 0;
  let acmeRoot = '';
  let token = '';

  beforeAll(async () => {
    if (!existsSync(NGINX)) {
      throw new Error(`${NGINX} is missing: this test runs the nginx example for real. Install it with: apt-get install nginx`);
    }
    // A throw-away authority stands in for Let's Encrypt; the test trusts only it.
    const dataDir = makeTempDir('proxy-data');
    await initTls({ dataDir, names: [NAME], now: new Date() });
    const tlsDir = join(dataDir, 'tls');
    ca = readFileSync(join(tlsDir, TLS_FILES.caCert), 'utf8');

    const site = makeTempDir('proxy-static');
    writeTree(site, { 'index.html': INDEX_HTML });
    // A device token, issued through a second connection as the admin CLI would.
    const admin = openSqliteStore(dataDir);
    try {
      const at = new Date().toISOString();
      await admin.createOrg({ id: 'riverside', name: 'Riverside branch' }, at);
      token = newDeviceToken();
      await admin.addDeviceToken({ id: 'dt-duty', orgId: 'riverside', label: 'Duty phone', tokenHash: hashDeviceToken(token) }, at);
    } finally {
      admin.close();
    }
    // No publicUrl: the address must come from what nginx forwards.
    muster = await startServer({ port: 0, dataDir, staticDir: site, trustProxy: true });

    const dir = makeTempDir('proxy-nginx');
    acmeRoot = makeTempDir('proxy-acme');
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const siteFile = join(dir, 'muster.conf');
    const example = readFileSync(SITE_FILE, 'utf8');
    writeFileSync(
      siteFile,
      siteForTest(example, {
        certFile: join(tlsDir, TLS_FILES.cert),
        keyFile: join(tlsDir, TLS_FILES.key),
        musterPort: muster.port,
        httpPort,
        httpsPort,
        acmeRoot,
      }),
    );
    nginx = startNginx(dir, siteFile);
    await waitForPort(httpPort, nginx);
    await waitForPort(httpsPort, nginx);
  });

  afterAll(async () => {
    if (nginx) await stopNginx(nginx);
    await muster?.close();
    removeTempDirs();
  });

  it('a phone on HTTPS gets health saying https, the address it used (port included) and HSTS', async () => {
    const health = await httpsCall(httpsPort, '/api/health', ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', app: 'muster', https: true, publicUrl: `https://${NAME}:${httpsPort}` });
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('nginx replaces what a client claims in X-Forwarded-* headers with what it knows', async () => {
    const spoofed = await httpsCall(httpsPort, '/api/health', ca, { headers: { 'x-forwarded-proto': 'http', 'x-forwarded-host': 'evil.example' } });
    expect(JSON.parse(spoofed.body)).toMatchObject({ https: true, publicUrl: `https://${NAME}:${httpsPort}` });
  });

  it('serves the app itself through nginx', async () => {
    const page = await httpsCall(httpsPort, '/', ca);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Muster behind nginx</title>');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('speaks HTTP/2, and the address with its port survives it', async () => {
    const health = await http2Get(httpsPort, '/api/health', ca);
    expect(health.protocol).toBe('h2');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ https: true, publicUrl: `https://${NAME}:${httpsPort}` });
  });

  it('sends plain HTTP to HTTPS, keeping the path', async () => {
    const answer = await httpGet(httpPort, '/routes/fire-evacuation?floor=2', `${NAME}:${httpPort}`);
    // 308, not 301: a push sent to http:// is repeated as a POST, with its body.
    expect(answer.status).toBe(308);
    // The redirect names the standard HTTPS port (443), where the real site listens.
    expect(answer.headers.location).toBe(`https://${NAME}/routes/fire-evacuation?floor=2`);
  });

  it("leaves certbot's renewal challenges on plain HTTP", async () => {
    writeTree(acmeRoot, { '.well-known/acme-challenge/renewal-token': 'renewal-token.key-thumbprint' });
    const answer = await httpGet(httpPort, '/.well-known/acme-challenge/renewal-token', NAME);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('renewal-token.key-thumbprint');
  });

  it('passes on the largest push Muster takes, so nginx never refuses what Muster would accept', async () => {
    // A body of exactly Muster's limit, read to the end by Muster (so the answer cannot race
    // the upload): it must come back from Muster, not as nginx's 413 page.
    const body = Buffer.alloc(MAX_BODY_BYTES, ' ');
    body.write('{"events":[]}');
    const answer = await httpsCall(httpsPort, '/api/v1/events', ca, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ results: [] });
  });

  it('Muster reached directly, without the headers nginx adds, does not claim HTTPS', async () => {
    const direct = await httpGet(muster!.port, '/api/health');
    expect(direct.status).toBe(200);
    expect(JSON.parse(direct.body)).toMatchObject({ https: false, publicUrl: `http://127.0.0.1:${muster!.port}` });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});
