import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * `scenarios/x.json?summary` is the few fields a playbook list shows (id, version, language,
 * kind, title), as its own tiny module. Importing those fields from the JSON itself puts the
 * whole playbook in the first load: the JSON module is shared with the reader's lazy import,
 * so it becomes a chunk the entry imports (and index.html preloads) whole.
 */
export function playbookSummaries(): Plugin {
  return {
    name: 'muster-playbook-summaries',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'summary' || !file?.endsWith('.json')) return null;
      const p = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const summary = { id: p.id, version: p.version, language: p.language, kind: p.kind, title: p.title };
      return `export default ${JSON.stringify(summary)};`;
    },
  };
}
