import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newSession } from '../test/e2e/browser';
import { buildApp } from '../build/build-app';
import { startServer } from '../test/e2e/server-process';
import { installProbes, median, settledPage, timeProbes } from './measure';

const FLOOR = '/routes/fire-evacuation/west-main/floor-7';

/** The route's first line on screen (checked in the page by its probe: bench/measure.ts). */
const ROUTE_SHOWN = {
  when: `document.querySelector('.route-instruction') !== null`,
  shown: `(document.querySelector('.route-instruction')?.getBoundingClientRect().height ?? 0) > 0`,
};

/** Navigation start to the route text on screen, read in the page (first paint that holds it). */
async function timeToRoute(page: Page, url: string): Promise<number> {
  const { route, fcp } = await timeProbes(page, ['route', 'fcp'], () => page.goto(url, { waitUntil: 'commit' }));
  // The route is the page's first content: when it is on screen by the first contentful paint, that paint is the time.
  return route <= fcp ? fcp : route;
}

/** Another floor of the same building, whose page the bench replaces by BARE_FLOOR. */
const BARE_FLOOR_PATH = '/routes/fire-evacuation/west-main/floor-6';

/** A floor's page reduced to its first route line: no styles, no scripts, no icon, one language. */
const BARE_FLOOR =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>7</title></head><body><p class="route-instruction">从中央楼梯向下疏散</p></body></html>';

/**
 * Puts BARE_FLOOR in the service worker's precache in place of the page at `path` (Workbox
 * keys it by its address with a revision parameter), so the worker answers that address with
 * it. Throws when the cache holds no such page, rather than measuring something else.
 */
async function bareFloorInCache(page: Page, path: string): Promise<void> {
  const replaced = await page.evaluate(
    async ({ path, html }) => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (new URL(request.url).pathname !== `${path}.html`) continue;
          await cache.put(request, new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
          n += 1;
        }
      }
      return n;
    },
    { path, html: BARE_FLOOR },
  );
  if (replaced === 0) throw new Error(`the service worker's cache holds no ${path}.html`);
}

/** Fresh browser profiles: one first visit each (the median of five, as issue 20 measures timings), and two offline opens. */
const SESSIONS = 5;

/**
 * Opening a floor's link on a cheap phone (CPU slowed 4×): on a first visit over a slow mobile
 * network (Lighthouse's slow 4G: 150 ms round trip, 1.6 Mbit/s down), and offline from the
 * service worker after one visit. Beside the offline figure, `routeVisibleOfflineBarePageMs`:
 * the same opens when the worker answers with a page of one line (BARE_FLOOR), the part of the
 * figure no page can take away on this machine.
 */
export async function benchRoutes(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'muster-bench-routes-'));
  buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  const firstVisits: number[] = [];
  const offline: number[] = [];
  const bare: number[] = [];
  try {
    for (let run = 0; run < SESSIONS; run++) {
      const session = await newSession({ locale: 'zh-CN' });
      try {
        const page = await session.context.newPage();
        await installProbes(page, { route: ROUTE_SHOWN });
        const cdp = await session.context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        firstVisits.push(await timeToRoute(page, server.url + FLOOR));
        // Let the service worker install and take the page, then cut the network.
        await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
        await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await session.context.setOffline(true);
        // Each offline open starts from a page at rest, as when a person opens the link from a screen they are reading.
        for (let i = 0; i < 2; i++) {
          await settledPage(page);
          offline.push(await timeToRoute(page, server.url + FLOOR));
        }
        // The same opens, from the same floor's page at rest, of a page holding one line of a
        // route and nothing else (put in the worker's cache in place of another floor's page): what
        // the browser itself costs (leaving the page, the worker's answer, a new document, its
        // first paint) on this machine, beside which the goal can be read.
        await bareFloorInCache(page, BARE_FLOOR_PATH);
        for (let i = 0; i < 2; i++) {
          await page.goto(server.url + FLOOR);
          await settledPage(page);
          bare.push(await timeToRoute(page, server.url + BARE_FLOOR_PATH));
        }
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
  if (process.env.MUSTER_BENCH_VERBOSE) console.error(JSON.stringify({ firstVisits, offline, bare }));
  return { routeVisibleFirstVisitSlow4gMs: median(firstVisits), routeVisibleOfflineMs: median(offline), routeVisibleOfflineBarePageMs: median(bare) };
}
