import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { initTls, loadTls, TLS_FILES, tlsDir } from '../../src/server/tls';
import { makeTempDir, removeTempDirs, writeTree } from './support';

/**
 * A branch PC with no internet runs Muster over HTTPS with the authority `tls init` made. A
 * phone opens /ca (over plain HTTP first, since it does not trust the authority yet), follows
 * the steps for its system, and downloads /ca.crt. Everything here goes over real sockets.
 */

const SERVER_NAME = 'muster.branch.test';

let dataDir: string;
let caPem: Buffer;
/** HTTPS with HTTP_PORT: the usual branch set-up. */
let branch: RunningServer;
/** HTTPS without HTTP_PORT. */
let httpsOnly: RunningServer;
/** No certificate at all: plain HTTP. */
let plain: RunningServer;
/** HTTPS with a certificate the administrator brought (TLS_CERT and TLS_KEY): no authority to offer. */
let ownCertificate: RunningServer;

beforeAll(async () => {
  const work = makeTempDir('ca-page');
  dataDir = join(work, 'data');
  const staticDir = join(work, 'dist');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster shell</title>' });
  await initTls({ dataDir, names: [SERVER_NAME], ips: ['127.0.0.1'], now: new Date() });
  caPem = readFileSync(join(tlsDir(dataDir), TLS_FILES.caCert));
  const tls = loadTls({ dataDir });
  branch = await startServer({ port: 0, httpPort: 0, dataDir, staticDir, tls });
  httpsOnly = await startServer({ port: 0, dataDir: join(work, 'data-https-only'), staticDir, tls });
  plain = await startServer({ port: 0, dataDir: join(work, 'data-plain'), staticDir });
  const own = loadTls({ dataDir, certFile: join(tlsDir(dataDir), TLS_FILES.cert), keyFile: join(tlsDir(dataDir), TLS_FILES.key) });
  ownCertificate = await startServer({ port: 0, dataDir: join(work, 'data-own'), staticDir, tls: own });
});

afterAll(async () => {
  await Promise.all([branch, httpsOnly, plain, ownCertificate].map((server) => server?.close()));
  removeTempDirs();
});

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** GET over HTTPS (trusting only the branch authority, as a phone that installed it) or plain HTTP. */
function get(scheme: 'https' | 'http', port: number, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolveGet, reject) => {
    const options = { host: '127.0.0.1', port, path, headers, agent: false as const };
    const onResponse = (res: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolveGet({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    };
    const req = scheme === 'https' ? httpsRequest({ ...options, ca: caPem, servername: SERVER_NAME }, onResponse) : httpRequest(options, onResponse);
    req.on('error', reject);
    req.end();
  });
}

/** What a person reads: the markup's text, with tags (and the fingerprint's <wbr> breaks) gone. */
function readable(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ');
}

/** The SHA-256 of the certificate's DER bytes, from the PEM file, in the usual "AB:CD:…" form. */
function fingerprintOf(pem: Buffer): string {
  const base64 = pem
    .toString('ascii')
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
  const hex = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? '';
}

/** Decodes the page's QR code image the way a phone camera would read the PC's screen. */
function qrCodeOf(html: string): { text: string | undefined; alt: string | undefined } {
  const img = /<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">/.exec(html);
  if (!img?.[1]) return { text: undefined, alt: undefined };
  const png = PNG.sync.read(Buffer.from(img[1], 'base64'));
  return { text: jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data, alt: img[2] };
}

