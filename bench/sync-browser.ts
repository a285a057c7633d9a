import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp, ROOT } from '../build/build-app';
import type { MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { uuidv7 } from '../src/domain/ids';
import { EVENTS_PATH, MAX_PUSH_EVENTS, type PushResponse } from '../src/domain/sync-protocol';
import { openSqliteStore } from '../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { newSession } from '../test/e2e/browser';
import { freePort } from '../test/e2e/server-process';
import { median } from './measure';

const EVENTS = 10_000;
const RUNS = Number(process.env.MUSTER_BENCH_SYNC_RUNS ?? 5);

interface SyncBrowserFigures {
  /** First pull request of the round to the cursor past the last of 10,000 events, all in IndexedDB. */
  pullIntoIndexedDb10kMs: number;
  /** 10,000 events in the outbox, a round started, to the round's end (its pull included). */
  pushFromIndexedDb10kMs: number;
  /** The same start to the outbox being empty. */
  pushOutboxEmpty10kMs: number;
  /**
   * The same start to the pushed events packed (src/storage/packs.ts), which the app does after
   * the round, in the background; its long tasks count in `pushLongestTaskMs`.
   */
  pushPacked10kMs: number;
  /** Bytes of pull answers during the push round: the device's own events coming back, if any. */
  pushPulledBackBytes: number;
  /**
   * The longest main-thread task while either ran, and how many passed 50 ms (median over runs).
   * The pull's window opens at its first request: the app's own start-up before it is counted
   * by the first-load figures, not here.
   */
  syncLongestTaskMs: number;
  syncLongTasksOver50ms: number;
  pullLongestTaskMs: number;
  pushLongestTaskMs: number;
}

/**
 * Sync in the system Chromium, on the production build with the real server: a device enrolled
 * through its one-time link pulls 10,000 events another device pushed, into IndexedDB, then
 * pushes 10,000 of its own from its outbox. Each run is a fresh organisation and a fresh
 * browser profile; figures are medians of RUNS. A PerformanceObserver ('longtask') in the page
 * says whether input could have been answered meanwhile. Figures only; never fails on time.
 *
 * MUSTER_BENCH_SYNC_ROOT runs another checkout's server and its already built `dist/` (a
 * before/after comparison on one machine); by default this checkout, freshly built, or its build
 * already in MUSTER_BENCH_SYNC_DIST. MUSTER_BENCH_SYNC_PROFILE=<folder> writes a CPU profile of
 * the page (Chrome DevTools format) for each run's pull and push: where the time goes.
 */
export async function benchSyncBrowser(): Promise<SyncBrowserFigures> {
  const root = process.env.MUSTER_BENCH_SYNC_ROOT ? resolve(process.env.MUSTER_BENCH_SYNC_ROOT) : ROOT;
  const built = process.env.MUSTER_BENCH_SYNC_DIST;
  const dist = root !== ROOT ? join(root, 'dist') : built ? resolve(built) : buildApp({ outDir: '.tmp/bench-sync-browser-dist' });
  const dataDir = mkdtempSync(join(tmpdir(), 'muster-bench-syncb-'));
  const pushers = await provision(dataDir);
  const server = await startServerAt(root, dist, dataDir);
  const runs: { pull: number; push: number; outbox: number; packed: number; bytes: number; pullTask: number; pushTask: number; over50: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const org = `bench-${run}`;
      const latest = await pushAll(server.url, pushers[run] ?? '', makeEvents(`other${run}`, EVENTS, Date.now() - 3_600_000));
      const link = adminAt(root, dataDir, 'device', 'add', org, 'Phone', '--url', server.url, '--no-qr')
        .split('\n')
        .find((line) => line.includes('/enrol#code='))
        ?.trim();
      if (!link) throw new Error('device add printed no enrolment link');
      runs.push(await measureDevice(link, latest, run));
      if (process.env.MUSTER_BENCH_VERBOSE) console.error(JSON.stringify(runs.at(-1)));
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pick = (f: (r: (typeof runs)[number]) => number): number => median(runs.map(f));
  return {
    pullIntoIndexedDb10kMs: pick((r) => r.pull),
    pushFromIndexedDb10kMs: pick((r) => r.push),
    pushOutboxEmpty10kMs: pick((r) => r.outbox),
    pushPacked10kMs: pick((r) => r.packed),
    pushPulledBackBytes: pick((r) => r.bytes),
    syncLongestTaskMs: pick((r) => Math.max(r.pullTask, r.pushTask)),
    syncLongTasksOver50ms: pick((r) => r.over50),
    pullLongestTaskMs: pick((r) => r.pullTask),
    pushLongestTaskMs: pick((r) => r.pushTask),
  };
}

async function measureDevice(
  link: string,
  latestSeq: number,
  run = 0,
): Promise<{ pull: number; push: number; outbox: number; packed: number; bytes: number; pullTask: number; pushTask: number; over50: number }> {
  const session = await newSession({ locale: 'en-US' });
  try {
    const page = await session.context.newPage();
    await page.addInitScript(`
      window.__name = (f) => f;
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      performance.setResourceTimingBufferSize(10000);
    `);
    // The app is installed first (its service worker's precache fetched), as on a phone that opens the link later.
    const origin = new URL(link).origin;
    await page.goto(`${origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const profile = await profiler(page, run);
    await profile.start();
    await page.goto(link);
    // The enrolment's first round pulls the 10,000 events: from its first pull request to the cursor past the last.
    const pulledAt = (await page.evaluate(inPage, { until: 'pulled', expected: latestSeq, count: EVENTS })) as number;
    const pull = await page.evaluate(() => {
      const first = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/events?after='));
      return first?.startTime ?? 0;
    });
    await profile.stop('pull');
    // While the pull ran: the app's own start before it (first-load figures) is not the sync's.
    const pullTasks = await takeLongTasks(page, pull);
    await page.evaluate(inPage, { until: 'idle', expected: 0 });
    await takeLongTasks(page);

    // 10,000 of its own, written as appendEvent would (event and outbox row), then a round.
    const device = (await page.evaluate(inPage, { until: 'deviceId', expected: 0 })) as string;
    const own = makeEvents(device, EVENTS, Date.now() - 600_000, true);
    await page.evaluate(writeOutbox, own);
    await takeLongTasks(page);
    await page.evaluate(() => performance.clearResourceTimings());
    await profile.start();
    const pushed = (await page.evaluate(inPage, { until: 'pushed', expected: 0 })) as { round: number; outbox: number; packed: number; bytes: number };
    await profile.stop('push');
    const pushTasks = await takeLongTasks(page);
    return {
      pull: Math.round(pulledAt - pull),
      push: Math.round(pushed.round),
      outbox: Math.round(pushed.outbox),
      packed: Math.round(pushed.packed),
      bytes: pushed.bytes,
      pullTask: Math.round(Math.max(0, ...pullTasks)),
      pushTask: Math.round(Math.max(0, ...pushTasks)),
      over50: [...pullTasks, ...pushTasks].filter((d) => d > 50).length,
    };
  } finally {
    await session.close();
  }
}

/** Starts and stops the page's CPU profiler when MUSTER_BENCH_SYNC_PROFILE names a folder; does nothing otherwise. */
async function profiler(page: Page, run: number): Promise<{ start: () => Promise<void>; stop: (phase: string) => Promise<void> }> {
  const folder = process.env.MUSTER_BENCH_SYNC_PROFILE;
  if (!folder) return { start: () => Promise.resolve(), stop: () => Promise.resolve() };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  mkdirSync(folder, { recursive: true });
  return {
    start: async () => {
      await cdp.send('Profiler.start');
    },
    stop: async (phase) => {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(folder, `sync-${phase}-${run}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

/** The long tasks seen since the last call (their durations), those that started at or after `from` (page time, ms). */
async function takeLongTasks(page: Page, from = 0): Promise<number[]> {
  return page.evaluate((since) => {
    const w = window as unknown as { __longTasks: [number, number][] };
    const taken = w.__longTasks;
    w.__longTasks = [];
    return taken.filter(([start]) => start >= since).map(([, duration]) => duration);
  }, from);
}

/**
 * Runs in the page: waits on the device database (a raw connection, one small read every 25 ms:
 * more often, its read transactions would queue between the sync's writes and slow them).
 */
async function inPage({ until, expected, count = 0 }: { until: string; expected: number; count?: number }): Promise<unknown> {
  const open = (): Promise<IDBDatabase> =>
    new Promise((ok, fail) => {
      const r = indexedDB.open('muster');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error ?? new Error('open failed'));
    });
  const ask = <T>(db: IDBDatabase, store: string, run: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
    new Promise((ok, fail) => {
      const r = run(db.transaction(store).objectStore(store));
      r.onsuccess = () => ok(r.result as T);
      r.onerror = () => fail(r.error ?? new Error('read failed'));
    });
  const setting = async (db: IDBDatabase, key: string): Promise<unknown> =>
    (await ask<{ value: unknown } | undefined>(db, 'settings', (s) => s.get(key)))?.value;
  const tick = (): Promise<void> => new Promise((ok) => setTimeout(ok, 25));
  const deadline = performance.now() + 120_000;
  // The database appears with the app; the token with the enrolment.
  let db: IDBDatabase | null = null;
  while (db === null || !db.objectStoreNames.contains('settings')) {
    db?.close();
    db = await open();
    if (!db.objectStoreNames.contains('settings')) await tick();
  }
  try {
    const start = performance.now();
    const started = Date.now();
    if (until === 'pushed') window.dispatchEvent(new Event('online'));
    let outboxEmptyAt = 0;
    let roundAt = 0;
    let pulledBytes = 0;
    while (performance.now() < deadline) {
      if (until === 'deviceId') {
        const id = await setting(db, 'deviceId');
        if (typeof id === 'string') return id;
      } else if (until === 'pulled') {
        const cursor = await setting(db, 'sync.cursor');
        if (typeof cursor === 'number' && cursor >= expected) {
          const at = performance.now();
          // Rows, and events packed many to a row (src/storage/packs.ts).
          const rows = await ask<number>(db, 'events', (s) => s.count());
          const packs = db.objectStoreNames.contains('packs') ? await ask<{ ids: string[] }[]>(db, 'packs', (s) => s.getAll()) : [];
          const held = rows + packs.reduce((sum, p) => sum + p.ids.length, 0);
          if (held !== count) throw new Error(`IndexedDB holds ${held} events, expected ${count}`);
          return at;
        }
      } else if (until === 'idle') {
        const done = await setting(db, 'sync.lastSuccessAt');
        if (typeof done === 'number') return 'idle';
      } else {
        if (roundAt === 0) {
          const first = await ask<IDBValidKey | undefined>(db, 'outbox', (s) => s.getKey(IDBKeyRange.lowerBound('')));
          if (first === undefined && outboxEmptyAt === 0) outboxEmptyAt = performance.now() - start;
          const done = await setting(db, 'sync.lastSuccessAt');
          if (outboxEmptyAt > 0 && typeof done === 'number' && done >= started) {
            roundAt = performance.now() - start;
            // Pull answers during the round (not the rounds after it, while the packing runs).
            pulledBytes = performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes('/api/v1/events?after='))
              .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0);
          }
        }
        // Then the pushed events packed after the round (no pending receipt left; src/storage/packs.ts).
        if (roundAt > 0) {
          const pending = db.objectStoreNames.contains('receipts') ? await ask<number>(db, 'receipts', (s) => s.count()) : 0;
          if (pending === 0) return { round: roundAt, outbox: outboxEmptyAt, packed: performance.now() - start, bytes: pulledBytes };
        }
      }
      await tick();
    }
    throw new Error(`timed out waiting for ${until}`);
  } finally {
    db.close();
  }
}

/** Runs in the page: events and their outbox rows in one transaction, as appendEvent writes them. */
async function writeOutbox(events: readonly MusterEvent[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open('muster');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error ?? new Error('open failed'));
  });
  const tx = db.transaction(['events', 'outbox'], 'readwrite');
  const queuedAt = Date.now();
  events.forEach((e, i) => {
    tx.objectStore('events').put(e);
    tx.objectStore('outbox').put({ eventId: e.id, queuedAt: queuedAt + i / events.length, attempts: 0, event: e });
  });
  await new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error ?? new Error('write failed'));
  });
  db.close();
}

