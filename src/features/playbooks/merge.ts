import { compareSemver } from '../../domain/semver';
import type { StoredPlaybook } from '../../storage/db';
import { shippedPlaybooks, type PlaybookEntry } from './catalogue';

/*
 * Which playbooks the device can run, as a list: apart from library.ts (which reads IndexedDB)
 * so a screen can show the shipped ones before any database code has loaded.
 */

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
  return [...byKey.values()].sort((a, b) => byCodeUnit(a.kind, b.kind) || byCodeUnit(a.id, b.id) || byCodeUnit(a.language, b.language));
}

// Kinds, ids and language tags are ASCII names: compared by code unit, the list needs no
// locale's collator, whose first use costs a phone a long task on the home screen.
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function storedEntry(s: StoredPlaybook): LibraryEntry {
  const entry: LibraryEntry = { id: s.id, language: s.language, version: s.version, kind: s.kind, title: s.title, source: s.source };
  if (s.source === 'published' && s.published) {
    const { revision, note, publishedAt, publishedBy } = s.published;
    entry.published = { revision, note, publishedAt, publishedBy, receivedAt: s.storedAt };
  }
  return entry;
}

/** The library of a device that holds nothing yet: the playbooks shipped with the app. */
export function shippedLibrary(): LibraryEntry[] {
  return mergeLibrary(shippedPlaybooks, []);
}
