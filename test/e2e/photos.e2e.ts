import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/storage/sqlite';
import { cameraJpeg, EXIF_SECRET } from '../fixtures/photo-camera';
import { PHONE, axeViolations, newSession, type Session } from './browser';
import { admin, DIST, enrolmentLink, startServer, type RunningServer } from './server-process';

// A photo taken offline travels like any record: the duty officer's phone (in Chinese) has no
// signal in the basement, photographs the water with the note, and the photo is shrunk, stored
// and shown on the phone at once. Back in signal the note goes out, then the photo; the scribe's
// phone (in English) shows the note at once, says the photo has not come yet while the duty
// phone cannot send it, then shows it, and its report carries it.

const ORG = 'riverside';
const NOTE = '负一层金库门口积水约二十厘米';
/** Sync runs over the real network stack of a slow machine: generous, but bounded. */
const SYNC_WAIT = { timeout: 60_000, interval: 250 };
const UI_WAIT = { timeout: 20_000 };

interface StoredPhoto {
  hash: string;
  type: string;
  bytes: number;
  width: number;
  height: number;
  unsent: number;
  size: number;
  hasExif: boolean;
  hasSecret: boolean;
}

/** The photos the device keeps in IndexedDB, with what their bytes hold. */
function photosOnDevice(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(async (secret) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
    });
    const rows = await new Promise<{ hash: string; type: string; bytes: number; width: number; height: number; unsent: number; blob: Blob }[]>((ok, fail) => {
      const req = db.transaction('photos').objectStore('photos').getAll();
      req.onsuccess = () => ok(req.result as never);
      req.onerror = () => fail(req.error ?? new Error('could not read photos'));
    });
    db.close();
    const out = [];
    for (const r of rows) {
      const text = new TextDecoder('latin1').decode(await r.blob.arrayBuffer());
      out.push({
        hash: r.hash,
        type: r.type,
        bytes: r.bytes,
        width: r.width,
        height: r.height,
        unsent: r.unsent,
        size: r.blob.size,
        hasExif: text.includes('Exif\0'),
        hasSecret: text.includes(secret),
      });
    }
    return out;
  }, EXIF_SECRET);
}

/** The timeline's photo of `hash` as the browser decoded it; 0×0 until it has. */
function shownSize(page: Page, hash: string): Promise<{ width: number; height: number }> {
  return page.evaluate((h) => {
    const img = document.querySelector<HTMLImageElement>(`[data-testid="timeline-photos"] img[data-hash="${h}"]`);
    return img && img.complete ? { width: img.naturalWidth, height: img.naturalHeight } : { width: 0, height: 0 };
  }, hash);
}

async function openTab(page: Page, tab: 'timeline' | 'report'): Promise<void> {
  await page.locator(`nav.tabs a[href*="tab=${tab}"]`).click();
}