describe('GET /ca.crt: the branch certificate', () => {
  it('is the authority tls init wrote, byte for byte, as a CA certificate to download', async () => {
    const res = await get('https', branch.port, '/ca.crt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(res.headers['content-disposition']).toBe('attachment; filename="muster-branch-ca.crt"');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.equals(caPem)).toBe(true);
  });

  it('is served on the plain-HTTP port too, without a redirect, for a phone that does not trust HTTPS yet', async () => {
    const httpPort = branch.httpPort ?? 0;
    const res = await get('http', httpPort, '/ca.crt');
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(res.body.equals(caPem)).toBe(true);
    // Anything else on that port goes to HTTPS.
    expect((await get('http', httpPort, '/routes')).status).toBe(308);
  });

  it('is not found on a server with HTTPS off, and says why in the asker’s language first', async () => {
    const res = await get('http', plain.port, '/ca.crt', { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(res.status).toBe(404);
    expect(res.text).toMatch(/^本服务器没有本网点证书：HTTPS 未开启。/);
    expect(res.text).toContain('This server has no branch certificate: HTTPS is off.');
  });

  it('is not found on a server whose certificate the administrator brought', async () => {
    const res = await get('https', ownCertificate.port, '/ca.crt');
    expect(res.status).toBe(404);
    expect(res.text).toMatch(/^This server has no branch certificate: its HTTPS certificate comes from elsewhere/);
  });
});

describe('GET /ca: installing the branch certificate on a phone', () => {
  it('in English, by Accept-Language: why, the download, the Android and iPhone steps, the fingerprint and the secure address', async () => {
    const res = await get('http', branch.httpPort ?? 0, '/ca', { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('<html lang="en">');
    const page = readable(res.text);
    expect(page).toContain('Install the branch certificate on this phone');
    expect(page).toContain('only when it is opened over a secure (https://) connection');
    expect(res.text).toMatch(/<a class="button" href="ca\.crt">Download the certificate<\/a>/);
    // Android
    expect(page).toContain('Open Settings → Security (or Security & privacy) → More security settings → Encryption & credentials.');
    expect(page).toContain('Tap Install a certificate → CA certificate → Install anyway');
    expect(page).toContain('search Settings for “CA certificate”');
    // iPhone
    expect(page).toContain('Open this page in Safari');
    expect(page).toContain('Open Settings → General → VPN & Device Management');
    expect(page).toContain('Open Settings → General → About → Certificate Trust Settings');
    expect(page).toContain('Add to Home Screen');
    // Checking it
    expect(page).toContain(fingerprintOf(caPem));
    expect(page).toMatch(/Muster local authority \(muster\.branch\.test\) [0-9a-f]{6}/);
    expect(page).toMatch(/Valid until ?20\d\d-\d\d-\d\d/);
    // Afterwards: the address the certificate was made for.
    expect(res.text).toContain(`<a href="https://${SERVER_NAME}:${branch.port}">https://${SERVER_NAME}:${branch.port}</a>`);
    expect(res.text).toContain('<a href="?lang=zh-CN" hreflang="zh-CN" lang="zh-CN">简体中文</a>');
  });

  it('in Chinese, by Accept-Language, with the menus as Chinese phones name them', async () => {
    const res = await get('https', branch.port, '/ca', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.headers['content-language']).toBe('zh-CN');
    const page = readable(res.text);
    expect(page).toContain('在这部手机上安装本网点的证书');
    expect(page).toContain('下载证书');
    expect(page).toContain('打开“设置”→“安全”（或“安全和隐私”）→“更多安全设置”→“加密与凭据”。');
    expect(page).toContain('点“安装证书”→“CA 证书”→“仍然安装”');
    expect(page).toContain('打开“设置”→“通用”→“VPN与设备管理”');
    expect(page).toContain('打开“设置”→“通用”→“关于本机”→“证书信任设置”');
    expect(page).toContain('添加到主屏幕');
    expect(page).toContain(fingerprintOf(caPem));
    expect(res.text).toContain('<a href="?lang=en" hreflang="en" lang="en">English</a>');
  });

  it('follows ?lang= over Accept-Language, both ways', async () => {
    const zh = await get('https', branch.port, '/ca?lang=zh-CN', { 'Accept-Language': 'en' });
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(readable(zh.text)).toContain('加密与凭据');
    expect(readable(zh.text)).toContain('证书信任设置');
    const en = await get('https', branch.port, '/ca?lang=en', { 'Accept-Language': 'zh-CN' });
    expect(en.text).toContain('<html lang="en">');
    expect(readable(en.text)).toContain('Encryption & credentials');
    expect(readable(en.text)).toContain('Certificate Trust Settings');
  });

  it('shows a QR code of the page’s plain-HTTP address, which a phone opens before it trusts the authority', async () => {
    const res = await get('https', branch.port, '/ca?lang=en');
    const expected = `http://${SERVER_NAME}:${branch.httpPort}/ca`;
    expect(qrCodeOf(res.text)).toEqual({ text: expected, alt: expected });
    expect(res.text).toContain(`<figcaption><code>${expected}</code></figcaption>`);
  });

  it('without HTTP_PORT, the QR code carries the HTTPS page, and warns that the phone objects to it once', async () => {
    const res = await get('https', httpsOnly.port, '/ca?lang=en');
    const expected = `https://${SERVER_NAME}:${httpsOnly.port}/ca`;
    expect(qrCodeOf(res.text)).toEqual({ text: expected, alt: expected });
    expect(readable(res.text)).toContain('Until the certificate is installed, the phone warns that this address is not private.');
  });

  it('says HTTPS is off, and how to turn it on, on a server with no certificate', async () => {
    const res = await get('http', plain.port, '/ca', { 'Accept-Language': 'en' });
    expect(res.status).toBe(200);
    const page = readable(res.text);
    expect(page).toContain('HTTPS is off on this server');
    expect(page).toContain('npm run admin -- tls init --name <this PC’s name> --ip <its address>');
    expect(page).toContain('restart npm start');
    expect(res.text).not.toContain('ca.crt');
    expect(res.text).not.toContain('<img');
    const zh = readable((await get('http', plain.port, '/ca?lang=zh-CN')).text);
    expect(zh).toContain('本服务器未开启 HTTPS');
  });

  it('says phones need nothing installed when the administrator brought the certificate', async () => {
    const res = await get('https', ownCertificate.port, '/ca?lang=en');
    const page = readable(res.text);
    expect(page).toContain('Nothing to install on this phone');
    expect(page).toContain('This server uses an HTTPS certificate from elsewhere');
    expect(res.text).not.toContain('ca.crt');
  });

  it('has no script anywhere, as the Content Security Policy allows none inline', async () => {
    for (const [scheme, server] of [
      ['https', branch],
      ['https', httpsOnly],
      ['http', plain],
      ['https', ownCertificate],
    ] as const) {
      for (const lang of ['en', 'zh-CN']) {
        const res = await get(scheme, server.port, `/ca?lang=${lang}`);
        expect(res.text).not.toMatch(/<script/i);
        expect(res.text).not.toMatch(/\son[a-z]+=/i);
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      }
    }
  });
});
