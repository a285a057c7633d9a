import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../domain/text';
import { openDb, type MusterDb } from '../../storage/db';
import { appendEvent, type WriteEnv } from '../../storage/events';
import { storeSyncToken } from '../../storage/sync-state';
import { createSyncEngine, type LocalSyncEngine } from '../../sync/controller';
import { exchangeEnrolmentCode } from '../../sync/enrol';
import { httpTransport, SyncError } from '../../sync/transport';
import { FollowersList, followerTime } from './Followers';
import { problemOf, watchFollowers, type FollowersSource, type FollowersState } from './followers-watch';

// "Who has received this incident", against the real sync server: the server runs as its own
// process (`src/server/main.ts`, as `npm start` runs it), its organisation and device tokens
// issued by the admin CLI. A feature may not import src/server, so the server is started the
// way an administrator starts it. The commander's tablet is a real sync engine on its own
// IndexedDB; the officer's phone is plain HTTP requests, as in test/server/stream.test.ts.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ORG = 'org-riverside';
const INCIDENT = 'inc-flood-barrier';
const TABLET = 'Commander’s tablet';
// Long, and with no space in its second half: the screen must show all of it.
const PHONE = 'Flood barrier officer’s phone (east gate, level B2)—Zhang-Wei-duty-handset-0042';

const run = promisify(execFile);
let work: string;
let server: ChildProcess;
let base: string;
const tokens = { tablet: '', phone: '' };
const cleanup: (() => Promise<void> | void)[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `npm run admin -- …` against the server's data folder; what it printed. */
async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: join(work, 'data') },
  });
  return stdout;
}

async function issueToken(label: string): Promise<string> {
  const printed = await admin('device', 'add', ORG, label, '--url', base, '--no-qr');
  const code = /#code=(mse_[A-Za-z0-9_-]+)/.exec(printed)?.[1];
  if (!code) throw new Error(`device add printed no enrolment link:\n${printed}`);
  // The phone opens the link: its one-time code buys it a token of its own.
  const exchanged = await exchangeEnrolmentCode({ baseUrl: base, code });
  if (!exchanged.ok) throw new Error(`the enrolment code was refused: ${JSON.stringify(exchanged)}`);
  return exchanged.enrolled.token;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'muster-followers-'));
  mkdirSync(join(work, 'dist'));
  writeFileSync(join(work, 'dist', 'index.html'), '<!doctype html><title>Muster</title>');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(work, 'data'), STATIC_DIR: join(work, 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}`)) resolve();
    });
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  await admin('org', 'create', 'Riverside sub-branch', '--id', ORG);
  tokens.tablet = await issueToken(TABLET);
  tokens.phone = await issueToken(PHONE);
});

afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

/** Timers the test fires by hand: the 10 s refresh happens when the test says. */
class ManualTimers {
  readonly pending = new Set<() => void>();
  set = (fn: () => void): (() => void) => {
    this.pending.add(fn);
    return fn;
  };
  clear = (handle: unknown): void => {
    this.pending.delete(handle as () => void);
  };
  fireAll(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

/** Stands in for `document`: the test hides and shows the page. */
class FakeDocument {
  visibilityState = 'visible';
  private readonly listeners = new Set<() => void>();
  addEventListener(_type: string, listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: string, listener: () => void): void {
    this.listeners.delete(listener);
  }
  show(visible: boolean): void {
    this.visibilityState = visible ? 'visible' : 'hidden';
    for (const l of this.listeners) l();
  }
}

let dbCount = 0;
const env: WriteEnv = { now: () => Date.now(), random: (bytes) => crypto.getRandomValues(bytes) };

/** The commander's tablet: its own database and a real engine, not started (the test says when to sync). */
async function tablet(options: { enrol?: boolean; network?: { up: boolean } } = {}): Promise<{ db: MusterDb; engine: LocalSyncEngine }> {
  const db = openDb(`followers-${++dbCount}`);
  if (options.enrol !== false) await storeSyncToken(db, tokens.tablet);
  const network = options.network ?? { up: true };
  const engine = createSyncEngine({
    db,
    transportFor: (token) =>
      httpTransport({ baseUrl: base, token, fetch: (input, init) => (network.up ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'))) }),
    following: () => Promise.resolve([INCIDENT]),
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  cleanup.push(async () => {
    engine.stop();
    db.close();
    await db.delete();
  });
  return { db, engine };
}

/** The officer's phone pulls everything after `after`, with the incident open on it; its new cursor. */
async function phonePulls(after: number): Promise<number> {
  const res = await fetch(`${base}/api/v1/events?after=${after}&following=${INCIDENT}`, { headers: { Authorization: `Bearer ${tokens.phone}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { next: number }).next;
}

