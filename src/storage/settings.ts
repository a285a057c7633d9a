import type { MusterDb } from './db';

/** Reads a setting, or `fallback` when it was never set. */
export async function getSetting<T>(db: MusterDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function putSetting(db: MusterDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
