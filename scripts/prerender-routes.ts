import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Playbook } from '../src/domain/playbook/schema';
import { floorView } from '../src/features/routes/floor-view';
import { staticFloorHtml } from '../src/features/routes/static-floor';

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * At build time, writes `routes/<playbook>/<building>/<floor>.html` for every floor of every
 * shipped playbook: the app shell with that floor's route already in it, so a member of staff
 * who scans a poster sees the route before any JavaScript has run (the server and the service
 * worker answer `/routes/a/b/c` with it). The site's own language comes first, the other second.
 */
export function prerenderRoutes(scenariosDir: string): Plugin {
  return {
    name: 'muster-prerender-routes',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const shell = bundle['index.html'];
      if (!shell || shell.type !== 'asset') return;
      // The stylesheet goes inline: one request fewer before the first paint, which is what a
      // phone offline (served by the service worker, CPU slow) waits for.
      let html = String(shell.source);
      html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
        const css = bundle[file];
        return css && css.type === 'asset' ? `<style>${String(css.source).replace(/<\/style/gi, '<\\/style')}</style>` : tag;
      });
      const playbooks = readdirSync(scenariosDir)
        .filter((f) => f.endsWith('.json') && f !== 'playbook.schema.json')
        .map((f) => JSON.parse(readFileSync(join(scenariosDir, f), 'utf8')) as Playbook);
      const ids = [...new Set(playbooks.map((p) => p.id))];
      for (const id of ids) {
        // The plan's own language first (the seed plans are Chinese), then the others.
        const versions = playbooks.filter((p) => p.id === id).sort((a, b) => Number(b.language.startsWith('zh')) - Number(a.language.startsWith('zh')));
        const [main, other] = versions;
        for (const building of main?.buildings ?? []) {
          for (const floor of building.floors) {
            const a = main ? floorView(main, building.id, floor.id) : undefined;
            if (!a) continue;
            const b = other ? floorView(other, building.id, floor.id) : undefined;
            const page = html
              .replace('<div id="root"></div>', `<div id="root">${staticFloorHtml(a, b)}</div>`)
              .replace(/<title>[^<]*<\/title>/, `<title>${esc(`${a.building} ${a.floor} — ${a.routes[0]?.instruction ?? ''}`)}</title>`)
              .replace(/<html lang="[^"]*"/, `<html lang="${esc(a.language)}"`);
            this.emitFile({ type: 'asset', fileName: `routes/${id}/${building.id}/${floor.id}.html`, source: page });
          }
        }
      }
    },
  };
}
