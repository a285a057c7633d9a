import { renameSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { writeCheckInVideo, type Segment } from '../fixtures/checkin-video';
import { waitForServiceWorkerControl, type Session } from './browser';
import { enrolmentLink, type RunningServer } from './server-process';

/*
 * Two phones handing an incident over by QR codes with no network (issue 21), shared by the
 * browser test (handover-scan.e2e.ts) and the benchmark (bench/handover-browser.ts): enrolment
 * up to the organisation's certificate, the codes read off the share screen, the video the
 * other phone's fake camera plays, a scan on "Receive a handover", and what a phone holds.
 */

/** The switches that give a phone's browser a camera playing `video` (a y4m file, looped), allowed without a prompt. */
export function fakeCameraArgs(video: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
}

/**
 * The camera's picture: 640 × 640 at 10 frames a second. jsQR is handed at most 640 pixels
 * across (qr-worker.ts), so a larger picture would only be scaled down; a code of version 17-19
 * (85-93 modules) gets 5 pixels a module.
 */
const VIDEO = { width: 640, height: 640, fps: 10 };

/** A camera pointed at nothing yet (white), for a phone started before there is anything to scan. */
export function writeBlankCamera(path: string): void {
  writeCheckInVideo(path, [{ text: null, frames: VIDEO.fps }], VIDEO);
}

/**
 * What the receiving phone's camera sees of the share screen: the codes in order, each for as
 * long as the screen showed it (`paceMs`), twice round. On the first pass every `dropEvery`-th
 * code (spread over the pass) is missed: a blank picture for as long as it was shown, as a hand
 * that moved or a glare would give. The second pass is whole, and Chromium plays the file round
 * and round. Written whole beside `path`, then moved there, so the camera never opens half a
 * file. Returns the numbers (from 0) of the codes missed on the first pass.
 */
export function writeHandoverVideo(path: string, { codes: frames, paceMs }: ShownCodes, dropEvery = 10): number[] {
  // Video frames each code stays in view.
  const hold = Math.max(1, Math.round((paceMs * VIDEO.fps) / 1000));
  const missed = Math.round(frames.length / dropEvery);
  const dropped = Array.from({ length: missed }, (_, k) => Math.floor(((k + 0.5) * frames.length) / missed));
  const skip = new Set(dropped);
  const segments: Segment[] = [
    ...frames.map((text, i) => ({ text: skip.has(i) ? null : text, frames: hold })),
    ...frames.map((text) => ({ text, frames: hold })),
  ];
  writeCheckInVideo(`${path}.part`, segments, VIDEO);
  renameSync(`${path}.part`, path);
  return dropped;
}

/** Index and count of a frame, from its text (`MUSTER-F1.<transfer>.<index>.<count>.<length>.…`). */
export function frameHeader(text: string): { index: number; count: number; length: number } {
  const [, , index, count, length] = text.split('.');
  return { index: Number(index), count: Number(count), length: Number(length) };
}

/**
 * The phone opens the one-time link the administrator sent it and joins the organisation; its
 * first sync brings the organisation's certificate of its handover key, without which it can
 * neither hand over nor receive. Resolves once that is held and the app works offline.
 */
export async function enrolCertified(session: Session, server: RunningServer, orgId: string, label: string, timeoutMs = 60_000): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(enrolmentLink(server, orgId, label));
  await waitForServiceWorkerControl(page, timeoutMs);
  await page.waitForFunction(
    async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('muster');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
      });
      try {
        return await new Promise<boolean>((ok) => {
          const req = db.transaction('settings').objectStore('settings').get('handover.certificate');
          req.onsuccess = () => ok(req.result !== undefined);
          req.onerror = () => ok(false);
        });
      } finally {
        db.close();
      }
    },
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
  return page;
}

/** The codes a share screen plays, and how long it shows each. */
export interface ShownCodes {
  /** Every code, by number. */
  readonly codes: string[];
  /** The median time from one code to the next on screen (ms), as the page's own clock saw it. */
  readonly paceMs: number;
}

