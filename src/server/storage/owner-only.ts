import { chmodSync, statSync } from 'node:fs';

/**
 * The database holds every incident record and the token hashes: only the account that runs
 * the server may read it. SQLite creates the file with the process umask (often 0644) and
 * gives its -wal and -shm files the database file's mode, so setting the main file to 0600
 * before the first write covers all three; the side files are set too, for a file made by an
 * older Muster. Files that are already owner-only are left alone (a chmod on a read-only
 * mount would fail for nothing).
 */
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

export function keepDatabaseOwnerOnly(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    let mode: number;
    try {
      mode = statSync(path).mode & 0o777;
    } catch {
      continue; // not made yet: it will take the database file's mode
    }
    if ((mode & 0o077) !== 0) chmodSync(path, OWNER_ONLY_FILE);
  }
}
