import { statSync } from 'node:fs';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * Is this file Muster's database, whole and writable? Asked when the file is opened (a damaged
 * or foreign file refuses the start, before any migration writes into it) and by /api/health
 * while the server runs. Each thrown message says what is wrong and what to do; the caller
 * names the file.
 */

// By hand, not `npm run admin -- restore`: the admin commands open the database first, and
// this check refuses them too. The -wal and -shm files go, or SQLite would replay the damaged
// file's log onto the backup.
const RESTORE = 'Stop Muster, copy your latest backup of the database over this file (deleting the -wal and -shm files beside it, if any), and start again';

/**
 * Refuses an existing file of 0 bytes. SQLite would take it for a new, empty database: the
 * server would start with no organisation and no device token, and every phone would get 401.
 * An absent file is a new installation and is created as usual.
 */
export function refuseEmptyFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // absent (a new installation), or unreadable: SQLite's open says which
  }
  if (size === 0) {
    throw new Error(
      `the file is empty (0 bytes): it holds no organisation and no device token. ${RESTORE}; if this is a new installation with nothing in it yet, delete the empty file instead.`,
    );
  }
}

/** The tables each schema version has brought; a file that claims the version must have them. */
const MUSTER_TABLES: readonly (readonly [version: number, table: string])[] = [
  [1, 'orgs'],
  [1, 'events'],
  [2, 'device_tokens'],
  [4, 'published_playbooks'],
];

/**
 * Refuses a damaged file (`PRAGMA quick_check`: every page and b-tree readable, in O(pages),
 * without the slower index-content comparison of a full integrity_check) and a SQLite file of
 * another program. Run before migrations, so nothing is written into a file that is not ours.
 */
export function checkOpenedDatabase(db: SqliteDatabase): void {
  const findings = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check);
  if (findings.length !== 1 || findings[0] !== 'ok') {
    // One line, as main.ts prints it: SQLite's findings flattened, the first few only.
    const found = findings.join('; ').replace(/\s*\n\s*/g, '; ');
    throw new Error(`the file is damaged (SQLite's check found: ${found.length > 300 ? `${found.slice(0, 300)}…` : found}). ${RESTORE}.`);
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all());
  if (version === 0 && tables.size > 0) {
    throw new Error(
      `it is not a Muster database: it holds tables of another program (${[...tables].slice(0, 5).join(', ')}). Check that DATA_DIR points at Muster's data folder, or restore Muster's database from a backup.`,
    );
  }
  const missing = MUSTER_TABLES.filter(([since, table]) => version >= since && !tables.has(table)).map(([, table]) => table);
  if (missing.length > 0) {
    throw new Error(
      `it is not a Muster database, or not a whole one: it says schema version ${version} but has no ${missing.join(', ')} table. Check that DATA_DIR points at Muster's data folder, or restore Muster's database from a backup.`,
    );
  }
}

/** What a health probe found: each check's problem, or undefined when it passed. */
export interface SqliteProbe {
  readonly read: string | undefined;
  readonly write: string | undefined;
}

// A probe waits at most this long for another writer (the admin CLI, a backup) to let go,
// instead of the connection's 5 s: the probe runs on the event loop every request waits on.
const PROBE_BUSY_MS = 500;

/**
 * A cheap read (the schema and the newest event: page 1 and the right edge of the event tree)
 * and a write that is never committed: the write lock is taken and a row goes into a page, then
 * it is all rolled back. That fails on a closed connection, a read-only file or connection, a
 * lock another process holds, or pages SQLite cannot change; it costs no fsync and leaves the
 * file as it was, so health can be asked often. Whether the next commit has room on the disk is
 * what the free-space check answers. The row goes into sqlite_sequence because SQLite, not a
 * migration, decides that table's shape: no constraint of ours can refuse it.
 */
export function probeSqlite(db: SqliteDatabase): SqliteProbe {
  let read: string | undefined;
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.prepare('SELECT max(seq) FROM events').get();
  } catch (error) {
    read = messageOf(error);
  }
  let write: string | undefined;
  if (!db.open) return { read, write: 'the database connection is closed' };
  const busy = Number(db.pragma('busy_timeout', { simple: true }));
  try {
    db.pragma(`busy_timeout = ${Math.min(busy, PROBE_BUSY_MS)}`);
    db.exec('BEGIN IMMEDIATE');
    try {
      db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('muster health probe', 0)").run();
    } finally {
      db.exec('ROLLBACK');
    }
  } catch (error) {
    write = messageOf(error);
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${busy}`);
  }
  return { read, write };
}

function messageOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? `${String(error.code)}: ` : '';
  return `${code}${error instanceof Error ? error.message : String(error)}`;
}
