import type { Language } from '../../src/domain/text';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, waitForHomeTakeOver, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Makes the server's answer for one chunk fail, as it does for a tab still running an old
 * build after an update removed that build's files. Returns how many requests it refused.
 */
async function breakChunk(page: Page, chunk: RegExp): Promise<{ refused: () => number; mend: () => Promise<void> }> {
  let refused = 0;
  const handler = async (route: Parameters<Parameters<Page['route']>[1]>[0]) => {
    if (chunk.test(new URL(route.request().url()).pathname)) {
      refused++;
      await route.abort('failed');
    } else await route.continue();
  };
  await page.route('**/assets/*.js', handler);
  return { refused: () => refused, mend: () => page.unroute('**/assets/*.js', handler) };
}

/** Errors nothing caught: a boundary that works leaves none. */
function uncaught(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const tabbar = (page: Page) => page.getByRole('navigation').last();
const screenError = (page: Page) => page.getByTestId('screen-error');

const words = {
  chunk: {
    'zh-CN': { title: '此页面无法加载', body: '新版本', reload: '重新加载' },
    en: { title: 'This screen could not be loaded', body: 'A newer version of the app may have been installed', reload: 'Reload' },
  },
  render: {
    'zh-CN': { title: '此页面出错，无法显示', body: '已记录的内容都没有丢失', reload: '重新加载' },
    en: { title: 'This screen failed to show', body: 'Nothing recorded was lost', reload: 'Reload' },
  },
} as const;

async function expectError(page: Page, kind: keyof typeof words, language: Language): Promise<void> {
  const w = words[kind][language];
  await expect.poll(() => screenError(page).getByRole('heading').textContent()).toBe(w.title);
  expect(await screenError(page).getAttribute('data-kind')).toBe(kind);
  expect(await screenError(page).textContent()).toContain(w.body);
  expect(await screenError(page).getByRole('button', { name: w.reload }).isVisible()).toBe(true);
}

describe('a screen whose code cannot be fetched', () => {
  it('says a newer version may be installed, keeps the shell usable, and loads once the code is there again', async () => {
    session = await newSession({ locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await session.context.newPage();
    const errors = uncaught(page);
    // Blocked before the page loads: the app fetches every screen's code when idle.
    const library = await breakChunk(page, /\/PlaybookLibrary-[\w-]+\.js$/);
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: '应急预案', exact: true }).waitFor();
    // The app's own tab bar, not the pre-rendered page's links (a plain link would load the
    // playbooks page afresh, where the screen's code is fetched again).
    await waitForHomeTakeOver(page);

    await tabbar(page).getByRole('link', { name: '预案' }).click();
    await expectError(page, 'chunk', 'zh-CN');
    expect(library.refused()).toBeGreaterThan(0);
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'error-chunk-phone-zh.png') });

    // The top bar still works: the message follows the language switch.
    await page.getByTestId('language-toggle').click();
    await expectError(page, 'chunk', 'en');
    await page.screenshot({ path: join(shots, 'error-chunk-phone-en.png') });

    // The tabs still work, and another screen clears the error.
    await tabbar(page).getByRole('link', { name: 'Routes' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find your evacuation route');
    expect(await screenError(page).count()).toBe(0);

    // A failed fetch is not remembered: with the server answering again, the screen loads.
    const before = library.refused();
    await library.mend();
    await tabbar(page).getByRole('link', { name: 'Playbooks' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Playbooks');
    expect(await screenError(page).count()).toBe(0);
    expect(library.refused()).toBe(before);
    expect(errors).toEqual([]);
  });

  it('a failing incident tab keeps the incident header, commander and tabs, and its Reload brings it back once its code is there again', async () => {
    session = await newSession({ locale: 'en-US', serviceWorkers: 'block' });
    const page = await session.context.newPage();
    const errors = uncaught(page);
    const report = await breakChunk(page, /\/report-[\w-]+\.js$/);
    // The kind of emergency first; the fire playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-fire').click();
    await page.getByLabel('Drill', { exact: true }).check();
    await page.getByTestId('actor-name').fill('Security office');
    await page.getByTestId('start-incident').click();
    await page.getByTestId('commander').waitFor();

    const tabs = page.getByRole('navigation', { name: /Incident sections/ });
    await tabs.getByRole('link', { name: 'Report' }).click();
    await expectError(page, 'chunk', 'en');
    expect(report.refused()).toBeGreaterThan(0);
    // A part of the screen, under the incident's own heading.
    expect(await screenError(page).getByRole('heading', { level: 2 }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.getByTestId('commander').isVisible()).toBe(true);
    expect(await tabs.isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'error-report-tab-phone-en.png') });

    // Another tab works; the error belongs to the report tab only.
    await tabs.getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => screenError(page).count()).toBe(0);

    await tabs.getByRole('link', { name: 'Report' }).click();
    await screenError(page).waitFor();

    // Once the code can be fetched again, the error's Reload brings the tab back, on the same
    // incident. (The refused file here is one the tab's own code imports: the browser keeps its
    // failure for the page's life and answers every later import with it, so no retry from the
    // page can fetch it; a refused screen's own file is asked for again, as the test above shows.)
    await report.mend();
    await tabs.getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => screenError(page).count()).toBe(0);
    await tabs.getByRole('link', { name: 'Report' }).click();
    await screenError(page).getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('report-panel').waitFor();
    expect(await screenError(page).count()).toBe(0);
    expect(await page.getByTestId('commander').textContent()).toContain('Security office');
    expect(errors).toEqual([]);
  });
});

