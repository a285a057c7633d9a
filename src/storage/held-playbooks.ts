import type { MusterDb } from './db';

/**
 * The playbooks (`id/language`) this device keeps a copy of in IndexedDB (imported here, or
 * published by the organisation), listed in localStorage for index.html's inline script: it runs
 * before any other script and cannot open the database, and a pre-rendered reader page shows the
 * shipped copy of a plan. When the device may run another copy, that page is not shown from HTML
 * (src/app/snapshot-language.ts reads this key by name; its test holds the two together).
 */
export const HELD_PLAYBOOKS_KEY = 'muster.heldPlaybooks';

type KeyStore = Pick<Storage, 'getItem' | 'setItem'>;

function browserStore(): KeyStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readMarks(store: KeyStore): string[] {
  try {
    const value: unknown = JSON.parse(store.getItem(HELD_PLAYBOOKS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function writeMarks(store: KeyStore, marks: readonly string[]): void {
  try {
    store.setItem(HELD_PLAYBOOKS_KEY, JSON.stringify([...new Set(marks)].sort()));
  } catch {
    // Storage full or refused: the page then shows the shipped copy until the app takes over.
  }
}

/** Adds one playbook to the list, before its copy is written: the list may name more than the database holds, never less. */
export function markHeldPlaybook(id: string, language: string, store: KeyStore | undefined = browserStore()): void {
  if (store) writeMarks(store, [...readMarks(store), `${id}/${language}`]);
}

/** Sets the list to what the database holds (on start, once the first screen is up). */
export async function refreshHeldPlaybooks(db: MusterDb, store: KeyStore | undefined = browserStore()): Promise<void> {
  if (!store) return;
  const keys = await db.playbooks.toCollection().primaryKeys();
  writeMarks(
    store,
    keys.map(([id, language]) => `${id}/${language}`),
  );
}
