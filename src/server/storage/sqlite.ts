import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-migrations';
import type { EventStore } from './types';

/** The data file cannot be used; the message names the file and what is wrong with it. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export const SQLITE_FILE_NAME = 'muster.sqlite';

export interface SqliteEventStore extends EventStore {
  readonly kind: 'sqlite';
  /** Absolute path of the database file, for messages and backups. */
  readonly file: string;
  /** Schema version now in the file (`PRAGMA user_version`). */
  readonly schemaVersion: number;
  /** The open connection, for adapter code and tests; routes must go through the port. */
  readonly db: SqliteDatabase;
}

/**
 * Opens (creating if needed) `<dataDir>/muster.sqlite` and brings its schema up to date.
 * Throws an Error naming the file and the problem when the file cannot be used, so a wrong
 * DATA_DIR is reported at start-up rather than on the first sync.
 */
export function openSqliteStore(dataDir: string, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): SqliteEventStore {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StoreOpenError(`Cannot create the data folder ${dir}: ${describeFsError(error)}`, { cause: error });
  }
  const file = join(dir, SQLITE_FILE_NAME);

  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file);
    // WAL lets pulls read while a push writes; NORMAL is still crash-safe in WAL mode (a power
    // cut can lose the last commits but never corrupts the file), and devices re-push anything
    // the server did not acknowledge.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrate(db, migrations);
    const open = db;
    let closed = false;
    return {
      kind: 'sqlite',
      file,
      schemaVersion,
      db: open,
      close() {
        if (closed) return;
        closed = true;
        // Closing the last connection checkpoints the WAL back into the main file.
        open.close();
      },
    };
  } catch (error) {
    db?.close();
    throw new StoreOpenError(`Cannot open the Muster database ${file}: ${describeSqliteError(error)}`, { cause: error });
  }
}

function migrate(db: SqliteDatabase, migrations: readonly SqliteMigration[]): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const found = userVersion(db);
  if (found > latest) {
    // Running old code on a newer file could silently drop what the newer schema stores.
    throw new Error(`it has schema version ${found}, but this Muster only knows up to ${latest}; run a newer Muster`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before reading user_version, so two processes starting
    // on the same file cannot both run the same step.
    db.transaction(() => {
      if (userVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return userVersion(db);
}

function userVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function describeSqliteError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'the file is not a SQLite database (is DATA_DIR pointing at the right folder?)';
    case 'SQLITE_CORRUPT':
      return 'the database file is corrupt; restore it from a backup';
    case 'SQLITE_CANTOPEN':
      return 'the file cannot be opened (check that it is a file, not a folder, and that the folder is writable)';
    case 'SQLITE_READONLY':
      return 'the file is read-only; Muster needs to write to it';
    case 'SQLITE_BUSY':
      return 'the database is locked by another process';
    default:
      return message;
  }
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file with that name is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
