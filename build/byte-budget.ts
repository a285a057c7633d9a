import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

/** Bytes after gzip at level 9 (what a static pre-compression would serve). */
export interface Budget {
  jsGzip: number;
  cssGzip: number;
}

/** The goal of issue 20: what a first visit fetches before the home screen is usable (1 KB = 1,000 B). */
export const TARGET: Budget = { jsGzip: 110_000, cssGzip: 10_000 };

/** The budget the build holds the first load to. */
export const BUDGET: Budget = TARGET;

/**
 * The modules the app loads, without any tap, before the home screen is usable on a first
 * visit: dynamic imports, so not in the entry's static closure. Each one's chunk and that
 * chunk's static imports count. test/e2e/first-load.e2e.ts checks that the browser fetches
 * nothing else before the home screen is usable, so this list cannot drift from the app.
 */
export const FIRST_SCREEN: readonly string[] = [
  // None: on a first visit the home screen is complete with the entry's own code (a device with
  // no database shows its lists without Dexie: src/features/home/FreshLists.tsx). The lists'
  // database code, the sync badge and engine, the service worker's registration and the
  // between-emergencies cards load once the first screen is up (src/ui/first-screen.ts).
];

/** The last accepted per-chunk sizes: a chunk over these (by more than the tolerance) is named as the one that grew. */
export const RECORD_FILE = 'build/first-load.json';
/** What the build writes beside index.html for the bench and the tests (not precached: workbox takes no .json). */
export const REPORT_FILE = 'first-load.json';

/** A chunk "grew" when it is this much over its record: small enough to catch a new dependency, big enough to ignore a renamed variable. */
const GREW_BY = { bytes: 64, ratio: 0.01 };

export interface Part {
  /** The file as served, e.g. `assets/HomeLists-flsYizEQ.js`; `index.html` for its inline styles. */
  file: string;
  /** Hash-free name that stays the same from build to build: the chunk's main source module. */
  source: string;
  /** How many source modules the chunk holds. */
  modules: number;
  raw: number;
  gzip: number;
}

export interface Tally {
  gzip: number;
  raw: number;
  /** Largest first. */
  parts: Part[];
}

export interface FirstLoad {
  js: Tally;
  css: Tally;
}

export interface FirstLoadReport extends FirstLoad {
  budget: Budget;
  target: Budget;
  enforced: boolean;
  firstScreen: readonly string[];
}

/** Per-part gzip bytes by source, as in build/first-load.json. */
export interface FirstLoadRecord {
  js: Record<string, number>;
  css: Record<string, number>;
}

function gzipSize(body: string | Uint8Array): number {
  return gzipSync(body, { level: 9 }).length;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.length;
}

function tally(parts: Part[]): Tally {
  const sorted = [...parts].sort((a, b) => b.gzip - a.gzip || a.source.localeCompare(b.source));
  return { gzip: sorted.reduce((n, p) => n + p.gzip, 0), raw: sorted.reduce((n, p) => n + p.raw, 0), parts: sorted };
}

/** A module id as a path from the project root with `/` (virtual modules lose their `\0`). */
function fromRoot(root: string, id: string): string {
  const clean = id.replace(/^\0/, '');
  return clean.startsWith(root) ? relative(root, clean).split(sep).join('/') : clean;
}

/** The module a chunk is named after in reports: its facade, else the module with the most code in it. */
function mainSource(root: string, chunk: Rollup.OutputChunk): string {
  if (chunk.facadeModuleId) return fromRoot(root, chunk.facadeModuleId);
  const [largest] = Object.entries(chunk.modules).sort(([a, x], [b, y]) => y.renderedLength - x.renderedLength || a.localeCompare(b));
  return largest ? fromRoot(root, largest[0]) : chunk.fileName;
}

/** `assets/rounds-DY0KJDJt.css` → `assets/rounds.css`: a name that stays when the content changes. */
function withoutHash(file: string): string {
  return file.replace(/-[\w-]{8}(\.\w+)$/, '$1');
}

/** The chunk holding a source module (`src/…` from the root): the one it is the facade of, else the one it was merged into. */
function chunkOf(bundle: Rollup.OutputBundle, root: string, source: string): Rollup.OutputChunk | undefined {
  const id = join(root, source);
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  return chunks.find((c) => c.facadeModuleId === id) ?? chunks.find((c) => c.moduleIds.includes(id));
}

