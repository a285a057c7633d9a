import { useEffect, useState } from 'react';
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
export function useSite(playbookId: string): Site | null | undefined {
  const language = useSession((s) => s.language);
  const library = usePlaybookLibrary();
  const [site, setSite] = useState<{ key: string; site: Site | null } | undefined>(undefined);
  const versions = library?.filter((p) => p.id === playbookId) ?? [];
  const ordered = [...versions].sort((a, b) => Number(b.language === language) - Number(a.language === language));
  const key = `${playbookId}|${ordered.map((v) => `${v.language}@${v.version}`).join(',')}`;
  useEffect(() => {
    if (library === undefined) return;
    let live = true;
    const [first, second] = ordered;
    if (!first) return;
    void Promise.all([loadPlaybook(first.id, first.language), second ? loadPlaybook(second.id, second.language) : Promise.resolve(null)]).then(([a, b]) => {
      if (live) setSite({ key, site: a ? { main: a.playbook, ...(b ? { other: b.playbook } : {}) } : null });
    });
    return () => {
      live = false;
    };
    // `ordered` is derived from `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, library === undefined]);
  if (library !== undefined && ordered.length === 0) return null;
  return site?.key === key ? site.site : undefined;
}
