import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import { openSqliteStore, StoreOpenError, type SqliteEventStore } from '../../src/server/storage/sqlite';
import type { NewPublishedPlaybook } from '../../src/server/storage/types';
import { LATEST_SCHEMA_VERSION, makeTempDir, removeTempDirs } from './support';

afterAll(() => removeTempDirs());

describe('the SQLite store', () => {
  it('creates a missing data folder and a schema-4 file with the orgs, events, device token and published playbook tables', () => {
    const dataDir = join(makeTempDir('store'), 'nested', 'data');
    const store = openSqliteStore(dataDir);
    try {
      expect(store.kind).toBe('sqlite');
      expect(store.file).toBe(join(dataDir, 'muster.sqlite'));
      expect(existsSync(store.file)).toBe(true);
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      // FULL: an event the server acknowledged survives a power cut (the device drops it then).
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);

      const columns = (table: string): string[] => (store.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('orgs')).toEqual(['id', 'name', 'created_at', 'parent_id']);
      expect(columns('events')).toEqual(['seq', 'org_id', 'id', 'stream_id', 'device_id', 'actor', 'hlc', 'type', 'payload', 'v', 'received_at', 'token_id']);
      const indexes = store.db.prepare(`PRAGMA index_list(events)`).all() as { name: string }[];
      expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['events_org_seq', 'events_org_stream_seq']));
      expect(columns('device_tokens')).toEqual(
        expect.arrayContaining(['id', 'org_id', 'token_hash', 'label', 'created_at', 'revoked_at', 'seen_seq', 'seen_at', 'following', 'role']),
      );
      // Migration 9: a rotated token waiting for its first use.
      expect(columns('device_tokens')).toContain('next_token_hash');
      expect(columns('published_playbooks')).toEqual([
        'org_id',
        'id',
        'language',
        'revision',
        'version',
        'kind',
        'title',
        'hash',
        'note',
        'body',
        'published_at',
        'published_by',
      ]);
    } finally {
      store.close();
    }
  });

  it('keeps an organisation across a restart', () => {
    const dataDir = makeTempDir('restart');
    const first = openSqliteStore(dataDir);
    first.db.prepare('INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)').run('org-bank-sz', 'Shenzhen branch', '2025-07-01T02:00:00.000Z');
    first.close();
    expect(existsSync(join(dataDir, 'muster.sqlite-wal'))).toBe(false); // checkpointed on close

    const second = openSqliteStore(dataDir);
    try {
      expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(second.db.prepare('SELECT id, name, created_at FROM orgs').all()).toEqual([
        { id: 'org-bank-sz', name: 'Shenzhen branch', created_at: '2025-07-01T02:00:00.000Z' },
      ]);
    } finally {
      second.close();
    }
  });

  it('stores an event once per organisation: a retried push is ignored, another org may reuse the id', () => {
    const store = openSqliteStore(makeTempDir('unique'));
    try {
      const insert = store.db.prepare(
        `INSERT OR IGNORE INTO events (org_id, id, stream_id, device_id, actor, hlc, type, payload, v, received_at)
         VALUES (?, 'ev-1', 'inc-1', 'dev-1', 'Li Wei', '0001', 'note.added', '{}', 1, '2025-07-01T02:00:00Z')`,
      );
      expect(insert.run('org-a').changes).toBe(1);
      expect(insert.run('org-a').changes).toBe(0);
      expect(insert.run('org-b').changes).toBe(1);
      const rows = store.db.prepare('SELECT org_id, seq FROM events ORDER BY seq').all() as { org_id: string; seq: number }[];
      expect(rows.map((r) => r.org_id)).toEqual(['org-a', 'org-b']);
      // Increasing, but not contiguous: with this SQLite an ignored duplicate still uses up an
      // AUTOINCREMENT number, so a pull cursor must mean "after seq N", never "the Nth event".
      expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
    } finally {
      store.close();
    }
  });

  it('runs only the migrations a file has not had yet', () => {
    const dataDir = makeTempDir('migrate');
    openSqliteStore(dataDir).close();
    const ran: number[] = [];
    const step = LATEST_SCHEMA_VERSION + 1;
    const next = [...SQLITE_MIGRATIONS, { version: step, description: 'test step', up: () => void ran.push(step) }];
    const store = openSqliteStore(dataDir, next);
    expect(store.schemaVersion).toBe(step);
    store.close();
    openSqliteStore(dataDir, next).close();
    expect(ran).toEqual([step]);
  });

  it('refuses a file written by a newer Muster rather than guess at its schema', () => {
    const dataDir = makeTempDir('newer');
    const store = openSqliteStore(dataDir);
    store.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    store.close();
    expect(() => openSqliteStore(dataDir)).toThrow(new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 3}.*only knows up to ${LATEST_SCHEMA_VERSION}`));
  });

  it('names the file when DATA_DIR holds something that is not a SQLite database', () => {
    const dataDir = makeTempDir('notadb');
    const file = join(dataDir, 'muster.sqlite');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(40));
    let thrown: unknown;
    try {
      openSqliteStore(dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreOpenError);
    expect((thrown as Error).message).toContain(file);
    expect((thrown as Error).message).toContain('not a SQLite database');
  });

  it('names the file when muster.sqlite is a folder', () => {
    const dataDir = makeTempDir('isdir');
    mkdirSync(join(dataDir, 'muster.sqlite'));
    expect(() => openSqliteStore(dataDir)).toThrow(join(dataDir, 'muster.sqlite'));
  });

  it('says so when DATA_DIR is a file', () => {
    const path = join(makeTempDir('datafile'), 'data');
    writeFileSync(path, 'x');
    expect(() => openSqliteStore(path)).toThrow(`Cannot create the data folder ${path}`);
  });
});

describe('published playbooks in the SQLite store', () => {
  const at = '2026-07-14T02:00:00.000Z';
  const version = (v: string, note: string): NewPublishedPlaybook => ({
    id: 'riverside-flood',
    language: 'en',
    version: v,
    kind: 'flood',
    title: 'Riverside flood plan',
    hash: `hash-of-${v}`,
    note,
    bodyJson: JSON.stringify({ id: 'riverside-flood', version: v }),
    publishedBy: 'dt-editor',
  });
  const withEditor = async (store: SqliteEventStore): Promise<void> => {
    await store.createOrg({ id: 'org-riverside', name: 'Riverside' }, at);
    await store.addDeviceToken({ id: 'dt-editor', orgId: 'org-riverside', label: "Safety officer's tablet", tokenHash: 'h1', role: 'editor' }, at);
  };

  it('numbers the revisions of an id and language 1, 2, 3 and names the publisher by its label', async () => {
    const store = openSqliteStore(makeTempDir('publish'));
    try {
      await withEditor(store);
      const first = await store.publishPlaybook('org-riverside', version('1.0.0', 'First issue'), null, at);
      expect(first).toEqual({
        status: 'published',
        info: {
          id: 'riverside-flood',
          language: 'en',
          revision: 1,
          version: '1.0.0',
          kind: 'flood',
          title: 'Riverside flood plan',
          hash: 'hash-of-1.0.0',
          note: 'First issue',
          publishedAt: at,
          publishedBy: "Safety officer's tablet",
        },
      });
      const second = await store.publishPlaybook('org-riverside', version('1.1.0', 'Stair B'), 1, at);
      expect(second.status === 'published' && second.info.revision).toBe(2);
      expect((await store.currentPlaybooks('org-riverside')).map((p) => [p.revision, p.version])).toEqual([[2, '1.1.0']]);
      expect((await store.getPublishedPlaybook('org-riverside', 'riverside-flood', 'en', 1))?.bodyJson).toBe(
        JSON.stringify({ id: 'riverside-flood', version: '1.0.0' }),
      );
    } finally {
      store.close();
    }
  });

  it('lets only one of two publishes from the same base win, even over two connections to the file', async () => {
    const dataDir = makeTempDir('publish-race');
    const server = openSqliteStore(dataDir);
    const cli = openSqliteStore(dataDir);
    try {
      await withEditor(server);
      await server.publishPlaybook('org-riverside', version('1.0.0', 'First issue'), null, at);
      const winner = await cli.publishPlaybook('org-riverside', version('1.1.0', 'From the CLI connection'), 1, at);
      const loser = await server.publishPlaybook('org-riverside', version('1.2.0', 'From the server connection'), 1, at);
      expect(winner.status).toBe('published');
      expect(loser.status).toBe('stale');
      expect(loser.status === 'stale' && loser.current?.revision).toBe(2);
      expect(loser.status === 'stale' && loser.current?.note).toBe('From the CLI connection');
      const count = server.db.prepare('SELECT count(*) AS n FROM published_playbooks').get() as { n: number };
      expect(count.n).toBe(2);
    } finally {
      cli.close();
      server.close();
    }
  });

  it('refuses to change or remove a published version, even by hand', async () => {
    const store = openSqliteStore(makeTempDir('publish-immutable'));
    try {
      await withEditor(store);
      await store.publishPlaybook('org-riverside', version('1.0.0', 'First issue'), null, at);
      expect(() => store.db.prepare(`UPDATE published_playbooks SET note = 'rewritten'`).run()).toThrow(/never changes/);
      expect(() => store.db.prepare('DELETE FROM published_playbooks').run()).toThrow(/never removed/);
      expect((await store.getPublishedPlaybook('org-riverside', 'riverside-flood', 'en', 1))?.note).toBe('First issue');
    } finally {
      store.close();
    }
  });

  it('never hands one organisation the playbooks of another', async () => {
    const store = openSqliteStore(makeTempDir('publish-orgs'));
    try {
      await withEditor(store);
      await store.createOrg({ id: 'org-other', name: 'Another bank' }, at);
      await store.addDeviceToken({ id: 'dt-other', orgId: 'org-other', label: 'Their tablet', tokenHash: 'h2', role: 'editor' }, at);
      await store.publishPlaybook('org-riverside', version('1.0.0', 'First issue'), null, at);
      expect(await store.currentPlaybooks('org-other')).toEqual([]);
      expect(await store.currentPlaybook('org-other', 'riverside-flood', 'en')).toBeUndefined();
      expect(await store.getPublishedPlaybook('org-other', 'riverside-flood', 'en', 1)).toBeUndefined();
      // The other organisation's first publication of the same id starts at revision 1 of its own.
      const theirs = await store.publishPlaybook('org-other', { ...version('0.1.0', 'Ours'), publishedBy: 'dt-other' }, null, at);
      expect(theirs.status === 'published' && theirs.info.revision).toBe(1);
    } finally {
      store.close();
    }
  });
});

describe('schema step 10: organisations under a parent, and the head-office role', () => {
  const at = '2026-07-14T02:00:00.000Z';

  it('rebuilds the token and code tables of a version-9 file without losing a row, a key or a reference', async () => {
    const dataDir = makeTempDir('step-10');
    // A file as Muster left it at schema 9, written with that schema's own SQL.
    const old = new Database(join(dataDir, 'muster.sqlite'));
    old.pragma('foreign_keys = ON');
    for (const step of SQLITE_MIGRATIONS.filter((m) => m.version <= 9)) step.up(old);
    old.pragma('user_version = 9');
    old.exec(`
      INSERT INTO orgs (id, name, created_at) VALUES ('org-sz', 'Shenzhen branch', '${at}');
      INSERT INTO device_tokens (id, org_id, token_hash, label, created_at, role, seen_seq, seen_at, following, next_token_hash)
        VALUES ('dt-ed', 'org-sz', 'hash-ed', 'Safety officer', '${at}', 'editor', 7, '${at}', '["inc-1"]', 'hash-next');
      INSERT INTO device_tokens (id, org_id, token_hash, label, created_at, revoked_at) VALUES ('dt-gone', 'org-sz', 'hash-gone', 'Lost phone', '${at}', '${at}');
      INSERT INTO enrolment_codes (code_hash, org_id, token_id, label, role, created_at, expires_at)
        VALUES ('code-1', 'org-sz', 'dt-new', 'Duty phone', 'member', '${at}', '2026-07-15T02:00:00.000Z');
      INSERT INTO published_playbooks (org_id, id, language, revision, version, kind, title, hash, note, body, published_at, published_by)
        VALUES ('org-sz', 'sz-fire', 'en', 1, '1.0.0', 'fire', 'Fire', 'h', 'First', '{}', '${at}', 'dt-ed');
    `);
    old.close();

    const store = openSqliteStore(dataDir);
    try {
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      const tokens = await store.listDeviceTokens('org-sz');
      expect(tokens.map((t) => [t.id, t.role, t.revokedAt])).toEqual([
        ['dt-ed', 'editor', null],
        ['dt-gone', 'member', at],
      ]);
      expect((await store.findDeviceToken('hash-ed'))?.label).toBe('Safety officer');
      expect(await store.incidentFollowers('org-sz', 'inc-1')).toMatchObject({ devices: [{ tokenId: 'dt-ed', seenSeq: 7 }] });
      expect(await store.takeUpNextToken('hash-next')).toBe(true);
      expect(await store.pendingEnrolmentCodes('org-sz')).toMatchObject([{ tokenId: 'dt-new', label: 'Duty phone' }]);
      expect((await store.currentPlaybook('org-sz', 'sz-fire', 'en'))?.publishedBy).toBe('Safety officer');
      const indexes = (table: string): string[] => (store.db.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[]).map((i) => i.name);
      expect(indexes('device_tokens')).toEqual(expect.arrayContaining(['device_tokens_org', 'device_tokens_next_hash']));
      expect(indexes('enrolment_codes')).toContain('enrolment_codes_org');
      expect(indexes('orgs')).toContain('orgs_parent');

      // The new role is taken; a made-up one still is not; a parent must exist.
      await store.addDeviceToken({ id: 'dt-ho', orgId: 'org-sz', label: 'Head office', tokenHash: 'hash-ho', role: 'head-office' }, at);
      expect((await store.findDeviceToken('hash-ho'))?.role).toBe('head-office');
      expect(() => store.db.prepare(`UPDATE device_tokens SET role = 'owner' WHERE id = 'dt-ho'`).run()).toThrow(/CHECK/);
      await expect(async () => store.createOrg({ id: 'org-x', name: 'Orphan', parentId: 'org-missing' }, at)).rejects.toThrow(/FOREIGN KEY/);
      // A published version still refers to its publisher, so the token cannot vanish under it.
      expect(() => store.db.prepare(`DELETE FROM device_tokens WHERE id = 'dt-ed'`).run()).toThrow(/FOREIGN KEY/);
    } finally {
      store.close();
    }
  });

  it('finds every organisation below one, however deep, and none of its siblings', async () => {
    const store = openSqliteStore(makeTempDir('tree'));
    try {
      await store.createOrg({ id: 'hq', name: 'Head office' }, at);
      await store.createOrg({ id: 'prov-gd', name: 'Guangdong', parentId: 'hq' }, at);
      await store.createOrg({ id: 'br-sz', name: 'Shenzhen', parentId: 'prov-gd' }, at);
      await store.createOrg({ id: 'br-gz', name: 'Guangzhou', parentId: 'prov-gd' }, at);
      await store.createOrg({ id: 'other', name: 'Another bank' }, at);
      expect((await store.descendantOrgs('hq')).map((o) => o.id)).toEqual(['prov-gd', 'br-gz', 'br-sz']);
      expect((await store.descendantOrgs('prov-gd')).map((o) => [o.id, o.parentId])).toEqual([
        ['br-gz', 'prov-gd'],
        ['br-sz', 'prov-gd'],
      ]);
      expect(await store.descendantOrgs('br-sz')).toEqual([]);
      expect(await store.getOrg('br-sz')).toEqual({ id: 'br-sz', name: 'Shenzhen', createdAt: at, parentId: 'prov-gd' });
      expect((await store.setOrgParent('other', 'hq'))?.parentId).toBe('hq');
      expect((await store.descendantOrgs('hq')).map((o) => o.id)).toContain('other');
      expect(await store.setOrgParent('nobody', 'hq')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
