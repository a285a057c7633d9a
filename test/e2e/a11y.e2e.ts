import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TABLET, axeViolations, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

interface Screen {
  name: string;
  path: string;
  /** Resolves once the screen has its content (not a loading placeholder). */
  ready: (page: Page) => Promise<unknown>;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).waitFor();

function screens(reader: string): Screen[] {
  return [
    { name: 'home', path: '/', ready: (p) => p.getByTestId('playbook-list').waitFor() },
    { name: 'playbook library', path: '/playbooks', ready: (p) => p.getByTestId('playbook-list').waitFor() },
    { name: `playbook reader (${reader})`, path: `/playbooks/${reader}`, ready: (p) => p.locator('#phases').waitFor() },
    { name: 'evacuation routes', path: '/routes', ready: h1 },
    { name: 'settings', path: '/settings', ready: (p) => p.locator('[data-testid="storage-persisted"]:not([data-persisted="loading"])').waitFor() },
  ];
}

const languages = [
  { ui: 'Chinese', locale: 'zh-CN', reader: 'fire-evacuation/zh-CN', tag: 'zh' },
  { ui: 'English', locale: 'en-US', reader: 'flood-emergency/en', tag: 'en' },
] as const;

for (const lang of languages) {
  describe(`axe-core finds nothing to fix on the main screens, in ${lang.ui}`, () => {
    let session: Session;
    let page: Page;
    beforeAll(async () => {
      session = await newSession({ locale: lang.locale });
      page = await session.context.newPage();
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const screen of screens(lang.reader)) {
      it(screen.name, async () => {
        await page.goto(`${baseUrl}${screen.path}`);
        await screen.ready(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    it('the home screen while offline, with the offline mark in the top bar', async () => {
      await page.goto(baseUrl);
      // The worker registers once the first screen is up, so on a busy machine it may only now be installing.
      await waitForServiceWorkerControl(page, 90_000);
      await session.context.setOffline(true);
      try {
        await page.getByTestId('offline-indicator').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, `offline-topbar-phone-${lang.tag}.png`), clip: { x: 0, y: 0, width: 390, height: 180 } });
      } finally {
        await session.context.setOffline(false);
      }
      // Room for the worker's wait above: on a busy machine its install alone may take a minute.
    }, 120_000);
  });
}

describe('the settings screen on a tablet', () => {
  it('shows storage and version in both languages without a horizontal scroll', async () => {
    const session = await newSession({ locale: 'zh-CN', viewport: TABLET });
    try {
      const page = await session.context.newPage();
      await page.goto(`${baseUrl}/settings`);
      await page.locator('[data-testid="storage-persisted"]:not([data-persisted="loading"])').waitFor();
      expect(await page.getByTestId('storage-used').textContent()).toMatch(/^[\d.,]+ (kB|MB|GB)$/);
      expect(await page.getByTestId('storage-available').textContent()).toMatch(/^[\d.,]+ (kB|MB|GB)$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await page.screenshot({ path: join(shots, 'settings-tablet-zh.png'), fullPage: true });
      // Asking to keep the data: Chromium decides by its own rules; either outcome is shown.
      if ((await page.getByTestId('storage-persisted').getAttribute('data-persisted')) === 'false') {
        await page.getByTestId('storage-ask').click();
        await expect
          .poll(async () =>
            (await page.getByTestId('storage-persisted').getAttribute('data-persisted')) === 'true'
              ? 'granted'
              : await page.getByText('浏览器未同意。').count(),
          )
          .toBeTruthy();
      }
      await page.getByTestId('language-toggle').click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
      expect(await page.getByRole('heading', { name: 'Storage on this device' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'settings-tablet-en.png'), fullPage: true });
    } finally {
      await session.close();
    }
  });
});
