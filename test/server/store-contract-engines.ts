// The two adapters behind the storage port, as the contract tests (store-contract*.test.ts) see
// them: a fresh database, any number of store instances on it (as several server processes or
// the admin CLI would open them), and a way past the port for what only a hand-typed
// statement can do.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { openPostgresStore, type PostgresEventStore } from '../../src/server/storage/postgres';
import { POSTGRES_MIGRATIONS } from '../../src/server/storage/postgres-migrations';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import type { EventStore } from '../../src/server/storage/types';
import { freshPostgresDatabase, postgresHarness, SKIP_POSTGRES_ENV } from './pg-cluster';
import { makeTempDir } from './support';

export type ContractStore = (SqliteEventStore | PostgresEventStore) & EventStore;

export interface ContractDatabase {
  /** Another store instance on this database: a connection (SQLite) or a pool (PostgreSQL) of its own. */
  open(): Promise<ContractStore>;
  /** Runs a statement straight on the database, past the port. */
  raw(sql: string): Promise<void>;
  /** What the database records of the schema steps it has had (SQLite: its user_version; PostgreSQL: schema_migrations). */
  schemaRecord(): Promise<unknown>;
  /** Makes the database say it has schema `version`, as a newer Muster would have left it. */
  claimSchemaVersion(version: number): Promise<void>;
}

export interface Engine {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly kind: 'sqlite' | 'postgres';
  /** The schema version this Muster brings the database to. */
  readonly latestSchemaVersion: number;
  /** Set when the engine's tests are skipped (MUSTER_TEST_POSTGRES=skip). */
  readonly skipped: boolean;
  newDatabase(label: string): Promise<ContractDatabase>;
  /** Closes every store this engine opened; for afterEach. */
  closeAll(): Promise<void>;
}

function sqliteEngine(): Engine {
  const opened: SqliteEventStore[] = [];
  return {
    name: 'SQLite',
    kind: 'sqlite',
    latestSchemaVersion: Math.max(...SQLITE_MIGRATIONS.map((m) => m.version)),
    skipped: false,
    newDatabase(label) {
      const dir = makeTempDir(`contract-${label}`);
      const withFile = <T>(work: (db: Database.Database) => T): T => {
        const db = new Database(join(dir, SQLITE_FILE_NAME));
        try {
          db.pragma('busy_timeout = 5000');
          return work(db);
        } finally {
          db.close();
        }
      };
      return Promise.resolve({
        open: () => {
          const store = openSqliteStore(dir);
          opened.push(store);
          return Promise.resolve(store);
        },
        raw: (sql) => Promise.resolve(withFile((db) => void db.exec(sql))),
        schemaRecord: () => Promise.resolve(withFile((db) => db.pragma('user_version', { simple: true }))),
        claimSchemaVersion: (version) => Promise.resolve(withFile((db) => void db.pragma(`user_version = ${version}`))),
      });
    },
    closeAll() {
      for (const store of opened.splice(0)) store.close();
      return Promise.resolve();
    },
  };
}

function postgresEngine(): Engine {
  const harness = postgresHarness();
  const opened: PostgresEventStore[] = [];
  return {
    name: 'PostgreSQL',
    kind: 'postgres',
    latestSchemaVersion: Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version)),
    skipped: harness.state === 'skipped',
    async newDatabase(label) {
      // Sorted as people sort (en-US), not as SQLite does: the adapter must sort like SQLite all the same.
      const url = await freshPostgresDatabase(label, { icuLocale: 'en-US' });
      const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return await work(client);
        } finally {
          await client.end();
        }
      };
      return {
        open: async () => {
          // A small pool, as several server processes would each have; quick retries for the listener tests.
          const store = await openPostgresStore(url, { poolSize: 4, listenerRetryMs: { first: 20, max: 500 } });
          opened.push(store);
          return store;
        },
        raw: (sql) => withClient(async (client) => void (await client.query(sql))),
        schemaRecord: () =>
          withClient(
            async (client) =>
              (
                await client.query<{ version: number; description: string; applied_at: string }>(
                  'SELECT version, description, applied_at FROM schema_migrations ORDER BY version',
                )
              ).rows,
          ),
        claimSchemaVersion: (version) =>
          withClient(async (client) => {
            await client.query({
              text: `INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, 'from a newer Muster', 'later')`,
              values: [version],
            });
          }),
      };
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
  };
}

/** Both adapters; the PostgreSQL one is marked skipped under MUSTER_TEST_POSTGRES=skip, with a note in the output. */
export function engines(): readonly Engine[] {
  const list = [sqliteEngine(), postgresEngine()];
  if (list.some((e) => e.skipped)) {
    console.warn(`${SKIP_POSTGRES_ENV}=skip: the storage contract runs on SQLite only; the PostgreSQL variants are skipped.`);
  }
  return list;
}

export const AT = '2026-07-14T02:00:00.000Z';

/** Minutes after AT, as ISO text: times that sort as they happen. */
export function minutesLater(minutes: number): string {
  return new Date(Date.parse(AT) + minutes * 60_000).toISOString();
}

/** A note event of incident `streamId`, as a device would push it; `overrides` change any field. */
export function noteEvent(id: string, text: string, overrides: Partial<MusterEvent> = {}): MusterEvent {
  return {
    id,
    streamId: 'inc-riverside-flood',
    deviceId: 'dev-tablet-1',
    actor: 'Li Wei',
    hlc: `001752458400000-0000-${id}`,
    type: 'note.added',
    v: 1,
    payload: { text },
    ...overrides,
  } as MusterEvent;
}

/**
 * Waits for `condition` to hold, checking again after every turn of the event loop's timers.
 * The timeout is a guard against a hang, never the thing tested: it is far above any wait.
 */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, guardMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > guardMs) expect.fail(`still waiting after ${guardMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
