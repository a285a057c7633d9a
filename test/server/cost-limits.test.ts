import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createContactLog, type ContactLog } from '../../src/server/contacts';
import { DEFAULT_COST_LIMITS, MIN_TOKEN_BYTES_PER_MINUTE, storedEventBytes, type CostLimits } from '../../src/server/rate-limit';
import type { Site } from '../../src/server/site';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { createUsageSchema } from '../../src/server/storage/sqlite-usage';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import type { MusterEvent } from '../../src/domain/event';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// What one device, one address or one organisation may cost the server, over real HTTP, on the
// server's own clock held by the test: a busy machine refills nothing behind the test's back.

/** An hour after the events' stamps, so no push is refused for a clock ahead of the server's. */
const START = Date.UTC(2026, 6, 15, 3, 0, 0);

interface Branch {
  url: string;
  port: number;
  store: SqliteEventStore;
  /** device token by name; each token's device id is `d-<name>`. */
  tokens: Record<string, string>;
  warnings: string[];
  clock: { now: number };
}

const running: { server: Server; store: SqliteEventStore; contacts: ContactLog }[] = [];

afterEach(async () => {
  for (const { server, store, contacts } of running.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await contacts.flush();
    store.close();
  }
  removeTempDirs();
});

async function startBranch(limits: Partial<CostLimits>, opts: { trustProxy?: boolean; orgs?: Record<string, string[]> } = {}): Promise<Branch> {
  const work = makeTempDir('cost-limits');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const store = openSqliteStore(join(work, 'data'));
  const clock = { now: START };
  const at = new Date(START).toISOString();
  const tokens: Record<string, string> = {};
  for (const [orgId, names] of Object.entries(opts.orgs ?? { 'org-bank-sz': ['commander'] })) {
    await store.createOrg({ id: orgId, name: orgId }, at);
    for (const name of names) {
      tokens[name] = newDeviceToken();
      await store.addDeviceToken({ id: `dt-${name}`, orgId, label: `${name} phone`, tokenHash: hashDeviceToken(tokens[name]) }, at);
    }
  }
  const warnings: string[] = [];
  const site: Site = { publicUrl: () => undefined, httpPort: () => undefined, trustProxy: opts.trustProxy ?? false };
  const contacts = createContactLog(store);
  const app = createApp({
    contacts,
    storage: store,
    version: 'test',
    staticDir: join(work, 'dist'),
    now: () => clock.now,
    warn: (line) => warnings.push(line),
    site,
    limits: { ...DEFAULT_COST_LIMITS, ...limits },
    rateLimit: { burst: 10_000, perSecond: 10_000 },
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  running.push({ server, store, contacts });
  const port = await new Promise<number>((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  return { url: `http://127.0.0.1:${port}`, port, store, tokens, warnings, clock };
}

let serial = 0;
function note(device: string, text: string): MusterEvent {
  serial += 1;
  return {
    id: `0198b000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId: `d-${device}`,
    actor: '王值班',
    hlc: `${String(START - 3_600_000 + serial).padStart(15, '0')}-0000-d-${device}`,
    type: 'note.added',
    payload: { text },
    v: 1,
  };
}

interface Reply<T> {
  status: number;
  retryAfter: string | null;
  body: T;
}

async function push(branch: Branch, device: string, events: readonly MusterEvent[]): Promise<Reply<PushResponse & { error?: string }>> {
  const res = await fetch(`${branch.url}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${branch.tokens[device] ?? ''}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as PushResponse & { error?: string } };
}

async function pullAll(branch: Branch, device: string): Promise<PullResponse> {
  const res = await fetch(`${branch.url}/api/v1/events?after=0&limit=1000`, { headers: { Authorization: `Bearer ${branch.tokens[device] ?? ''}` } });
  return (await res.json()) as PullResponse;
}

/** A GET from a chosen loopback address (127.0.0.2 is a second machine as far as the server can tell). */
function getFrom(
  branch: Branch,
  path: string,
  from: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: branch.port, path, localAddress: from, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** About `bytes` of request body, as a batch of notes of 3,000 characters. */
function batchOf(device: string, bytes: number): MusterEvent[] {
  return Array.from({ length: Math.ceil(bytes / 3_200) }, (_, i) => note(device, `${i} `.padEnd(3_000, 'x')));
}

describe('byte budget per device token (TOKEN_BYTES_PER_MINUTE)', () => {
  it('answers 429 with Retry-After once the commander phone has pushed its minute of bytes, leaves the deputy alone, and lets it on again a minute later', async () => {
    const branch = await startBranch({ tokenBytesPerMinute: MIN_TOKEN_BYTES_PER_MINUTE }, { orgs: { 'org-bank-sz': ['commander', 'deputy'] } });

    // Three pushes of ~300 KB fit in 1 MiB; the fourth does not.
    for (let i = 0; i < 3; i++) expect((await push(branch, 'commander', batchOf('commander', 300_000))).status).toBe(200);
    const refused = await push(branch, 'commander', batchOf('commander', 300_000));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.error).toMatch(/more than 1 MiB in the last minute \(TOKEN_BYTES_PER_MINUTE\); retry in \d+ s/);

    expect((await push(branch, 'deputy', batchOf('deputy', 300_000))).status).toBe(200);

    branch.clock.now += 60_000;
    expect((await push(branch, 'commander', batchOf('commander', 300_000))).status).toBe(200);
  });
});

describe('storage quota per organisation (ORG_QUOTA_MB)', () => {
  it('answers 507 naming the quota and how to raise it, and stores nothing of the refused push', async () => {
    const branch = await startBranch({ orgQuotaBytes: 50_000 }, { orgs: { 'org-bank-sz': ['commander'], 'org-other': ['other'] } });
    const first = batchOf('commander', 30_000);
    expect((await push(branch, 'commander', first)).status).toBe(200);
    // The running total is what the events take, counted the same way before and after the write.
    const stored = first.reduce((sum, e) => sum + storedEventBytes(e), 0);
    expect(await branch.store.storedEventBytes('org-bank-sz')).toBe(stored);

    const over = batchOf('commander', 30_000);
    const refused = await push(branch, 'commander', over);
    expect(refused.status).toBe(507);
    expect(refused.body.error).toContain('storage quota of 48.8 KiB is used up');
    expect(refused.body.error).toContain('ORG_QUOTA_MB');
    expect(refused.body.error).toContain('nothing was stored');
    expect(await branch.store.storedEventBytes('org-bank-sz')).toBe(stored);
    const pulled = await pullAll(branch, 'commander');
    expect(pulled.events.map((e) => e.id)).toEqual(first.map((e) => e.id));

    // Another organisation's quota is its own.
    expect((await push(branch, 'other', batchOf('other', 30_000))).status).toBe(200);
    // A retry of what is stored, which adds nothing, is still answered.
    expect((await push(branch, 'commander', [])).status).toBe(200);
  });

  it('fills the running total from the events already stored when the schema step runs', async () => {
    const branch = await startBranch({}, { orgs: { 'org-bank-sz': ['commander'], 'org-other': ['other'] } });
    await push(branch, 'commander', batchOf('commander', 20_000));
    await push(branch, 'other', batchOf('other', 7_000));
    const before = [await branch.store.storedEventBytes('org-bank-sz'), await branch.store.storedEventBytes('org-other')];
    branch.store.db.exec('DROP TRIGGER events_add_usage; DROP TRIGGER events_remove_usage; DROP TABLE org_usage;');
    createUsageSchema(branch.store.db);
    expect([await branch.store.storedEventBytes('org-bank-sz'), await branch.store.storedEventBytes('org-other')]).toEqual(before);
    expect(before[0]).toBeGreaterThan(20_000);
  });
});

describe('requests without a valid token, per client address (UNAUTHENTICATED_PER_MINUTE)', () => {
  it('limits 200 requests with made-up tokens from one address, not a second address, and never an enrolled phone on the first', async () => {
    const branch = await startBranch({ unauthenticatedPerMinute: 60 });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await getFrom(branch, '/api/v1/events?after=0', '127.0.0.1', { Authorization: `Bearer ${newDeviceToken()}` });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.retryAfter;
    }
    expect(statuses.slice(0, 60)).toEqual(Array<number>(60).fill(401));
    expect(statuses.slice(60)).toEqual(Array<number>(140).fill(429));
    expect(retryAfter).toBe('1');

    expect((await getFrom(branch, '/api/v1/whoami', '127.0.0.2')).status).toBe(401);
    expect((await getFrom(branch, '/api/v1/whoami', '127.0.0.1', { Authorization: `Bearer ${branch.tokens.commander ?? ''}` })).status).toBe(200);

    branch.clock.now += 1_000;
    expect((await getFrom(branch, '/api/v1/whoami', '127.0.0.1')).status).toBe(401);
    expect((await getFrom(branch, '/api/v1/whoami', '127.0.0.1')).status).toBe(429);
  });

  it('behind a reverse proxy (TRUST_PROXY), counts the address the proxy saw, whatever the client wrote before it', async () => {
    const branch = await startBranch({ unauthenticatedPerMinute: 5 }, { trustProxy: true });
    const from = (forwarded: string): Promise<number> => getFrom(branch, '/api/v1/whoami', '127.0.0.1', { 'X-Forwarded-For': forwarded }).then((r) => r.status);
    const flood: number[] = [];
    for (let i = 0; i < 10; i++) flood.push(await from(`203.0.113.${i}, 10.0.0.5`));
    expect(flood).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await from('10.0.0.6')).toBe(401);
  });
});

describe('repeated log lines', () => {
  it('writes a handful of lines, with the count, for 1,000 conflicting events from one phone', async () => {
    const branch = await startBranch({});
    const originals = Array.from({ length: 100 }, (_, i) => note('commander', `water at ${i} cm`));
    expect((await push(branch, 'commander', originals)).status).toBe(200);
    const tampered = (): MusterEvent[] => originals.map((e) => ({ ...note('commander', 'changed'), id: e.id }));

    expect((await push(branch, 'commander', tampered().slice(0, 1))).body.results[0]).toMatchObject({ code: 'conflict' });
    for (let i = 0; i < 10; i++) {
      const res = await push(branch, 'commander', tampered());
      expect(res.body.results.every((r) => r.status === 'rejected' && r.code === 'conflict')).toBe(true);
    }
    expect(branch.warnings).toHaveLength(1);
    expect(branch.warnings[0]).toMatch(/refused event .* from device token dt-commander .* with different content/);

    // A minute on, the next conflict closes the window: its count, then the new line in full.
    branch.clock.now += 60_000;
    await push(branch, 'commander', tampered().slice(0, 1));
    expect(branch.warnings).toHaveLength(3);
    expect(branch.warnings[1]).toBe('Muster: … and 1,000 more conflicting events from device token dt-commander (org org-bank-sz) in the last minute');
    expect(branch.warnings[2]).toMatch(/refused event .* from device token dt-commander/);
  });
});
