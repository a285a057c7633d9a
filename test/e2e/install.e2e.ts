import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The colours the app's own style sheet uses, so the manifest cannot drift from them. */
function cssColour(name: string): string {
  const css = readFileSync(join(ROOT, 'src', 'app', 'app.css'), 'utf8');
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m?.[1]) throw new Error(`app.css has no --${name}`);
  return m[1].toLowerCase();
}

describe('installing Muster on a phone', () => {
  it('Chromium finds nothing stopping the install, and the manifest says what the home screen shows', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await waitForServiceWorkerControl(page);

    const cdp = await session.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);

    const { url, errors, data } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(url).toBe(`${baseUrl}/manifest.webmanifest`);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({ name: 'Muster', short_name: 'Muster', start_url: '/', scope: '/', display: 'standalone', lang: 'zh-CN' });
    expect(String(manifest.description)).toContain('防汛与消防应急指挥');
    expect(String(manifest.theme_color).toLowerCase()).toBe(cssColour('accent'));
    expect(String(manifest.background_color).toLowerCase()).toBe(cssColour('bg'));

    // Every icon is a real PNG of the size it claims; 192 and 512 exist, and a maskable one.
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, baseUrl).href);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const sizes = (purpose: string) => manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes(purpose)).map((i) => i.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable')).toContain('512x512');
  });

  it('installing the app asks the browser to keep its data', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    // Count calls to persist(): whether Chromium grants it depends on its own heuristics.
    await page.addInitScript(() => {
      const storage = navigator.storage;
      const original = storage.persist.bind(storage);
      const w = window as unknown as { persistCalls: number };
      w.persistCalls = 0;
      storage.persist = () => {
        w.persistCalls += 1;
        return original();
      };
    });
    await page.goto(baseUrl);
    await waitForServiceWorkerControl(page);
    expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect.poll(() => page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
  });
});
