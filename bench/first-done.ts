import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../build/build-app';
import { PHONE, newSession } from '../test/e2e/browser';
import { startServer } from '../test/e2e/server-process';
import { installProbes, median, timeProbes } from './measure';

const RUNS = 5;

/** The first step's Done button, then inside the screen above the tab bar (checked in the page: bench/measure.ts). */
const FIRST_DONE_VISIBLE = {
  when: `document.querySelector('[data-testid="now-steps"] > li:first-child [data-testid="now-done"]') !== null`,
  shown: `(() => {
    const done = document.querySelector('[data-testid="now-steps"] > li:first-child [data-testid="now-done"]');
    const tabbar = document.querySelector('nav.tabbar');
    if (!done) return false;
    const box = done.getBoundingClientRect();
    const floor = Math.min(window.innerHeight, tabbar ? tabbar.getBoundingClientRect().top : Infinity);
    return box.height > 0 && box.top >= 0 && box.bottom <= floor;
  })()`,
};

/**
 * The officer opens an incident at 2 a.m. on a cheap phone: Chromium on the production build, a
 * 390×844 screen, the CPU slowed 4× (DevTools' Emulation.setCPUThrottlingRate). The median, over
 * five opens of a started flood incident (after one that fills the HTTP cache), of the time from
 * navigation start to the first step's Done button painted inside the screen, above the tab bar.
 * `staticDir`: a build to serve instead of building one.
 */
export async function benchFirstDone(opts: { staticDir?: string } = {}): Promise<Record<string, number>> {
  const outDir = opts.staticDir ?? mkdtempSync(join(tmpdir(), 'muster-bench-build-'));
  if (!opts.staticDir) buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  const session = await newSession({ locale: 'en-US', viewport: PHONE });
  try {
    const page = await session.context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.addInitScript('window.__name = (f) => f;');
    await installProbes(page, { done: FIRST_DONE_VISIBLE });
    await page.goto(`${server.url}/incidents/new?kind=flood`);
    await page.getByTestId('actor-name').fill('Bench');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-[^?]*$/);
    const url = page.url();

    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const opens: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const { done } = await timeProbes(page, ['done'], () => page.goto(url));
      if (i > 0) opens.push(done); // the first open fills the HTTP cache
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { firstDoneVisibleMsCpu4x: median(opens) };
  } finally {
    await session.close();
    await server.stop();
    if (!opts.staticDir) rmSync(outDir, { recursive: true, force: true });
  }
}
