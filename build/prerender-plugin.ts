import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { runnerImport, type Plugin, type Rollup } from 'vite';
import type { Playbook } from '../src/domain/playbook/schema';
import type { validatePlaybook } from '../src/domain/playbook/check';
import type { floorView } from '../src/features/routes/floor-view';
import type { FloorRouteView } from '../src/features/routes/FloorRouteView';
import type { FunctionComponent } from 'react';
import { escapeHtml } from '../src/domain/escape-html.ts';
import { playbookSummaries } from './playbook-summaries.ts';

/** What the pre-render takes from the app: the same view and component the FloorRoute screen uses. */
interface FloorModules {
  validatePlaybook: typeof validatePlaybook;
  floorView: typeof floorView;
  FloorRouteView: typeof FloorRouteView;
  // src/app/snapshot.tsx and snapshot-language.ts, typed here by shape: their types would bring
  // the whole app (and the browser's types) into the build's own type check.
  HomeFrame: FunctionComponent;
  ReaderFrame: FunctionComponent<{ playbook: Playbook }>;
  snapshotLanguage: (language: 'zh-CN' | 'en') => void;
  keepSnapshotLanguage: () => void;
  startAppAfterFirstPaint: (entry: string, preloads: readonly string[]) => void;
}

const ENTRY = 'virtual:muster-prerender-floor';
/** The lazy screens whose markup is pre-rendered: their styles go inline with their pages. */
const FLOOR_SCREEN = '/src/features/routes/FloorRoute.tsx';
const READER_SCREEN = '/src/features/playbooks/PlaybookReader.tsx';
/** The UI languages every snapshot is rendered in; the page's script keeps one. */
const LANGUAGES = ['zh-CN', 'en'] as const;

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
        ? "export { validatePlaybook } from '/src/domain/playbook/check.ts';\nexport { floorView } from '/src/features/routes/floor-view.ts';\nexport { FloorRouteView } from '/src/features/routes/FloorRouteView.tsx';\nexport { HomeFrame, ReaderFrame, snapshotLanguage } from '/src/app/snapshot.tsx';\nexport { keepSnapshotLanguage } from '/src/app/snapshot-language.ts';\nexport { startAppAfterFirstPaint } from '/src/app/start-app.ts';"
        : null,
  };
  // Stylesheets are for the browser: the pre-render wants only the markup, and the CSS the
  // components import goes inline from the bundle instead (floorScreenCss).
  const NO_CSS = '\0muster-prerender-no-css';
  const noCss: Plugin = {
    name: 'muster-prerender-no-css',
    enforce: 'pre',
    resolveId: (id) => (/\.css($|\?)/.test(id) ? NO_CSS : null),
    load: (id) => (id === NO_CSS ? 'export {};' : null),
  };
  const { module } = await runnerImport<FloorModules>(ENTRY, {
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: [noCss, entry, playbookSummaries()],
    // The production JSX runtime: React's development one is absent when NODE_ENV is production.
    oxc: { jsx: { runtime: 'automatic', development: false } },
  });
  return module;
}

