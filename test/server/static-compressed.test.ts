import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../build/precompress';
import { startServer, type RunningServer } from '../../src/server/server';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// A build's text files are compressed once, at build time (build/precompress.ts), and the server
// sends those copies as they are: over real HTTP, to a client asking for Brotli, gzip or neither.

// Text that compresses well, as a bundle does, and is long enough to be worth it.
const SCRIPT = `export const lines = [\n${Array.from({ length: 200 }, (_, i) => `  'step ${i}: check the pump on floor B${i % 3}',`).join('\n')}\n];\n`;
const HTML = `<!doctype html><title>Muster shell</title><main>${'<p>Evacuation route: west stair to exit A.</p>'.repeat(60)}</main>`;
const LATE = `export const late = '${'x'.repeat(3000)}';\n`;

let server: RunningServer;
let dist: string;
let compressed = 0;

beforeAll(async () => {
  const work = makeTempDir('precompressed');
  dist = join(work, 'dist');
  writeTree(work, {
    'dist/index.html': HTML,
    'dist/assets/app-abc123.js': SCRIPT,
    'dist/assets/tiny-abc123.js': 'export const ok = 1;\n',
    'dist/icon.png': 'not really a png, and never compressed',
  });
  compressed = precompress(dist);
  // Written after the build compressed its files: served compressed all the same, on the way.
  writeFileSync(join(dist, 'assets', 'late-abc123.js'), LATE);
  server = await startServer({ port: 0, dataDir: join(work, 'data'), staticDir: dist });
});

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

interface Answer {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  body: Buffer;
}

/** GET with the Accept-Encoding given, the body as sent (fetch would decompress it). */
function get(path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], vary: String(res.headers.vary ?? ''), body: Buffer.concat(chunks) }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('precompress', () => {
  it('writes a Brotli and a gzip copy of each text file worth compressing, and nothing else', () => {
    expect(compressed).toBe(2);
    for (const file of ['index.html', 'assets/app-abc123.js']) {
      expect(existsSync(join(dist, `${file}.br`))).toBe(true);
      expect(existsSync(join(dist, `${file}.gz`))).toBe(true);
    }
    expect(existsSync(join(dist, 'assets/tiny-abc123.js.br'))).toBe(false);
    expect(existsSync(join(dist, 'icon.png.gz'))).toBe(false);
  });
});

describe('the server sends the build’s compressed copies', () => {
  it('Brotli to a browser that takes it (HTTPS), the same bytes once decompressed', async () => {
    const answer = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBe('br');
    expect(answer.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('gzip to a browser that does not take Brotli (plain HTTP)', async () => {
    const answer = await get('/assets/app-abc123.js', 'gzip, deflate');
    expect(answer.encoding).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(SCRIPT);
  });

  it('the file itself to a client that takes no compression', async () => {
    const answer = await get('/assets/app-abc123.js');
    expect(answer.encoding).toBeUndefined();
    expect(answer.body.toString()).toBe(SCRIPT);
  });

  it('the home page compressed too, at / as at /index.html', async () => {
    for (const path of ['/', '/index.html']) {
      const answer = await get(path, 'gzip, deflate, br');
      expect(answer.encoding).toBe('br');
      expect(brotliDecompressSync(answer.body).toString()).toBe(HTML);
    }
  });

  it('a file with no compressed copy is gzipped on the way; a small one goes as it is', async () => {
    const late = await get('/assets/late-abc123.js', 'gzip, deflate, br');
    expect(late.encoding).toBe('gzip');
    expect(gunzipSync(late.body).toString()).toBe(LATE);
    const tiny = await get('/assets/tiny-abc123.js', 'gzip, deflate, br');
    expect(tiny.encoding).toBeUndefined();
    expect(tiny.body.toString()).toBe('export const ok = 1;\n');
  });
});
