import { openDb, type MusterDb } from './db';

let shared: MusterDb | null = null;

/** The app's one database connection, opened on first use. */
export function appDb(): MusterDb {
  shared ??= openDb();
  return shared;
}
