import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';
import { ROOT, startServer, type RunningServer } from './server-process';

/** The shared server (no PUBLIC_URL), at http://127.0.0.1:<port>: a secure context for Chromium. */
const baseUrl = inject('baseUrl');
/** The same server through a LAN name over plain HTTP, as a phone on the branch Wi-Fi would open it. */
const lanUrl = (url: string) => `http://muster.lan:${new URL(url).port}`;
const LAN = ['--host-resolver-rules=MAP muster.lan 127.0.0.1'];

const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The parts of the banner that run past the screen's edge or are cut inside their box. */
async function cutOffParts(page: Page): Promise<string[]> {
  return page.getByTestId('insecure-banner').evaluate((banner) => {
    const width = document.documentElement.clientWidth;
    return [banner, ...Array.from(banner.querySelectorAll('*'))]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const clipped = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
        return box.left < -0.5 || box.right > width + 0.5 || clipped;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${el.textContent?.slice(0, 30) ?? ''})`);
  });
}

describe.each([
  ['zh-CN', 'zh', '此地址不安全：Muster 在这里无法离线使用'],
  ['en-GB', 'en', 'This address is not secure: Muster cannot work offline here'],
] as const)('opened through a plain http:// address on the LAN (%s)', (locale, tag, headline) => {
  it('every screen says Muster cannot work offline here and how to fix it, readable on a phone in light, dark and at 200 % text', async () => {
    session = await newSession({ locale, args: LAN });
    const page = await session.context.newPage();
    await page.goto(`${lanUrl(baseUrl)}/`);
    const banner = page.getByTestId('insecure-banner');
    await banner.waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('insecure-banner-title').textContent()).toBe(headline);
    expect((await banner.textContent()) ?? '').toContain('https://');
    // What to do on the server PC is folded away until asked for, so the screen stays in sight.
    const steps = banner.locator('details');
    expect(await steps.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await steps.locator('summary').click();
    expect(await steps.locator('code').textContent()).toMatch(/^npm run admin -- tls init --name </);
    expect(await banner.getByRole('link', { name: /\/ca/ }).getAttribute('href')).toBe('/ca');
    // This server names no https:// address, so there is nowhere better to send the person.
    expect(await page.getByTestId('insecure-banner-link').count()).toBe(0);
    // It cannot be put away.
    expect(await banner.getByRole('button').count()).toBe(0);

    // On every screen, not only the first.
    await page.goto(`${lanUrl(baseUrl)}/routes/fire-evacuation/west-main/floor-7`);
    await page.getByTestId('floor-route').waitFor();
    expect(await page.getByTestId('insecure-banner-title').textContent()).toBe(headline);
    await page.goto(`${lanUrl(baseUrl)}/settings`);
    await banner.waitFor();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, '[data-testid="insecure-banner"]')).toEqual([]);
      expect(await cutOffParts(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `insecure-banner-phone-${scheme}-${tag}.png`) });
    }
    // Unfolded, and at 200 % text (the root size is 18 px in app.css, so 36 px): still nothing cut off.
    await banner.locator('summary').click();
    await page.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await cutOffParts(page)).toEqual([]);
      await banner.screenshot({ path: join(shots, `insecure-banner-phone-${scheme}-200-${tag}.png`) });
    }
  });
});

describe('in a secure context', () => {
  it('at 127.0.0.1 the app shows no banner', async () => {
    session = await newSession({ locale: 'en-GB' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('language-toggle').waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.getByTestId('insecure-banner').count()).toBe(0);
  });
});

describe('when the server knows its https:// address', () => {
  let branchServer: RunningServer | undefined;
  beforeAll(async () => {
    branchServer = await startServer({ env: { PUBLIC_URL: 'https://muster.branch.test:8443' } });
  });
  afterAll(async () => {
    await branchServer?.stop();
  });

  it('the banner links to the same screen at that address', async () => {
    if (!branchServer) throw new Error('the PUBLIC_URL server did not start');
    session = await newSession({ locale: 'en-GB', args: LAN });
    const page = await session.context.newPage();
    await page.goto(`${lanUrl(branchServer.url)}/routes/fire-evacuation/west-main/floor-7`);
    const link = page.getByTestId('insecure-banner-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('Open the secure address: https://muster.branch.test:8443');
    expect(await link.getAttribute('href')).toBe('https://muster.branch.test:8443/routes/fire-evacuation/west-main/floor-7');
  });
});
