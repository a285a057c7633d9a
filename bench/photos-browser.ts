import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../build/build-app';
import { cameraJpeg } from '../test/fixtures/photo-camera';
import { newSession } from '../test/e2e/browser';
import { startServer } from '../test/e2e/server-process';
import { median } from './measure';

const RUNS = 5;

/**
 * A 12-megapixel camera photo (4000×3000, noise over a gradient, so it is as large as a real
 * one: a few MB) taken with a note in Chromium, on the production build: the median time from
 * the file input's change to the shrunk photo's thumbnail on screen (decode with EXIF
 * orientation, resize to 1600 px, JPEG and WebP encodes, SHA-256, render), and the bytes of
 * the photo the phone keeps and sends.
 */
export async function benchPhotos(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'muster-bench-build-'));
  buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  const session = await newSession({ locale: 'en-US' });
  try {
    const page = await session.context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${server.url}/incidents/new?playbook=flood-emergency&lang=en`);
    await page.getByTestId('actor-name').fill('Bench');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    await page.locator('nav.tabs a[href*="tab=timeline"]').click();
    const camera = await cameraJpeg(page, { width: 4000, height: 3000, orientation: 1 });

    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => {
        const w = window as unknown as { photoChangedAt: number };
        w.photoChangedAt = 0;
        document.addEventListener(
          'change',
          (e) => {
            if ((e.target as Element).matches('[data-testid="note-photo-input"]')) w.photoChangedAt = performance.now();
          },
          { capture: true, once: true },
        );
      });
      await page.getByTestId('note-photo-input').setInputFiles({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer: camera });
      const shown = await page.waitForFunction(
        () => {
          const img = document.querySelector<HTMLImageElement>('[data-testid="note-photos"] img');
          return img?.complete && img.naturalWidth > 0 ? performance.now() : 0;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      times.push((await shown.jsonValue()) - (await page.evaluate(() => (window as unknown as { photoChangedAt: number }).photoChangedAt)));
      await page.getByTestId('note-text').fill(`Water level, photo ${i}`);
      await page.getByTestId('add-note').click();
      await page.getByTestId('note-photos').waitFor({ state: 'detached' });
    }

    const bytes = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
      });
      const rows = await new Promise<{ bytes: number }[]>((ok) => {
        const r = db.transaction('photos').objectStore('photos').getAll();
        r.onsuccess = () => ok(r.result as { bytes: number }[]);
      });
      db.close();
      return rows.map((r) => r.bytes);
    });
    if (bytes.length !== 1 || bytes[0] === undefined) throw new Error(`expected the one photo on the device, found ${bytes.length}`);
    return { photoPipelineMs12mp: Math.round(median(times)), photoBytes12mp: bytes[0], photoCameraBytes12mp: camera.length };
  } finally {
    await session.close();
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
