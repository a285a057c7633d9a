import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limit';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// The sync API over real HTTP: what a phone sends, what the server stores, what it refuses.

let server: RunningServer;
let dataDir: string;
/** A second connection to the server's file, as the admin CLI would open while it runs. */
let admin: SqliteEventStore;
const tokens: Record<'bank' | 'branch' | 'revoked' | 'spare', string> = { bank: '', branch: '', revoked: '', spare: '' };
const warn = vi.spyOn(console, 'warn');

beforeAll(async () => {
  const work = makeTempDir('sync-api');
  dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title><div id="root"></div>' });
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
  await admin.createOrg({ id: 'org-other', name: 'Another bank' }, at);
  const issue = async (key: keyof typeof tokens, orgId: string): Promise<void> => {
    tokens[key] = newDeviceToken();
    await admin.addDeviceToken({ id: `dt-${key}`, orgId, label: `${key} phone`, tokenHash: hashDeviceToken(tokens[key]) }, at);
  };
  await issue('bank', 'org-bank-sz');
  await issue('spare', 'org-bank-sz');
  await issue('revoked', 'org-bank-sz');
  await issue('branch', 'org-other');
  await admin.revokeDeviceToken('dt-revoked', at);
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  warn.mockRestore();
  removeTempDirs();
});

interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T = unknown>(
  path: string,
  opts: { token?: string; method?: string; body?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = opts.type ?? 'application/json';
  const res = await fetch(new URL(path, server.url), { method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'), headers, body: opts.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

let serial = 0;
function note(text: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  const id = `0198a000-0000-7000-8000-${String(serial).padStart(12, '0')}`;
  return {
    id,
    streamId: 'inc-flood-b1',
    deviceId: 'd-commander',
    actor: '王值班',
    hlc: `${String(1784080800000 + serial).padStart(15, '0')}-0000-d-commander`,
    type: 'note.added',
    payload: { text },
    v: 1,
    ...over,
  };
}

const push = (token: string, events: unknown[]): Promise<Reply<PushResponse>> =>
  call<PushResponse>('/api/v1/events', { token, body: JSON.stringify({ events }) });
const pull = (token: string, after = 0, limit?: number): Promise<Reply<PullResponse>> =>
  call<PullResponse>(`/api/v1/events?after=${after}${limit === undefined ? '' : `&limit=${limit}`}`, { token });

describe('device tokens', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a token nobody issued', newDeviceToken()],
    ['a malformed token', 'hunter2'],
    ['a revoked token', 'revoked'],
  ])('answers 401 to %s, on every sync route', async (_label, token) => {
    const bearer = token === 'revoked' ? tokens.revoked : token;
    for (const [method, path, body] of [
      ['GET', '/api/v1/events?after=0', undefined],
      ['POST', '/api/v1/events', JSON.stringify({ events: [note('x')] })],
      ['GET', '/api/v1/whoami', undefined],
      ['GET', '/api/v1/no-such-route', undefined],
    ] as const) {
      const res = await call<{ error: string }>(path, { method, body, ...(bearer === undefined ? {} : { token: bearer }) });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(typeof res.body.error).toBe('string');
    }
  });

  it('answers a large push without a token with 401, and the next request still gets through', async () => {
    const big = JSON.stringify({ events: [note('x'.repeat(900_000))] });
    expect((await call('/api/v1/events', { body: big })).status).toBe(401);
    expect((await call('/api/v1/whoami', { token: tokens.bank })).status).toBe(200);
  });

  it('refuses a token the administrator revokes while the server runs, on the very next request', async () => {
    expect((await call('/api/v1/whoami', { token: tokens.spare })).status).toBe(200);
    await admin.revokeDeviceToken('dt-spare', '2026-07-14T03:00:00.000Z');
    expect((await call('/api/v1/whoami', { token: tokens.spare })).status).toBe(401);
  });

  it('tells a device which organisation its token belongs to', async () => {
    const res = await call('/api/v1/whoami', { token: tokens.bank });
    expect(res.status).toBe(200);
    // A token issued without a role is a member's: it syncs, and may not publish playbooks.
    expect(res.body).toEqual({ org: { id: 'org-bank-sz', name: 'Shenzhen branch' }, device: { tokenId: 'dt-bank', label: 'bank phone', role: 'member' } });
  });

  it('stores only a hash of each token', () => {
    const rows = admin.db.prepare('SELECT token_hash FROM device_tokens').all() as { token_hash: string }[];
    const stored = JSON.stringify(rows);
    for (const t of Object.values(tokens)) expect(stored).not.toContain(t);
    expect(rows.map((r) => r.token_hash)).toContain(hashDeviceToken(tokens.bank));
  });
});

describe('pushing events', () => {
  it('stores each event once: accepted, then duplicate on a retry of the same batch', async () => {
    const batch = [note('水位 20 cm'), note('已切断电源')];
    const first = await push(tokens.bank, batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const again = await push(tokens.bank, batch);
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.body.results.map((r) => ('seq' in r ? r.seq : null))).toEqual(first.body.results.map((r) => ('seq' in r ? r.seq : null)));
    const ids = batch.map((e) => e.id as string);
    const count = admin.db.prepare(`SELECT count(*) AS n FROM events WHERE id IN (?, ?)`).get(...ids) as { n: number };
    expect(count.n).toBe(2);
  });

  it('rejects an invalid event with the reason, and still stores the rest of the batch', async () => {
    const good = note('B1 排水泵已启动');
    const bad = note('', { hlc: 'yesterday' });
    const res = await push(tokens.bank, [good, bad, 'not an event']);
    expect(res.status).toBe(200);
    const [r0, r1, r2] = res.body.results;
    expect(r0).toMatchObject({ id: good.id, status: 'accepted' });
    expect(r1).toMatchObject({ id: bad.id, status: 'rejected', code: 'invalid' });
    expect(r1?.status === 'rejected' && r1.reason).toMatch(/hlc: expected a clock stamp/);
    expect(r1?.status === 'rejected' && r1.reason).toMatch(/payload\.text: must not be empty/);
    expect(r2).toMatchObject({ id: null, status: 'rejected', code: 'invalid' });
  });

  it('rejects, and logs, an event whose id is already stored with different content', async () => {
    const original = note('3 people evacuated');
    await push(tokens.bank, [original]);
    warn.mockClear();
    const forged = { ...original, payload: { text: '0 people evacuated' } };
    const res = await push(tokens.bank, [forged]);
    expect(res.body.results[0]).toMatchObject({ id: original.id, status: 'rejected', code: 'conflict' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`refused event ${String(original.id)} from device token dt-bank (org org-bank-sz)`));
    const stored = admin.db.prepare('SELECT payload FROM events WHERE id = ?').get(original.id) as { payload: string };
    expect(JSON.parse(stored.payload)).toEqual({ text: '3 people evacuated' });
  });

  it('counts the same payload with its fields in another order as a duplicate, not a conflict', async () => {
    const e = note('tagged', { payload: { text: 'tagged', tags: ['water'] } });
    await push(tokens.bank, [e]);
    const reordered = { ...e, payload: { tags: ['water'], text: 'tagged' } };
    expect((await push(tokens.bank, [reordered])).body.results[0]?.status).toBe('duplicate');
  });

  it('takes at most 500 events in one push', async () => {
    const res = await push(
      tokens.bank,
      Array.from({ length: 501 }, () => note('x')),
    );
    expect(res.status).toBe(413);
    expect((res.body as unknown as { error: string }).error).toMatch(/At most 500 events/);
    expect(
      (
        await push(
          tokens.bank,
          Array.from({ length: 500 }, () => note('y')),
        )
      ).status,
    ).toBe(200);
  });
});

describe('pulling events', () => {
  it('hands out pages after a cursor, with the next cursor and whether more remain', async () => {
    const all = await pull(tokens.bank, 0, 1000);
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    const seqs = all.body.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(all.body.more).toBe(false);
    expect(all.body.next).toBe(seqs[seqs.length - 1]);

    const collected: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = await pull(tokens.bank, cursor, 7);
      expect(page.body.events.length).toBeLessThanOrEqual(7);
      collected.push(...page.body.events.map((e) => e.seq));
      cursor = page.body.next;
      if (!page.body.more) break;
    }
    expect(collected).toEqual(seqs);
    // Past the end: an empty page that keeps the cursor.
    expect((await pull(tokens.bank, cursor)).body).toMatchObject({ events: [], next: cursor, more: false });
  });

  it('gives each event the envelope as pushed plus the server seq and arrival time', async () => {
    const e = note('pump 2 running', { payload: { text: 'pump 2 running', tags: ['pump'] } });
    const pushed = await push(tokens.bank, [e]);
    const seq = (pushed.body.results[0] as { seq: number }).seq;
    const page = await pull(tokens.bank, seq - 1, 1);
    expect(page.body.events).toEqual([{ ...e, seq, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown, deliveredBy: 'bank phone' }]);
  });

  it.each(['after=-1', 'after=abc', 'after=1.5', 'after=0&limit=0', 'after=0&limit=1001', 'after=0&limit=x'])('answers 400 to ?%s', async (query) => {
    const res = await call(`/api/v1/events?${query}`, { token: tokens.bank });
    expect(res.status).toBe(400);
  });
});

