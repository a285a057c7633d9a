import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolRefusal, EnrolResponse, RotateResponse } from '../../src/domain/enrolment';
import { runAdmin } from '../../src/server/admin';
import { createApp } from '../../src/server/app';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { initTls, TLS_FILES } from '../../src/server/tls';
import { hashEnrolmentCode } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Enrolment over real HTTP, on a real SQLite file, with the server's clock in the test's hand:
// the administrator's link carries a one-time code; the phone trades it for its own token.

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const HOUR = 60 * 60 * 1000;
let clock = T0;
let dataDir: string;
let store: SqliteEventStore;
let http: Server;
let base: string;

beforeAll(async () => {
  const work = makeTempDir('enrol');
  dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  store = openSqliteStore(dataDir);
  await store.createOrg({ id: 'org-riverside', name: 'Riverside branch' }, new Date(T0).toISOString());
  const app = createApp({ storage: store, version: 'test', staticDir: join(work, 'dist'), rateLimit: { burst: 1e9, perSecond: 1e9 }, now: () => clock });
  http = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => http.close(done));
  store.close();
  removeTempDirs();
});

/** `npm run admin -- device add …` against the same file, at the test's clock; what it printed. */
async function deviceAdd(label: string, ...options: string[]): Promise<{ printed: string; link: string; code: string; tokenId: string }> {
  const lines: string[] = [];
  await runAdmin(['device', 'add', 'org-riverside', label, '--url', 'https://muster.riverside.test', '--no-qr', ...options], store, {
    out: (line) => lines.push(line),
    now: () => clock,
    env: {},
    dataDir,
  });
  const printed = lines.join('\n');
  const link = lines.find((l) => l.includes('/enrol#')) ?? '';
  const code = /#code=(mse_[A-Za-z0-9_-]{22})$/.exec(link)?.[1] ?? '';
  const tokenId = /device revoke (dt-[0-9a-f]+)/.exec(printed)?.[1] ?? '';
  return { printed, link, code, tokenId };
}

async function admin(...args: string[]): Promise<string> {
  const lines: string[] = [];
  await runAdmin(args, store, { out: (line) => lines.push(line), now: () => clock, env: {}, dataDir });
  return lines.join('\n');
}

