import { statfs } from 'node:fs/promises';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { probeSqlite } from './storage/sqlite-check';
import type { EventStore } from './storage/types';

/**
 * What `/api/health` says about the server's own state, beyond "it answered": whether the
 * database can be read and written, and whether the disk under DATA_DIR has room for the next
 * pushes. Any problem makes health answer 503 with the reasons, so a monitor (or a person with
 * curl) sees a server that would refuse pushes before the phones do.
 */

/** MIN_FREE_DISK_MB's default: room for many full pushes and the WAL's growth between checkpoints. */
export const DEFAULT_MIN_FREE_DISK_BYTES = 256 * 1024 * 1024;

export interface HealthReport {
  /** 'unavailable' when any check failed; `problems` then says which and why. */
  readonly status: 'ok' | 'unavailable';
  readonly database: { readonly read: boolean; readonly write: boolean };
  /** Free bytes on the data folder's disk for this process (null when they cannot be read). */
  readonly disk: { readonly freeBytes: number | null; readonly minFreeBytes: number };
  /** One sentence per failed check, for the person reading the answer. */
  readonly problems: readonly string[];
}

export type HealthCheck = () => Promise<HealthReport>;

export interface HealthOptions {
  db: SqliteDatabase;
  /** The folder whose disk is measured: DATA_DIR, where the database and its WAL grow. */
  dataDir: string;
  /** Below this many free bytes health answers 503. */
  minFreeBytes?: number;
  /** Free bytes on the disk of `dir`; tests pass their own. */
  freeBytes?: (dir: string) => Promise<number>;
}

/** The health check of a server on SQLite; each call reads and probes afresh (nothing is cached). */
export function sqliteHealthCheck({ db, dataDir, minFreeBytes = DEFAULT_MIN_FREE_DISK_BYTES, freeBytes = freeDiskBytes }: HealthOptions): HealthCheck {
  return async () => {
    const problems: string[] = [];
    const probe = probeSqlite(db);
    if (probe.read !== undefined) problems.push(`The database cannot be read (${probe.read}).`);
    if (probe.write !== undefined) problems.push(`The database cannot be written, so pushes would fail (${probe.write}).`);
    let free: number | null = null;
    try {
      free = await freeBytes(dataDir);
    } catch (error) {
      problems.push(`The free space of ${dataDir} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (free !== null && free < minFreeBytes) {
      problems.push(`The disk holding ${dataDir} is nearly full: ${megabytes(free)} free, less than the ${megabytes(minFreeBytes)} set by MIN_FREE_DISK_MB.`);
    }
    return {
      status: problems.length === 0 ? 'ok' : 'unavailable',
      database: { read: probe.read === undefined, write: probe.write === undefined },
      disk: { freeBytes: free, minFreeBytes },
      problems,
    };
  };
}

/**
 * The health check of a server whose database is elsewhere (PostgreSQL): the store's own read
 * and rolled-back write. Its disk is the database server's to watch, so none is measured here.
 */
export function storeHealthCheck(store: Pick<EventStore, 'probe'>): HealthCheck {
  return async () => {
    const probe = await store.probe();
    const problems: string[] = [];
    if (probe.read !== undefined) problems.push(`The database cannot be read (${probe.read}).`);
    if (probe.write !== undefined) problems.push(`The database cannot be written, so pushes would fail (${probe.write}).`);
    return {
      status: problems.length === 0 ? 'ok' : 'unavailable',
      database: { read: probe.read === undefined, write: probe.write === undefined },
      disk: { freeBytes: null, minFreeBytes: 0 },
      problems,
    };
  };
}

/** Bytes this process may still write on the disk of `dir` (blocks free to non-root users). */
export async function freeDiskBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
