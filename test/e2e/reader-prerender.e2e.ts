import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { PHONE, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A branch's own edition of the shipped fire plan: same id and language, a later version, its own title. */
const work = mkdtempSync(join(tmpdir(), 'muster-reader-prerender-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const OWN_TITLE = '灭火和应急疏散预案（本支行 2026 修订）';
const ownFire = join(work, 'fire.zh-CN.own.json');
writeFileSync(ownFire, JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'scenarios/fire.zh-CN.json'), 'utf8')), version: '9.0.0', title: OWN_TITLE }));

/** A phone whose scripts have not arrived (a weak signal): everything under /assets/ that is JavaScript never comes. */
async function withoutScripts(page: Page): Promise<void> {
  await page.route('**/assets/*.js', (route) => route.abort());
}

describe('a shipped playbook’s reader is in its own page, before any script has run', () => {
  it('in the phone’s language: the plan whole, its evacuation rules and routes, the contents', async () => {
    for (const [locale, path, title, sections, rule, route] of [
      [
        'zh-CN',
        '/playbooks/fire-evacuation/zh-CN',
        '灭火和应急疏散预案',
        ['组织机构', '处置步骤', '疏散', '关于本预案'],
        '切不可使用电梯',
        '从东营业室楼梯向下疏散',
      ],
      [
        'en-US',
        '/playbooks/fire-evacuation/en',
        'Firefighting and Emergency Evacuation Plan',
        ['Command structure', 'Response steps', 'Evacuation', 'About this plan'],
        'elevator',
        'Go down by the east banking hall stairs.',
      ],
    ] as const) {
      session = await newSession({ locale, viewport: PHONE });
      const page = await session.context.newPage();
      await withoutScripts(page);
      await page.goto(`${baseUrl}${path}`);
      // One copy, in the language the app will show, and the page says what it is.
      const copy = page.locator('[data-snapshot-lang]');
      expect(await copy.count()).toBe(1);
      expect(await copy.getAttribute('data-snapshot-lang')).toBe(locale === 'zh-CN' ? 'zh-CN' : 'en');
      expect(await page.title()).toBe(title);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      for (const name of sections) expect(await page.getByRole('heading', { level: 2, name, exact: true }).isVisible()).toBe(true);
      // The rules for everyone and the floors' routes are all there, as the app shows them.
      expect(await copy.locator('#routes').textContent()).toContain(route);
      expect((await copy.locator('#routes').textContent())?.toLowerCase()).toContain(rule);
      // Test ids belong to the app's own screen, which renders beside the copy before taking over.
      expect(await copy.locator('[data-testid]').count()).toBe(0);
      await page.screenshot({ path: join(shots, `reader-prerendered-${locale}.png`) });
      await session.close();
      session = undefined;
    }
  });

  it('is taken over by the app, with its inline script allowed by the server’s policy', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: PHONE });
    const page = await session.context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to execute/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${baseUrl}/playbooks/flood-emergency/zh-CN`);
    await page.getByTestId('playbook-reader').waitFor();
    await expect.poll(() => page.locator('.prerendered, [data-snapshot-lang]').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByTestId('edit-playbook').count()).toBe(1);
    expect(refused).toEqual([]);
  });

  it('never shows the shipped plan where this device runs its own copy of it', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: PHONE });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(ownFire);
    // It replaces the shipped 1.2.0 once the officer confirms.
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('已保存到本设备');

    // The app runs the branch's edition...
    await page.goto(`${baseUrl}/playbooks/fire-evacuation/zh-CN`);
    await expect.poll(() => page.getByTestId('playbook-reader').getByRole('heading', { level: 1 }).textContent()).toBe(OWN_TITLE);
    // ...so before any script, the page shows nothing of the shipped one (it waits for the app).
    await withoutScripts(page);
    await page.reload();
    expect(await page.locator('[data-snapshot-lang]').count()).toBe(0);
    expect(await page.getByText('灭火和应急疏散预案', { exact: true }).count()).toBe(0);
    // The other plans are still shown from HTML.
    await page.goto(`${baseUrl}/playbooks/flood-emergency/zh-CN`);
    expect(await page.locator('[data-snapshot-lang]').count()).toBe(1);
  });

  it('is answered offline by the service worker, the plan in it', async () => {
    session = await newSession({ locale: 'en-US', viewport: PHONE });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/flood-emergency/en`);
    await waitForServiceWorkerControl(page, 90_000);
    await session.context.setOffline(true);
    const answer = await page.goto(`${baseUrl}/playbooks/fire-evacuation/en`);
    expect(answer?.fromServiceWorker()).toBe(true);
    expect(await answer?.text()).toContain('data-snapshot-path="/playbooks/fire-evacuation/en"');
    await page.getByTestId('playbook-reader').waitFor();
    expect(await page.getByTestId('playbook-reader').getByRole('heading', { level: 1 }).textContent()).toBe('Firefighting and Emergency Evacuation Plan');
  });

  it('is kept on other pages by nothing: a deep link past the reader shows no copy', async () => {
    session = await newSession({ locale: 'en-US', viewport: PHONE });
    const page = await session.context.newPage();
    await withoutScripts(page);
    await page.goto(`${baseUrl}/playbooks/fire-evacuation/edit?lang=en`);
    expect(await page.locator('[data-snapshot-lang]').count()).toBe(0);
  });
});
