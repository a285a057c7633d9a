import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowersResponse, PushResponse } from '../../src/domain/sync-protocol';
import { createHintBus } from '../../src/server/hints';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// GET /api/v1/stream over real HTTP: hints of one's own organisation only, heartbeats, a
// revoked token losing its stream, and who has seen an incident.

let server: RunningServer;
let admin: SqliteEventStore;
let base: string;
const tokens: Record<'a' | 'b' | 'other' | 'late', string> = { a: '', b: '', other: '', late: '' };
const HEARTBEAT_MS = 100;

beforeAll(async () => {
  const work = makeTempDir('stream');
  const dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, at);
  await admin.createOrg({ id: 'org-other', name: 'Another bank' }, at);
  for (const [key, org] of [
    ['a', 'org-sz'],
    ['b', 'org-sz'],
    ['late', 'org-sz'],
    ['other', 'org-other'],
  ] as const) {
    tokens[key] = newDeviceToken();
    await admin.addDeviceToken({ id: `dt-${key}`, orgId: org, label: `${key} phone`, tokenHash: hashDeviceToken(tokens[key]) }, at);
  }
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist'), heartbeatMs: HEARTBEAT_MS });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

interface Message {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
  retry?: string;
}

/** An open stream, read as it arrives: `next(predicate)` waits for a message that matches. */
async function openStream(token: string | undefined, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/stream`, {
    headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    signal: controller.signal,
  });
  const messages: Message[] = [];
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = (): void => {
    for (const w of waiters) w();
  };
  if (response.ok && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const message: Message = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) message.comment = line.slice(1).trim();
              else {
                const [field, ...rest] = line.split(':');
                const value = rest.join(':').replace(/^ /, '');
                if (field === 'event' || field === 'id' || field === 'data' || field === 'retry') message[field] = value;
              }
            }
            messages.push(message);
            wake();
          }
        }
      } catch {
        // aborted by the test
      }
      ended = true;
      wake();
    })();
  }
  const until = (check: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const test = (): void => {
        if (check()) {
          waiters.delete(test);
          resolve();
        }
      };
      waiters.add(test);
      test();
    });
  return {
    response,
    messages,
    hints: () => messages.filter((m) => m.event === 'hint').map((m) => (JSON.parse(m.data ?? '{}') as { seq: number }).seq),
    next: async (match: (m: Message) => boolean): Promise<Message> => {
      let found: Message | undefined;
      await until(() => (found = messages.find(match)) !== undefined || ended);
      if (!found) throw new Error(`the stream ended without the message; got ${JSON.stringify(messages)}`);
      return found;
    },
    ended: () => until(() => ended),
    close: () => controller.abort(),
  };
}

let serial = 0;
function note(streamId: string): Record<string, unknown> {
  serial += 1;
  return {
    id: `0198b000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId,
    deviceId: 'd-a',
    actor: '王值班',
    hlc: `${String(1784080800000 + serial).padStart(15, '0')}-0000-d-a`,
    type: 'note.added',
    payload: { text: `note ${serial}` },
    v: 1,
  };
}

