import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { migrateCommand } from '../../src/server/admin-migrate';
import { createApp } from '../../src/server/app';
import { createContactLog } from '../../src/server/contacts';
import { openPostgresStore } from '../../src/server/storage/postgres';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import type { EventStore } from '../../src/server/storage/types';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { freshPostgresDatabase, postgresHarness } from './pg-cluster';
import { makeTempDir, REPO_ROOT, removeTempDirs, writeTree } from './support';

// `npm run admin -- migrate --to postgres://…`: a branch's SQLite file moved up to PostgreSQL,
// checked, and its devices going on syncing with the tokens and cursors they already have.

const harness = postgresHarness();
const AT = '2026-07-14T02:00:00.000Z';
const usage = (message: string): Error => new Error(`usage: ${message}`);

afterAll(() => removeTempDirs());

let serial = 0;
function note(deviceId: string, text: string): Record<string, unknown> {
  serial += 1;
  return {
    id: `0198c200-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood',
    deviceId,
    actor: '王值班',
    hlc: `${String(1784080800000 + serial).padStart(15, '0')}-0000-${deviceId}`,
    type: 'note.added',
    payload: { text },
    v: 1,
  };
}

/** A device as the server sees it: pushes and pulls over the API of `app`, keeping its cursor and epoch. */
class Device {
  cursor = 0;
  epoch: string | undefined;
  constructor(
    readonly token: string,
    readonly deviceId: string,
  ) {}
  async push(app: ReturnType<typeof createApp>, text: string): Promise<PushResponse> {
    const res = await app.request('/api/v1/events', {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [note(this.deviceId, text)] }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as PushResponse;
  }
  /** Pulls from its cursor to the end, as the app does; answers what was new. */
  async pull(app: ReturnType<typeof createApp>): Promise<PullResponse['events'][number][]> {
    const got: PullResponse['events'][number][] = [];
    for (;;) {
      const res = await app.request(`/api/v1/events?after=${this.cursor}`, { headers: { Authorization: `Bearer ${this.token}` } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as PullResponse;
      if (this.epoch !== undefined && page.epoch !== this.epoch)
        throw new Error(`the epoch changed from ${this.epoch} to ${page.epoch}: the device would pull everything again`);
      this.epoch = page.epoch;
      got.push(...page.events);
      this.cursor = page.next;
      if (!page.more) return got;
    }
  }
}

function app(storage: EventStore, dir: string): ReturnType<typeof createApp> {
  // Contacts are not written on a timer here: the store is closed under the app by the migration.
  const contacts = createContactLog(storage, { setTimer: () => undefined });
  return createApp({ storage, contacts, version: 'test', staticDir: join(dir, 'dist'), rateLimit: { burst: 1e9, perSecond: 1e9 } });
}

/** Everything a store says about the organisations, through the port only, for comparing two stores. */
async function everything(store: EventStore, orgIds: readonly string[], tokenHashes: readonly string[]): Promise<unknown> {
  const orgs = [];
  for (const orgId of orgIds) {
    orgs.push({
      org: await store.getOrg(orgId),
      below: await store.descendantOrgs(orgId),
      events: await store.readEvents(orgId, 0, 1000),
      latestSeq: await store.latestSeq(orgId),
      bytes: await store.storedEventBytes(orgId),
      tokens: await store.listDeviceTokens(orgId),
      playbooks: await store.currentPlaybooks(orgId),
      body: (await store.currentPlaybook(orgId, 'sz-fire', 'zh-CN'))?.bodyJson,
      codes: await store.pendingEnrolmentCodes(orgId),
      // Only where one is stored: asking makes one for an organisation that has none.
      key: orgId === 'br-sz' ? await store.orgSigningKey(orgId, { keyId: 'never-used', publicKey: '00', secretKey: '00' }, AT) : null,
      followers: await store.incidentFollowers(orgId, 'inc-flood'),
    });
  }
  const found = [];
  for (const hash of tokenHashes) found.push(await store.findDeviceToken(hash));
  return { orgs, found, epoch: await store.databaseEpoch(), all: await store.listOrgs() };
}

describe.skipIf(harness.state === 'skipped')('moving a branch from SQLite up to PostgreSQL', () => {
  it('copies every table with its seq numbers and epoch, checks it, and the devices go on syncing where they were', async () => {
    const dir = makeTempDir('migrate');
    writeTree(dir, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
    const dataDir = join(dir, 'data');
    let sqlite: SqliteEventStore = openSqliteStore(dataDir);
    await sqlite.createOrg({ id: 'hq', name: '总行' }, AT);
    await sqlite.createOrg({ id: 'br-sz', name: '深圳分行', parentId: 'hq' }, AT);
    await sqlite.createOrg({ id: 'br-gz', name: 'Guangzhou', parentId: 'hq' }, AT);
    const tokens = { sz: newDeviceToken(), gz: newDeviceToken(), editor: newDeviceToken(), ho: newDeviceToken(), gone: newDeviceToken() };
    await sqlite.addDeviceToken({ id: 'dt-sz', orgId: 'br-sz', label: '值班手机', tokenHash: hashDeviceToken(tokens.sz) }, AT);
    await sqlite.addDeviceToken({ id: 'dt-gz', orgId: 'br-gz', label: 'Duty phone', tokenHash: hashDeviceToken(tokens.gz) }, AT);
    await sqlite.addDeviceToken({ id: 'dt-editor', orgId: 'br-sz', label: 'Safety officer', tokenHash: hashDeviceToken(tokens.editor), role: 'editor' }, AT);
    await sqlite.addDeviceToken({ id: 'dt-ho', orgId: 'hq', label: 'Head office', tokenHash: hashDeviceToken(tokens.ho), role: 'head-office' }, AT);
    await sqlite.addDeviceToken({ id: 'dt-gone', orgId: 'br-sz', label: 'Lost phone', tokenHash: hashDeviceToken(tokens.gone) }, AT);
    await sqlite.revokeDeviceToken('dt-gone', AT);
    await sqlite.setNextTokenHash('dt-gz', 'next-hash-gz');
    await sqlite.publishPlaybook(
      'br-sz',
      {
        id: 'sz-fire',
        language: 'zh-CN',
        version: '1.0.0',
        kind: 'fire',
        title: '消防预案',
        hash: 'h1',
        note: '首版',
        bodyJson: '{"title":"消防预案"}',
        publishedBy: 'dt-editor',
      },
      null,
      AT,
    );
    await sqlite.orgSigningKey('br-sz', { keyId: 'k-sz', publicKey: 'ab'.repeat(32), secretKey: 'cd'.repeat(32) }, AT);
    await sqlite.addEnrolmentCode(
      { codeHash: 'code-hash', orgId: 'br-gz', tokenId: 'dt-new', label: 'New phone', role: 'member', expiresAt: '2027-01-01T00:00:00.000Z' },
      AT,
    );

    // A photo of 300 KB: bytes are copied as bytes and compared.
    const photo = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    photo.set([0xff, 0xd8, 0xff], 0);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    await sqlite.putBlob('br-sz', { hash: photoHash, streamId: 'inc-flood', type: 'image/jpeg', data: photo, tokenId: 'dt-sz' }, 50_000_000, AT);

    // Two branches pushing in turn: each one's seqs have gaps, as SQLite's are one sequence for all.
    const sz = new Device(tokens.sz, 'd-sz');
    const gz = new Device(tokens.gz, 'd-gz');
    const before = app(sqlite, dir);
    for (let i = 0; i < 5; i++) {
      await sz.push(before, `水位 ${i * 10} cm`);
      await gz.push(before, `gz ${i}`);
    }
    expect((await sz.pull(before)).length).toBe(5);
    expect((await gz.pull(before)).length).toBe(5);
    await sqlite.noteDeviceContacts([{ tokenId: 'dt-sz', at: AT, seenSeq: sz.cursor, following: ['inc-flood'] }]);
    const cursorBefore = sz.cursor;
    const orgIds = ['hq', 'br-sz', 'br-gz'];
    const hashes = Object.values(tokens).map(hashDeviceToken);
    const expected = await everything(sqlite, orgIds, hashes);

    // Sorted by ICU's en-US, not by code point: the check must not depend on the database's locale.
    const databaseUrl = await freshPostgresDatabase('migrate', { icuLocale: 'en-US' });
    const said: string[] = [];
    const outcome = await migrateCommand(sqlite, [], new Map([['to', databaseUrl]]), { out: (line) => said.push(line) }, usage);
    expect(outcome.counts).toMatchObject({
      orgs: 3,
      device_tokens: 5,
      events: 10,
      published_playbooks: 1,
      org_signing_keys: 1,
      enrolment_codes: 1,
      blobs: 1,
      meta: 1,
    });
    expect(said.join('\n')).toMatch(/Copied 3 organisations, 5 device tokens, 10 events, 1 published playbook versions/);
    expect(said.join('\n')).toMatch(/Checked: every table has the same rows/);

    const postgres = await openPostgresStore(databaseUrl);
    try {
      // The SQLite file is untouched: it says the same as before, and so does PostgreSQL.
      sqlite = openSqliteStore(dataDir);
      expect(await everything(sqlite, orgIds, hashes)).toEqual(expected);
      sqlite.close();
      expect(await everything(postgres, orgIds, hashes)).toEqual(expected);
      const moved = await postgres.getBlob('br-sz', photoHash);
      expect(moved && createHash('sha256').update(moved.data).digest('hex')).toBe(photoHash);

      // The devices, with the tokens and cursors they had: no enrolment, no pull from 0, nothing twice.
      const after = app(postgres, dir);
      const pushed = await sz.push(after, '水位 60 cm');
      const seq = pushed.results[0]?.status === 'accepted' ? pushed.results[0].seq : 0;
      expect(seq).toBeGreaterThan(cursorBefore);
      const news = await sz.pull(after);
      expect(news.map((e) => e.payload)).toEqual([{ text: '水位 60 cm' }]);
      const forGz = await gz.pull(after);
      expect(forGz).toEqual([]);
      // A rotated token waiting for its first use still takes over on PostgreSQL.
      expect(await postgres.takeUpNextToken('next-hash-gz')).toBe(true);
    } finally {
      await postgres.close();
    }
  });

  it('refuses a database that already holds data, and a file a running server has open, and copies nothing', async () => {
    const dataDir = makeTempDir('migrate-refused');
    const sqlite = openSqliteStore(dataDir);
    await sqlite.createOrg({ id: 'br-sz', name: 'Shenzhen' }, AT);
    const databaseUrl = await freshPostgresDatabase('migrate-refused');
    const taken = await openPostgresStore(databaseUrl);
    await taken.createOrg({ id: 'someone-else', name: 'Already here' }, AT);
    await taken.close();
    await expect(migrateCommand(sqlite, [], new Map([['to', databaseUrl]]), { out: () => undefined }, usage)).rejects.toThrow(
      /already holds 1 organisations and 0 events; migrate copies into an empty database only/,
    );
    const check = await openPostgresStore(databaseUrl);
    expect((await check.listOrgs()).map((o) => o.id)).toEqual(['someone-else']);
    await check.close();

    // A server still running on the file: its pushes during the copy would be lost.
    const server = new Database(join(dataDir, 'muster.sqlite'));
    server.pragma('journal_mode = WAL');
    server.prepare('SELECT count(*) FROM orgs').get();
    try {
      const again = openSqliteStore(dataDir);
      await expect(
        migrateCommand(again, [], new Map([['to', await freshPostgresDatabase('migrate-running')]]), { out: () => undefined }, usage),
      ).rejects.toThrow(/The Muster server is running on .*muster\.sqlite\. Stop it first/);
    } finally {
      server.close();
    }
  });

  it('says what to type when --to is missing or is not PostgreSQL, never echoing a password', async () => {
    const sqlite = openSqliteStore(makeTempDir('migrate-usage'));
    try {
      await expect(migrateCommand(sqlite, [], new Map(), { out: () => undefined }, usage)).rejects.toThrow(/Say where to: migrate --to postgres:\/\//);
      await expect(migrateCommand(sqlite, [], new Map([['to', 'mysql://root:hunter2@db/muster']]), { out: () => undefined }, usage)).rejects.toThrow(
        /must be a PostgreSQL address starting with postgres:\/\/; got "mysql:\/\/root:\*\*\*@db\/muster"/,
      );
    } finally {
      sqlite.close();
    }
  });

  it('runs as npm run admin: migrate, then the admin commands and epoch renew work on DATABASE_URL', { timeout: 120_000 }, async () => {
    const dataDir = makeTempDir('migrate-cli');
    const sqlite = openSqliteStore(dataDir);
    await sqlite.createOrg({ id: 'hq', name: '总行' }, AT);
    await sqlite.createOrg({ id: 'br-sz', name: '深圳分行', parentId: 'hq' }, AT);
    sqlite.close();
    const databaseUrl = await freshPostgresDatabase('migrate-cli');
    const admin = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...env },
        encoding: 'utf8',
      });

    const moved = admin({}, 'migrate', '--to', databaseUrl);
    expect(moved.stderr).toBe('');
    expect(moved.status).toBe(0);
    expect(moved.stdout).toMatch(/Copied 2 organisations, 0 device tokens, 0 events/);

    const listed = admin({ DATABASE_URL: databaseUrl }, 'org', 'list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/总行[\s\S]*深圳分行/);

    const store = await openPostgresStore(databaseUrl);
    const before = await store.databaseEpoch();
    await store.close();
    const renewed = admin({ DATABASE_URL: databaseUrl }, 'epoch', 'renew');
    expect(renewed.status).toBe(0);
    const after = /identity is now ([0-9a-f]{32})/.exec(renewed.stdout)?.[1];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const check = await openPostgresStore(databaseUrl);
    expect(await check.databaseEpoch()).toBe(after);
    await check.close();

    // Twice is refused: the target is no longer empty, and the message says so.
    const again = admin({}, 'migrate', '--to', databaseUrl);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds 2 organisations/);
  });
});
