/**
 * The playbooks shipped in `scenarios/`, known at build time. Only the few fields the lists
 * need are bundled up front; a playbook's full text is a separate chunk, loaded when it is
 * opened, so the first load stays small.
 */
// `?summary` (a plugin in vite.config.ts) gives just these fields as a tiny module; importing
// them from the JSON itself would put every whole playbook in the first load.
const summaries = import.meta.glob<Omit<PlaybookEntry, 'file'>>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], {
  eager: true,
  query: '?summary',
  import: 'default',
});
const bodies = import.meta.glob<unknown>(['/scenarios/*.json', '!/scenarios/playbook.schema.json'], { import: 'default' });

export interface PlaybookEntry {
  file: string;
  id: string;
  version: string;
  language: string;
  kind: string;
  title: string;
}

export const shippedPlaybooks: readonly PlaybookEntry[] = Object.entries(summaries)
  // By code unit: the paths are ASCII, and a locale's collator would be built while the module loads.
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([file, s]) => ({ ...s, file }));

/** Loads the full playbook JSON of a shipped file (a lazy chunk). */
export async function loadShippedPlaybook(file: string): Promise<unknown> {
  const load = bodies[file];
  if (!load) throw new Error(`No shipped playbook ${file} (known: ${Object.keys(bodies).join(', ')})`);
  return load();
}
