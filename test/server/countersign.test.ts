import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCountersignature, COUNTERSIGN_PATH, sha256Hex, type CountersignResponse } from '../../src/domain/report';
import { runAdmin } from '../../src/server/admin';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// The server countersigning a report's hash over real HTTP, with the organisation's own key,
// which the administrator prints with `org key` and checks reports against.

let server: RunningServer;
let admin: SqliteEventStore;
let dataDir: string;
const tokens = { riverside: newDeviceToken(), riverside2: newDeviceToken(), other: newDeviceToken() };
const reportHash = sha256Hex('a report header');

beforeAll(async () => {
  const work = makeTempDir('countersign');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  dataDir = join(work, 'data');
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-riverside', name: 'Riverside Sub-branch' }, at);
  await admin.createOrg({ id: 'org-other', name: 'Another bank' }, at);
  await admin.addDeviceToken({ id: 'dt-1', orgId: 'org-riverside', label: 'Duty phone', tokenHash: hashDeviceToken(tokens.riverside) }, at);
  await admin.addDeviceToken({ id: 'dt-2', orgId: 'org-riverside', label: "Commander's tablet", tokenHash: hashDeviceToken(tokens.riverside2) }, at);
  await admin.addDeviceToken({ id: 'dt-3', orgId: 'org-other', label: 'Their phone', tokenHash: hashDeviceToken(tokens.other) }, at);
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

function post(body: string, token?: string): Promise<Response> {
  return fetch(new URL(COUNTERSIGN_PATH, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

async function orgKey(orgId: string): Promise<string> {
  const lines: string[] = [];
  await runAdmin(['org', 'key', orgId], admin, { out: (l) => lines.push(l), now: () => Date.parse('2026-07-14T03:00:00Z'), env: {}, dataDir });
  return lines[1] ?? '';
}

describe('POST /api/v1/countersign', () => {
  it("signs the duty phone's report hash with the organisation's key, which the administrator prints", async () => {
    const res = await post(JSON.stringify({ headerHash: reportHash }), tokens.riverside);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as CountersignResponse;
    expect(Object.keys(answer).sort()).toEqual(['keyId', 'publicKey', 'signature', 'signedAt']);
    const key = await orgKey('org-riverside');
    expect(key).toBe(answer.publicKey);
    expect(checkCountersignature({ algorithm: 'Ed25519', ...answer }, reportHash, key)).toBe('valid');
    expect(checkCountersignature({ algorithm: 'Ed25519', ...answer }, sha256Hex('another header'), key)).toBe('bad-signature');
  });

  it('uses one key per organisation: a second device gets the same key, another organisation its own', async () => {
    const a = (await (await post(JSON.stringify({ headerHash: reportHash }), tokens.riverside2)).json()) as CountersignResponse;
    const b = (await (await post(JSON.stringify({ headerHash: reportHash }), tokens.other)).json()) as CountersignResponse;
    expect(a.publicKey).toBe(await orgKey('org-riverside'));
    expect(b.publicKey).toBe(await orgKey('org-other'));
    expect(b.publicKey).not.toBe(a.publicKey);
    expect(checkCountersignature({ algorithm: 'Ed25519', ...b }, reportHash, a.publicKey)).toBe('other-key');
  });

  it('refuses a request without a device token, and anything but one report hash', async () => {
    const anonymous = await post(JSON.stringify({ headerHash: reportHash }));
    expect(anonymous.status).toBe(401);
    for (const body of [
      '{}',
      '{"headerHash":"abc"}',
      JSON.stringify({ headerHash: reportHash.toUpperCase() }),
      JSON.stringify({ headerHash: reportHash, x: 1 }),
    ]) {
      const res = await post(body, tokens.riverside);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain('headerHash');
    }
    expect((await post('x'.repeat(5000), tokens.riverside)).status).toBe(413);
  });
});
