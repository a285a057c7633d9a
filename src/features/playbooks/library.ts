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

export type PlaybookSource = 'shipped' | 'imported' | 'published';

/** Which published version a library entry is, and when this device received it. */
export interface PublishedDetails {
  revision: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
  /** When this device stored it (ms). */
  receivedAt: number;
}

export interface LibraryEntry {
  id: string;
  language: string;
  version: string;
  kind: string;
  title: string;
  source: PlaybookSource;
  /** Set for a version the organisation published. */
  published?: PublishedDetails;
}

/**
 * On a tie of versions, which copy runs: what the organisation published, then a file
 * imported here (the safety officer adapted it), then the one shipped with the app.
 */
const TIE_RANK: Record<PlaybookSource, number> = { shipped: 0, imported: 1, published: 2 };

/** Whether `candidate` should run instead of `current`: a newer version, or the same one from a stronger source. */
export function preferredCopy(candidate: Pick<LibraryEntry, 'version' | 'source'>, current: Pick<LibraryEntry, 'version' | 'source'>): boolean {
  const order = compareSemver(candidate.version, current.version);
  return order > 0 || (order === 0 && TIE_RANK[candidate.source] > TIE_RANK[current.source]);
}

/**
 * The playbooks this device can run: shipped, imported and published, one per id and
 * language. The newer version wins; on a tie a published copy wins (it is what the
 * organisation published), then an imported file.
 */
export function mergeLibrary(shipped: readonly PlaybookEntry[], stored: readonly StoredPlaybook[]): LibraryEntry[] {
  const byKey = new Map<string, LibraryEntry>();
  const consider = (e: LibraryEntry) => {
    const key = `${e.id}\u0000${e.language}`;
    const current = byKey.get(key);
    if (!current || preferredCopy(e, current)) byKey.set(key, e);
  };
  for (const s of shipped) consider({ id: s.id, language: s.language, version: s.version, kind: s.kind, title: s.title, source: 'shipped' });
  for (const s of stored) consider(storedEntry(s));
  return [...byKey.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || a.language.localeCompare(b.language));
}

function storedEntry(s: StoredPlaybook): LibraryEntry {
  const entry: LibraryEntry = { id: s.id, language: s.language, version: s.version, kind: s.kind, title: s.title, source: s.source };
  if (s.source === 'published' && s.published) {
    const { revision, note, publishedAt, publishedBy } = s.published;
    entry.published = { revision, note, publishedAt, publishedBy, receivedAt: s.storedAt };
  }
  return entry;
}

/** Every playbook on the device; re-renders when one is imported or received on sync. */
export function usePlaybookLibrary(db: MusterDb = appDb()): LibraryEntry[] | undefined {
  return useLiveQuery(async () => mergeLibrary(shippedPlaybooks, await listStoredPlaybooks(db)), [db]);
}

interface LoadedPlaybook {
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
