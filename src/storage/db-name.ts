/** The name of the app's IndexedDB database. Apart from db.ts so it can be read without Dexie. */
export const DB_NAME = 'muster';

/**
 * Whether this browser holds the app's database at all, answered without opening it (opening
 * would create it): a first visit does not, so its home screen needs no database code to say
 * "no incidents". Where the browser cannot tell (no `indexedDB.databases()`), it says yes and the
 * screen reads the database as usual.
 */
export async function deviceHasData(idb: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
  if (!idb || typeof idb.databases !== 'function') return true;
  try {
    const names = await idb.databases();
    return names.some((d) => d.name === DB_NAME);
  } catch {
    return true;
  }
}