/** The officer's phone opens its hint stream and keeps it open until the returned close. */
async function phoneGoesLive(): Promise<() => void> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/stream`, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${tokens.phone}` },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The first hint says the server holds the stream: from then on the phone counts as live.
  while (!text.includes('event: hint')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended early:\n${text}`);
    text += decoder.decode(value, { stream: true });
  }
  return () => controller.abort();
}

/** Watches the list as the screen does; `next()` resolves with the next state it reports. */
function watch(source: FollowersSource, options: Parameters<typeof watchFollowers>[3] = {}) {
  const states: FollowersState[] = [];
  const waiters: ((s: FollowersState) => void)[] = [];
  let asked = 0;
  const counted: FollowersSource = {
    followers: (id) => {
      asked++;
      return source.followers(id);
    },
    subscribe: source.subscribe,
    getStatus: source.getStatus,
  };
  const stop = watchFollowers(
    INCIDENT,
    counted,
    (s) => {
      states.push(s);
      waiters.shift()?.(s);
    },
    options,
  );
  cleanup.push(stop);
  let read = 0;
  return {
    /** The next state not yet read, waiting for it if need be. */
    next: (): Promise<FollowersState> => {
      const ready = states[read];
      read++;
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiters.push(resolve));
    },
    asked: () => asked,
    stop,
  };
}

const render = (language: Language, state: FollowersState | null, waiting = 0) =>
  renderToStaticMarkup(<FollowersList language={language} state={state} waiting={waiting} />);
/** Local hh:mm of a server time, worked out apart from the screen's date-fns patterns. */
const hhmm = (iso: string | null) => {
  const d = new Date(iso ?? NaN);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const note = (text: string) => ({ streamId: INCIDENT, actor: '李指挥', type: 'note.added' as const, payload: { text } });
/** The text a person reads, without the markup. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('who has received this incident', () => {
  it('tells the commander the officer’s phone is behind since the new order, then that it has everything and is live', async () => {
    const timers = new ManualTimers();
    const { db, engine } = await tablet();
    // The officer's phone has the incident open and has pulled all there is.
    const phoneCursor = await phonePulls(0);
    // The commander declares, then gives a new order; the tablet sends them and follows the incident.
    await appendEvent(
      db,
      {
        streamId: INCIDENT,
        actor: '李指挥',
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: 'Flood drill', place: 'B2' },
      },
      env,
    );
    await appendEvent(db, note('Close the east flood barrier now'), env);
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ enrolled: true, lastError: null });

    const watching = watch(engine, { setTimer: timers.set, clearTimer: timers.clear });
    const behind = await watching.next();
    if (behind.kind !== 'known') throw new Error(`expected an answer, got ${JSON.stringify(behind)}`);
    const phone = behind.answer.devices.find((d) => d.label === PHONE)!;
    const own = behind.answer.devices.find((d) => d.label === TABLET)!;
    expect(phone).toMatchObject({ you: false, hasEverything: false, live: false });
    expect(own).toMatchObject({ you: true, hasEverything: true });

    const en = words(render('en', behind));
    expect(en).toContain('Who has received this incident');
    expect(en).toContain('1 of 2 devices have not received the latest records.');
    // The device that is behind comes first, with a mark beside the words, its whole label shown.
    expect(en).toContain(`${PHONE} ! Behind since ${hhmm(phone.behindSince)} Last seen ${hhmm(phone.lastSeenAt)}`);
    expect(en).toContain(`${TABLET} (this device) ✓ Has everything Last seen ${hhmm(own.lastSeenAt)}`);
    expect(en.indexOf(PHONE)).toBeLessThan(en.indexOf(TABLET));
    expect(en).toMatch(/Checked at \d\d:\d\d:\d\d/);
    expect(render('en', behind)).toMatch(/class="follower behind"/);
    const zh = words(render('zh-CN', behind));
    expect(zh).toContain('谁已收到本事件的记录');
    expect(zh).toContain('1/2 台设备没有收到最新记录。');
    expect(zh).toContain(`${PHONE} ! 自 ${hhmm(phone.behindSince)} 起未收到新记录 最后联系 ${hhmm(phone.lastSeenAt)}`);
    expect(zh).toContain(`${TABLET} （本设备） ✓ 已全部收到`);
    expect(zh).toMatch(/查询时间 \d\d:\d\d:\d\d/);

    // The officer's phone opens its live connection and pulls the order; the next refresh says so.
    const close = await phoneGoesLive();
    cleanup.push(close);
    await phonePulls(phoneCursor);
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    const caughtUp = await watching.next();
    if (caughtUp.kind !== 'known') throw new Error(`expected an answer, got ${JSON.stringify(caughtUp)}`);
    expect(caughtUp.answer.devices.find((d) => d.label === PHONE)).toMatchObject({ hasEverything: true, behindSince: null, live: true });
    const now = words(render('en', caughtUp));
    expect(now).toContain('Every device listed has everything.');
    expect(now).toContain(`${PHONE} ✓ Has everything Live now`);
    expect(now).not.toContain('Behind');
    const zhNow = words(render('zh-CN', caughtUp));
    expect(zhNow).toContain('列出的设备均已全部收到。');
    expect(zhNow).toContain(`${PHONE} ✓ 已全部收到 在线`);
  });

  it('asks again when a sync round finishes, not when its own question is heard, and not while the page is hidden', async () => {
    const timers = new ManualTimers();
    const page = new FakeDocument();
    const { db, engine } = await tablet();
    await engine.syncNow();
    const watching = watch(engine, { setTimer: timers.set, clearTimer: timers.clear, documentTarget: page });
    await watching.next();
    // Asking is heard by the engine (its status changes), which must not ask again: one question, one timer.
    expect(watching.asked()).toBe(1);
    expect(timers.pending.size).toBe(1);

    // A record sent by this tablet changes what the others lack: the round's end asks at once.
    await appendEvent(db, note('Sandbags to the east gate'), env);
    await engine.syncNow();
    await watching.next();
    expect(watching.asked()).toBe(2);

    // Hidden: no refresh is planned. Shown again: it asks at once.
    page.show(false);
    expect(timers.pending.size).toBe(0);
    page.show(true);
    await watching.next();
    expect(watching.asked()).toBe(3);
  });

  it('says plainly when it cannot ask, and shows the last list only with its time', async () => {
    const timers = new ManualTimers();
    const network = { up: true };
    const { engine } = await tablet({ network });
    await phonePulls(0);
    cleanup.push(await phoneGoesLive());
    const watching = watch(engine, { setTimer: timers.set, clearTimer: timers.clear });
    const known = await watching.next();
    if (known.kind !== 'known') throw new Error(`expected an answer, got ${JSON.stringify(known)}`);
    // The officer's phone is live when the list is answered.
    expect(known.answer.devices.find((d) => d.label === PHONE)).toMatchObject({ live: true });

    network.up = false;
    timers.fireAll();
    const offline = await watching.next();
    expect(offline).toMatchObject({ kind: 'failed', problem: 'offline', last: known.answer });
    const en = words(render('en', offline));
    expect(en).toContain('Cannot check who has received it while offline.');
    expect(en).toMatch(/This list is from \d\d:\d\d:\d\d and may have changed since\./);
    expect(en).not.toContain('Checked at');
    // Who was live then is not said to be live now.
    expect(en).not.toContain('Live now');
    expect(words(render('zh-CN', offline))).toContain('离线时无法查询谁已收到。');

    // Offline from the start: no list at all, only the words.
    const never = words(render('en', { kind: 'failed', problem: 'offline', last: null, at: offline.at }));
    expect(never).toContain('Cannot check who has received it while offline.');
    expect(never).not.toContain('This list is from');
  });

  it('tells a device that has not joined an organisation how to, and says while it is asking', async () => {
    const { engine } = await tablet({ enrol: false });
    const watching = watch(engine, { setTimer: () => 0, clearTimer: () => undefined });
    const state = await watching.next();
    expect(state).toMatchObject({ kind: 'failed', problem: 'notEnrolled', last: null });
    expect(words(render('en', state))).toContain('This device has not joined an organisation, so it cannot check who has received it.');
    expect(words(render('zh-CN', state))).toContain('本设备尚未加入组织，无法查询谁已收到。');
    expect(words(render('en', null))).toContain('Asking the server…');
    expect(problemOf(new SyncError('unauthorized', 'revoked', 401))).toBe('revoked');
    expect(words(render('en', { kind: 'failed', problem: 'revoked', last: null, at: 0 }))).toContain('The server no longer accepts this device');
  });

  it('warns that records still waiting on this device reach no one, and that the server has none of a new incident', () => {
    const at = Date.now();
    const empty = { kind: 'known', at, answer: { incidentId: INCIDENT, latestSeq: null, serverTime: new Date(at).toISOString(), devices: [] } } as const;
    const html = words(render('en', empty, 3));
    expect(html).toContain('Some records made on this device have not reached the server yet, so no other device has them.');
    expect(html).toContain('The server has no records of this incident yet');
    expect(html).toContain('No device has this incident open yet.');
  });

  it('gives the date as well when a time is not today', () => {
    const today = new Date(2026, 6, 14, 9, 30).getTime();
    expect(followerTime('en', new Date(2026, 6, 14, 0, 5).toISOString(), today)).toBe('00:05');
    expect(followerTime('en', new Date(2026, 6, 13, 23, 58).toISOString(), today)).toBe('13 Jul, 23:58');
    expect(followerTime('zh-CN', new Date(2026, 6, 13, 23, 58).toISOString(), today)).toBe('7月13日 23:58');
  });
});