/** A chunk and every chunk it imports statically, each once (what the browser fetches when it loads the chunk). */
function staticClosure(bundle: Rollup.OutputBundle, from: Rollup.OutputChunk, into: Map<string, Rollup.OutputChunk>): void {
  if (into.has(from.fileName)) return;
  into.set(from.fileName, from);
  for (const file of from.imports) {
    const imported = bundle[file];
    if (imported?.type === 'chunk') staticClosure(bundle, imported, into);
  }
}

/**
 * What a first visit fetches before the home screen is usable, from the bundle graph (no
 * browser): the entry chunk of index.html and its static imports, the chunks of `firstScreen`
 * and theirs; the stylesheets index.html links, the inline <style> in it, and the stylesheets
 * the first-screen chunks import (Vite's preload helper fetches them with the chunk). Throws
 * when a module of `firstScreen` is in no chunk, so a stale list stops the build.
 */
export function measureFirstLoad(bundle: Rollup.OutputBundle, root: string, firstScreen: readonly string[]): FirstLoad {
  const shell = bundle['index.html'];
  if (shell?.type !== 'asset') throw new Error('the build has no index.html');
  const html = String(shell.source);
  const entry = Object.values(bundle).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry && (c.facadeModuleId ?? '').endsWith('index.html'));
  if (!entry) throw new Error('the build has no entry chunk for index.html');

  const atStart = new Map<string, Rollup.OutputChunk>();
  staticClosure(bundle, entry, atStart);
  const fromEntry = new Set(atStart.keys());
  for (const source of firstScreen) {
    const chunk = chunkOf(bundle, root, source);
    if (!chunk)
      throw new Error(
        `${source} (FIRST_SCREEN in build/byte-budget.ts) is in no chunk of the build: remove it from the list, or name the module that replaced it`,
      );
    staticClosure(bundle, chunk, atStart);
  }
  const chunks = [...atStart.values()];
  const js = chunks.map((c): Part => ({
    file: c.fileName,
    source: mainSource(root, c),
    modules: c.moduleIds.length,
    raw: byteLength(c.code),
    gzip: gzipSize(c.code),
  }));

  // Stylesheets: linked from index.html, or imported by a chunk loaded after it (the entry's own
  // are the ones index.html links, or the ones inlined into it, so they are not counted twice).
  const cssOwner = new Map<string, string>();
  for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
    const href = /\bhref="\/?([^"]+)"/.exec(m[0])?.[1];
    if (href) cssOwner.set(href, mainSource(root, entry));
  }
  for (const c of chunks) {
    if (fromEntry.has(c.fileName)) continue;
    for (const file of c.viteMetadata?.importedCss ?? []) if (!cssOwner.has(file)) cssOwner.set(file, mainSource(root, c));
  }
  const css = [...cssOwner].map(([file, owner]): Part => {
    const asset = bundle[file];
    const body = asset?.type === 'asset' ? asset.source : '';
    return { file, source: `${withoutHash(file)} from ${owner}`, modules: 1, raw: byteLength(body), gzip: gzipSize(body) };
  });
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('');
  if (inline) css.push({ file: 'index.html', source: 'index.html <style>', modules: 1, raw: byteLength(inline), gzip: gzipSize(inline) });
  return { js: tally(js), css: tally(css) };
}

