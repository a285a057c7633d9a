import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, newSession, PHONE, waitForServiceWorkerControl, type Session } from './browser';
import { startServer, type RunningServer } from './server-process';

/** The shared server: no PUBLIC_URL, opened at http://127.0.0.1:<port>, as on the server PC itself. */
const baseUrl = inject('baseUrl');

/** The address phones use, as a branch would set it; posters must carry it, not 127.0.0.1. */
const PUBLIC_URL = 'https://muster.branch.test:8443';
/** A second server that knows its public address (PUBLIC_URL), for the posters. */
let branchServer: RunningServer | undefined;
beforeAll(async () => {
  branchServer = await startServer({ env: { PUBLIC_URL } });
});
afterAll(async () => {
  await branchServer?.stop();
});
const branchUrl = () => {
  if (!branchServer) throw new Error('the PUBLIC_URL server did not start');
  return branchServer.url;
};

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** What the seed plan (part 4, 四、2) says for these floors, in both languages. */
const seedRoutes = [
  { building: 'west-main', floor: 'floor-7', zh: '中央楼梯', en: /central staircase/i },
  { building: 'west-main', floor: 'floor-6', zh: '西侧后面消防通道', en: /west.*rear.*fire escape/i },
  { building: 'east-old', floor: 'floor-5', zh: '东消防通道楼梯', en: /east fire escape stairs/i },
  { building: 'east-old', floor: 'floor-4', zh: '中央楼梯', en: /central staircase/i },
  { building: 'west-main', floor: 'floor-2', zh: '东营业室楼梯', en: /east banking.hall stairs/i },
];

async function primaryRoute(page: Page): Promise<string> {
  const card = page.getByTestId('floor-route').locator('.route-card.kind-primary');
  await card.waitFor();
  return (await card.textContent()) ?? '';
}

/** Decodes the QR code drawn in a poster, by rendering its SVG to pixels in the page. */
async function decodePosterQr(page: Page, floorId: string): Promise<string | null> {
  const pixels = await page
    .getByTestId(`poster-${floorId}`)
    .locator('svg.qr')
    .evaluate(async (svg) => {
      const size = 400;
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(img, 0, 0, size, size);
      return Array.from(ctx.getImageData(0, 0, size, size).data);
    });
  if (!pixels) return null;
  return jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data ?? null;
}

