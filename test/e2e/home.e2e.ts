import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET, newSession, waitForHomeTakeOver, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the home screen on a phone', () => {
  it('a member of staff with a Chinese phone sees the home screen in Chinese, with the evacuation routes on the first screen', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    const routes = page.getByTestId('routes-entry');
    await expect.poll(() => routes.textContent()).toContain('疏散路线');
    await waitForHomeTakeOver(page); // the app's own lists, not index.html's copy
    await page.getByRole('heading', { name: '进行中的事件' }).waitFor();
    await page.getByRole('heading', { name: '应急预案', exact: true }).waitFor(); // the lists arrive just after the first screen
    expect(await page.getByTestId('no-incidents').textContent()).toBe('本设备上没有进行中的事件。');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The routes entry is on the first screen (under the flood and fire buttons): inside the
    // viewport, above the tab bar at the bottom, with no scrolling, and a big target.
    const box = await routes.boundingBox();
    if (!box) throw new Error('the routes entry is not rendered');
    const tabbarTop = await page.getByRole('navigation', { name: '主导航' }).evaluate((el) => el.getBoundingClientRect().top);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.height).toBeGreaterThanOrEqual(80);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(Math.min(tabbarTop, PHONE.height));
    await page.screenshot({ path: join(shots, 'home-phone-zh.png'), fullPage: true });
  });

  it('switching to English survives a reload', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.getByTestId('routes-entry').textContent()).toContain('Evacuation routes');
    await page.reload();
    await expect.poll(() => page.getByTestId('routes-entry').textContent()).toContain('Evacuation routes');
    await waitForHomeTakeOver(page);
    await page.getByRole('heading', { name: 'Open incidents' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(shots, 'home-phone-en.png'), fullPage: true });
  });

  it('an English browser starts in English; the routes entry opens the route finder', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('routes-entry').textContent()).toContain('Evacuation routes');
    await page.getByTestId('routes-entry').click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/routes`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find your evacuation route');
    expect(await page.getByText('Never use the elevator.').isVisible()).toBe(true);
  });

  it('"Start an incident" asks what is happening first: flood or fire, as two big buttons', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('new-incident').click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'What is happening?' }).count()).toBe(1);
    expect(await page.getByTestId('start-kind-flood').textContent()).toBe('Flood');
    expect(await page.getByTestId('start-kind-fire').textContent()).toBe('Fire');
    // No plan is chosen for someone who has not said what the emergency is.
    expect(await page.getByTestId('start-incident').count()).toBe(0);
    await page.getByTestId('start-kind-fire').click();
    await expect.poll(() => page.getByTestId('start-plan').textContent()).toContain('Firefighting and Emergency Evacuation Plan');
  });

  it('a deep link opens straight to its screen, and an unknown one says so', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/settings`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.goto(`${baseUrl}/no/such/screen`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
  });

  it('the tab bar shows every tab whole on an English phone, down to 360 px wide', async () => {
    for (const width of [PHONE.width, 360]) {
      session = await newSession({ locale: 'en-US', viewport: { width, height: PHONE.height } });
      const page = await session.context.newPage();
      await page.goto(baseUrl);
      await waitForHomeTakeOver(page);
      const tabbar = page.getByRole('navigation', { name: 'Main' });
      expect(await tabbar.evaluate((n) => n.scrollWidth - n.clientWidth)).toBe(0);
      expect(await tabbar.getByRole('link').allTextContents()).toEqual(['Home', 'Playbooks', 'Routes', 'Settings']);
      for (const link of await tabbar.getByRole('link').all()) {
        const fits = await link.evaluate((a) => a.scrollWidth <= a.clientWidth && a.getBoundingClientRect().right <= window.innerWidth);
        expect(fits).toBe(true);
      }
      await session.close();
      session = undefined;
    }
  });

  it('lays out on a tablet without a horizontal scroll', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: TABLET });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('routes-entry').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, 'home-tablet-zh.png'), fullPage: true });
  });
});
