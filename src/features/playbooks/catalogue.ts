/**
 * The playbooks shipped in `scenarios/`, known at build time. Only the few fields the lists
 * need are bundled up front (Vite's JSON named exports, tree-shaken); a playbook's full text
 * is a separate chunk, loaded when it is opened, so first load stays small.
 */
const ids = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { eager: true, import: 'id' });
const versions = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { eager: true, import: 'version' });
const languages = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { eager: true, import: 'language' });
const kinds = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { eager: true, import: 'kind' });
const titles = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { eager: true, import: 'title' });
const bodies = import.meta.glob<unknown>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { import: 'default' });

export interface PlaybookEntry {
  file: string;
  id: string;
  version: string;
  language: string;
  kind: string;
  title: string;
}

export const shippedPlaybooks: readonly PlaybookEntry[] = Object.keys(ids)
  .sort()
  .map((file) => ({
    file,
    id: ids[file] ?? '',
    version: versions[file] ?? '',
    language: languages[file] ?? '',
    kind: kinds[file] ?? 'other',
    title: titles[file] ?? file,
  }));

/** Loads the full playbook JSON of a shipped file (a lazy chunk). */
export async function loadShippedPlaybook(file: string): Promise<unknown> {
  const load = bodies[file];
  if (!load) throw new Error(`No shipped playbook ${file} (known: ${Object.keys(bodies).join(', ')})`);
  return load();
}

