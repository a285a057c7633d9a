import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin';
import { hashDeviceToken } from '../../src/server/tokens';
import { readSyncToken } from '../../src/storage/sync-state';
import { createSyncEngine, type LocalSyncEngine } from '../../src/sync/controller';
import { codeFromEnrolmentUrl, enrolFromUrl } from '../../src/sync/enrol';
import { rotateDeviceToken } from '../../src/sync/rotate';
import type { FetchLike } from '../../src/sync/transport';
import { BASE_URL, removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';

// A phone joins with the link the administrator printed, and later swaps its token, against
// the real server app on a real SQLite file, with the server's clock in the test's hand.

const HOUR = 60 * 60 * 1000;
const ORG = 'org-riverside';
let clock = T0;
let server: TestServer;
const cleanup: (() => Promise<void>)[] = [];

beforeEach(async () => {
  clock = T0;
  server = new TestServer(tempDir('enrol'), () => clock);
  await server.addOrg(ORG, 'Riverside branch');
});

afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
  server.close();
  removeTempDirs();
});

/** `device add` as the administrator runs it; the link it printed. */
async function issueLink(label: string, ...options: string[]): Promise<string> {
  const lines: string[] = [];
  await runAdmin(['device', 'add', ORG, label, '--url', BASE_URL, '--insecure', '--no-qr', ...options], server.store, {
    out: (line) => lines.push(line),
    now: () => clock,
    env: {},
    dataDir: server.dataDir,
  });
  return lines.find((line) => line.includes('/enrol#')) ?? '';
}

interface Phone {
  device: TestDevice;
  engine: LocalSyncEngine;
  network: { up: boolean };
  fetch: FetchLike;
}

function phone(name: string): Phone {
  const device = new TestDevice(name, () => clock);
  const network = { up: true };
  const fetch: FetchLike = (input, init) => (network.up ? server.fetch(input, init) : Promise.reject(new TypeError('fetch failed')));
  const engine = createSyncEngine({ db: device.db, transportFor: (t) => device.transport({ fetch }, t), now: () => clock });
  cleanup.push(async () => {
    engine.stop();
    await device.dispose();
  });
  return { device, engine, network, fetch };
}

const whoamiStatus = async (token: string): Promise<number> =>
  (await server.fetch(`${BASE_URL}/api/v1/whoami`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('a phone joins with its one-time link', () => {
  it('the duty officer’s phone opens the link, gets a token of its own and syncs; the same link on another phone is refused', async () => {
    const link = await issueLink("Duty officer's phone");
    expect(link).not.toContain('mst_');
    const officer = phone('officer');
    expect(await enrolFromUrl(officer.engine, officer.device.db, link, { fetch: officer.fetch })).toEqual({
      outcome: 'joined',
      org: { id: ORG, name: 'Riverside branch' },
    });
    const token = await readSyncToken(officer.device.db);
    expect(token).toMatch(/^mst_/);
    expect(server.store.db.prepare('SELECT count(*) AS n FROM device_tokens WHERE token_hash = ?').get(hashDeviceToken(token!))).toEqual({ n: 1 });
    // The server noted which device used the code.
    const { device_id } = server.store.db.prepare('SELECT device_id FROM enrolment_codes').get() as { device_id: string };
    expect(device_id).toMatch(/^d-/);

    const stranger = phone('stranger');
    expect(await enrolFromUrl(stranger.engine, stranger.device.db, link, { fetch: stranger.fetch })).toEqual({ outcome: 'used' });
    expect(await readSyncToken(stranger.device.db)).toBeNull();
  });

  it('an expired link is refused and stores nothing', async () => {
    const link = await issueLink('Late phone', '--expires', '1');
    clock = T0 + HOUR;
    const late = phone('late');
    expect(await enrolFromUrl(late.engine, late.device.db, link, { fetch: late.fetch })).toEqual({ outcome: 'expired' });
    expect(await readSyncToken(late.device.db)).toBeNull();
  });

  it('offline, the code is not spent: the same link works once the network is back', async () => {
    const link = await issueLink('Basement phone');
    const basement = phone('basement');
    basement.network.up = false;
    expect(await enrolFromUrl(basement.engine, basement.device.db, link, { fetch: basement.fetch })).toEqual({ outcome: 'unreachable' });
    basement.network.up = true;
    expect(await enrolFromUrl(basement.engine, basement.device.db, link, { fetch: basement.fetch })).toMatchObject({ outcome: 'joined' });
  });

  it('reads the code only from the fragment, and only a well-formed one', () => {
    const code = 'mse_' + 'A'.repeat(22);
    expect(codeFromEnrolmentUrl(`https://m.test/enrol#code=${code}`)).toBe(code);
    expect(codeFromEnrolmentUrl(`https://m.test/enrol?code=${code}`)).toBeNull();
    expect(codeFromEnrolmentUrl('https://m.test/enrol#code=mse_short')).toBeNull();
  });
});

describe('a phone swaps its token', () => {
  it('gets a new token, keeps syncing with it, and the old one stops working', async () => {
    const commander = phone('commander');
    await enrolFromUrl(commander.engine, commander.device.db, await issueLink('Commander tablet'), { fetch: commander.fetch });
    const old = (await readSyncToken(commander.device.db))!;

    const transportFor = (t: string) => commander.device.transport({ fetch: commander.fetch }, t);
    expect(await rotateDeviceToken({ db: commander.device.db, transportFor, engine: commander.engine })).toEqual({ ok: true });
    const fresh = await readSyncToken(commander.device.db);
    expect(fresh).not.toBe(old);
    expect(commander.engine.getStatus()).toMatchObject({ enrolled: true, lastError: null });
    expect(await whoamiStatus(old)).toBe(401);
    expect(await whoamiStatus(fresh!)).toBe(200);
  });

  it('offline, nothing changes and the old token still works', async () => {
    const scribe = phone('scribe');
    await enrolFromUrl(scribe.engine, scribe.device.db, await issueLink('Scribe phone'), { fetch: scribe.fetch });
    const old = (await readSyncToken(scribe.device.db))!;
    scribe.network.up = false;
    const transportFor = (t: string) => scribe.device.transport({ fetch: scribe.fetch }, t);
    expect(await rotateDeviceToken({ db: scribe.device.db, transportFor, engine: scribe.engine })).toEqual({ ok: false, problem: 'offline' });
    expect(await readSyncToken(scribe.device.db)).toBe(old);
    expect(await whoamiStatus(old)).toBe(200);
  });
});
