import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSession } from '../test/e2e/browser';
import { buildApp } from '../build/build-app';
import { startServer } from '../test/e2e/server-process';
import { installProbes, median, settledPage, timeProbes } from './measure';

const EXTRA_EVENTS = 10_000;
const BIG_EVENTS = 100_000;

/** The incident page as it opens, on "now": the first open step's Done button. */
const NOW_DONE = '[data-testid="now-steps"] > li:first-child [data-testid="now-done"]';
/** Its full checklist, one tap away (the taps below are made there): the first step's buttons. */
const CHECKLIST_STEP = '[data-testid="step-step.command.interim"] button';

interface IncidentFigures {
  tapToShownMedianMs: number;
  tapToShownP90Ms: number;
  openIncidentPageMs: number;
  openChecklistMs: number;
}

/**
 * One incident of `count` events in a fresh browser profile: declared through the app, the rest
 * written straight into IndexedDB as a synced device holds them (packs), then opened and tapped (see below).
 */
async function measureIncident(serverUrl: string, count: number): Promise<IncidentFigures> {
  const session = await newSession({ locale: 'en-US' });
  try {
    const page = await session.context.newPage();
    // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one.
    await page.addInitScript('window.__name = (f) => f;');
    await installProbes(page, {
      now: `document.querySelector('${NOW_DONE}') !== null`,
      checklist: `document.querySelector('${CHECKLIST_STEP}') !== null`,
    });
    await page.goto(`${serverUrl}/incidents/new?playbook=flood-emergency&lang=en`);
    await page.getByTestId('actor-name').fill('Bench');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const url = page.url();
    const streamId = decodeURIComponent(url.split('/incidents/')[1] ?? '');
    await page.getByTestId('now-step-step.command.interim').waitFor();

    // `count - 1` earlier events, written straight into IndexedDB as a device holds them once
    // synced (packs of 1,000 with the server's receipt, as a pull writes them: src/storage/packs.ts),
    // then the stream's revision bumped so the open page reloads them.
    await page.evaluate(
      async ({ streamId, count }) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('muster');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
        });
        const all = await new Promise<{ hlc: string }[]>((ok) => {
          const r = db.transaction('events').objectStore('events').getAll();
          r.onsuccess = () => ok(r.result as { hlc: string }[]);
        });
        const declaredWall = Math.min(...all.map((e) => Number(e.hlc.slice(0, 15))));
        const tx = db.transaction(['packs', 'streams'], 'readwrite');
        const packs = tx.objectStore('packs');
        let pack: { streamId: string; ids: string[]; events: unknown[] } = { streamId, ids: [], events: [] };
        const events = {
          put(e: { id: string; [field: string]: unknown }) {
            pack.ids.push(e.id);
            pack.events.push({ ...e, receivedAt: new Date(declaredWall + 60_000).toISOString(), deliveredBy: 'Bench phone' });
            if (pack.ids.length === 1000) {
              packs.put(pack);
              pack = { streamId, ids: [], events: [] };
            }
          },
        };
        for (let i = 0; i < count; i++) {
          // Past the 4 hex digits of one millisecond's counter, the stamp moves on a millisecond (as tick does).
          const wall = String(declaredWall + Math.floor((i + 1) / 0x10000)).padStart(15, '0');
          const counter = ((i + 1) % 0x10000).toString(16).padStart(4, '0');
          const base = { id: `bench-${String(i).padStart(6, '0')}`, streamId, deviceId: 'bench', actor: 'Bench', hlc: `${wall}-${counter}-bench`, v: 1 };
          if (i % 3 === 0) events.put({ ...base, type: 'note.added', payload: { text: `Water level check ${i}`, tags: ['water-level'] } });
          else if (i % 3 === 1) events.put({ ...base, type: 'step.done', payload: { stepId: 'step.respond.monitor' } });
          else events.put({ ...base, type: 'step.reopened', payload: { stepId: 'step.respond.monitor' } });
        }
        if (pack.ids.length > 0) packs.put(pack);
        const streams = tx.objectStore('streams');
        const row = await new Promise<{ rev: number } | undefined>((ok) => {
          const r = streams.get(streamId);
          r.onsuccess = () => ok(r.result as { rev: number } | undefined);
        });
        streams.put({ streamId, rev: (row?.rev ?? 0) + 1 });
        await new Promise((ok) => (tx.oncomplete = ok));
        db.close();
      },
      { streamId, count: count - 1 },
    );

    // The app installed (its service worker's precache fetched and in control), as on a phone
    // that opened it before: the opens below are not timed against that download.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // Opening a page of the incident, five times after two that fill the HTTP cache and the
    // browser's compiled-code cache (Chromium keeps a script's compiled code from its second
    // run on), as on a phone that has opened the app before: navigation start to the frame that
    // paints the probe's element (checked in the page as it changes: bench/measure.ts). Each open
    // starts from a page at rest, as when a person taps a link on the screen they are reading.
    const timeToOpen = async (address: string, probe: 'now' | 'checklist'): Promise<number> => {
      const opens: number[] = [];
      for (let i = 0; i < 7; i++) {
        await settledPage(page);
        const at = await timeProbes(page, [probe], () => page.goto(address));
        if (i > 1) opens.push(at[probe]);
      }
      return median(opens);
    };
    const openIncidentPageMs = await timeToOpen(url, 'now');
    const openChecklistMs = await timeToOpen(`${url}?tab=steps`, 'checklist');
    const events = await page.evaluate(() => document.querySelector('[data-testid="phase"]') !== null);
    if (!events) throw new Error('incident page did not render');

    // Tapping a step: click to the row showing its new status (stored first, then shown).
    const taps = await page.evaluate(async () => {
      const times: number[] = [];
      const row = () => document.querySelector<HTMLElement>('[data-testid="step-step.respond.move-property"]');
      const waitStatus = (status: string) =>
        new Promise<number>((ok) => {
          const check = () => row()?.dataset.status === status;
          if (check()) return ok(performance.now());
          const obs = new MutationObserver(() => {
            if (check()) {
              obs.disconnect();
              ok(performance.now());
            }
          });
          obs.observe(document.body, { subtree: true, attributes: true, childList: true });
        });
      for (let i = 0; i < 30; i++) {
        const open = row()?.dataset.status === 'open';
        const button = Array.from(row()?.querySelectorAll('button') ?? []).find((b) => b.textContent === (open ? 'Done' : 'Reopen'));
        if (!button) throw new Error('no button');
        const start = performance.now();
        button.click();
        const end = await waitStatus(open ? 'done' : 'open');
        times.push(end - start);
        await new Promise((r) => setTimeout(r, 30));
      }
      return times;
    });
    return {
      tapToShownMedianMs: median(taps),
      tapToShownP90Ms: Math.round([...taps].sort((a, b) => a - b)[Math.floor(taps.length * 0.9)]! * 100) / 100,
      openIncidentPageMs,
      openChecklistMs,
    };
  } finally {
    await session.close();
  }
}

/**
 * The incident page in Chromium on the production build, with 10,000 and with 100,000 events
 * already in the incident (each in a fresh browser profile): the median time from tapping a step
 * in the checklist to the change being stored in IndexedDB and shown; the time to open the
 * incident page as it opens ("now": navigation start to the first open step's Done button on
 * screen); and the time to open its full checklist (`?tab=steps`: navigation start to the first
 * step's buttons on screen, as this figure was measured before the incident opened on "now").
 * The 10,000-event figures keep their names; the 100,000-event ones end in `100kMs`.
 */
export async function benchIncidentBrowser(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'muster-bench-build-'));
  buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  try {
    const small = await measureIncident(server.url, EXTRA_EVENTS);
    const big = await measureIncident(server.url, BIG_EVENTS);
    return {
      incidentEventsInBench: EXTRA_EVENTS,
      ...small,
      bigIncidentEventsInBench: BIG_EVENTS,
      tapToShownMedian100kMs: big.tapToShownMedianMs,
      tapToShownP90100kMs: big.tapToShownP90Ms,
      openIncidentPage100kMs: big.openIncidentPageMs,
      openChecklist100kMs: big.openChecklistMs,
    };
  } finally {
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