async function call<T>(path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method: body === undefined && path.endsWith('whoami') ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const enrol = (code: string, deviceId?: string) =>
  call<EnrolResponse & EnrolRefusal>('/api/v1/enrol', { body: deviceId === undefined ? { code } : { code, deviceId } });
const whoami = (token: string) => call<{ device: { tokenId: string; label: string; role: string } }>('/api/v1/whoami', { token });
const rotate = (token: string) => call<RotateResponse>('/api/v1/token/rotate', { token, body: {} });

describe('enrolling a phone with a one-time link', () => {
  it('prints a link with a code in it, never a token, and keeps only the code’s hash', async () => {
    clock = T0;
    const { printed, link, code } = await deviceAdd("Duty officer's phone");
    expect(link).toMatch(/^https:\/\/muster\.riverside\.test\/enrol#code=mse_[A-Za-z0-9_-]{22}$/);
    expect(printed).not.toMatch(/mst_|#token=/);
    expect(printed).toContain(new Date(T0 + 24 * HOUR).toISOString());
    const row = store.db.prepare('SELECT * FROM enrolment_codes WHERE code_hash = ?').get(hashEnrolmentCode(code));
    expect(row).toBeDefined();
    expect(JSON.stringify(store.db.prepare('SELECT * FROM enrolment_codes').all())).not.toContain(code);
    // No token exists until a phone asks for one.
    expect(store.db.prepare('SELECT count(*) AS n FROM device_tokens').get()).toEqual({ n: 0 });
  });

  it('the phone trades the code for a token of its own, once; a second use is refused with 410 and asked to get a new link', async () => {
    clock = T0;
    const { code, tokenId } = await deviceAdd('Commander tablet', '--role', 'editor');
    clock = T0 + 3 * HOUR;
    const first = await enrol(code, 'd-tablet-01');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tokenId, org: { id: 'org-riverside', name: 'Riverside branch' }, label: 'Commander tablet', role: 'editor' });
    expect(first.body.token).toMatch(/^mst_[A-Za-z0-9_-]{43}$/);
    expect((await whoami(first.body.token)).body.device).toEqual({ tokenId, label: 'Commander tablet', role: 'editor' });

    const second = await enrol(code, 'd-someone-else');
    expect(second.status).toBe(410);
    expect(second.body.code).toBe('used');
    expect(second.body.error).toMatch(/already used.*Ask your administrator for a new enrolment link/);
    expect(second.body).not.toHaveProperty('token');
    expect(store.db.prepare('SELECT count(*) AS n FROM device_tokens WHERE id = ?').get(tokenId)).toEqual({ n: 1 });
    expect(store.db.prepare('SELECT used_at, device_id FROM enrolment_codes WHERE token_id = ?').get(tokenId)).toEqual({
      used_at: new Date(T0 + 3 * HOUR).toISOString(),
      device_id: 'd-tablet-01',
    });
  });

  it('a code works until its expiry (24 h by default, or --expires hours) and is refused with 410 after', async () => {
    clock = T0;
    const daily = await deviceAdd('Phone A');
    const short = await deviceAdd('Phone B', '--expires', '2');
    const late = await deviceAdd('Phone C');
    clock = T0 + 2 * HOUR;
    const expired = await enrol(short.code);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('expired');
    expect(expired.body.error).toContain(`expired at ${new Date(T0 + 2 * HOUR).toISOString()}`);
    clock = T0 + 24 * HOUR - 1;
    expect((await enrol(daily.code)).status).toBe(200);
    clock = T0 + 24 * HOUR;
    expect((await enrol(late.code)).body.code).toBe('expired');
    expect(await admin('device', 'list', 'org-riverside')).toContain(`${late.tokenId}\tPhone C\tmember\tlink issued`);
  });

  it('refuses --expires beyond a week or not a number', async () => {
    await expect(deviceAdd('Phone D', '--expires', '200')).rejects.toThrow(/--expires must be a whole number of hours from 1 to 168/);
    await expect(deviceAdd('Phone D', '--expires', 'soon')).rejects.toThrow(/--expires/);
  });

  it('a link the administrator withdrew before use is refused; an unknown or damaged code says so', async () => {
    clock = T0;
    const { code, tokenId } = await deviceAdd('Lost phone');
    expect(await admin('device', 'list', 'org-riverside')).toContain(`${tokenId}\tLost phone\tmember\tlink issued`);
    expect(await admin('device', 'revoke', tokenId)).toContain('Withdrew the enrolment link');
    expect((await enrol(code)).body.code).toBe('cancelled');
    expect(await enrol('mse_' + 'A'.repeat(22))).toMatchObject({ status: 404, body: { code: 'unknown' } });
    expect((await enrol('mst_' + 'A'.repeat(43))).status).toBe(400);
    expect((await call('/api/v1/enrol', { body: { code, extra: 1 } })).status).toBe(400);
  });
});

describe('rotating a device token', () => {
  it('gives the device a new token; the old one works until the new one is first used, then never again', async () => {
    clock = T0;
    const { code, tokenId } = await deviceAdd('Gate phone');
    const old = (await enrol(code)).body.token;

    const rotated = await rotate(old);
    expect(rotated.status).toBe(200);
    expect(rotated.body.tokenId).toBe(tokenId);
    expect(rotated.body.token).not.toBe(old);
    // The answer could have been lost: the old token still works until the new one is used.
    expect((await whoami(old)).status).toBe(200);

    expect((await whoami(rotated.body.token)).body.device).toMatchObject({ tokenId, label: 'Gate phone' });
    expect((await whoami(old)).status).toBe(401);
    expect((await rotate(old)).status).toBe(401);
    expect((await whoami(rotated.body.token)).status).toBe(200);
  });

  it('asking again after a lost answer replaces the unused new token; a revoked device cannot rotate', async () => {
    clock = T0;
    const { code, tokenId } = await deviceAdd('Stair phone');
    const old = (await enrol(code)).body.token;
    const lost = (await rotate(old)).body.token;
    const kept = (await rotate(old)).body.token;
    expect((await whoami(lost)).status).toBe(401);
    expect((await whoami(kept)).status).toBe(200);
    expect((await whoami(old)).status).toBe(401);

    await admin('device', 'revoke', tokenId);
    expect((await rotate(kept)).status).toBe(401);
  });
});

/** Whether this filesystem keeps Unix modes (some mounts, e.g. FAT or a Windows share, do not). */
function keepsModes(dir: string): boolean {
  if (process.platform === 'win32') return false;
  const probe = join(dir, 'mode-probe');
  writeFileSync(probe, '');
  chmodSync(probe, 0o640);
  return (statSync(probe).mode & 0o777) === 0o640;
}

const modeOf = (file: string): string => (statSync(file).mode & 0o777).toString(8);

describe('files in DATA_DIR are the owner’s only', () => {
  it('the database and its -wal and -shm files are 0600, the folder it makes 0700, the TLS keys 0600 in a 0700 folder', async (context) => {
    const root = makeTempDir('modes');
    // Skipped only where the filesystem cannot hold modes at all (FAT, some network shares), and then it says so.
    if (!keepsModes(root)) context.skip('this filesystem ignores Unix file modes');
    const dir = join(root, 'data');
    const fresh = openSqliteStore(dir);
    try {
      await fresh.createOrg({ id: 'org-x', name: 'X' }, new Date(T0).toISOString());
      expect(modeOf(dir)).toBe('700');
      for (const file of [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`])
        expect([file, modeOf(join(dir, file))]).toEqual([file, '600']);
    } finally {
      fresh.close();
    }
    await initTls({ dataDir: dir, names: ['muster.riverside.test'], now: new Date(T0) });
    expect(modeOf(join(dir, 'tls'))).toBe('700');
    expect(modeOf(join(dir, 'tls', TLS_FILES.caKey))).toBe('600');
    expect(modeOf(join(dir, 'tls', TLS_FILES.key))).toBe('600');
  });

  it('a database an older Muster left world-readable is made 0600 when opened', (context) => {
    const dir = makeTempDir('modes-old');
    if (!keepsModes(dir)) context.skip('this filesystem ignores Unix file modes');
    const old = openSqliteStore(dir);
    old.close();
    chmodSync(join(dir, SQLITE_FILE_NAME), 0o644);
    const reopened = openSqliteStore(dir);
    try {
      expect(modeOf(join(dir, SQLITE_FILE_NAME))).toBe('600');
      expect(readFileSync(join(dir, SQLITE_FILE_NAME)).subarray(0, 15).toString()).toBe('SQLite format 3');
    } finally {
      reopened.close();
    }
  });
});
