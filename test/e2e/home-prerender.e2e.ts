import { afterEach, describe, expect, inject, it } from 'vitest';
import { PHONE, newSession, type Session } from './browser';

const baseUrl = inject('baseUrl');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A phone whose scripts have not arrived (a weak signal): everything under /assets/ that is JavaScript never comes. */
async function withoutScripts(locale: string) {
  session = await newSession({ locale, viewport: PHONE });
  const page = await session.context.newPage();
  await page.route('**/assets/*.js', (route) => route.abort());
  return page;
}

describe('the home screen is in index.html, before any script has run', () => {
  it('in the phone’s language: start buttons, routes, the shipped playbooks; the incidents say "Loading", never "none"', async () => {
    for (const [locale, routes, playbooks, fire, none] of [
      ['zh-CN', '疏散路线', '应急预案', '灭火和应急疏散预案', '本设备上没有进行中的事件'],
      ['en-US', 'Evacuation routes', 'Playbooks', 'Firefighting and Emergency Evacuation Plan', 'No open incidents'],
    ] as const) {
      const page = await withoutScripts(locale);
      await page.goto(baseUrl);
      // One copy, in the language the app will show.
      expect(await page.locator('[data-snapshot-lang]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale === 'zh-CN' ? 'zh-CN' : 'en');
      const copy = page.locator('[data-snapshot-lang]');
      expect(await copy.locator('a.routes-entry').textContent()).toContain(routes);
      expect(await copy.locator('a[href="/incidents/new?kind=fire"]').count()).toBe(1);
      await page.getByRole('heading', { name: playbooks, exact: true }).waitFor();
      expect(await copy.locator('ul.cards').textContent()).toContain(fire);
      // What this phone holds is not known before the app reads it: no "no open incidents".
      expect(await copy.textContent()).not.toContain(none);
      // Test ids belong to the app's own screen, which renders beside the copy before taking over.
      expect(await copy.locator('[data-testid]').count()).toBe(0);
      await session?.close();
      session = undefined;
    }
  });

  it('is not shown on another page that index.html answers', async () => {
    const page = await withoutScripts('en-US');
    await page.goto(`${baseUrl}/duty-log`);
    expect(await page.locator('[data-snapshot-lang]').count()).toBe(0);
    expect(await page.locator('a.routes-entry').count()).toBe(0);
  });

  it('is taken over by the app, with its inline script allowed by the server’s policy', async () => {
    session = await newSession({ locale: 'en-US', viewport: PHONE });
    const page = await session.context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to execute/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(baseUrl);
    await page.getByTestId('no-incidents').waitFor();
    await expect.poll(() => page.locator('.prerendered, [data-snapshot-lang]').count()).toBe(0);
    expect(await page.getByTestId('routes-entry').count()).toBe(1);
    expect(await page.getByTestId('playbook-list').count()).toBe(1);
    expect(refused).toEqual([]);
  });
});
