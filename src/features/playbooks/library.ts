import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { currentPlaybook } from '../../domain/playbook/migrate';
import type { Playbook } from '../../domain/playbook/schema';
import type { PlaybookV1 } from '../../domain/playbook/schema-v1';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { getStoredPlaybook, listStoredPlaybooks } from '../../storage/playbooks';
import { errorMessage, useAsync, type AsyncState } from '../../ui/use-async';
import { loadShippedPlaybook, shippedPlaybooks } from './catalogue';
import { mergeLibrary, preferredCopy, type LibraryEntry, type PlaybookSource } from './merge';

export { mergeLibrary, preferredCopy, type LibraryEntry, type PlaybookSource, type PublishedDetails } from './merge';

/**
 * Every playbook on the device; re-renders when one is imported or received on sync. `initial`
 * is shown until the first read (a screen that already shows the shipped list keeps it).
 */
export function usePlaybookLibrary(db: MusterDb = appDb(), initial?: LibraryEntry[]): LibraryEntry[] | undefined {
  return useLiveQuery(async () => mergeLibrary(shippedPlaybooks, await listStoredPlaybooks(db)), [db], initial);
}

export interface LoadedPlaybook {
  playbook: Playbook;
  source: PlaybookSource;
}

/**
 * The copy of one playbook this device runs, by the library's rule (newer version, then
 * published, imported, shipped); null when there is none. Reads only the device: works offline
 * for a shipped playbook (precached) and for one imported or received on sync (IndexedDB).
 */
export async function loadPlaybook(db: MusterDb, id: string, language: string): Promise<LoadedPlaybook | null> {
  const stored = await getStoredPlaybook(db, id, language);
  const shipped = shippedPlaybooks.find((p) => p.id === id && p.language === language);
  // Both were checked when they came in (the build checks shipped files, the import checks
  // imported ones, the server published ones); a version 1 file, or one stored by an older
  // app, is read as the current version.
  if (stored && (!shipped || preferredCopy(stored, { version: shipped.version, source: 'shipped' })))
    return { playbook: currentPlaybook(stored.body as Playbook | PlaybookV1), source: stored.source };
  if (shipped) return { playbook: currentPlaybook((await loadShippedPlaybook(shipped.file)) as Playbook | PlaybookV1), source: 'shipped' };
  return null;
}

export type PlaybookLoad =
  { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; playbook: Playbook; source: PlaybookSource };

export function usePlaybook(id: string, language: string, db: MusterDb = appDb()): PlaybookLoad {
  const load = useAsync(() => loadPlaybook(db, id, language), [db, id, language]);
  // The same object while the load stands, so a screen can keep it in its own dependencies.
  return useMemo(() => playbookLoad(load), [load]);
}

/** The load as screens read it: a playbook that is not on the device is "missing", not an error. */
export function playbookLoad(load: AsyncState<LoadedPlaybook | null>): PlaybookLoad {
  if (load.status === 'loading') return { status: 'loading' };
  if (load.status === 'failed') return { status: 'failed', message: errorMessage(load.error) };
  return load.value ? { status: 'ready', ...load.value } : { status: 'missing' };
}