/**
 * Every code the share screen plays, by number, and the pace it plays them at: watched on
 * `data-frame` (the code on screen) as the screen plays them round, until one of each has been
 * shown. The pace is measured, not taken from the app's constant, so the video keeps to what the
 * screen did (and the test imports nothing of the screen's module graph).
 */
export async function codesShown(page: Page, timeoutMs = 60_000): Promise<ShownCodes> {
  const qr = page.getByTestId('handover-qr');
  await qr.waitFor({ timeout: timeoutMs });
  const count = Number(await qr.getAttribute('data-frame-count'));
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="handover-qr"]');
    if (!el) throw new Error('no handover codes on screen');
    const seen = { texts: new Set<string>(), changes: [] as number[] };
    (window as unknown as { codesSeen: typeof seen }).codesSeen = seen;
    const note = () => {
      const text = el.getAttribute('data-frame');
      if (text) seen.texts.add(text);
      seen.changes.push(performance.now());
    };
    note();
    new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['data-frame'] });
  });
  // Round once more than needed, so there are as many changes as codes to take the pace from.
  await page.waitForFunction(
    (n) => {
      const seen = (window as unknown as { codesSeen: { texts: Set<string>; changes: number[] } }).codesSeen;
      return seen.texts.size >= n && (n < 2 || seen.changes.length > n);
    },
    count,
    { timeout: timeoutMs, polling: 100 },
  );
  const { texts, changes } = await page.evaluate(() => {
    const seen = (window as unknown as { codesSeen: { texts: Set<string>; changes: number[] } }).codesSeen;
    return { texts: [...seen.texts], changes: seen.changes };
  });
  // The first change is the observer's own reading, not a step of the screen.
  const gaps = changes
    .slice(2)
    .map((t, i) => t - (changes[i + 1] ?? t))
    .sort((a, b) => a - b);
  return { codes: texts.sort((a, b) => frameHeader(a).index - frameHeader(b).index), paceMs: gaps[Math.floor(gaps.length / 2)] ?? 0 };
}

/**
 * The code on the share screen read back as a camera would: its SVG painted to pixels (6 a
 * module) and decoded with jsQR, beside the frame text the screen says it shows at that moment.
 */
export async function readCodeOnScreen(page: Page): Promise<{ shown: string; read: string | null }> {
  const painted = await page.evaluate(async () => {
    const box = document.querySelector('[data-testid="handover-qr"]');
    const svg = box?.querySelector('svg');
    if (!box || !svg) throw new Error('no handover code on screen');
    // Both read in one task, so the screen cannot move on to the next code in between.
    const shown = box.getAttribute('data-frame') ?? '';
    const modules = svg.viewBox.baseVal.width;
    const source = new XMLSerializer().serializeToString(svg);
    const px = modules * 6;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = px;
    canvas.height = px;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, px, px);
    return { shown, px, pixels: Array.from(ctx.getImageData(0, 0, px, px).data) };
  });
  const code = jsQR(Uint8ClampedArray.from(painted.pixels), painted.px, painted.px);
  return { shown: painted.shown, read: code?.data ?? null };
}

/** What "Receive a handover" said once the camera had read every code and the bundle was checked. */
export interface ScanOutcome {
  readonly ok: boolean;
  /** The result's or the refusal's words. */
  readonly says: string;
  /** Events new to this phone (the result's `data-added`); 0 for a refusal. */
  readonly added: number;
  /** From the tap on "Scan" to the result on screen, on the page's own clock (ms). */
  readonly ms: number;
  /** Whether the page had the browser's own BarcodeDetector (else jsQR in a worker). */
  readonly barcodeDetector: boolean;
}