const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`;

/**
 * Why the first load is over its budget, in words for the build's error: the total and the
 * budget, the chunks that are new or grew since `record`, then every chunk largest first with
 * its source module. Undefined when both fit.
 */
export function checkBudget(load: FirstLoad, budget: Budget, record: FirstLoadRecord | undefined): string | undefined {
  const problems: string[] = [];
  for (const [kind, label, limit, env] of [
    ['js', 'JavaScript', budget.jsGzip, 'MUSTER_BUDGET_JS_GZIP'],
    ['css', 'CSS', budget.cssGzip, 'MUSTER_BUDGET_CSS_GZIP'],
  ] as const) {
    const t = load[kind];
    if (t.gzip <= limit) continue;
    const before = record?.[kind];
    const grew = t.parts.flatMap((p) => {
      const was = before?.[p.source];
      if (was === undefined) return [`${p.source} (new, ${bytes(p.gzip)})`];
      return p.gzip - was > Math.max(GREW_BY.bytes, was * GREW_BY.ratio) ? [`${p.source} (+${bytes(p.gzip - was)}: ${bytes(was)} → ${bytes(p.gzip)})`] : [];
    });
    problems.push(
      [
        `First-load ${label} is ${bytes(t.gzip)} gzip in ${t.parts.length} files, over its budget of ${bytes(limit)} by ${bytes(t.gzip - limit)} (budget: BUDGET in build/byte-budget.ts, or ${env}).`,
        grew.length > 0
          ? `Grew since ${RECORD_FILE}: ${grew.join('; ')}.`
          : `Nothing grew since ${RECORD_FILE}${record ? '' : ' (there is none)'}: the budget went down, or a chunk grew by a little at a time.`,
        'Largest first:',
        ...t.parts.map((p) => `  ${bytes(p.gzip).padStart(10)}  ${p.source}${p.modules > 1 ? ` (+${p.modules - 1} modules)` : ''}  ${p.file}`),
      ].join('\n'),
    );
  }
  if (problems.length === 0) return undefined;
  return `${problems.join('\n\n')}\n\nWhen the growth is meant, accept the new sizes with MUSTER_BUDGET_ACCEPT=1 npm run build (it rewrites ${RECORD_FILE}).`;
}

/** Per-part gzip bytes by source (two parts of one source add up). */
export function recordOf(load: FirstLoad): FirstLoadRecord {
  const sizes = (t: Tally) => {
    const out: Record<string, number> = {};
    for (const p of [...t.parts].sort((a, b) => a.source.localeCompare(b.source))) out[p.source] = (out[p.source] ?? 0) + p.gzip;
    return out;
  };
  return { js: sizes(load.js), css: sizes(load.css) };
}

function readRecord(path: string): FirstLoadRecord | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FirstLoadRecord;
  } catch {
    return undefined;
  }
}

function budgetFromEnv(env: NodeJS.ProcessEnv): Budget {
  const read = (name: string, fallback: number): number => {
    const value = env[name]?.trim();
    if (!value) return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number of bytes, not "${value}"`);
    return n;
  };
  return { jsGzip: read('MUSTER_BUDGET_JS_GZIP', BUDGET.jsGzip), cssGzip: read('MUSTER_BUDGET_CSS_GZIP', BUDGET.cssGzip) };
}

/**
 * Fails the build when the JavaScript or CSS a first visit fetches before the home screen is
 * usable is over its budget (gzip bytes are deterministic, unlike time, so this can be part of
 * `npm test`), naming the chunks that grew. Writes the figures to `first-load.json` beside
 * index.html. Settings (environment): MUSTER_BUDGET_JS_GZIP and MUSTER_BUDGET_CSS_GZIP replace
 * BUDGET; MUSTER_BUDGET=off reports without failing; MUSTER_BUDGET_ACCEPT=1 rewrites the record.
 */
export function byteBudget(env: NodeJS.ProcessEnv = process.env): Plugin {
  let root = process.cwd();
  return {
    name: 'muster-byte-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      // After every other plugin's generateBundle: the pre-render has inlined its styles into index.html by then.
      order: 'post',
      handler(_options, bundle) {
        if (!bundle['index.html']) return; // not the app's build (the pre-render's own, a library build)
        const budget = budgetFromEnv(env);
        const enforced = env.MUSTER_BUDGET !== 'off';
        let load: FirstLoad;
        try {
          load = measureFirstLoad(bundle, root, FIRST_SCREEN);
        } catch (error) {
          this.error(error instanceof Error ? error.message : String(error));
        }
        const report: FirstLoadReport = { budget, target: TARGET, enforced, firstScreen: FIRST_SCREEN, ...load };
        this.emitFile({ type: 'asset', fileName: REPORT_FILE, source: `${JSON.stringify(report, null, 2)}\n` });
        const recordPath = join(root, RECORD_FILE);
        if (env.MUSTER_BUDGET_ACCEPT === '1') writeFileSync(recordPath, `${JSON.stringify(recordOf(load), null, 2)}\n`);
        const over = checkBudget(load, budget, readRecord(recordPath));
        if (over === undefined) return;
        if (enforced) this.error(over);
        this.warn(over);
      },
    },
  };
}
