/**
 * Persistent storage: without it the browser may evict IndexedDB — the incident records —
 * when the phone runs low on space. Chromium grants it without a prompt to
 * installed or much-used sites; Firefox asks the user; Safari decides on its own.
 */

export interface StorageStatus {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  /** Bytes used by this origin (IndexedDB, caches, service worker), or null when unknown. */
  usage: number | null;
  /** Bytes this origin may use in all, or null when unknown. */
  quota: number | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

/**
 * Asks the browser to keep this origin's data. Called when the first incident starts and when
 * the app is installed; asking again once granted is free. Resolves whether storage is
 * persistent now; never throws (an unsupported browser answers false).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Whether storage is persistent, and how much is used and allowed; unknowns are null. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Bytes still free for this origin, or null when either figure is unknown. */
export function availableBytes(status: StorageStatus): number | null {
  if (status.usage === null || status.quota === null) return null;
  return Math.max(0, status.quota - status.usage);
}
