import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { describeDatabaseUrl } from './storage/open';
import { openPostgresStore, type PostgresEventStore } from './storage/postgres';
import { inTransaction } from './storage/postgres-sql';
import { databaseInUse } from './storage/sqlite-meta';
import type { EventStore } from './storage/types';

/**
 * `migrate --to postgres://…`: moving a branch's SQLite file up to PostgreSQL, for a head office
 * or several server processes. Everything the server keeps is copied as it is — organisations,
 * device tokens (their hashes: devices keep their tokens), events with their seq numbers, the
 * published playbooks, the signing keys, the enrolment codes not used yet, and the database's
 * epoch — so a device's pull cursor means the same on the new database and it goes on syncing
 * without enrolling again or pulling everything again. The copy is one PostgreSQL transaction
 * (all or nothing) from one read snapshot of the file, and is then checked table by table:
 * the same row counts and the same SHA-256 over every row's values, in a fixed order.
 * The SQLite file is left untouched; it stays the fallback until the administrator deletes it.
 */

interface MigrateIo {
  out(line: string): void;
}

/** The tables copied, parents before children, with the columns compared and the order rows are hashed in. */
const TABLES = [
  { name: 'orgs', columns: ['id', 'name', 'created_at', 'parent_id'], order: 'id' },
  {
    name: 'device_tokens',
    columns: ['id', 'org_id', 'token_hash', 'label', 'created_at', 'revoked_at', 'seen_seq', 'seen_at', 'following', 'role', 'device_id', 'next_token_hash'],
    order: 'id',
  },
  {
    name: 'events',
    columns: ['org_id', 'seq', 'id', 'stream_id', 'device_id', 'actor', 'hlc', 'type', 'payload', 'v', 'received_at', 'token_id'],
    order: 'org_id, seq',
  },
  {
    name: 'published_playbooks',
    columns: ['org_id', 'id', 'language', 'revision', 'version', 'kind', 'title', 'hash', 'note', 'body', 'published_at', 'published_by'],
    order: 'org_id, id, language, revision',
  },
  { name: 'org_signing_keys', columns: ['org_id', 'key_id', 'public_key', 'secret_key', 'created_at'], order: 'org_id' },
  {
    name: 'enrolment_codes',
    columns: ['code_hash', 'org_id', 'token_id', 'label', 'role', 'created_at', 'expires_at', 'used_at', 'device_id', 'cancelled_at'],
    order: 'code_hash',
  },
  // Photos (blobs-api.ts): up to 2 MB each, so they are copied and compared a few at a time.
  { name: 'blobs', columns: ['org_id', 'hash', 'stream_id', 'type', 'bytes', 'data', 'stored_at', 'token_id'], order: 'org_id, hash', batch: 16 },
  { name: 'meta', columns: ['one', 'epoch', 'epoch_since'], order: 'one' },
] as const;

/** Rows per statement and per compared page for a table: photos are big, every other row small. */
function batchOf(table: (typeof TABLES)[number]): number {
  return 'batch' in table ? table.batch : BATCH_ROWS;
}

type TableName = (typeof TABLES)[number]['name'];

/** Rows per INSERT: big enough that a million events is a few hundred statements, small enough to stay far below PostgreSQL's 65,535 parameters. */
const BATCH_ROWS = 2_000;

export interface MigrateOutcome {
  readonly counts: Record<TableName, number>;
  readonly target: string;
}

/**
 * Runs the command. `store` is the admin CLI's open store: it must be the SQLite one (DATABASE_URL
 * unset), and it is closed here, because the copy needs the file to itself — a server still
 * running on it would go on taking pushes the copy would miss.
 */
