import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import type { PullResponse, PushResponse, PushResult } from '../../src/domain/sync-protocol';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// What the server trusts in a push, over real HTTP on a real SQLite file: the clock stamp must
// not be far ahead of the server's clock, a token pushes only its own device's events, and
// every stored event says which token delivered it.

let server: RunningServer;
let admin: SqliteEventStore;
const tokens = { commander: '', mallory: '', fresh: '' };

beforeAll(async () => {
  const work = makeTempDir('push-trust');
  const dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
  for (const [key, label] of [
    ['commander', "Commander's tablet"],
    ['mallory', 'Lobby phone'],
    ['fresh', 'Spare phone'],
  ] as const) {
    tokens[key] = newDeviceToken();
    await admin.addDeviceToken({ id: `dt-${key}`, orgId: 'org-bank-sz', label, tokenHash: hashDeviceToken(tokens[key]) }, at);
  }
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

let serial = 0;
function stepDone(deviceId: string, wall: number, stepId = 'close-floodgate'): Record<string, unknown> {
  serial += 1;
  return {
    id: `0198b000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId,
    actor: '王值班',
    hlc: `${String(wall).padStart(15, '0')}-0000-${deviceId}`,
    type: 'step.done',
    payload: { stepId },
    v: 1,
  };
}

async function push(token: string, events: unknown[]): Promise<PushResponse> {
  const res = await fetch(new URL('/api/v1/events', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

async function pullAll(token: string): Promise<PullResponse> {
  const res = await fetch(new URL('/api/v1/events?after=0&limit=1000', server.url), { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as PullResponse;
}

const storedIds = (): string[] => (admin.db.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id);

describe('a clock stamp far ahead of the server', () => {
  it('refuses a step marked done in year 33658 and tells the device to fix its clock', async () => {
    const future = stepDone('d-commander', 999_999_999_999_999);
    const { results } = await push(tokens.commander, [future]);
    const [result] = results as [PushResult];
    expect(result).toMatchObject({ id: future.id, status: 'rejected', code: 'clock-ahead' });
    expect(result.status === 'rejected' && result.reason).toMatch(/33658-.*ahead of the server's clock.*at most 5 min.*set its date and time to automatic/);
    expect(storedIds()).not.toContain(future.id);
  });

  it('takes a stamp four minutes ahead (a phone a little fast) and refuses one six minutes ahead', async () => {
    const fast = stepDone('d-commander', Date.now() + 4 * 60_000);
    const wrong = stepDone('d-commander', Date.now() + 6 * 60_000);
    const { results } = await push(tokens.commander, [fast, wrong]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(results[1]).toMatchObject({ code: 'clock-ahead' });
  });
});

describe('a token pushes only its own device', () => {
  it('binds the device id of its first push; a second token pushing that device id is refused', async () => {
    await push(tokens.commander, [stepDone('d-commander', Date.now())]);
    const forged = stepDone('d-commander', Date.now(), 'evacuate-b1');
    const { results } = await push(tokens.mallory, [forged]);
    expect(results[0]).toMatchObject({ id: forged.id, status: 'rejected', code: 'foreign-device' });
    expect(results[0]?.status === 'rejected' && results[0].reason).toMatch(/d-commander belongs to another device token/);
    expect(storedIds()).not.toContain(forged.id);
  });

  it('refuses, event by event, another device id from a token already bound, and keeps the rest', async () => {
    const own = stepDone('d-spare', Date.now());
    const other = stepDone('d-elsewhere', Date.now());
    const { results } = await push(tokens.fresh, [own, other]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(results[1]).toMatchObject({ code: 'foreign-device' });
    expect(results[1]?.status === 'rejected' && results[1].reason).toMatch(/belongs to device d-spare, not d-elsewhere/);
  });
});

describe('every event names the token that delivered it', () => {
  it('stores the token id with the event and hands out its label on pull', async () => {
    const e = stepDone('d-commander', Date.now(), 'pumps-on');
    await push(tokens.commander, [e]);
    const row = admin.db.prepare('SELECT token_id FROM events WHERE id = ?').get(e.id) as { token_id: string };
    expect(row.token_id).toBe('dt-commander');
    const page = await pullAll(tokens.fresh);
    expect(page.events.find((x) => x.id === e.id)?.deliveredBy).toBe("Commander's tablet");
    expect(page.events.every((x) => typeof x.deliveredBy === 'string')).toBe(true);
  });
});
