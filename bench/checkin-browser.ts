import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '../build/build-app';
import { writeCheckInVideo, type Segment } from '../test/fixtures/checkin-video';
import { newSession, waitForServiceWorkerControl } from '../test/e2e/browser';
import { startServer } from '../test/e2e/server-process';
import { median } from './measure';

/** The people whose codes the fake camera shows in turn, and the corner brightness that tells the page which code a frame holds. */
const PEOPLE = ['bench-a', 'bench-b', 'bench-c', 'bench-d', 'bench-e'].map((personId, i) => ({ personId, name: `Person ${i + 1}`, marker: 50 + 40 * i }));
const BLANK_MARKER = 0;
const FPS = 15;

/** Puts the branch roster on the device as sync would: its events in IndexedDB, the stream's revision bumped. */
async function seedRoster(page: Page): Promise<void> {
  await page.evaluate(async (people) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('muster');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
    });
    const tx = db.transaction(['events', 'streams'], 'readwrite');
    const wall = String(Date.now() - 60_000).padStart(15, '0');
    people.forEach((p, i) => {
      const counter = (i + 1).toString(16).padStart(4, '0');
      tx.objectStore('events').put({
        id: `bench-roster-${i}`,
        streamId: 'roster',
        deviceId: 'bench',
        actor: 'Bench',
        hlc: `${wall}-${counter}-bench`,
        type: 'roster.personSet',
        payload: { personId: p.personId, name: p.name },
        v: 1,
      });
    });
    tx.objectStore('streams').put({ streamId: 'roster', rev: 1 });
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error ?? new Error('seeding the roster failed'));
    });
    db.close();
  }, PEOPLE);
}

/**
 * Watches the camera's frames (requestVideoFrameCallback) for a change of the corner marker, and
 * the scan result for each person shown safe; both on the page's own clock.
 */
async function watchScan(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: { value: number; t: number }[]; safe_: Record<string, number> };
    w.frames_ = [];
    w.safe_ = {};
    new MutationObserver(() => {
      const result = document.querySelector('[data-testid="scan-result"]');
      const name = document.querySelector('[data-testid="scan-name"]');
      const person = name?.getAttribute('data-person');
      if (result?.getAttribute('data-kind') === 'safe' && person && w.safe_[person] === undefined) w.safe_[person] = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const video = document.querySelector<HTMLVideoElement>('[data-testid="scan-video"]');
    if (!video) throw new Error('no camera view');
    const canvas = document.createElement('canvas');
    canvas.width = 4;
    canvas.height = 4;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let last = -1;
    const onFrame = (now: number) => {
      if (ctx && video.videoWidth > 0) {
        ctx.drawImage(video, 4, 4, 8, 8, 0, 0, 4, 4);
        const value = ctx.getImageData(2, 2, 1, 1).data[0] ?? 0;
        if (Math.abs(value - last) > 15) {
          w.frames_.push({ value, t: now });
          last = value;
        }
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/** The person a corner brightness stands for (the page may read the file's levels as limited-range video), or null for a blank. */
function personOf(value: number): string | null {
  const levels = [{ personId: null as string | null, marker: BLANK_MARKER }, ...PEOPLE];
  const read = (y: number) => Math.max(0, Math.min(255, Math.round((y - 16) * (255 / 219))));
  const candidates = levels.flatMap((l) => [
    { personId: l.personId, at: l.marker },
    { personId: l.personId, at: read(l.marker) },
  ]);
  let best = candidates[0];
  for (const c of candidates) if (best && Math.abs(c.at - value) < Math.abs(best.at - value)) best = c;
  return best?.personId ?? null;
}

async function scanRound(page: Page, baseUrl: string, cpuRate: number): Promise<number[]> {
  await page.goto(`${baseUrl}/incidents/new?playbook=flood-emergency&lang=en`);
  await page.getByTestId('actor-name').fill('Bench');
  await page.getByTestId('start-incident').click();
  await page.waitForURL(/\/incidents\/inc-/);
  await page.goto(`${page.url()}?tab=people`);
  await page.getByTestId('link-roster').click();
  for (const p of PEOPLE) await page.getByTestId(`person-${p.personId}`).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  try {
    await page.getByTestId('scan-start').click();
    await page.getByTestId('scan-video').waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid="scan-video"]')?.videoWidth ?? 0) > 0, undefined, {
      timeout: 60_000,
    });
    await watchScan(page);
    // Every person safe: one loop of the video, two at most (a code cut at the start comes round again).
    await page.waitForFunction((n) => Object.keys((window as unknown as { safe_: object }).safe_).length >= n, PEOPLE.length, {
      timeout: 120_000,
      polling: 200,
    });
    const { frames, safe } = await page.evaluate(() => {
      const w = window as unknown as { frames_: { value: number; t: number }[]; safe_: Record<string, number> };
      return { frames: w.frames_, safe: w.safe_ };
    });
    // A person counts from the first frame of their code that follows a blank, so a code already
    // on screen when the camera opened (its first frames unseen) is not measured.
    const times: number[] = [];
    let previous: string | null | undefined;
    const measured = new Set<string>();
    for (const f of frames) {
      const person = personOf(f.value);
      if (person && previous === null && !measured.has(person)) {
        const shown = safe[person];
        if (shown !== undefined && shown >= f.t) {
          times.push(shown - f.t);
          measured.add(person);
        }
      }
      previous = person;
    }
    await page.getByTestId('scan-stop').click();
    return times;
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/**
 * Scan to check in, in Chromium on the production build, offline: Chromium's fake camera plays
 * a video of five people's check-in codes, each after a blank, and the page marks each safe.
 * The figure is the median, over the people, from the frame that first shows a person's code
 * reaching the page to their name shown marked safe (decode in jsQR's worker, the event written
 * to IndexedDB, the screen updated); also with the CPU slowed 4× (a cheap phone).
 */
export async function benchCheckin(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'muster-bench-checkin-'));
  const outDir = join(dir, 'dist');
  buildApp({ outDir, logLevel: 'error' });
  const video = join(dir, 'codes.y4m');
  const segments: Segment[] = PEOPLE.flatMap((p) => [
    { text: null, frames: 8, marker: BLANK_MARKER },
    { text: `muster:p:${p.personId}`, frames: 22, marker: p.marker },
  ]);
  writeCheckInVideo(video, segments, { fps: FPS });
  const server = await startServer({ staticDir: outDir });
  const session = await newSession({
    locale: 'en-US',
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    await session.context.grantPermissions(['camera'], { origin: server.url });
    const page = await session.context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);
    await seedRoster(page);
    await session.context.setOffline(true);
    const fast = await scanRound(page, server.url, 1);
    const slow = await scanRound(page, server.url, 4);
    return { scanToSafeMs: median(fast), scanToSafeCpu4xMs: median(slow), scanPeopleMeasured: Math.min(fast.length, slow.length) };
  } finally {
    await session.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