export async function migrateCommand(
  store: EventStore,
  rest: readonly string[],
  flags: ReadonlyMap<string, string | true>,
  io: MigrateIo,
  usage: (message: string) => Error,
): Promise<MigrateOutcome> {
  const to = flags.get('to');
  if (rest.length > 0 || typeof to !== 'string') {
    throw usage('Say where to: migrate --to postgres://user:password@host:5432/database (an empty database; Muster makes its tables)');
  }
  if (!/^postgres(ql)?:\/\//.test(to)) throw usage(`--to must be a PostgreSQL address starting with postgres://; got "${describeDatabaseUrl(to)}"`);
  if (store.kind !== 'sqlite' || !('file' in store) || typeof store.file !== 'string') {
    throw usage('migrate copies the SQLite file in DATA_DIR into PostgreSQL, but this admin command was given DATABASE_URL: unset it and run migrate again.');
  }
  const file = store.file;
  await store.close();
  if (databaseInUse(file)) {
    throw usage(`The Muster server is running on ${file}. Stop it first (Ctrl+C, or stop the service): pushes during the copy would be missed.`);
  }

  const target = describeDatabaseUrl(to);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  let postgres: PostgresEventStore | undefined;
  try {
    postgres = await openPostgresStore(to);
    io.out(`Copying ${file} into ${target} …`);
    // One read transaction: every table is read from the same moment of the file.
    source.exec('BEGIN');
    const counts = await copyAll(source, postgres, target);
    io.out(
      `Copied ${counts.orgs} organisations, ${counts.device_tokens} device tokens, ${counts.events} events, ` +
        `${counts.published_playbooks} published playbook versions, ${counts.org_signing_keys} signing keys and ${counts.enrolment_codes} enrolment codes.`,
    );
    const mismatches = await compare(source, postgres);
    source.exec('COMMIT');
    if (mismatches.length > 0) {
      throw new Error(
        `The copy in ${target} differs from ${file}: ${mismatches.join('; ')}. Drop that database and run migrate again; the SQLite file is untouched.`,
      );
    }
    io.out(`Checked: every table has the same rows in both (counts, and SHA-256 over every value), and the same epoch, so devices keep their cursors.`);
    io.out(`Next: stop using ${file}, start the server with DATABASE_URL set to ${target} (with its password), and keep the SQLite file as a backup.`);
    io.out('Devices keep their tokens and go on syncing where they were; nothing needs enrolling again.');
    return { counts, target };
  } catch (error) {
    if (error instanceof MigrateRefused) throw usage(error.message);
    throw error;
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    await postgres?.close();
  }
}

/** Copies every table in one PostgreSQL transaction; refuses a database that already holds an organisation or an event. */
async function copyAll(source: SqliteDatabase, postgres: PostgresEventStore, target: string): Promise<Record<TableName, number>> {
  return inTransaction(postgres.pool, async (client) => {
    const held = await client.query<{ orgs: string; events: string }>('SELECT (SELECT count(*) FROM orgs) AS orgs, (SELECT count(*) FROM events) AS events');
    const row = held.rows[0];
    if (row && (Number(row.orgs) > 0 || Number(row.events) > 0)) {
      throw new MigrateRefused(
        `${target} already holds ${row.orgs} organisations and ${row.events} events; migrate copies into an empty database only. Create a new one (createdb muster) and give its address.`,
      );
    }
    const counts = {} as Record<TableName, number>;
    for (const table of TABLES) {
      if (table.name === 'meta') continue;
      // Parents first: an organisation may name a parent that sorts after it.
      const order = table.name === 'orgs' ? 'parent_id IS NOT NULL, id' : table.order;
      counts[table.name] = await copyTable(source, client, table.name, table.columns, order, batchOf(table));
    }
    if (counts.orgs > 0) await fixParents(source, client);
    // The epoch too: seq numbers are kept, so cursors stay valid and devices must not pull again.
    const meta = source.prepare<[], { epoch: string; epoch_since: string }>('SELECT epoch, epoch_since FROM meta WHERE one = 1').get();
    if (meta) await client.query({ text: 'UPDATE meta SET epoch = $1, epoch_since = $2 WHERE one = 1', values: [meta.epoch, meta.epoch_since] });
    counts.meta = meta ? 1 : 0;
    // Each organisation's counter starts at its highest seq, so the next push continues above every seq devices have seen.
    await client.query(
      `INSERT INTO org_counters (org_id, last_seq) SELECT org_id, max(seq) FROM events GROUP BY org_id
       ON CONFLICT (org_id) DO UPDATE SET last_seq = greatest(org_counters.last_seq, excluded.last_seq)`,
    );
    return counts;
  });
}

/** The one kind of foreign key inside a table: organisations under parents, set once all exist. */
async function fixParents(source: SqliteDatabase, client: PoolClient): Promise<void> {
  const rows = source.prepare<[], { id: string; parent_id: string }>('SELECT id, parent_id FROM orgs WHERE parent_id IS NOT NULL').all();
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    await client.query({
      text: 'UPDATE orgs SET parent_id = p.parent_id FROM unnest($1::text[], $2::text[]) AS p (id, parent_id) WHERE orgs.id = p.id',
      values: [batch.map((r) => r.id), batch.map((r) => r.parent_id)],
    });
  }
}

