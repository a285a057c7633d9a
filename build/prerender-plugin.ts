import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { runnerImport, type Plugin } from 'vite';
import type { Playbook } from '../src/domain/playbook/schema';
import type { validatePlaybook } from '../src/domain/playbook/check';
import type { floorView } from '../src/features/routes/floor-view';
import type { FloorRouteView } from '../src/features/routes/FloorRouteView';
import { escapeHtml } from '../src/domain/escape-html.ts';
import { playbookSummaries } from './playbook-summaries.ts';

/** What the pre-render takes from the app: the same view and component the FloorRoute screen uses. */
interface FloorModules {
  validatePlaybook: typeof validatePlaybook;
  floorView: typeof floorView;
  FloorRouteView: typeof FloorRouteView;
}

const ENTRY = 'virtual:muster-prerender-floor';

/**
 * The app's own modules, loaded through Vite rather than bundled into the config: they use
 * Vite features (import.meta.glob, `?summary` JSON) and extensionless imports that the config
 * loader cannot take, and the config then depends on no app file.
 */
async function loadFloorModules(root: string): Promise<FloorModules> {
  const entry: Plugin = {
    name: 'muster-prerender-entry',
    resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
    load: (id) =>
      id === `\0${ENTRY}`
        ? "export { validatePlaybook } from '/src/domain/playbook/check.ts';\nexport { floorView } from '/src/features/routes/floor-view.ts';\nexport { FloorRouteView } from '/src/features/routes/FloorRouteView.tsx';"
        : null,
  };
  const { module } = await runnerImport<FloorModules>(ENTRY, {
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: [entry, playbookSummaries()],
    // The production JSX runtime: React's development one is absent when NODE_ENV is production.
    oxc: { jsx: { runtime: 'automatic', development: false } },
  });
  return module;
}

/**
 * At build time, writes `routes/<playbook>/<building>/<floor>.html` for every floor of every
 * shipped playbook: the app shell with that floor's route already in it, so a member of staff
 * who scans a poster sees the route before any JavaScript has run (the server and the service
 * worker answer `/routes/a/b/c` with it). The plan's own language comes first, the other second.
 */
export function prerenderRoutes(scenariosDir: string): Plugin {
  let root = process.cwd();
  return {
    name: 'muster-prerender-routes',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const shell = bundle['index.html'];
      if (!shell || shell.type !== 'asset') return;
      // The stylesheet goes inline: one request fewer before the first paint, which is what a
      // phone offline (served by the service worker, CPU slow) waits for.
      // Replacers are functions throughout: a replacement string would read `$&` or `$'` in the
      // plan's text as patterns and change the words.
      let html = String(shell.source);
      html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
        const css = bundle[file];
        return css && css.type === 'asset' ? `<style>${String(css.source).replace(/<\/style/gi, '<\\/style')}</style>` : tag;
      });
      if (!html.includes('<div id="root"></div>')) this.error('index.html has no empty <div id="root"></div> to pre-render into');
      const { validatePlaybook, floorView, FloorRouteView } = await loadFloorModules(root);
      // Checked as the import checks a file, and read as the current schema version (a version 1
      // file is migrated): a shipped playbook the validator refuses stops the build.
      const playbooks = readdirSync(scenariosDir)
        .filter((f) => f.endsWith('.json') && f !== 'playbook.schema.json')
        .map((f): Playbook => {
          const checked = validatePlaybook(JSON.parse(readFileSync(join(scenariosDir, f), 'utf8')));
          if (!checked.ok) this.error(`scenarios/${f} is not a valid playbook: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
          return checked.playbook;
        });
      for (const id of new Set(playbooks.map((p) => p.id))) {
        // The plan's own language first (the seed plans are Chinese), then the others.
        const versions = playbooks.filter((p) => p.id === id).sort((a, b) => Number(b.language.startsWith('zh')) - Number(a.language.startsWith('zh')));
        const [main, other] = versions;
        for (const building of main?.buildings ?? []) {
          for (const floor of building.floors) {
            const a = main ? floorView(main, building.id, floor.id) : undefined;
            if (!a) continue;
            const b = other ? floorView(other, building.id, floor.id) : undefined;
            // `.prerendered` is what the app looks for to take the page over (src/app/main.tsx).
            const body = `<div class="shell"><main id="main" class="prerendered">${renderToStaticMarkup(createElement(FloorRouteView, { main: a, other: b, snapshot: true }))}</main></div>`;
            const title = `${a.building} ${a.floor} — ${a.routes[0]?.instruction ?? ''}`;
            const page = html
              .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`)
              .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
              .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(a.language)}"`);
            this.emitFile({ type: 'asset', fileName: `routes/${id}/${building.id}/${floor.id}.html`, source: page });
          }
        }
      }
    },
  };
}
