import { floorsInOrder, hasRoutes } from '../../domain/playbook/routes';
import type { Playbook } from '../../domain/playbook/schema';
import type { Building } from '../../domain/playbook/schema-evacuation';

interface Version {
  readonly id: string;
  readonly language: string;
}

/** One version of each playbook: the one in the reader's language where there is one, else the first listed. */
export function oneVersionEach<T extends Version>(library: readonly T[], language: string): T[] {
  const byId = new Map<string, T>();
  for (const p of library) if (!byId.has(p.id) || p.language === language) byId.set(p.id, p);
  return [...byId.values()];
}

/**
 * The playbooks the routes screen offers: one version of each, kept when that version maps a
 * building with floors (the domain's rule, which never looks at the kind of plan). `load`
 * reads a version's full text; only the one version per playbook is read.
 */
export async function sitesWithRoutes<T extends Version>(
  library: readonly T[],
  language: string,
  load: (version: T) => Promise<Playbook | null>,
): Promise<T[]> {
  const versions = oneVersionEach(library, language);
  const playbooks = await Promise.all(versions.map(load));
  return versions.filter((_, i) => {
    const playbook = playbooks[i];
    return playbook ? hasRoutes(playbook) : false;
  });
}

/**
 * The floors the finder offers for a building, bottom up (B2, B1, 1F, 2M, 2F): the one order
 * the finder, the posters and the reader all use, so a floor is where staff expect it.
 */
export function floorChoices(building: Pick<Building, 'floors'>): { id: string; label: string }[] {
  return floorsInOrder(building).map((f) => ({ id: f.id, label: f.label }));
}
