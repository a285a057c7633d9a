import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, newSession, waitForHomeTakeOver, waitForServiceWorkerControl, type Session } from './browser';

// A pre-rendered page (the home screen in index.html, a floor's route) is painted before the
// app's scripts are even asked for (src/app/start-app.ts): on a first visit the parser issued
// the entry and its 16 preloads before the first paint, and offline the service worker's copy
// of the entry ran before the page was first drawn. Then the app takes the page over as before.

const baseUrl = inject('baseUrl');
const FLOOR = '/routes/fire-evacuation/west-main/floor-6';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The page's first contentful paint, and when each of the app's scripts was asked for (ms since navigation). */
async function paintAndScripts(page: Page): Promise<{ fcp: number; scripts: { file: string; start: number }[] }> {
  const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, undefined, { timeout: 30_000 });
  const at = (await fcp.jsonValue()) as number;
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/assets\/[^/]+\.js$/.test(new URL(e.name).pathname))
      .map((e) => ({ file: new URL(e.name).pathname, start: e.startTime })),
  );
  return { fcp: at, scripts };
}

describe('the app’s scripts wait for the pre-rendered page’s first paint', () => {
  it('on a first visit to the home screen, then the app takes over', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: PHONE });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await waitForHomeTakeOver(page, 60_000);
    const { fcp, scripts } = await paintAndScripts(page);
    expect(scripts.some((s) => /\/assets\/index-[\w-]+\.js$/.test(s.file))).toBe(true);
    expect(scripts.filter((s) => s.start < fcp)).toEqual([]);
  });

  it('on a floor’s route opened offline from the service worker, then the app takes over', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: PHONE });
    const page = await session.context.newPage();
    await page.goto(baseUrl + FLOOR);
    await waitForServiceWorkerControl(page, 60_000);
    await session.context.setOffline(true);
    await page.goto(baseUrl + FLOOR);
    // Taken over: the app's own route screen, not the pre-rendered copy.
    await page.waitForFunction(
      () => document.querySelector('.prerendered') === null && document.querySelector('[data-testid="floor-route"]') !== null,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const { fcp, scripts } = await paintAndScripts(page);
    expect(scripts.some((s) => /\/assets\/index-[\w-]+\.js$/.test(s.file))).toBe(true);
    expect(scripts.filter((s) => s.start < fcp)).toEqual([]);
    expect(await page.locator('.route-instruction').first().isVisible()).toBe(true);
  });
});