async function copyTable(
  source: SqliteDatabase,
  client: PoolClient,
  table: TableName,
  columns: readonly string[],
  order: string,
  batchRows: number,
): Promise<number> {
  const select = source.prepare(
    `SELECT ${columns.map((c) => (table === 'orgs' && c === 'parent_id' ? 'NULL AS parent_id' : c)).join(', ')} FROM ${table} ORDER BY ${order}`,
  );
  select.raw(true);
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    // One array parameter per column (unnest), so a batch is one statement whatever its size.
    const text = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${columnType(table, c)}[]`).join(', ')})`;
    await client.query({ text, values: columns.map((_, i) => batch.map((row) => row[i] ?? null)) });
    copied += batch.length;
    batch = [];
  };
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length === batchRows) await flush();
  }
  await flush();
  return copied;
}

/** The PostgreSQL type of a copied column (postgres-migrations.ts); everything not a number is text. */
function columnType(table: TableName, column: string): string {
  if (column === 'seq' || column === 'seen_seq') return 'bigint';
  if (column === 'v' || column === 'revision' || (table === 'meta' && column === 'one') || (table === 'blobs' && column === 'bytes')) return 'integer';
  if (table === 'blobs' && column === 'data') return 'bytea';
  return 'text';
}

/** Every table compared: row counts and a SHA-256 over every value, rows in the same order on both sides. */
async function compare(source: SqliteDatabase, postgres: PostgresEventStore): Promise<string[]> {
  const mismatches: string[] = [];
  for (const table of TABLES) {
    const here = hashSqlite(source, table.name, table.columns, table.order);
    const there = await hashPostgres(postgres, table.name, table.columns, table.order, batchOf(table));
    if (here.rows !== there.rows) mismatches.push(`${table.name}: ${here.rows} rows in SQLite, ${there.rows} in PostgreSQL`);
    else if (here.sha256 !== there.sha256) mismatches.push(`${table.name}: the same number of rows (${here.rows}) but different values`);
  }
  return mismatches;
}

interface TableDigest {
  readonly rows: number;
  readonly sha256: string;
}

/** A value as both sides hash it: numbers and text alike as their decimal or text form, NULL as a mark no text has. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  // A photo's bytes (blobs.data): both drivers give a Buffer.
  if (value instanceof Uint8Array) return `\u0001${Buffer.from(value).toString('hex')}`;
  // Every copied column is text or a whole number; anything else would be a schema change to look at.
  throw new Error(`a value of type ${typeof value} in a copied column`);
}

function hashSqlite(source: SqliteDatabase, table: TableName, columns: readonly string[], order: string): TableDigest {
  const hash = createHash('sha256');
  let rows = 0;
  const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`);
  select.raw(true);
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    hash.update(JSON.stringify(row.map(valueText)));
    rows += 1;
  }
  return { rows, sha256: hash.digest('hex') };
}

/**
 * Read back in keyset pages: a million events are never in memory at once. Text keys are ordered
 * by code point (COLLATE "C"), as SQLite orders them, whatever the database's own locale.
 */
async function hashPostgres(
  postgres: PostgresEventStore,
  table: TableName,
  columns: readonly string[],
  order: string,
  batchRows: number,
): Promise<TableDigest> {
  const hash = createHash('sha256');
  let rows = 0;
  const keys = order.split(',').map((k) => k.trim());
  const keyed = keys.map((k) => (NUMERIC_KEYS.has(k) ? k : `${k} COLLATE "C"`));
  const orderBy = keyed.join(', ');
  let after: unknown[] | undefined;
  for (;;) {
    const where =
      after === undefined
        ? ''
        : `WHERE (${keyed.join(', ')}) > (${keys.map((k, i) => (NUMERIC_KEYS.has(k) ? `$${i + 1}` : `$${i + 1} COLLATE "C"`)).join(', ')})`;
    const result = await postgres.pool.query<unknown[]>({
      text: `SELECT ${columns.join(', ')} FROM ${table} ${where} ORDER BY ${orderBy} LIMIT ${batchRows * 5}`,
      values: after ?? [],
      rowMode: 'array',
    });
    const page = result.rows;
    for (const row of page) hash.update(JSON.stringify(row.map(valueText)));
    rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < batchRows * 5) return { rows, sha256: hash.digest('hex') };
    after = keys.map((k) => last[columns.indexOf(k)]);
  }
}

/** The sort keys that are numbers, not text: no collation applies to them. */
const NUMERIC_KEYS = new Set(['seq', 'revision', 'one']);

/** The target is not one migrate may write into; nothing was copied. */
export class MigrateRefused extends Error {
  override readonly name = 'MigrateRefused';
}
