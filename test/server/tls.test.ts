import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, StartError, type RunningServer } from '../../src/server/server';
import { startupMessage, type StartupFacts } from '../../src/server/startup';
import { initTls, loadTls, TLS_FILES, TlsError, type TlsMaterial } from '../../src/server/tls';
import { makeTempDir, REPO_ROOT, removeTempDirs, spawnServer, stopStrayServers, writeTree, freePort } from './support';

const servers: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  stopStrayServers();
  removeTempDirs();
});

const DAY = 24 * 60 * 60 * 1000;

function admin(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mode(file: string): number {
  return statSync(file).mode & 0o777;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET over HTTPS trusting only `ca`, naming `host` for SNI and the certificate check. */
function httpsGet(port: number, path: string, ca: string, host: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', servername: host, port, path, ca, headers: { host: `${host}:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function staticDir(): string {
  const work = makeTempDir('tls-static');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  return join(work, 'dist');
}

describe('npm run admin -- tls init', () => {
  it('makes an authority and a server certificate phones accept, and renewing keeps the authority', { timeout: 120_000 }, () => {
    const dataDir = join(makeTempDir('tls-init'), 'data');
    const first = admin({ DATA_DIR: dataDir }, 'tls', 'init', '--name', 'muster.branch.test', '--ip', '127.0.0.1');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Made the branch's certificate authority");
    const dir = join(dataDir, 'tls');
    const file = (name: string) => join(dir, name);

    // Keys are readable by the owner only; certificates by anyone.
    expect(mode(file(TLS_FILES.caKey))).toBe(0o600);
    expect(mode(file(TLS_FILES.key))).toBe(0o600);
    expect(mode(file(TLS_FILES.cert))).toBe(0o644);

    const ca = new X509Certificate(readFileSync(file(TLS_FILES.caCert)));
    const server = new X509Certificate(readFileSync(file(TLS_FILES.cert)));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('muster.branch.test')).toBe('muster.branch.test');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    // Phones refuse server certificates valid for more than 398 days.
    const serverDays = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / DAY;
    expect(serverDays).toBeLessThanOrEqual(398);
    expect(serverDays).toBeGreaterThan(390);
    expect((Date.parse(ca.validTo) - Date.now()) / DAY).toBeGreaterThan(3000);
    expect(first.stdout).toContain(ca.fingerprint256);

    const caBytes = readFileSync(file(TLS_FILES.caCert));
    const caKeyBytes = readFileSync(file(TLS_FILES.caKey));
    const oldServer = readFileSync(file(TLS_FILES.cert));
    const oldKey = readFileSync(file(TLS_FILES.key));

    const renewed = admin({ DATA_DIR: dataDir }, 'tls', 'init', '--name', 'muster.branch.test', '--ip', '127.0.0.1', '--ip', '192.168.1.20');
    expect(renewed.status).toBe(0);
    expect(renewed.stdout).toContain('Kept the branch');
    expect(readFileSync(file(TLS_FILES.caCert)).equals(caBytes)).toBe(true);
    expect(readFileSync(file(TLS_FILES.caKey)).equals(caKeyBytes)).toBe(true);
    expect(readFileSync(file(TLS_FILES.cert)).equals(oldServer)).toBe(false);
    expect(readFileSync(file(TLS_FILES.key)).equals(oldKey)).toBe(false);
    const next = new X509Certificate(readFileSync(file(TLS_FILES.cert)));
    expect(next.verify(ca.publicKey)).toBe(true);
    expect(next.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(mode(file(TLS_FILES.key))).toBe(0o600);

    // device add without --url uses the certificate's name and the server's port.
    expect(admin({ DATA_DIR: dataDir }, 'org', 'create', 'Riverside', '--id', 'riverside').status).toBe(0);
    const added = admin({ DATA_DIR: dataDir, PORT: '8443' }, 'device', 'add', 'riverside', 'Duty phone', '--no-qr');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^https:\/\/muster\.branch\.test:8443\/enrol#code=mse_/m);
  });

  it.each([
    [['--name', '192.168.1.20'], /is an IP address: give it with --ip/],
    [['--name', 'bad_name!'], /--name must be a host name/],
    [['--name', 'ok.test', '--ip', '999.1.1.1'], /--ip must be an IP address/],
    [[], /Say how phones reach this server/],
  ])('refuses tls init %j with the fix', async (args, message) => {
    const dataDir = makeTempDir('tls-bad');
    const names = args.flatMap((a, i) => (args[i - 1] === '--name' ? [a] : []));
    const ips = args.flatMap((a, i) => (args[i - 1] === '--ip' ? [a] : []));
    await expect(initTls({ dataDir, names, ips, now: new Date() })).rejects.toThrow(message);
  });
});

describe('loading a certificate', () => {
  it('a branch with no local DNS gives only the fixed IP address, and phones use that', async () => {
    const dataDir = makeTempDir('tls-ip');
    const result = await initTls({ dataDir, ips: ['192.168.1.20'], names: [], now: new Date() });
    expect(result.names).toEqual(['192.168.1.20']);
    const server = await startServer({ port: 0, dataDir, staticDir: staticDir(), tls: loadTls({ dataDir }) });
    servers.push(server);
    expect(server.publicUrl).toBe(`https://192.168.1.20:${server.port}`);
  });

  it('explains missing, mismatched and unreadable files', async () => {
    const a = makeTempDir('tls-a');
    const b = makeTempDir('tls-b');
    await initTls({ dataDir: a, names: ['a.test'], now: new Date() });
    await initTls({ dataDir: b, names: ['b.test'], now: new Date() });
    expect(loadTls({ dataDir: makeTempDir('tls-none') })).toBeUndefined();
    expect(() => loadTls({ dataDir: a, certFile: join(a, 'tls', TLS_FILES.cert) })).toThrow(/Set both TLS_CERT and TLS_KEY/);
    expect(() => loadTls({ dataDir: a, certFile: join(a, 'tls', TLS_FILES.cert), keyFile: join(b, 'tls', TLS_FILES.key) })).toThrow(/do not belong together/);
    expect(() => loadTls({ dataDir: a, certFile: join(a, 'tls', 'nope.crt'), keyFile: join(a, 'tls', TLS_FILES.key) })).toThrow(/nope\.crt: no such file/);
    const junk = join(a, 'junk.pem');
    writeFileSync(junk, 'hello');
    expect(() => loadTls({ dataDir: a, certFile: junk, keyFile: join(a, 'tls', TLS_FILES.key) })).toThrow(TlsError);
    // A certificate from elsewhere has no authority to hand out at /ca.
    const own = loadTls({ dataDir: a, certFile: join(b, 'tls', TLS_FILES.cert), keyFile: join(b, 'tls', TLS_FILES.key) });
    expect(own?.names).toEqual(['b.test']);
    expect(own?.authority).toBeUndefined();
    expect(loadTls({ dataDir: a })?.authority).toBe(readFileSync(join(a, 'tls', TLS_FILES.caCert), 'utf8'));
  });

  it('keeps an authority whose key went missing from being silently replaced', async () => {
    const dataDir = makeTempDir('tls-lost');
    await initTls({ dataDir, names: ['a.test'], now: new Date() });
    copyFileSync(join(dataDir, 'tls', TLS_FILES.caCert), join(dataDir, 'ca-backup.crt'));
    writeFileSync(join(dataDir, 'tls', TLS_FILES.caKey), '');
    await expect(initTls({ dataDir, names: ['a.test'], now: new Date() })).rejects.toThrow(/must be the PEM certificate and key/);
    expect(readFileSync(join(dataDir, 'tls', TLS_FILES.caCert)).equals(readFileSync(join(dataDir, 'ca-backup.crt')))).toBe(true);
  });
});

describe('the server on HTTPS', () => {
  async function tlsServer(extra: { httpPort?: number; publicUrl?: string } = {}): Promise<{ server: RunningServer; ca: string; tls: TlsMaterial }> {
    const dataDir = makeTempDir('tls-server');
    await initTls({ dataDir, names: ['muster.branch.test'], ips: ['127.0.0.1'], now: new Date() });
    const tls = loadTls({ dataDir });
    if (!tls) throw new Error('no certificate');
    const server = await startServer({ port: 0, dataDir, staticDir: staticDir(), tls, ...extra });
    servers.push(server);
    return { server, ca: readFileSync(join(dataDir, 'tls', TLS_FILES.caCert), 'utf8'), tls };
  }

  it('serves HTTPS with HSTS, and health tells the address, the scheme and the expiry', async () => {
    const { server, ca, tls } = await tlsServer();
    expect(server.url).toBe(`https://127.0.0.1:${server.port}/`);
    expect(server.publicUrl).toBe(`https://muster.branch.test:${server.port}`);
    const health = await httpsGet(server.port, '/api/health', ca, 'muster.branch.test');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      publicUrl: `https://muster.branch.test:${server.port}`,
      https: true,
      certificateExpires: tls.expires.toISOString(),
    });
    const page = await httpsGet(server.port, '/', ca, 'muster.branch.test');
    expect(page.body).toContain('<title>Muster</title>');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('a client that trusts another authority is refused', async () => {
    const { server } = await tlsServer();
    const other = makeTempDir('tls-other');
    await initTls({ dataDir: other, names: ['muster.branch.test'], now: new Date() });
    await expect(httpsGet(server.port, '/api/health', readFileSync(join(other, 'tls', TLS_FILES.caCert), 'utf8'), 'muster.branch.test')).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
  });

  it('redirects plain HTTP on HTTP_PORT to HTTPS, but hands out the authority there', async () => {
    const httpPort = await freePort();
    const { server, ca } = await tlsServer({ httpPort, publicUrl: 'https://muster.branch.test' });
    expect(server.httpPort).toBe(httpPort);
    const redirected = await httpGet(httpPort, '/routes/fire-evacuation?x=1', { host: `muster.branch.test:${httpPort}` });
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe(`https://muster.branch.test:${server.port}/routes/fire-evacuation?x=1`);
    expect(redirected.headers['strict-transport-security']).toBeUndefined();
    const certificate = await httpGet(httpPort, '/ca.crt');
    expect(certificate.status).toBe(200);
    expect(certificate.body).toBe(ca);
    const health = JSON.parse((await httpsGet(server.port, '/api/health', ca, 'muster.branch.test')).body) as { publicUrl: string };
    expect(health.publicUrl).toBe('https://muster.branch.test');
  });

  it('refuses HTTP_PORT without a certificate', async () => {
    await expect(startServer({ port: 0, dataDir: makeTempDir('tls-nocert'), staticDir: staticDir(), httpPort: 0 })).rejects.toThrow(StartError);
  });
});

describe('plain HTTP and a reverse proxy', () => {
  it('on plain HTTP, health reports the address the request came through and no HSTS is sent', async () => {
    const server = await startServer({ port: 0, dataDir: makeTempDir('plain'), staticDir: staticDir() });
    servers.push(server);
    const answer = await httpGet(server.port, '/api/health', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY anyone could send those headers: they are ignored.
    expect(JSON.parse(answer.body)).toMatchObject({ publicUrl: `http://127.0.0.1:${server.port}`, https: false, certificateExpires: null });
  });

  it('with TRUST_PROXY, believes the proxy about the scheme and the address', async () => {
    const server = await startServer({ port: 0, dataDir: makeTempDir('proxied'), staticDir: staticDir(), trustProxy: true });
    servers.push(server);
    const answer = await httpGet(server.port, '/api/health', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'muster.example.org' });
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(JSON.parse(answer.body)).toMatchObject({ publicUrl: 'https://muster.example.org', https: true });
  });
});

describe('what npm start says', () => {
  const base: StartupFacts = {
    url: 'http://127.0.0.1:8080/',
    dataDir: '/srv/muster/data',
    host: '127.0.0.1',
    https: false,
    trustProxy: false,
    lanAddresses: ['192.168.1.20'],
    now: new Date('2026-11-30T00:00:00Z'),
  };
  const tls = {
    names: ['muster.branch.lan', '192.168.1.20'],
    expires: new Date('2027-12-31T00:00:00Z'),
    certFile: '/srv/muster/data/tls/server.crt',
    authority: 'PEM',
  };

  it('on this PC over HTTP: says HTTPS is off and how to turn it on, without alarming', () => {
    const { info, warnings } = startupMessage(base, 'en');
    expect(info[0]).toBe('Muster is running at http://127.0.0.1:8080/ (data in /srv/muster/data)');
    expect(info.join('\n')).toContain('HTTPS: off');
    expect(info.join('\n')).toContain('npm run admin -- tls init --name <name of this PC> --ip <its address>');
    expect(info.join('\n')).toContain('device add <org-id>');
    expect(warnings).toEqual([]);
  });

  it('open to the network over HTTP: warns loudly that phones will not work offline', () => {
    const { info, warnings } = startupMessage({ ...base, host: '0.0.0.0', url: 'http://0.0.0.0:8080/' }, 'en');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: .*0\.0\.0\.0.*will NOT work offline/);
    expect(info).toContain('On a phone, open: http://192.168.1.20:8080');
    expect(info.join('\n')).toContain('Floor posters need the https:// address');
  });

  it('on HTTPS: names the certificate, the /ca page and the poster address, in Chinese too', () => {
    const facts: StartupFacts = {
      ...base,
      host: '0.0.0.0',
      url: 'https://0.0.0.0:8443/',
      https: true,
      tls,
      publicUrl: 'https://muster.branch.lan:8443',
      httpPort: 8080,
    };
    const en = startupMessage(facts, 'en');
    expect(en.warnings).toEqual([]);
    expect(en.info).toContain(
      'HTTPS: on. The certificate is for muster.branch.lan, 192.168.1.20 and is valid until 2027-12-31 UTC (/srv/muster/data/tls/server.crt).',
    );
    expect(en.info.join('\n')).toContain('open http://muster.branch.lan:8080/ca on the phone');
    expect(en.info.join('\n')).toContain('Their QR codes carry https://muster.branch.lan:8443.');
    const zh = startupMessage(facts, 'zh-CN');
    expect(zh.info[0]).toBe('Muster 正在运行：https://0.0.0.0:8443/（数据保存在 /srv/muster/data）');
    expect(zh.info.join('\n')).toContain('HTTPS：已开启');
  });

  it('warns 30 days before the certificate expires, and louder once it has', () => {
    const facts: StartupFacts = { ...base, https: true, tls };
    expect(startupMessage({ ...facts, now: new Date('2027-11-30T00:00:00Z') }, 'en').warnings).toEqual([]);
    const soon = startupMessage({ ...facts, now: new Date('2027-12-02T00:00:00Z') }, 'en').warnings;
    expect(soon).toEqual([
      'Note: the HTTPS certificate expires on 2027-12-31 UTC (in 29 days). Renew it: npm run admin -- tls init --name muster.branch.lan --ip 192.168.1.20, then start again. Phones that installed the branch certificate need nothing new.',
    ]);
    const gone = startupMessage({ ...facts, now: new Date('2028-01-02T00:00:00Z') }, 'en').warnings;
    expect(gone[0]).toMatch(/^WARNING: the HTTPS certificate expired on 2027-12-31 UTC/);
  });

  it('the real process on HTTPS prints what to do next and notes its address, so device add needs no --url', { timeout: 120_000 }, async () => {
    const dataDir = join(makeTempDir('noted'), 'data');
    expect(admin({ DATA_DIR: dataDir }, 'tls', 'init', '--name', 'muster.branch.test').status).toBe(0);
    expect(admin({ DATA_DIR: dataDir }, 'org', 'create', 'Riverside', '--id', 'riverside').status).toBe(0);
    const [port, httpPort] = [await freePort(), await freePort()];
    const server = spawnServer({ PORT: String(port), HTTP_PORT: String(httpPort), DATA_DIR: dataDir, STATIC_DIR: staticDir() });
    await server.waitForOutput(/Print the floor posters/);
    expect(server.stdout()).toContain(`Muster is running at https://127.0.0.1:${port}/`);
    expect(server.stdout()).toContain(`On a phone, open: https://muster.branch.test:${port}`);
    expect(server.stdout()).toContain(`open http://muster.branch.test:${httpPort}/ca on the phone`);
    expect(server.stderr()).toBe('');
    // No PORT for the admin command: the address comes from what the server noted.
    const added = admin({ DATA_DIR: dataDir }, 'device', 'add', 'riverside', 'Duty phone', '--no-qr');
    expect(added.stdout).toMatch(new RegExp(`^https://muster\\.branch\\.test:${port}/enrol#code=mse_`, 'm'));
  });

  it('the real process warns on stderr when it listens beyond localhost over HTTP', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const server = spawnServer({ HOST: '0.0.0.0', PORT: String(port), DATA_DIR: makeTempDir('loud'), STATIC_DIR: staticDir() });
    await server.waitForOutput(/Muster is running at http:\/\/0\.0\.0\.0:\d+\//);
    await server.waitForError(/WARNING: Muster is open to the network on 0\.0\.0\.0 over plain HTTP/);
  });
});
