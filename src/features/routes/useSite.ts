import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { useAsync } from '../../ui/use-async';
import { useSession } from '../../ui/session';
import type { Playbook } from '../../domain/playbook/schema';
import { loadPlaybook, usePlaybookLibrary } from '../playbooks';

export interface Site {
  /** The version in the reader's language if there is one. */
  main: Playbook;
  /** Another language version of the same playbook, shown second. */
  other?: Playbook;
}

/** Both language versions of a playbook on this device, the reader's language first; null if none. */
export function useSite(playbookId: string, db: MusterDb = appDb()): Site | null | undefined {
  const language = useSession((s) => s.language);
  const library = usePlaybookLibrary(db);
  const versions = library?.filter((p) => p.id === playbookId) ?? [];
  const [first, second] = [...versions].sort((a, b) => Number(b.language === language) - Number(a.language === language));
  // Each library query gives new entry objects: the languages and versions say when to read again.
  const key = [first, second].map((v) => (v ? `${v.language}@${v.version}` : '')).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key above stands for the objects
  const load = useAsync(() => loadSite(db, playbookId, first?.language, second?.language), [db, playbookId, key]);
  if (library === undefined) return undefined;
  if (!first) return null;
  // To the screen's error boundary, which offers a reload (a shipped playbook is a chunk that can fail to load).
  if (load.status === 'failed') throw load.error;
  return load.value;
}

/** The site in `main`'s language, with `other` beside it; null when `main` is not on the device. */
export async function loadSite(db: MusterDb, playbookId: string, main: string | undefined, other: string | undefined): Promise<Site | null> {
  if (main === undefined) return null;
  const [a, b] = await Promise.all([loadPlaybook(db, playbookId, main), other === undefined ? null : loadPlaybook(db, playbookId, other)]);
  return a ? { main: a.playbook, ...(b ? { other: b.playbook } : {}) } : null;
}