/** The stylesheets a lazy screen's chunk and the chunks it imports load, in order, each once. */
function screenCss(bundle: Rollup.OutputBundle, screen: string): string[] {
  const entry = Object.values(bundle).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && (c.facadeModuleId ?? '').endsWith(screen));
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) {
      const imported = bundle[file];
      if (imported?.type === 'chunk') visit(imported);
    }
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
  };
  visit(entry);
  return [...css];
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
      const styleTag = (file: string): string | undefined => {
        const css = bundle[file];
        return css && css.type === 'asset' ? `<style>${String(css.source).replace(/<\/style/gi, '<\\/style')}</style>` : undefined;
      };
      let html = String(shell.source);
      const { validatePlaybook, floorView, FloorRouteView, HomeFrame, ReaderFrame, snapshotLanguage, keepSnapshotLanguage, startAppAfterFirstPaint } =
        await loadFloorModules(root);
      // The entry's script tag and module preloads give way to one inline script at the end of
      // the body that asks for them once the page has been painted (src/app/start-app.ts): the
      // same script on every page, so the server allows it by the one hash it reads from index.html.
      const entryTag = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>\s*/.exec(html);
      if (!entryTag?.[1]) this.error('index.html has no entry <script type="module" crossorigin src="/assets/…">');
      const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)">\s*/g)].map((m) => m[1] ?? '');
      html = html.replace(entryTag[0], '').replace(/<link rel="modulepreload" crossorigin href="\/assets\/[^"]+\.js">\s*/g, '');
      if (/<script type="module"|rel="modulepreload"/.test(html)) this.error('index.html loads a script the pre-render does not know how to defer');
      const starter = `(${startAppAfterFirstPaint.toString()})(${JSON.stringify(entryTag[1])}, ${JSON.stringify(preloads)});`;
      if (/<\/script/i.test(starter)) this.error('the start script of the pre-rendered pages would end its own <script> early');
      const start = `<script>${starter}</script>`;
      if (!html.includes('</body>')) this.error('index.html has no </body> to put the start script before');
      html = html.replace('</body>', () => `${start}</body>`);
      const inlined = new Set<string>();
      html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
        inlined.add(file);
        return styleTag(file) ?? tag;
      });
      // The floor screen is a lazy chunk with a stylesheet of its own (rules, legs, refuges):
      // it goes inline too, or the pre-rendered route would show unstyled until the app loads.
      // The home screen's own page: index.html with its stylesheet inline and the home screen in it.
      const homeShell = html;
      const inlineCss = (screen: string) =>
        screenCss(bundle, screen)
          .filter((file) => !inlined.has(file))
          .map(styleTag)
          .filter((tag): tag is string => tag !== undefined)
          .join('');
      if (!html.includes('</head>')) this.error('index.html has no </head> to put the floor screen’s styles in');
      const floorCss = inlineCss(FLOOR_SCREEN);
      const readerShell = homeShell.replace('</head>', () => `${inlineCss(READER_SCREEN)}</head>`);
      html = html.replace('</head>', () => `${floorCss}</head>`);
      if (!html.includes('<div id="root"></div>')) this.error('index.html has no empty <div id="root"></div> to pre-render into');
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
      // index.html: the home screen in both languages, from the app's own components, so the
      // start buttons, the routes and the playbooks show before any script has run; an inline
      // script keeps the copy in the person's language (or none, on another page: index.html
      // answers every deep link). The server allows that one script by its hash.
      const script = `(${keepSnapshotLanguage.toString()})();`;
      if (/<\/script/i.test(script)) this.error('the language script of the pre-rendered pages would end its own <script> early');
      const keep = `<script>${script}</script>`;
      /** The page's copies in each language, for the app to take over; the script after them keeps one. */
      const copies = (path: string, render: () => ReturnType<typeof createElement>, playbook?: string) =>
        LANGUAGES.map((language) => {
          snapshotLanguage(language);
          // Without the test ids: while the app renders its own screen (hidden) beside it, a test
          // or the bench looking for "the" routes entry finds the app's, never the copy's.
          const markup = renderToStaticMarkup(render()).replace(/ data-testid="[^"]*"/g, '');
          const of = playbook === undefined ? '' : ` data-snapshot-playbook="${escapeHtml(playbook)}"`;
          return `<div class="prerendered" data-snapshot-lang="${language}" data-snapshot-path="${escapeHtml(path)}"${of} lang="${language}">${markup}</div>`;
        }).join('');
      shell.source = homeShell.replace('<div id="root"></div>', () => `<div id="root">${copies('/', () => createElement(HomeFrame))}</div>${keep}`);
      // Each shipped playbook in the reader (`/playbooks/<id>/<language>`): what a member of
      // staff opens to read the plan shows before any script has run, as the home screen does.
      // The page's script leaves it out where this device keeps another copy of the plan.
      for (const playbook of playbooks) {
        const path = `/playbooks/${playbook.id}/${playbook.language}`;
        const page = readerShell
          .replace(
            '<div id="root"></div>',
            () => `<div id="root">${copies(path, () => createElement(ReaderFrame, { playbook }), `${playbook.id}/${playbook.language}`)}</div>${keep}`,
          )
          .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(playbook.title)}</title>`);
        this.emitFile({ type: 'asset', fileName: `${path.slice(1)}.html`, source: page });
      }
    },
  };
}
