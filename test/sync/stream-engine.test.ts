import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIncidentIds } from '../../src/storage/events';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { createSyncEngine, type LocalSyncEngine, type SyncEngineOptions } from '../../src/sync/controller';
import { hintStreamOpener, STREAM_BACKOFF } from '../../src/sync/stream';
import { httpTransport, type FetchLike } from '../../src/sync/transport';
import { FakeTarget, halfway, ManualTimers, removeTempDirs, statusWhere, storedOn, T0, tempDir, TestDevice } from './support';

// Several phones on one live incident, through the real server over real HTTP: what one
// records, the others are told of on the server's hint stream and pull at once. No poll timer
// fires unless the test fires it, and every reconnect waits on a timer the test holds.

const HOUR = 3_600_000;
/**
 * How long the server's close() lets open requests run. A stream its phone gave up (a cut
 * network, a stopped engine) holds the server's close() until this cut; nothing here waits on
 * it for correctness.
 */
const DRAIN_MS = 100;

let dataDir: string;
let staticDir: string;
let admin: SqliteEventStore;
let server: RunningServer;
let port: number;
const tokens = { commander: '', scribe: '' };
const clock = T0;
const cleanup: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  const work = tempDir('stream-engine');
  dataDir = join(work, 'data');
  staticDir = join(work, 'dist');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Muster</title>');
  admin = openSqliteStore(dataDir);
  const at = new Date(T0).toISOString();
  await admin.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
  for (const who of ['commander', 'scribe'] as const) {
    tokens[who] = newDeviceToken();
    await admin.addDeviceToken({ id: `dt-${who}`, orgId: 'org-bank-sz', label: `${who} phone`, tokenHash: hashDeviceToken(tokens[who]) }, at);
  }
  server = await startServer({ port: 0, dataDir, staticDir, drainMs: DRAIN_MS });
  port = server.port;
});

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server.close();
  admin.close();
  removeTempDirs();
});

/** The phone's way out: the test can cut it (every open connection breaks) and bring it back. */
class Network {
  up = true;
  private readonly open = new Set<AbortController>();
  /** What the phone sees at /api/v1/stream; the real server unless a captive portal stands in between. */
  streamAnswer: (() => Response) | null = null;
  readonly fetch: FetchLike = (input, init) => {
    if (!this.up) return Promise.reject(new TypeError('fetch failed'));
    if (this.streamAnswer && input.endsWith('/api/v1/stream')) return Promise.resolve(this.streamAnswer());
    const line = new AbortController();
    this.open.add(line);
    return fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, line.signal]) : line.signal });
  };
  cut(): void {
    this.up = false;
    for (const line of this.open) line.abort(new TypeError('network changed'));
    this.open.clear();
  }
}

interface Phone {
  device: TestDevice;
  engine: LocalSyncEngine;
  /** The engine's timers: polls, back-off and stream reconnects. */
  timers: ManualTimers;
  /** The stream's silence watchdog, never fired here: a silent stream is the unit tests' story. */
  watchdog: ManualTimers;
  win: FakeTarget;
  network: Network;
}

function phone(name: string, token: string, opts: Partial<SyncEngineOptions> & { stream?: boolean } = {}): Promise<Phone> {
  const device = new TestDevice(name, () => clock);
  const timers = new ManualTimers();
  const watchdog = new ManualTimers();
  const win = new FakeTarget();
  const network = new Network();
  const baseUrl = `http://127.0.0.1:${port}`;
  const engine = createSyncEngine({
    db: device.db,
    transportFor: (t) => httpTransport({ baseUrl, token: t, fetch: network.fetch }),
    ...(opts.stream === false ? {} : { openStream: hintStreamOpener({ baseUrl, fetch: network.fetch, setTimer: watchdog.set, clearTimer: watchdog.clear }) }),
    following: () => openIncidentIds(device.db),
    hasOpenIncident: async () => (await openIncidentIds(device.db)).length > 0,
    now: () => clock,
    random: halfway,
    setTimer: timers.set,
    clearTimer: timers.clear,
    windowTarget: win,
    documentTarget: new FakeTarget(),
    // Nothing may arrive by polling unless a test fires a poll itself.
    pollMs: HOUR,
    fastPollMs: HOUR,
    ...opts,
  });
  cleanup.push(async () => {
    engine.stop();
    await engine.whenIdle();
    await device.dispose();
  });
  return device.enrol(token).then(() => ({ device, engine, timers, watchdog, win, network }));
}

