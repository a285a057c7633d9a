import type { PublishedPlaybook } from '../domain/playbook-publish';
import type { Playbook } from '../domain/playbook/schema';
import { compareSemver } from '../domain/semver';
import type { MusterDb, StoredPlaybook } from './db';
import { markHeldPlaybook } from './held-playbooks';

/**
 * The playbooks kept on this device: files imported here and versions the organisation
 * published (shipped ones come with the build). One row per id and language: the copy this
 * device runs.
 */
export async function listStoredPlaybooks(db: MusterDb): Promise<StoredPlaybook[]> {
  return db.playbooks.toArray();
}

export async function getStoredPlaybook(db: MusterDb, id: string, language: string): Promise<StoredPlaybook | undefined> {
  return db.playbooks.get([id, language]);
}

/**
 * Keeps a validated playbook on the device, replacing the one with the same id and language.
 * One `put`: the old version stays whole until the new one is committed.
 */
export async function storePlaybook(db: MusterDb, playbook: Playbook, now: number): Promise<void> {
  markHeldPlaybook(playbook.id, playbook.language);
  await db.playbooks.put({
    id: playbook.id,
    language: playbook.language,
    version: playbook.version,
    kind: playbook.kind,
    title: playbook.title,
    source: 'imported',
    body: playbook,
    storedAt: now,
  });
}

/** What one stored playbook is, without its body: what the sync step compares with the server's list. */
export interface HeldPlaybook {
  readonly id: string;
  readonly language: string;
  readonly version: string;
  readonly source: StoredPlaybook['source'];
  /** The published revision held, or null for an imported copy. */
  readonly revision: number | null;
}

/** Every playbook stored on this device, with the published revision of each (the sync step's question). */
export async function listHeldPlaybooks(db: MusterDb): Promise<HeldPlaybook[]> {
  const rows = await db.playbooks.toArray();
  return rows.map((p) => ({ id: p.id, language: p.language, version: p.version, source: p.source, revision: p.published?.revision ?? null }));
}

/**
 * What storing a published version did:
 * - `stored`: it is now the copy this device runs;
 * - `held`: this device already holds that revision or a later one (a version never goes back);
 * - `imported-newer`: a file imported here has a newer semantic version, and the library would
 *   run that one anyway; it is kept rather than lost (one row per id and language).
 */
export type PublishedStoreOutcome = 'stored' | 'held' | 'imported-newer';

/**
 * Keeps a version the organisation published, body and publication together in one `put`
 * keyed by id and language. The check against what is stored runs inside the same rw
 * transaction, so two syncs (two tabs, a publish and a sync) never replace a higher revision
 * with a lower one. The body must already have been checked (id, language, hash): nothing here
 * awaits anything but IndexedDB. Offline: a plain local write; a later sync only moves forward.
 */
export async function storePublishedPlaybook(db: MusterDb, published: PublishedPlaybook, now: number): Promise<PublishedStoreOutcome> {
  const row: StoredPlaybook = {
    id: published.id,
    language: published.language,
    version: published.version,
    kind: published.kind,
    title: published.title,
    source: 'published',
    body: published.playbook,
    storedAt: now,
    published: {
      revision: published.revision,
      hash: published.hash,
      note: published.note,
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy,
    },
  };
  return db.transaction('rw', db.playbooks, async () => {
    const current = await db.playbooks.get([published.id, published.language]);
    if (current?.published && current.published.revision >= published.revision) return 'held';
    if (current?.source === 'imported' && compareSemver(current.version, published.version) > 0) return 'imported-newer';
    markHeldPlaybook(published.id, published.language);
    await db.playbooks.put(row);
    return 'stored';
  });
}