describe('a screen that throws while rendering', () => {
  it('says the screen failed and nothing recorded was lost, in both languages; the rest of the app carries on', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    const errors = uncaught(page);
    await page.goto(baseUrl);
    // A first visit's home screen opens no database (it has nothing to read): the playbook
    // library reads it, so once its list is on screen the app has created its database.
    await tabbar(page).getByRole('link', { name: 'Playbooks' }).click();
    await page.getByTestId('playbook-list').waitFor();
    // An imported playbook whose stored body is damaged: the library lists it from its
    // summary fields, and the reader, which trusts what the import validated (a version 2 body is
    // used as it is), throws on it.
    await page.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('muster');
          req.onerror = () => fail(new Error(String(req.error)));
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('playbooks', 'readwrite');
            tx.objectStore('playbooks').put({
              id: 'damaged-plan',
              language: 'en',
              version: '1.0.0',
              kind: 'fire',
              title: 'Damaged plan',
              source: 'imported',
              body: { schemaVersion: 2, id: 'damaged-plan', title: 'Damaged plan' },
              storedAt: Date.now(),
            });
            tx.oncomplete = () => {
              db.close();
              ok();
            };
            tx.onerror = () => fail(new Error(String(tx.error)));
          };
        }),
    );

    // Dexie caches live queries and does not see a write made beside it: start the app afresh.
    await page.reload();
    await tabbar(page).getByRole('link', { name: 'Playbooks' }).click();
    await page.getByRole('link', { name: /Damaged plan/ }).click();
    await expectError(page, 'render', 'en');
    expect(await screenError(page).getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.screenshot({ path: join(shots, 'error-render-phone-en.png') });

    await page.getByTestId('language-toggle').click();
    await expectError(page, 'render', 'zh-CN');
    await page.screenshot({ path: join(shots, 'error-render-phone-zh.png') });

    // Away and back: the library renders again, and so does a sound playbook.
    await tabbar(page).getByRole('link', { name: '预案' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('应急预案');
    expect(await screenError(page).count()).toBe(0);
    await page.getByRole('link', { name: /Firefighting and Emergency Evacuation Plan/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Firefighting and Emergency Evacuation Plan');
    expect(await screenError(page).count()).toBe(0);

    // Back to the damaged one: the error again, and its Reload button reloads the page.
    await page.goBack();
    await page.goBack();
    await expectError(page, 'render', 'zh-CN');
    await Promise.all([page.waitForEvent('load'), screenError(page).getByRole('button', { name: '重新加载' }).click()]);
    await expectError(page, 'render', 'zh-CN');
    expect(errors).toEqual([]);
  });
});
