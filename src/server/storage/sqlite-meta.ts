import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { EventStore } from './types';

/**
 * The database's identity and its copies: the epoch in the one-row `meta` table (migration 6),
 * `backup` (an online, consistent copy) and `restore` (a copy put back, with a new epoch).
 *
 * Why an epoch: seq numbers rise only within one file. A file restored from a backup hands out
 * again seqs that devices were already given, so a device whose cursor is past the backup's
 * last seq would skip every event written after the restore. Pull pages carry the epoch; a
 * device that sees a new one pulls again from 0 and pushes its own events the server lacks.
 */

/** What the store adds to the port from this file. */
export function sqliteMeta(db: SqliteDatabase): Pick<EventStore, 'databaseEpoch' | 'renewEpoch' | 'backupTo'> {
  const readEpoch = db.prepare<[], { epoch: string }>('SELECT epoch FROM meta WHERE one = 1');
  const writeEpoch = db.prepare<[string, string]>('UPDATE meta SET epoch = ?, epoch_since = ? WHERE one = 1');
  return {
    renewEpoch(at) {
      const epoch = newEpoch();
      writeEpoch.run(epoch, at);
      return Promise.resolve(epoch);
    },
    databaseEpoch() {
      const row = readEpoch.get();
      if (!row) throw new Error('the meta table has no row; the database was not migrated');
      return Promise.resolve(row.epoch);
    },
    async backupTo(file) {
      // SQLite's online backup: page by page between other work, restarted by SQLite when a
      // write lands in the middle, so the copy is one consistent state while pushes go on.
      await db.backup(file);
      // The copy holds every device token's hash and every event: for the administrator only.
      chmodSync(file, 0o600);
    },
  };
}

/** A fresh epoch: 128 random bits in hex, like the one migration 6 writes. */
export function newEpoch(): string {
  return randomBytes(16).toString('hex');
}

/** Restore refused: the message says what to do. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/**
 * Whether another process (a running server) has the database open. In WAL mode every open
 * connection holds a shared lock on the file for as long as it is open, so an exclusive lock
 * cannot be had while the server runs; with no wait, the answer comes at once.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

export interface RestoreOutcome {
  /** Where the database that was replaced now lies (null when there was none). */
  readonly previous: string | null;
  readonly epoch: string | null;
  readonly events: number;
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * Puts `backupFile` in place of `file`, with a new epoch. The backup is never touched: it is
 * copied next to the database first and checked there (a SQLite file, intact, with Muster's
 * tables and a schema version this Muster knows), so a wrong or damaged file is refused before
 * anything is replaced. The replaced database is kept beside it (`<file>.before-restore-<time>`,
 * with its WAL), and the swap is a rename, so a crash leaves either the old file or the new.
 * The server must be stopped: a running one is detected and the restore refused.
 */
export function restoreSqliteBackup(file: string, backupFile: string, at: Date): RestoreOutcome {
  const target = resolve(file);
  const source = resolve(backupFile);
  if (!existsSync(source)) throw new RestoreError(`There is no file ${source}`);
  if (databaseInUse(target)) {
    throw new RestoreError(`The Muster server is running on ${target}. Stop it first (Ctrl+C, or stop the service), then restore, then start it again.`);
  }
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const staged = `${target}.restoring-${stamp}`;
  let checked: { epoch: string | null; events: number };
  try {
    copyFileSync(source, staged);
    // A copy taken with `cp` while a server ran may have its last commits still in the WAL.
    if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${staged}-wal`);
    checked = checkAndRenew(staged, source, at);
    syncFile(staged);
  } catch (error) {
    removeWithSideFiles(staged);
    throw error;
  }

  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp}`;
    // The old WAL goes with the old file: left beside the new one, SQLite would replay it into it.
    for (const side of SIDE_FILES) if (existsSync(target + side)) renameSync(target + side, previous + side);
    renameSync(target, previous);
  }
  renameSync(staged, target);
  chmodSync(target, 0o600);
  return { previous, ...checked };
}

/**
 * Checks the staged copy is a Muster database and gives it a new epoch. A file from before
 * migration 6 has no epoch yet: the server's first start writes a fresh one.
 */
function checkAndRenew(staged: string, shownAs: string, at: Date): { epoch: string | null; events: number } {
  const latest = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
  let db: SqliteDatabase;
  try {
    db = new Database(staged, { fileMustExist: true });
  } catch (error) {
    throw new RestoreError(`${shownAs} cannot be opened as a database: ${describe(error)}`);
  }
  try {
    let version: number;
    let check: string;
    try {
      version = Number(db.pragma('user_version', { simple: true }));
      check = String(db.pragma('quick_check', { simple: true }));
    } catch (error) {
      throw new RestoreError(`${shownAs} is not a readable SQLite database: ${describe(error)}`);
    }
    if (check !== 'ok') throw new RestoreError(`${shownAs} is damaged (${check}); choose another backup`);
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (version < 1 || !['orgs', 'events', 'device_tokens'].every((t) => tables.has(t))) {
      throw new RestoreError(`${shownAs} is not a Muster database (no Muster tables in it)`);
    }
    if (version > latest) throw new RestoreError(`${shownAs} has schema version ${version}, newer than this Muster knows (${latest}); run a newer Muster`);
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    let epoch: string | null = null;
    if (tables.has('meta')) {
      epoch = newEpoch();
      db.prepare('UPDATE meta SET epoch = ?, epoch_since = ? WHERE one = 1').run(epoch, at.toISOString());
    }
    // Everything into the main file, so the rename moves one complete file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { epoch, events };
  } finally {
    db.close();
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeWithSideFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