/** Notes and step changes of one incident, as a device records them (bench/sync.ts's mix). */
function makeEvents(device: string, n: number, start: number, exactDevice = false): MusterEvent[] {
  const deviceId = exactDevice ? device : `d-${device}`;
  return Array.from({ length: n }, (_, i): MusterEvent => {
    // As the app makes them (storage/events.ts): UUIDv7 from the moment of recording.
    const id = uuidv7(start + i, randomBytes(10));
    const hlc = formatStamp({ wall: start + i, counter: 0, deviceId });
    const common = { id, streamId: 'inc-bench', deviceId, actor: '值班员 Duty officer', hlc, v: 1 };
    return i % 3 === 0
      ? { ...common, type: 'step.done', payload: { stepId: `step-${i % 40}` } }
      : { ...common, type: 'note.added', payload: { text: `B1 水位 ${i % 90} cm，排水泵运行正常。Water level ${i % 90} cm, pumps running.`, tags: ['water'] } };
  });
}

/** An organisation per run and a token for the device that pushes the 10,000 the phone pulls. */
async function provision(dataDir: string): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  const at = new Date().toISOString();
  try {
    const tokens: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      await store.createOrg({ id: `bench-${run}`, name: `Bench ${run}` }, at);
      const token = newDeviceToken();
      await store.addDeviceToken({ id: `dt-other-${run}`, orgId: `bench-${run}`, label: `Other ${run}`, tokenHash: hashDeviceToken(token) }, at);
      tokens.push(token);
    }
    return tokens;
  } finally {
    store.close();
  }
}

/** Pushes as a device does, in batches; answers the highest seq the server gave. */
async function pushAll(base: string, token: string, events: readonly MusterEvent[]): Promise<number> {
  let latest = 0;
  for (let i = 0; i < events.length; i += MAX_PUSH_EVENTS) {
    const res = await fetch(`${base}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + MAX_PUSH_EVENTS) }),
    });
    if (!res.ok) throw new Error(`push failed: HTTP ${res.status} ${await res.text()}`);
    const reply = (await res.json()) as PushResponse;
    for (const r of reply.results) {
      if (r.status === 'rejected') throw new Error('the server rejected a bench event');
      latest = Math.max(latest, r.seq);
    }
  }
  return latest;
}

function adminAt(root: string, dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

async function startServerAt(root: string, dist: string, dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: dist },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}`)), 120_000);
    const check = (d: Buffer): void => {
      out += d.toString();
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  console.log(JSON.stringify(await benchSyncBrowser(), null, 2));
}
