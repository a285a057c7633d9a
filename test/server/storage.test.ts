import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
      expect(columns('orgs')).toEqual(['id', 'name', 'created_at']);
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
