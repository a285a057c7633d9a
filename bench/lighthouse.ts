import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse, { type RunnerResult } from 'lighthouse';
import type { Response } from 'playwright-core';
import { CHROMIUM_ARGS, PHONE, findChromium, newSession } from '../test/e2e/browser';
import { buildApp } from '../build/build-app';
import { freePort, startServer, type RunningServer } from '../test/e2e/server-process';
import { installProbes, median, timeProbes } from './measure';

/**
 * Lighthouse's performance score moves by a few points run to run (its total blocking time most,
 * and the first, cold run is the worst): the median of five is reported, as issue 20 measures
 * timings (the median of three until 2026-12-03).
 */
const LIGHTHOUSE_RUNS = 5;
const OFFLINE_RUNS = 5;
const CPU_SLOWDOWN = 4;

/**
 * Quality figures of the production build, as a phone sees it: Lighthouse 12 scores
 * (mobile profile: Moto G Power screen, simulated slow 4G and 4× CPU), the JavaScript and CSS a
 * first visit downloads, and how soon the home screen is usable offline on a 4× slower CPU.
 * Builds into a temporary folder, serves it with the real server, cleans both up. Never fails
 * on a slow machine; it reports.
 */
export async function benchQuality(): Promise<Record<string, number>> {
  const work = mkdtempSync(join(tmpdir(), 'muster-bench-'));
  const outDir = join(work, 'dist');
  let server: RunningServer | undefined;
  try {
    buildApp({ outDir, logLevel: 'error' });
    server = await startServer({ staticDir: outDir });
    return {
      ...(await lighthouseScores(server.url)),
      ...(await firstLoadBytes(server.url)),
      ...entrySize(outDir),
      ...buildBudget(outDir),
      ...precacheSize(outDir),
      // Last: it stops the server, so nothing can come from the network.
      ...(await offlineHomeUsable(server)),
    };
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The system Chromium with a DevTools port for Lighthouse, started directly with the flags of
 * the browser tests (Lighthouse's trace misses the navigation in a Playwright-launched one).
 */
async function launchForLighthouse(): Promise<{ port: number; close: () => Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'muster-lighthouse-'));
  // Its own process group (detached), so closing it also ends the renderer and helper
  // processes it started, and nothing else.
  const child = spawn(findChromium(), [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const close = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
    await exited;
    // A helper process may still be writing to the profile for a moment.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/json/version`);
      return { port, close };
    } catch {
      if (i > 100 || child.exitCode !== null) {
        await close();
        throw new Error(`Chromium did not open its DevTools port ${port}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** One Lighthouse run; a run whose trace missed the navigation (NO_NAVSTART, a known flake) is retried. */
async function runLighthouse(url: string, port: number, attempts = 3): Promise<RunnerResult['lhr']> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { runtimeError } = result.lhr;
    if (!runtimeError) return result.lhr;
    if (attempt >= attempts) throw new Error(`Lighthouse failed ${attempts} times: ${runtimeError.code} ${runtimeError.message}`);
  }
}

async function lighthouseScores(url: string): Promise<Record<string, number>> {
  const browser = await launchForLighthouse();
  const { port } = browser;
  try {
    const runs: { performance: number; accessibility: number; bestPractices: number; fcp: number; lcp: number; tbt: number; cls: number }[] = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      // Default config = mobile; storage (IndexedDB, caches, service worker) is reset before each run.
      const { categories, audits } = await runLighthouse(url, port);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const value = (id: string) => Math.round((audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcp: value('first-contentful-paint'),
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        cls: value('cumulative-layout-shift'),
      });
    }
    const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
    return {
      lighthousePerformance: m('performance'),
      lighthousePerformanceMin: Math.min(...runs.map((r) => r.performance)),
      lighthouseAccessibility: m('accessibility'),
      lighthouseBestPractices: m('bestPractices'),
      lighthouseFcpMs: Math.round(m('fcp')),
      lighthouseLcpMs: Math.round(m('lcp')),
      lighthouseTbtMs: Math.round(m('tbt')),
      lighthouseCls: m('cls'),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The home screen usable: the routes entry, the incident list and the playbook list all rendered
 * (the two lists come from IndexedDB) by the app itself, not the home screen index.html carries
 * before any script runs. Checked in the page by its probe (bench/measure.ts).
 */
const HOME_USABLE = [
  `document.querySelector('[data-testid="routes-entry"]') !== null`,
  `document.querySelector('[data-testid="playbook-list"]') !== null`,
  `document.querySelector('[data-testid="no-incidents"], [data-testid="incident-list"]') !== null`,
  `document.querySelector('.prerendered') === null`,
].join(' && ');

interface Tally {
  raw: number;
  gzip: number;
  files: number;
}

function add(t: Tally, body: Buffer): void {
  t.raw += body.length;
  t.gzip += gzipSync(body, { level: 9 }).length;
  t.files += 1;
}

/**
 * What a first visit downloads: every JS and CSS response the page gets until the home screen
 * is usable and the network has gone quiet (so the registration chunk and the screens the app
 * prefetches while idle count too). The service worker's own precache downloads are separate
 * (`precache*`). Our server does not compress, so "gzip" is each body gzipped here at level 9
 * (as a static pre-compression would); "raw" is the body as served; "transfer" is what went
 * over the wire, headers included.
 */
async function firstLoadBytes(url: string): Promise<Record<string, number>> {
  const session = await newSession({ locale: 'zh-CN', viewport: PHONE });
  try {
    const page = await session.context.newPage();
    const responses: { response: Response; beforeUsable: boolean }[] = [];
    let last = Date.now();
    let usable = false;
    page.on('response', (r) => {
      responses.push({ response: r, beforeUsable: !usable });
      last = Date.now();
    });
    await installProbes(page, { home: HOME_USABLE });
    const { home: usableAt } = await timeProbes(page, ['home'], () => page.goto(url, { waitUntil: 'commit' }));
    usable = true;
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    // Quiet for a second (the app may keep a sync request open, so not Playwright's "networkidle").
    while (Date.now() - last < 1000) await new Promise((done) => setTimeout(done, 200));
    const all = { js: { raw: 0, gzip: 0, files: 0 }, css: { raw: 0, gzip: 0, files: 0 } };
    const beforeUsable = { raw: 0, gzip: 0, files: 0 };
    let transfer = 0;
    for (const { response: r, beforeUsable: early } of responses) {
      // A response still streaming (none should be) would hold sizes() forever.
      const sizes = await Promise.race([r.request().sizes(), new Promise<null>((done) => setTimeout(() => done(null), 2000))]);
      if (sizes) transfer += sizes.responseBodySize + sizes.responseHeadersSize;
      const type = r.request().resourceType();
      const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : undefined;
      if (!kind) continue;
      const body = await r.body();
      add(all[kind], body);
      if (early && kind === 'js') add(beforeUsable, body);
    }
    return {
      homeUsableMsFirstVisit: Math.round(usableAt),
      firstLoadJsGzipBytes: all.js.gzip,
      firstLoadJsRawBytes: all.js.raw,
      firstLoadJsFiles: all.js.files,
      // Only what arrived before the home screen was usable (the "before usable" figure).
      homeUsableJsGzipBytes: beforeUsable.gzip,
      homeUsableJsFiles: beforeUsable.files,
      firstLoadCssGzipBytes: all.css.gzip,
      firstLoadCssRawBytes: all.css.raw,
      firstLoadTransferBytes: transfer,
    };
  } finally {
    await session.close();
  }
}

/**
 * The JavaScript index.html asks for up front (its module script and modulepreloads): what
 * must arrive before anything renders, whatever the app prefetches later.
 */
function entrySize(outDir: string): Record<string, number> {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // The entry and its preloads, as index.html's start script names them (src/app/start-app.ts:
  // `("/assets/index-….js", ["/assets/….js", …])`), or as tags in a page built without it.
  const files = [...html.matchAll(/(?:<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)=|[(,[]\s*)"\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const js = { raw: 0, gzip: 0, files: 0 };
  for (const f of new Set(files)) add(js, readFileSync(join(outDir, f)));
  return { entryJsGzipBytes: js.gzip, entryJsRawBytes: js.raw, entryJsFiles: js.files };
}

/** What the build counted as the first load and held to its budget (build/byte-budget.ts writes it). */
function buildBudget(outDir: string): Record<string, number> {
  const report = JSON.parse(readFileSync(join(outDir, 'first-load.json'), 'utf8')) as {
    js: { gzip: number };
    css: { gzip: number };
    budget: { jsGzip: number; cssGzip: number };
  };
  return {
    budgetedFirstLoadJsGzipBytes: report.js.gzip,
    budgetedFirstLoadCssGzipBytes: report.css.gzip,
    budgetJsGzipBytes: report.budget.jsGzip,
    budgetCssGzipBytes: report.budget.cssGzip,
  };
}

/** What the service worker downloads in the background on the first visit, from its manifest. */
function precacheSize(outDir: string): Record<string, number> {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const body = readFileSync(join(outDir, u));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { precacheEntries: urls.length, precacheRawBytes: raw, precacheGzipBytes: gzip };
}

/**
 * From navigation start to the home screen being usable — the routes entry, the incident list
 * and the playbook list all rendered from IndexedDB — with the server gone and the browser
 * offline (everything from the service worker), on a CPU slowed 4× through DevTools.
 */
async function offlineHomeUsable(server: RunningServer): Promise<Record<string, number>> {
  const session = await newSession({ locale: 'zh-CN', viewport: PHONE });
  try {
    const page = await session.context.newPage();
    await installProbes(page, { home: HOME_USABLE });
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 30_000 });
    await server.stop();
    await session.context.setOffline(true);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const runs: number[] = [];
    for (let i = 0; i < OFFLINE_RUNS; i++) {
      // The time is read in the page, from its navigation start.
      const { home } = await timeProbes(page, ['home'], () => page.reload({ waitUntil: 'commit' }));
      runs.push(home);
    }
    return { offlineHomeUsableMsCpu4x: Math.round(median(runs)), offlineHomeUsableMsCpu4xFirst: Math.round(runs[0] ?? Number.NaN) };
  } finally {
    await session.close();
  }
}