describe.each(['zh-CN', 'en'] as const)('evacuation routes on a phone (%s)', (language) => {
  it('each floor link gives the route of the seed plan, offline too, and the app remembers my floor', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    // One visit online; then the service worker serves everything.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, {
      timeout: 30_000,
    });
    await session.context.setOffline(true);
    for (const r of seedRoutes) {
      await page.goto(`${baseUrl}/routes/fire-evacuation/${r.building}/${r.floor}`);
      const text = await primaryRoute(page);
      if (language === 'zh-CN') expect(text).toContain(r.zh);
      else expect(text).toMatch(r.en);
      // Never the elevator, and what to do if you cannot get out, on every floor.
      const all = (await page.getByTestId('floor-route').textContent()) ?? '';
      expect(all).toMatch(language === 'zh-CN' ? /切不可使用电梯/ : /Never use the elevator/);
      expect(all).toMatch(language === 'zh-CN' ? /湿毛巾/ : /wet towel/);
      expect(await page.getByRole('link', { name: /119/ }).first().getAttribute('href')).toBe('tel:119');
    }
    // Route text is big enough to read at arm's length.
    const fontSize = await page
      .locator('.route-instruction')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: join(import.meta.dirname, '../../.tmp/screens', `route-offline-${language}.png`) });

    // Floor 2 (the last route opened) is where this member of staff works: they say so under its
    // route, offline. Only that tap sets "my floor"; the routes looked up above did not.
    await page.getByTestId('set-my-floor').click();
    await page.getByTestId('my-floor-saved').waitFor();

    // The finder offers my floor first.
    await page.goto(`${baseUrl}/routes`);
    await expect.poll(() => page.getByTestId('my-floor').textContent()).toMatch(/2/);
    await page.getByTestId('my-floor').click();
    await expect.poll(() => primaryRoute(page)).toMatch(/东营业室楼梯|banking.hall/i);
  });

  it('the finder leads from site to building to floor', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/routes`);
    await page.getByRole('link', { name: language === 'zh-CN' ? '灭火和应急疏散预案' : 'Firefighting and Emergency Evacuation Plan' }).click();
    await page.getByRole('link', { name: language === 'zh-CN' ? '东旧楼' : 'East old building' }).click();
    await page
      .getByTestId('floor-grid')
      .getByRole('link', { name: language === 'zh-CN' ? '5楼' : 'Floor 5' })
      .click();
    await page.waitForURL(/\/routes\/fire-evacuation\/east-old\/floor-5$/);
    expect(await primaryRoute(page)).toMatch(language === 'zh-CN' ? /东消防通道楼梯/ : /east fire escape stairs/i);
  });

  it('a QR poster per floor decodes to that floor’s link at the address phones use, with the route in both languages', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    // Opened on the server PC (127.0.0.1); the server says phones use PUBLIC_URL.
    await page.goto(`${branchUrl()}/routes/fire-evacuation/west-main/posters`);
    const poster = page.getByTestId('poster-floor-7');
    await poster.waitFor();
    expect(await decodePosterQr(page, 'floor-7')).toBe(`${PUBLIC_URL}/routes/fire-evacuation/west-main/floor-7`);
    // The screen (not the print) says which address the codes carry.
    const carries = page.getByTestId('poster-address');
    expect(await carries.textContent()).toBe(language === 'zh-CN' ? `这些二维码指向：${PUBLIC_URL}` : `These QR codes carry: ${PUBLIC_URL}`);
    expect(await carries.evaluate((el) => el.closest('.no-print') !== null)).toBe(true);
    const text = (await poster.textContent()) ?? '';
    expect(text).toContain('从中央楼梯向下疏散');
    expect(text).toMatch(/central staircase/i);
    // A4 print layout: one poster per page.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBe(12);
  });

  it('opened at this PC’s own address with no public address set, refuses to draw posters, and says why and how to fix it', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/routes/fire-evacuation/west-main/posters`);
    const refusal = page.getByTestId('poster-address-problem');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    const text = (await refusal.textContent()) ?? '';
    // Which address it would carry, why a phone cannot use it, and the fix.
    expect(text).toContain(baseUrl);
    expect(text).toMatch(language === 'zh-CN' ? /回环地址.*只能在这台电脑上打开/ : /loopback address: it only reaches this PC/);
    expect(text).toContain('PUBLIC_URL');
    expect(text).toContain('npm run admin -- tls init --name');
    // No QR code anywhere, no poster, nothing to print.
    expect(await page.locator('main svg').count()).toBe(0);
    expect(await page.locator('.poster').count()).toBe(0);
    expect(await page.getByRole('button', { name: language === 'zh-CN' ? '打印' : 'Print' }).count()).toBe(0);
  });
});

describe('QR posters printed offline', () => {
  it('still carry the address the server gave when the page was last opened online', async () => {
    session = await newSession({ locale: 'en' });
    const page = await session.context.newPage();
    const posters = `${branchUrl()}/routes/fire-evacuation/west-main/posters`;
    await page.goto(posters);
    await page.getByTestId('poster-floor-7').waitFor();
    await waitForServiceWorkerControl(page);
    await session.context.setOffline(true);
    await page.reload();
    await page.getByTestId('poster-floor-7').waitFor();
    expect(await decodePosterQr(page, 'floor-7')).toBe(`${PUBLIC_URL}/routes/fire-evacuation/west-main/floor-7`);
  });
});

describe('before any JavaScript runs', () => {
  it('a floor link shows its route from the pre-rendered page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'muster-nojs-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      const answer = await page.goto(`${baseUrl}/routes/fire-evacuation/west-main/floor-6`);
      // Nothing is fetched ahead of the route's first paint: the page's last script asks for the
      // app's entry (and its preloads) once the page has been painted (src/app/start-app.ts).
      const html = (await answer?.text()) ?? '';
      expect(html).not.toContain('rel="modulepreload"');
      expect(html).not.toContain('<script type="module"');
      expect(html).toMatch(
        /<script>\(function startAppAfterFirstPaint[\s\S]*\("\/assets\/index-[\w-]+\.js", \[[^\]]*"\/assets\/[\w-]+\.js"[^\]]*\]\);<\/script><\/body>/,
      );
      const text = (await page.locator('.prerendered').textContent()) ?? '';
      expect(text).toContain('西侧后面消防通道');
      expect(text).toMatch(/west.*rear.*fire escape/i);
      expect(await page.title()).toContain('6楼');
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