describe('a photo taken offline reaches another phone and its report', () => {
  let server: RunningServer;
  let stored: Database.Database | undefined;
  let duty: Session | undefined;
  let scribe: Session | undefined;
  let dutyPage: Page;
  let scribePage: Page;
  let photoHash = '';

  const blobsOnServer = (): { hash: string; bytes: number; stream_id: string }[] => {
    stored ??= new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    return stored.prepare('SELECT hash, bytes, stream_id FROM blobs WHERE org_id = ?').all(ORG) as { hash: string; bytes: number; stream_id: string }[];
  };
  const notesOnServer = (): number => {
    stored ??= new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    return (stored.prepare(`SELECT count(*) AS n FROM events WHERE org_id = ? AND type = 'note.added'`).get(ORG) as { n: number }).n;
  };

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
  });
  afterAll(async () => {
    stored?.close();
    await duty?.close();
    await scribe?.close();
    await server?.stop();
  });

  it('the duty phone photographs the water offline, and the scribe’s phone shows the photo once it is sent', async () => {
    duty = await newSession({ locale: 'zh-CN', viewport: PHONE });
    scribe = await newSession({ locale: 'en-US', viewport: PHONE });
    dutyPage = await duty.context.newPage();
    scribePage = await scribe.context.newPage();
    await dutyPage.goto(enrolmentLink(server, ORG, '值班手机'));
    await expect.poll(() => dutyPage.getByRole('region', { name: '加入组织' }).getByRole('status').textContent(), SYNC_WAIT).toContain('本设备已加入');
    await scribePage.goto(enrolmentLink(server, ORG, 'Scribe’s phone'));
    await expect
      .poll(() => scribePage.getByRole('region', { name: 'Join your organisation' }).getByRole('status').textContent(), SYNC_WAIT)
      .toContain('This device has joined');

    await dutyPage.goto(`${server.url}/incidents/new`);
    await dutyPage.getByTestId('start-kind-flood').click();
    await dutyPage.getByLabel(/标题/).fill('负一层进水');
    await dutyPage.getByTestId('actor-name').fill('王值班');
    await dutyPage.getByTestId('start-incident').click();
    await dutyPage.waitForURL(/\/incidents\/inc-/);
    const incidentUrl = dutyPage.url().split('?')[0] ?? '';
    await scribePage.goto(incidentUrl);
    await expect.poll(() => scribePage.getByTestId('commander').textContent(), SYNC_WAIT).toContain('王值班');
    await openTab(scribePage, 'timeline');

    // A 12-megapixel camera photo, the phone held upright (EXIF orientation 6).
    const camera = await cameraJpeg(dutyPage, { width: 4000, height: 3000, orientation: 6 });
    expect(camera.length).toBeGreaterThan(2_000_000);

    // In the basement: no signal.
    await duty.context.setOffline(true);
    await openTab(dutyPage, 'timeline');
    await dutyPage.getByTestId('note-text').fill(NOTE);
    await dutyPage.getByTestId('note-photo-input').setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: camera });
    // Shrunk on the phone and shown before the note is saved, with a way to take it out again.
    await expect.poll(() => dutyPage.getByTestId('note-photos').locator('img').count(), UI_WAIT).toBe(1);
    await expect.poll(() => dutyPage.getByRole('button', { name: '移除第 1 张照片' }).count(), UI_WAIT).toBe(1);
    expect(await axeViolations(dutyPage, '.photo-picker')).toEqual([]);
    await dutyPage.getByTestId('add-note').click();
    await expect.poll(() => dutyPage.getByTestId('timeline').textContent(), UI_WAIT).toContain(NOTE);

    const [kept] = await photosOnDevice(dutyPage);
    expect(kept).toBeDefined();
    photoHash = kept!.hash;
    // Turned upright, 1600 px on the long side, a few hundred KB, nothing of the camera's EXIF left.
    expect(kept).toMatchObject({ width: 1200, height: 1600, unsent: 1, hasExif: false, hasSecret: false });
    expect(['image/jpeg', 'image/webp']).toContain(kept!.type);
    expect(kept!.size).toBe(kept!.bytes);
    expect(kept!.size).toBeLessThan(camera.length / 3);
    expect(await shownSize(dutyPage, photoHash)).toEqual({ width: 1200, height: 1600 });
    expect(blobsOnServer()).toEqual([]);
    expect(notesOnServer()).toBe(0);

    // Signal again, but the photo cannot get through yet: the note does, and the scribe sees it,
    // with the photo's place saying it has not come, never a blank square.
    await duty.context.route('**/api/v1/blobs/**', (route) => route.abort('connectionreset'));
    await duty.context.setOffline(false);
    await expect.poll(() => notesOnServer(), SYNC_WAIT).toBe(1);
    await expect.poll(() => scribePage.getByTestId('timeline').textContent(), SYNC_WAIT).toContain(NOTE);
    await expect.poll(() => scribePage.getByTestId('photo-missing').textContent(), SYNC_WAIT).toContain('Photo not yet received');
    expect(blobsOnServer()).toEqual([]);
    expect(await axeViolations(scribePage, '[data-testid="timeline-photos"]')).toEqual([]);

    // The way clears: the duty phone sends the photo on its next try, and the scribe's phone shows it.
    await duty.context.unroute('**/api/v1/blobs/**');
    await expect.poll(() => blobsOnServer().map((b) => b.hash), SYNC_WAIT).toEqual([photoHash]);
    expect(blobsOnServer()[0]?.stream_id).toBe(decodeURIComponent(incidentUrl.split('/').pop() ?? ''));
    await expect.poll(() => shownSize(scribePage, photoHash), SYNC_WAIT).toEqual({ width: 1200, height: 1600 });
    expect(await scribePage.getByTestId('photo-missing').count()).toBe(0);
    const [received] = await photosOnDevice(scribePage);
    expect(received).toMatchObject({ hash: photoHash, width: 1200, height: 1600, unsent: 0 });
    await expect.poll(async () => (await photosOnDevice(dutyPage))[0]?.unsent, SYNC_WAIT).toBe(0);

    // A tap opens it full size, described for a screen reader; Esc closes it.
    await scribePage.getByRole('button', { name: 'View photo 1 full size' }).click();
    const viewer = scribePage.getByTestId('photo-viewer');
    await expect.poll(() => viewer.getByRole('img').getAttribute('alt'), UI_WAIT).toBe(`Photo 1 of 1 with the note “${NOTE}”`);
    expect(await axeViolations(scribePage, '[data-testid="photo-viewer"]')).toEqual([]);
    await scribePage.keyboard.press('Escape');
    await expect.poll(() => viewer.count(), UI_WAIT).toBe(0);
  }, 240_000);

  it('the scribe’s HTML report embeds the photo', async () => {
    expect(photoHash).not.toBe('');
    await openTab(scribePage, 'report');
    const panel = scribePage.getByTestId('report-panel');
    const [download] = await Promise.all([scribePage.waitForEvent('download'), panel.getByTestId('report-download-html').click()]);
    const path = await download.path();
    const html = readFileSync(path ?? '', 'utf8');
    expect(html).toMatch(/<img[^>]+src="data:image\/(jpeg|webp);base64,[A-Za-z0-9+/=]{1000,}"/);
    expect(html).toContain(photoHash);
  }, 120_000);
});
