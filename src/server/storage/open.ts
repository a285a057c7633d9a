import { openSqliteStore, StoreOpenError } from './sqlite';
import type { EventStore } from './types';

export interface OpenedStore {
  readonly store: EventStore;
  /** Where the data is, for the start-up message and logs: the SQLite file, or the PostgreSQL address without its password. */
  readonly where: string;
  /** The SQLite file's folder when the store is SQLite (its disk is watched by /api/health). */
  readonly sqliteDataDir?: string;
}

/**
 * The store DATABASE_URL asks for: PostgreSQL when it is set, else the SQLite file in DATA_DIR.
 * The PostgreSQL adapter (and its driver) is loaded only when asked for, so a branch server on
 * SQLite starts no faster or slower for it. Problems a person can fix throw StoreOpenError.
 */
export async function openEventStore({ dataDir, databaseUrl }: { dataDir: string; databaseUrl?: string | undefined }): Promise<OpenedStore> {
  if (databaseUrl === undefined) {
    const store = openSqliteStore(dataDir);
    return { store, where: store.file, sqliteDataDir: dataDir };
  }
  const { openPostgresStore } = await import('./postgres');
  try {
    const store = await openPostgresStore(databaseUrl);
    return { store, where: describeDatabaseUrl(databaseUrl) };
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(
      `Cannot open the PostgreSQL database ${describeDatabaseUrl(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** A PostgreSQL address as it may be shown: the password replaced by ***. */
export function describeDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.href;
  } catch {
    return 'DATABASE_URL';
  }
}
