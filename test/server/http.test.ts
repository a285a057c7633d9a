import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { looksLikeNavigation } from '../../src/server/static-files';
import { LATEST_SCHEMA_VERSION, REPO_ROOT, makeTempDir, rawGet, removeTempDirs, writeTree } from './support';

const packageVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SHELL_HTML = '<!doctype html><title>Muster shell</title>';
const SECRET = 'do-not-serve-this-secret';

let server: RunningServer | undefined;
let dataDir: string;
let staticDir: string;

beforeAll(async () => {
  const work = makeTempDir('http');
  dataDir = join(work, 'data');
  staticDir = join(work, 'dist');
  // The secret sits next to the static folder, where a traversal would find it.
  writeTree(work, {
    'secret.txt': SECRET,
    'dist/index.html': SHELL_HTML,
    'dist/sw.js': 'self.addEventListener("install", () => {});',
    'dist/manifest.webmanifest': '{"name":"Muster"}',
    'dist/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'dist/scenarios/flood.json': '{"id":"flood"}',
    'dist/assets/a.js': 'export const answer = 42;',
    'dist/assets/app.css': 'body{margin:0}',
  });
  server = await startServer({ port: 0, dataDir, staticDir });
});

afterAll(async () => {
  await server?.close();
  removeTempDirs();
});

function url(path: string): string {
  if (server === undefined) throw new Error('server did not start');
  return new URL(path, server.url).href;
}

describe('GET /api/health', () => {
  it('says the server is up, which version it runs and that it stores in SQLite', async () => {
    const res = await fetch(url('/api/health'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      app: 'muster',
      version: packageVersion,
      storage: 'sqlite',
      // No PUBLIC_URL and no certificate: the address this request came through, over plain HTTP.
      publicUrl: new URL(url('/')).origin,
      https: false,
      certificateExpires: null,
      // The database answered a read and a write probe, and the disk has room (health.ts).
      database: { read: true, write: true },
      disk: { freeBytes: expect.any(Number) as unknown, minFreeBytes: 256 * 1024 * 1024 },
      problems: [],
    });
  });

  it('keeps the data in one SQLite file in DATA_DIR, in WAL mode', () => {
    const file = join(dataDir, 'muster.sqlite');
    expect(server?.dataFile).toBe(file);
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });
});

describe('the built app', () => {
  it('serves index.html at / without long caching, so a new release is seen', async () => {
    const res = await fetch(url('/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toBe(SHELL_HTML);
  });

  it('answers a deep link someone bookmarked with the app shell', async () => {
    const res = await fetch(url('/routes/x/y'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(SHELL_HTML);
  });

  it('serves hashed assets as JavaScript with immutable caching', async () => {
    const res = await fetch(url('/assets/a.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('export const answer = 42;');
  });

  it.each([
    ['/sw.js', /^text\/javascript/, 'no-cache'],
    ['/manifest.webmanifest', /^application\/manifest\+json/, 'no-cache'],
    ['/icon.svg', /^image\/svg\+xml/, 'no-cache'],
    ['/scenarios/flood.json', /^application\/json/, 'no-cache'],
    ['/assets/app.css', /^text\/css/, 'public, max-age=31536000, immutable'],
  ])('serves %s with its content type and caching', async (path, type, caching) => {
    const res = await fetch(url(path));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.headers.get('cache-control')).toBe(caching);
    await res.arrayBuffer();
  });

  it('answers a missing asset with 404, not the shell and not a cacheable response', async () => {
    const res = await fetch(url('/assets/gone-1234.js'));
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBeNull();
    expect(await res.text()).not.toContain(SHELL_HTML);
  });

  it.each(['/api/nope', '/api', '/api/health/extra'])('answers unknown API path %s with JSON 404, never the shell', async (path) => {
    const res = await fetch(url(path));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: unknown };
    expect(typeof body.error).toBe('string');
  });

  it('answers a POST to an unknown API path with JSON 404 too', async () => {
    const res = await fetch(url('/api/events'), { method: 'POST', body: '[]' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each([
    '/..%2fpackage.json',
    '/..%2fsecret.txt',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/../../secret.txt',
  ])('does not leak files outside the static folder for %s', async (path) => {
    if (server === undefined) throw new Error('server did not start');
    const res = await rawGet(server.port, path);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('"name": "muster"');
    expect([400, 404]).toContain(res.status);
  });
});

describe('looksLikeNavigation', () => {
  it.each([
    ['/', true],
    ['/incidents/42', true],
    ['/routes/b1/floor-3', true],
    ['/assets/a.js', false],
    ['/manifest.webmanifest', false],
    ['/v1.2/thing', true],
  ])('%s → %s', (path, expected) => {
    expect(looksLikeNavigation(path)).toBe(expected);
  });
});

describe('without a build', () => {
  let bare: RunningServer | undefined;
  afterEach(async () => {
    await bare?.close();
  });

  it('still answers the API, and says the app is not built instead of a blank page', async () => {
    const work = makeTempDir('nobuild');
    bare = await startServer({ port: 0, dataDir: join(work, 'data'), staticDir: join(work, 'dist') });
    const health = await fetch(new URL('/api/health', bare.url));
    expect(health.status).toBe(200);
    const page = await fetch(new URL('/incidents/1', bare.url));
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('not been built');
  });
});
