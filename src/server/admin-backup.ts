import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SQLITE_FILE_NAME } from './storage/sqlite';
import { restoreSqliteBackup, RestoreError } from './storage/sqlite-meta';
import type { EventStore } from './storage/types';

/** What `backup` and `restore` need from the admin CLI around them. */
interface BackupIo {
  out(line: string): void;
  now(): number;
  env: Record<string, string | undefined>;
  dataDir: string;
}

/**
 * `npm run` runs in the project folder, not where the command was typed; npm says where that
 * was in INIT_CWD, so `backup ./muster-monday.sqlite` lands where the administrator stands.
 */
function fromWhereTyped(file: string, io: BackupIo): string {
  return resolve(io.env.INIT_CWD ?? process.cwd(), file);
}

/** `backup <file>`: an online, consistent copy; the server may keep running. */
export async function backupCommand(store: EventStore, rest: readonly string[], io: BackupIo, usage: (message: string) => Error): Promise<void> {
  const [name, ...more] = rest;
  if (name === undefined || more.length > 0) throw usage('Say where the copy goes: backup <file>, e.g. backup /mnt/usb/muster-2026-07-14.sqlite');
  const file = fromWhereTyped(name, io);
  if (existsSync(file)) throw usage(`${file} already exists; a backup never overwrites a file. Choose another name.`);
  await store.backupTo(file);
  io.out(`Backed up the database to ${file} (readable by you only: it holds every event and device token hash).`);
  io.out(`To put it back: stop the server, then npm run admin -- restore ${file}`);
}

/**
 * `restore <file>`: puts a backup in place of the database, with a new epoch so that devices
 * pull again from the start. Closes `store` first: the file under it is replaced.
 */
export async function restoreCommand(store: EventStore, rest: readonly string[], io: BackupIo, usage: (message: string) => Error): Promise<void> {
  const [name, ...more] = rest;
  if (name === undefined || more.length > 0) throw usage('Say which backup to restore: restore <file> (made by npm run admin -- backup <file>)');
  if (store.kind !== 'sqlite') {
    throw usage(
      'restore puts back a SQLite file; this server uses PostgreSQL (DATABASE_URL). Restore PostgreSQL with its own tools (pg_restore), then run npm run admin -- epoch renew so that devices pull again.',
    );
  }
  const file = fromWhereTyped(name, io);
  await store.close();
  let outcome;
  try {
    outcome = restoreSqliteBackup(join(io.dataDir, SQLITE_FILE_NAME), file, new Date(io.now()));
  } catch (error) {
    if (error instanceof RestoreError) throw usage(error.message);
    throw error;
  }
  io.out(`Restored ${file}: ${outcome.events} events.`);
  if (outcome.previous !== null) io.out(`The database it replaced is kept as ${outcome.previous}; delete it once all is well.`);
  io.out(
    'Start the server again. Devices see the new database identity on their next sync: each pulls again from the start and ' +
      'sends back its own records the backup lacks, so records made after the backup are not lost while a device that made them still has them.',
  );
}
