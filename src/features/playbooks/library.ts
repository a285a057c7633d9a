import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { currentPlaybook } from '../../domain/playbook/migrate';
import type { Playbook } from '../../domain/playbook/schema';
import type { PlaybookV1 } from '../../domain/playbook/schema-v1';
import { compareSemver } from '../../domain/semver';
import { appDb } from '../../storage';
import type { MusterDb, StoredPlaybook } from '../../storage/db';
import { getStoredPlaybook, listStoredPlaybooks } from '../../storage/playbooks';
import { errorMessage, useAsync, type AsyncState } from '../../ui/use-async';
import { loadShippedPlaybook, shippedPlaybooks, type PlaybookEntry } from './catalogue';

export interface LibraryEntry {
  id: string;
  language: string;
  version: string;
  kind: string;
  title: string;
  source: 'shipped' | 'imported' | 'published';
}

/**
 * The playbooks this device can run: shipped and imported, one per id and language — the
 * newer version wins, and an imported file wins a tie (the safety officer adapted it).
 */
function mergeLibrary(shipped: readonly PlaybookEntry[], stored: readonly StoredPlaybook[]): LibraryEntry[] {
  const byKey = new Map<string, LibraryEntry>();
  const consider = (e: LibraryEntry) => {
    const key = `${e.id}\u0000${e.language}`;
    const current = byKey.get(key);
    if (!current || compareSemver(e.version, current.version) > 0 || (e.source === 'imported' && compareSemver(e.version, current.version) === 0))
      byKey.set(key, e);
  };
  for (const s of shipped) consider({ id: s.id, language: s.language, version: s.version, kind: s.kind, title: s.title, source: 'shipped' });
  for (const s of stored) consider({ id: s.id, language: s.language, version: s.version, kind: s.kind, title: s.title, source: s.source });
  return [...byKey.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.language.localeCompare(b.language));
}

/** Every playbook on the device; re-renders when one is imported. */
export function usePlaybookLibrary(db: MusterDb = appDb()): LibraryEntry[] | undefined {
  return useLiveQuery(async () => mergeLibrary(shippedPlaybooks, await listStoredPlaybooks(db)), [db]);
}

interface LoadedPlaybook {
  playbook: Playbook;
  source: 'shipped' | 'imported';
}

/** The newest copy of one playbook on the device, shipped or imported; null when there is none. */
export async function loadPlaybook(db: MusterDb, id: string, language: string): Promise<LoadedPlaybook | null> {
  const stored = await getStoredPlaybook(db, id, language);
  const shipped = shippedPlaybooks.find((p) => p.id === id && p.language === language);
  // Both were checked when they came in (the build checks shipped files, the import checks the
  // rest); a version 1 file, or one stored by an older app, is read as the current version.
  if (stored && (!shipped || compareSemver(stored.version, shipped.version) >= 0))
    return { playbook: currentPlaybook(stored.body as Playbook | PlaybookV1), source: 'imported' };
  if (shipped) return { playbook: currentPlaybook((await loadShippedPlaybook(shipped.file)) as Playbook | PlaybookV1), source: 'shipped' };
  return null;
}

export type PlaybookLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; playbook: Playbook; source: 'shipped' | 'imported' };

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