async function push(token: string, events: unknown[]): Promise<PushResponse> {
  const res = await fetch(`${base}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

const seqOf = (answer: PushResponse): number => {
  const r = answer.results[answer.results.length - 1];
  if (!r || r.status === 'rejected') throw new Error('push refused');
  return r.seq;
};

async function pull(token: string, after: number, following?: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/events?after=${after}${following === undefined ? '' : `&following=${following}`}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { next: number }).next;
}

async function followers(token: string, incident: string): Promise<FollowersResponse> {
  const res = await fetch(`${base}/api/v1/incidents/${incident}/followers`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as FollowersResponse;
}

describe('GET /api/v1/stream', () => {
  it('refuses no token and a revoked one, as the other routes do', async () => {
    const none = await openStream(undefined);
    expect(none.response.status).toBe(401);
    const revokedToken = newDeviceToken();
    await admin.addDeviceToken({ id: 'dt-gone', orgId: 'org-sz', label: 'gone', tokenHash: hashDeviceToken(revokedToken) }, '2026-07-14T02:00:00.000Z');
    await admin.revokeDeviceToken('dt-gone', '2026-07-14T03:00:00.000Z');
    const revoked = await openStream(revokedToken);
    expect(revoked.response.status).toBe(401);
  });

  it('says where the organisation stands on connecting, then hints after each push, never another organisation’s', async () => {
    const b = await openStream(tokens.b);
    const other = await openStream(tokens.other);
    try {
      expect(b.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(b.response.headers.get('x-accel-buffering')).toBe('no');
      await b.next((m) => m.event === 'hint');
      await other.next((m) => m.event === 'hint');
      const start = b.hints().at(-1) ?? -1;
      expect(b.messages.some((m) => m.retry === '3000')).toBe(true);

      const seq = seqOf(await push(tokens.a, [note('inc-1')]));
      expect(seq).toBeGreaterThan(start);
      const hint = await b.next((m) => m.event === 'hint' && m.id === String(seq));
      expect(JSON.parse(hint.data ?? '')).toEqual({ seq });
      // No event content goes through the stream: only the number.
      expect(b.messages.every((m) => !(m.data ?? '').includes('note '))).toBe(true);

      // The other organisation's stream heard its own heartbeat, and no hint of seq.
      await other.next((m) => m.comment?.startsWith('heartbeat') === true);
      expect(other.hints()).not.toContain(seq);
      expect(other.hints().every((s) => s < seq || s === 0)).toBe(true);
    } finally {
      b.close();
      other.close();
    }
  });

  it('sends heartbeats, and on reconnecting with Last-Event-ID starts from where the organisation is', async () => {
    const seq = seqOf(await push(tokens.a, [note('inc-1')]));
    const b = await openStream(tokens.b, { 'Last-Event-ID': String(seq - 1) });
    try {
      const first = await b.next((m) => m.event === 'hint');
      expect(first.id).toBe(String(seq));
      await b.next((m) => m.comment?.startsWith('heartbeat') === true);
    } finally {
      b.close();
    }
  });

  it('closes the stream of a token revoked while it is open', async () => {
    const b = await openStream(tokens.late);
    await b.next((m) => m.event === 'hint');
    await admin.revokeDeviceToken('dt-late', '2026-07-14T04:00:00.000Z');
    await b.ended();
    expect((await openStream(tokens.late)).response.status).toBe(401);
  });
});

describe('who has seen an incident', () => {
  it('tells, per following device, whether it has everything, behind since when, and whether it is live', async () => {
    const incident = 'inc-followed';
    // B opens the incident and pulls to the end.
    const bCursor = await pull(tokens.b, 0, incident);
    // A records two notes in it; B has not pulled them.
    const first = await push(tokens.a, [note(incident)]);
    await push(tokens.a, [note(incident)]);
    await pull(tokens.a, 0, incident);

    const behind = await followers(tokens.a, incident);
    const b = behind.devices.find((d) => d.tokenId === 'dt-b');
    const a = behind.devices.find((d) => d.tokenId === 'dt-a');
    expect(a).toMatchObject({ you: true, hasEverything: true, behindSince: null, label: 'a phone' });
    expect(b).toMatchObject({ you: false, hasEverything: false, live: false, label: 'b phone' });
    expect(b?.behindSince).toBe(first.serverTime);
    expect(behind.devices.map((d) => d.tokenId)).not.toContain('dt-other');

    // B's stream opens (live), then B pulls: it has everything.
    const stream = await openStream(tokens.b);
    try {
      await stream.next((m) => m.event === 'hint');
      await pull(tokens.b, bCursor, incident);
      const caught = await followers(tokens.a, incident);
      expect(caught.devices.find((d) => d.tokenId === 'dt-b')).toMatchObject({ hasEverything: true, behindSince: null, live: true });
    } finally {
      stream.close();
    }

    // A device that closed the incident no longer follows it.
    await pull(tokens.b, 0, '');
    expect((await followers(tokens.a, incident)).devices.map((d) => d.tokenId)).toEqual(['dt-a']);
  });

  it('another organisation sees none of it, and a malformed list is refused', async () => {
    const seen = await followers(tokens.other, 'inc-followed');
    expect(seen).toMatchObject({ latestSeq: null, devices: [] });
    const res = await fetch(`${base}/api/v1/events?after=0&following=${encodeURIComponent('bad id!')}`, { headers: { Authorization: `Bearer ${tokens.a}` } });
    expect(res.status).toBe(400);
  });
});

describe('shutting down with streams open', () => {
  it('ends every stream at once instead of waiting for the drain to cut them', async () => {
    const work = makeTempDir('stream-stop');
    const dataDir = join(work, 'data');
    const store = openSqliteStore(dataDir);
    const token = newDeviceToken();
    await store.createOrg({ id: 'org-x', name: 'X' }, '2026-07-14T02:00:00.000Z');
    await store.addDeviceToken({ id: 'dt-x', orgId: 'org-x', label: 'x', tokenHash: hashDeviceToken(token) }, '2026-07-14T02:00:00.000Z');
    store.close();
    // A drain far longer than any test: if the streams were left to it, close() would hang.
    const own = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist'), drainMs: 600_000 });
    const previous = base;
    base = `http://127.0.0.1:${own.port}`;
    try {
      const streams = await Promise.all([openStream(token), openStream(token)]);
      await Promise.all(streams.map((s) => s.next((m) => m.event === 'hint')));
      expect(own.hints.size()).toBe(2);
      await own.close();
      await Promise.all(streams.map((s) => s.ended()));
    } finally {
      base = previous;
    }
  });
});