/**
 * Opens "Receive a handover", taps "Scan" and waits for the result or the refusal. The times of
 * the tap and of the answer's appearance are taken in the page (a capture listener and a
 * MutationObserver), so a busy test runner does not stretch them.
 */
export async function receiveByScan(page: Page, base: string, timeoutMs: number): Promise<ScanOutcome> {
  await page.goto(`${base}/handover`);
  const scan = page.getByTestId('handover-scan');
  await scan.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { scanTimes: { tap?: number; answer?: number } };
    const times: { tap?: number; answer?: number } = {};
    w.scanTimes = times;
    document.addEventListener(
      'click',
      (e) => {
        if (times.tap === undefined && (e.target as Element | null)?.closest('[data-testid="handover-scan"]')) times.tap = performance.now();
      },
      true,
    );
    const seen = () => {
      if (times.answer === undefined && document.querySelector('[data-testid="handover-result"], [data-testid="handover-problem"]'))
        times.answer = performance.now();
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true });
  });
  await scan.click();
  const answer = page.getByTestId('handover-result').or(page.getByTestId('handover-problem')).first();
  await answer.waitFor({ timeout: timeoutMs });
  const ok = (await page.getByTestId('handover-result').count()) === 1;
  const says = (await answer.textContent()) ?? '';
  const added = ok ? Number(await page.getByTestId('handover-result').getAttribute('data-added')) : 0;
  const {
    tap,
    answer: at,
    barcodeDetector,
  } = await page.evaluate(() => ({
    ...(window as unknown as { scanTimes: { tap?: number; answer?: number } }).scanTimes,
    barcodeDetector: 'BarcodeDetector' in window,
  }));
  if (tap === undefined || at === undefined) throw new Error('the tap on Scan or the answer was not seen in the page');
  return { ok, says, added, ms: at - tap, barcodeDetector };
}

/** An event's envelope as a phone stores it, without the server's receipt (held by one phone, not yet by the other). */
export interface Envelope {
  readonly id: string;
  readonly streamId: string;
  readonly deviceId: string;
  readonly actor: string;
  readonly hlc: string;
  readonly type: string;
  readonly payload: unknown;
  readonly v: number;
}

/** What a phone's IndexedDB holds of one incident, read directly, not through the app. */
export interface HeldIncident {
  /** The incident's events (rows and packs), by id. */
  readonly events: Record<string, Envelope>;
  /** Records waiting to be sent, and refused by the server, of any stream. */
  readonly waiting: number;
  readonly rejected: number;
  /** Events of the incident this phone noted as received by hand. */
  readonly receivedByHand: string[];
  /** Handovers this phone took in, of any incident. */
  readonly bundles: number;
  /** The photos this phone holds, of any incident, by hash. */
  readonly photos: string[];
}

export async function heldIncident(page: Page, streamId: string): Promise<HeldIncident> {
  return page.evaluate(async (stream) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error ?? new Error(`could not read ${store}`));
      });
    const [rows = [], packs = [], outbox = [], rejected = [], origins = [], bundles = [], photos = []] = await Promise.all(
      ['events', 'packs', 'outbox', 'rejected', 'eventOrigins', 'receivedBundles', 'photos'].map(all),
    );
    db.close();
    const events: Record<string, Envelope> = {};
    for (const e of [...rows, ...(packs as { events: unknown[] }[]).flatMap((p) => p.events)] as (Envelope & { receivedAt?: string; deliveredBy?: string })[]) {
      if (e.streamId !== stream) continue;
      const { receivedAt: _at, deliveredBy: _by, ...envelope } = e;
      events[e.id] = envelope;
    }
    const receivedByHand = (origins as { eventId: string }[]).map((o) => o.eventId).filter((id) => id in events);
    return {
      events,
      waiting: outbox.length,
      rejected: rejected.length,
      receivedByHand: receivedByHand.sort(),
      bundles: bundles.length,
      photos: (photos as { hash: string }[]).map((p) => p.hash).sort(),
    };
  }, streamId);
}