const declare = (streamId: string) => ({
  streamId,
  actor: '王值班',
  type: 'incident.declared' as const,
  payload: { playbookId: 'flood-emergency', playbookVersion: '1.0.0', mode: 'drill' as const, title: '地下室进水', place: 'B1' },
});
const note = (streamId: string, text: string) => ({ streamId, actor: '李记录', type: 'note.added' as const, payload: { text } });
const close = (streamId: string) => ({ streamId, actor: '王值班', type: 'closure.approved' as const, payload: { approver: '张行长' } });
const reconnects = (timers: ManualTimers) => timers.delays().filter((ms) => ms <= STREAM_BACKOFF.maxMs);

describe('a live incident on several phones', () => {
  it("puts the commander's record on the scribe's phone as soon as it reaches the server, with no poll", async () => {
    const commander = await phone('commander', tokens.commander, { stream: false });
    const scribe = await phone('scribe', tokens.scribe);
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.live && s.lastSuccessAt !== null);

    const declared = await commander.device.record(declare('inc-flood-b1'));
    await commander.engine.syncNow();
    await storedOn(scribe.device.db, declared);
    await scribe.engine.whenIdle();

    // No timer of the scribe's fired: the only one waiting is its hour-long poll.
    expect(scribe.timers.delays()).toEqual([HOUR]);
    // What the badge reads as "Live".
    expect(scribe.engine.getStatus()).toMatchObject({ stream: 'open', live: true, lastHeardAt: clock, waiting: 0, lastError: null });

    // Both phones now follow the incident, and the server can say who has everything.
    await scribe.engine.syncNow();
    await commander.engine.syncNow();
    const followers = await commander.engine.followers('inc-flood-b1');
    expect(followers.devices.map((d) => ({ label: d.label, you: d.you, hasEverything: d.hasEverything, live: d.live }))).toEqual([
      { label: 'commander phone', you: true, hasEverything: true, live: false },
      { label: 'scribe phone', you: false, hasEverything: true, live: true },
    ]);

    // A second record, and a third, each told and pulled at once.
    for (const text of ['水位 20 cm', '水位 35 cm']) {
      const id = await commander.device.record(note('inc-flood-b1', text));
      await commander.engine.syncNow();
      await storedOn(scribe.device.db, id);
    }
    expect((await scribe.device.eventIds()).length).toBe(3);
  });

  it('comes back by itself after the server restarts, and catches up on what it missed', async () => {
    const commander = await phone('commander', tokens.commander, { stream: false });
    const scribe = await phone('scribe', tokens.scribe);
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.live);

    await server.close();
    await statusWhere(scribe.engine, (s) => s.stream === 'down');
    expect(scribe.engine.getStatus().live).toBe(false);
    // It waits under a second (1 s with jitter below it) before knocking again.
    expect(reconnects(scribe.timers)).toEqual([750]);

    // Recorded while the server was away; sent when it is back.
    const missed = await commander.device.record(declare('inc-flood-b1'));
    server = await startServer({ port, dataDir, staticDir, drainMs: DRAIN_MS });
    await commander.engine.syncNow();

    expect(scribe.timers.fireWhere((ms) => ms <= STREAM_BACKOFF.maxMs)).toBe(1);
    await statusWhere(scribe.engine, (s) => s.live);
    // The hint sent on connecting names the organisation's latest seq: past the cursor, so it pulls.
    await storedOn(scribe.device.db, missed);
    expect(await scribe.device.eventIds()).toEqual(await commander.device.eventIds());
  });

  it('reconnects at once when the network comes back, without waiting for the back-off', async () => {
    const scribe = await phone('scribe', tokens.scribe);
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.live);

    scribe.network.cut(); // the phone walks from the Wi-Fi into the stairwell
    await statusWhere(scribe.engine, (s) => s.stream === 'down');
    scribe.timers.fireWhere((ms) => ms <= STREAM_BACKOFF.maxMs); // knocks once, with no network
    await statusWhere(scribe.engine, (s) => s.stream === 'down' && reconnects(scribe.timers).length === 1);
    expect(reconnects(scribe.timers)).toEqual([1_500]);

    scribe.network.up = true; // mobile data
    scribe.win.dispatch('online');
    await statusWhere(scribe.engine, (s) => s.live);
    expect(reconnects(scribe.timers)).toEqual([]);
  });

  it('polls fast only while an incident is open, when a captive portal blocks the stream, and never calls itself live', async () => {
    const commander = await phone('commander', tokens.commander, { stream: false });
    const scribe = await phone('scribe', tokens.scribe, { pollMs: 60_000, fastPollMs: 5_000 });
    scribe.network.streamAnswer = () => new Response('<title>Sign in to Airport Wi-Fi</title>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.lastSuccessAt !== null && s.stream === 'down' && s.nextAttemptAt !== null);
    expect(scribe.timers.delays().sort((a, b) => a - b)).toEqual([750, 60_000]);
    // What the badge reads as "Last synced 02:00": never "Live".
    expect(scribe.engine.getStatus()).toMatchObject({ live: false, lastSuccessAt: clock, lastError: null, waiting: 0 });

    // An incident is declared on another phone: the next poll finds it, and polls come every 5 s.
    const declared = await commander.device.record(declare('inc-flood-b1'));
    await commander.engine.syncNow();
    scribe.timers.fireWhere((ms) => ms === 60_000);
    await storedOn(scribe.device.db, declared);
    await scribe.engine.whenIdle();
    expect(scribe.timers.delays()).toContain(5_000);
    expect(scribe.timers.delays()).not.toContain(60_000);

    // The incident is closed: back to one poll a minute.
    const closed = await commander.device.record(close('inc-flood-b1'));
    await commander.engine.syncNow();
    scribe.timers.fireWhere((ms) => ms === 5_000);
    await storedOn(scribe.device.db, closed);
    await scribe.engine.whenIdle();
    expect(scribe.timers.delays()).toContain(60_000);
    expect(scribe.timers.delays()).not.toContain(5_000);
    expect(scribe.engine.getStatus()).toMatchObject({ live: false, stream: 'down', lastError: null });
  });

  it('while the stream is up, looks on its own only every five minutes, in case a hint was lost', async () => {
    const scribe = await phone('scribe', tokens.scribe, { pollMs: 60_000, fastPollMs: 5_000 });
    await scribe.device.record(declare('inc-flood-b1')); // an incident is open here, and still no fast poll
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.live);
    await scribe.engine.syncNow();
    expect(scribe.timers.delays()).toEqual([5 * 60_000]);
  });

  it('stops the stream when the token is refused on it, as a refused pull does', async () => {
    const scribe = await phone('scribe', tokens.scribe);
    scribe.engine.start();
    await statusWhere(scribe.engine, (s) => s.live);

    await admin.revokeDeviceToken('dt-scribe', new Date(T0).toISOString());
    scribe.network.cut();
    await statusWhere(scribe.engine, (s) => s.stream === 'down');
    scribe.network.up = true;
    scribe.timers.fireWhere((ms) => ms <= STREAM_BACKOFF.maxMs);
    await statusWhere(scribe.engine, (s) => s.lastError?.kind === 'unauthorized');
    expect(scribe.engine.getStatus()).toMatchObject({ stream: 'down', live: false, nextAttemptAt: null });
    expect(scribe.timers.pending.size).toBe(0);
  });
});