describe('the hint bus', () => {
  it('sends the first hint at once, then at most one per interval with the latest seq', () => {
    let clock = 0;
    const timers: { fn: () => void; at: number }[] = [];
    const bus = createHintBus({ coalesceMs: 250, now: () => clock, setTimer: (fn, ms) => timers.push({ fn, at: clock + ms }), clearTimer: () => undefined });
    const heard: number[] = [];
    const elsewhere: number[] = [];
    bus.subscribe('org-1', 'dt-1', { hint: (s) => heard.push(s), end: () => undefined });
    bus.subscribe('org-2', 'dt-2', { hint: (s) => elsewhere.push(s), end: () => undefined });
    bus.publish('org-1', 5);
    expect(heard).toEqual([5]);
    clock = 10;
    bus.publish('org-1', 6);
    bus.publish('org-1', 9);
    bus.publish('org-1', 7);
    expect(heard).toEqual([5]);
    expect(timers).toHaveLength(1);
    clock = timers[0]!.at;
    timers[0]!.fn();
    expect(heard).toEqual([5, 9]);
    expect(elsewhere).toEqual([]);
    expect(bus.isLive('dt-1')).toBe(true);
    expect(bus.size()).toBe(2);
  });

  it('lets a head-office stream watch a branch: the same coalesced hints, without being one of its streams', () => {
    let clock = 0;
    const timers: { fn: () => void; at: number }[] = [];
    const bus = createHintBus({ coalesceMs: 250, now: () => clock, setTimer: (fn, ms) => timers.push({ fn, at: clock + ms }), clearTimer: () => undefined });
    const branchPhone: number[] = [];
    const headOffice: number[] = [];
    let ended = 0;
    bus.subscribe('br-sz', 'dt-sz', { hint: (s) => branchPhone.push(s), end: () => undefined });
    const stopWatching = bus.watch('br-sz', { hint: (s) => headOffice.push(s), end: () => (ended += 1) });
    // Not a device of the branch: not live there, not an open stream.
    expect(bus.size()).toBe(1);
    expect(bus.isLive('dt-ho')).toBe(false);

    bus.publish('br-sz', 3);
    clock = 10;
    bus.publish('br-sz', 4);
    bus.publish('br-sz', 5);
    clock = timers[0]!.at;
    timers[0]!.fn();
    expect(headOffice).toEqual([3, 5]);
    expect(branchPhone).toEqual([3, 5]);

    stopWatching();
    stopWatching();
    clock += 1_000;
    bus.publish('br-sz', 6);
    expect(headOffice).toEqual([3, 5]);
    expect(branchPhone).toEqual([3, 5, 6]);
    expect(bus.size()).toBe(1);

    // A watcher still on the bus at shutdown is ended with the streams.
    bus.watch('br-gz', { hint: () => undefined, end: () => (ended += 1) });
    bus.close();
    expect(ended).toBe(1);
  });
});