describe('organisations are kept apart', () => {
  it('never shows one organisation the events of another', async () => {
    const secret = note('org-bank-sz only');
    await push(tokens.bank, [secret]);
    const theirs = await pull(tokens.branch, 0, 1000);
    expect(theirs.status).toBe(200);
    expect(theirs.body.events.map((e) => e.id)).not.toContain(secret.id);
    expect(JSON.stringify(theirs.body)).not.toContain('org-bank-sz only');
  });

  it('ignores an organisation named in the request: the token decides', async () => {
    await push(tokens.branch, [note('org-other entry')]);
    const res = await call<PullResponse>('/api/v1/events?after=0&limit=1000&org=org-bank-sz&orgId=org-bank-sz', {
      token: tokens.branch,
      headers: { 'X-Org': 'org-bank-sz' },
    });
    const theirs = admin.db.prepare(`SELECT seq FROM events WHERE org_id = 'org-other' ORDER BY seq`).all() as { seq: number }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(res.body.events.map((e) => e.seq)).toEqual(theirs.map((r) => r.seq));
  });

  it('cannot overwrite or shadow another organisation’s event by reusing its id', async () => {
    const original = note('the real entry');
    await push(tokens.bank, [original]);
    const copy = { ...original, payload: { text: 'a forged entry' } };
    const res = await push(tokens.branch, [copy]);
    // Stored in the other organisation's own log; the bank's stays as it was.
    expect(res.body.results[0]?.status).toBe('accepted');
    const bankSide = await pull(tokens.bank, 0, 1000);
    const mine = bankSide.body.events.filter((e) => e.id === original.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.payload).toEqual({ text: 'the real entry' });
  });

  it('refuses a field that would pick the organisation from the body', async () => {
    const res = await call('/api/v1/events', { token: tokens.branch, body: JSON.stringify({ events: [note('x')], orgId: 'org-bank-sz' }) });
    expect(res.status).toBe(400);
  });
});

describe('strict requests', () => {
  it('answers 415 to a push that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await call('/api/v1/events', { token: tokens.bank, body: JSON.stringify({ events: [] }), type });
      expect(res.status, type).toBe(415);
    }
  });

  it.each([
    ['a list instead of an object', '[]'],
    ['a bare string', '"events"'],
    ['null', 'null'],
    ['broken JSON', '{"events": [}'],
    ['events that are not a list', '{"events": {"0": {}}}'],
    ['a field given twice', '{"events": [], "events": []}'],
    ['a field given twice inside an event', `{"events": [{"id": "a", "id": "b"}]}`],
    ['a field given twice, spelled with an escape', '{"events": [], "\\u0065vents": []}'],
    ['an empty body', ''],
  ])('answers 400 to %s', async (_label, body) => {
    const res = await call<{ error: string }>('/api/v1/events', { token: tokens.bank, body });
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
  });

  it('answers 413 to a body over 1 MB, with or without a Content-Length', async () => {
    const big = JSON.stringify({ events: [note('x'.repeat(1_100_000))] });
    expect((await call('/api/v1/events', { token: tokens.bank, body: big })).status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/v1/events',
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens.bank}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 12; i++) req.write('x'.repeat(100_000));
      req.end();
    });
    expect(chunked).toBe(413);
  });
});

describe('rate limit', () => {
  // On the server's own clock, held still: a slow machine must not refill the bucket mid-test.
  it('answers 429 with Retry-After once one device has used its burst, refills with time, and leaves other devices alone', async () => {
    let clock = Date.UTC(2026, 6, 14, 2, 0, 0);
    const work = makeTempDir('rate-limit');
    writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
    const store = openSqliteStore(join(work, 'data'));
    try {
      const at = new Date(clock).toISOString();
      await store.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
      const busy = newDeviceToken();
      const calm = newDeviceToken();
      await store.addDeviceToken({ id: 'dt-busy', orgId: 'org-bank-sz', label: 'busy phone', tokenHash: hashDeviceToken(busy) }, at);
      await store.addDeviceToken({ id: 'dt-calm', orgId: 'org-bank-sz', label: 'calm phone', tokenHash: hashDeviceToken(calm) }, at);
      const app = createApp({ storage: store, version: 'test', staticDir: join(work, 'dist'), now: () => clock });
      const whoami = async (token: string): Promise<Response> => app.request('/api/v1/whoami', { headers: { Authorization: `Bearer ${token}` } });
      const statuses = async (token: string, n: number): Promise<number[]> => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await whoami(token)).status);
        return out;
      };

      expect(await statuses(busy, DEFAULT_RATE_LIMIT.burst)).toEqual(Array<number>(DEFAULT_RATE_LIMIT.burst).fill(200));
      const limited = await whoami(busy);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect((await whoami(calm)).status).toBe(200);

      clock += 1_000;
      expect(await statuses(busy, DEFAULT_RATE_LIMIT.perSecond)).toEqual(Array<number>(DEFAULT_RATE_LIMIT.perSecond).fill(200));
      expect((await whoami(busy)).status).toBe(429);
    } finally {
      store.close();
    }
  });
});

describe('what the browser is allowed to do with the served app', () => {
  it('serves the app with a Content-Security-Policy that allows no inline or foreign script', async () => {
    const res = await fetch(new URL('/', server.url));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    await res.text();
  });

  it('hands back a note full of markup only as JSON text, never as a page', async () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(document.cookie)</script>';
    await push(tokens.bank, [note(markup)]);
    const res = await call<PullResponse>('/api/v1/events?after=0&limit=1000', { token: tokens.bank });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.body.events.some((e) => e.type === 'note.added' && e.payload.text === markup)).toBe(true);
  });
});
