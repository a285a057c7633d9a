import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createParser } from 'eventsource-parser';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BRANCH_HINT_EVENT,
  BRANCH_SILENT_AFTER_MS,
  branchEventsPath,
  BRANCHES_PATH,
  type BranchesResponse,
  type HeadOfficeRefusal,
} from '../../src/domain/head-office-protocol';
import type { FollowersResponse, PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { createApp } from '../../src/server/app';
import { createContactLog } from '../../src/server/contacts';
import { createHintBus } from '../../src/server/hints';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Head office (总行) reads every branch below it, live and read only, over real HTTP with a real
// SQLite file. The tree: Head office → South region → Shenzhen and Guangzhou; Another bank
// stands apart. The server's clock is the test's.

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString();

type Device = 'ho' | 'hqMember' | 'sz' | 'gz' | 'other';
const ORG_OF: Record<Device, string> = { ho: 'hq', hqMember: 'hq', sz: 'br-sz', gz: 'br-gz', other: 'other' };

interface Muster {
  store: SqliteEventStore;
  tokens: Record<Device, string>;
  clock: { now: number };
  call<T = unknown>(token: string, path: string, init?: { method?: string; body?: string }): Promise<{ status: number; text: string; body: T }>;
  push(device: string, token: string, count?: number): Promise<number>;
  openStream(token: string): Promise<Stream>;
  stop(): Promise<void>;
}

const running: Muster[] = [];
afterEach(async () => {
  for (const m of running.splice(0)) await m.stop();
  removeTempDirs();
});

async function startMuster(): Promise<Muster> {
  const work = makeTempDir('head-office');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const store = openSqliteStore(join(work, 'data'));
  await store.createOrg({ id: 'hq', name: 'Head office' }, iso(T0));
  await store.createOrg({ id: 'rg-south', name: 'South region', parentId: 'hq' }, iso(T0));
  await store.createOrg({ id: 'br-sz', name: 'Shenzhen', parentId: 'rg-south' }, iso(T0));
  await store.createOrg({ id: 'br-gz', name: 'Guangzhou', parentId: 'rg-south' }, iso(T0));
  await store.createOrg({ id: 'other', name: 'Another bank' }, iso(T0));
  const tokens = {} as Record<Device, string>;
  for (const device of Object.keys(ORG_OF) as Device[]) {
    tokens[device] = newDeviceToken();
    await store.addDeviceToken(
      {
        id: `dt-${device}`,
        orgId: ORG_OF[device],
        label: `${device} phone`,
        tokenHash: hashDeviceToken(tokens[device]),
        role: device === 'ho' ? 'head-office' : 'member',
      },
      iso(T0),
    );
  }
  const clock = { now: T0 };
  const hints = createHintBus();
  // Held in memory until a read needs them (the followers and branches answers flush first).
  const contacts = createContactLog(store, { setTimer: () => undefined });
  const app = createApp({
    storage: store,
    version: 'test',
    staticDir: join(work, 'dist'),
    now: () => clock.now,
    hints,
    contacts,
    // Short, so a test waits for the next heartbeat rather than for a timeout.
    heartbeatMs: 40,
    rateLimit: { burst: 1e9, perSecond: 1e9 },
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const streams: Stream[] = [];

  let serial = 0;
  const muster: Muster = {
    store,
    tokens,
    clock,
    async call<T>(token: string, path: string, init: { method?: string; body?: string } = {}) {
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: init.body,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: res.status, text, body: body as T };
    },
    /** Records `count` notes from the device; answers the last seq. */
    async push(device, token, count = 1) {
      const events = Array.from({ length: count }, () => {
        serial += 1;
        return {
          id: `0198c000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
          streamId: 'inc-flood-b1',
          deviceId: `d-${device}`,
          actor: '王值班',
          hlc: `${String(clock.now - 60_000 + serial).padStart(15, '0')}-0000-d-${device}`,
          type: 'note.added',
          payload: { text: `water in the basement, note ${serial}` },
          v: 1,
        };
      });
      const res = await muster.call<PushResponse>(token, '/api/v1/events', { body: JSON.stringify({ events }) });
      expect(res.status).toBe(200);
      const last = res.body.results.at(-1);
      if (!last || last.status !== 'accepted') throw new Error(`push not accepted: ${res.text}`);
      return last.seq;
    },
    async openStream(token) {
      const stream = await openStream(`${base}/api/v1/stream`, token);
      streams.push(stream);
      return stream;
    },
    async stop() {
      for (const s of streams) s.close();
      hints.close();
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      store.close();
    },
  };
  running.push(muster);
  return muster;
}

interface Message {
  event: string | undefined;
  id: string | undefined;
  data: string;
}

interface Stream {
  readonly status: number;
  /** Everything heard so far, in order: events and `: heartbeat …` comments. */
  readonly heard: (Message | { comment: string })[];
  /** Waits until what was heard satisfies `check`; fails if the stream ends first. */
  until(check: () => boolean): Promise<void>;
  close(): void;
}

/** A stream read as it arrives, parsed by eventsource-parser, as the app's sync engine does. */
async function openStream(url: string, token: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: controller.signal });
  const heard: (Message | { comment: string })[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const wake = (): void => [...waiters].forEach((w) => w());
  const parser = createParser({
    onEvent: (e) => {
      heard.push({ event: e.event, id: e.id, data: e.data });
      wake();
    },
    onComment: (comment) => {
      heard.push({ comment: comment.trim() });
      wake();
    },
  });
  void (async () => {
    try {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) parser.feed(read.value);
    } catch {
      // aborted by the test
    }
    ended = true;
    wake();
  })();
  return {
    status: response.status,
    heard,
    until: (check) =>
      new Promise((resolve, reject) => {
        const test = (): void => {
          if (check()) {
            waiters.delete(test);
            resolve();
          } else if (ended) {
            waiters.delete(test);
            reject(new Error(`the stream ended first; heard ${JSON.stringify(heard)}`));
          }
        };
        waiters.add(test);
        test();
      }),
    close: () => controller.abort(),
  };
}

/** The `branch` hints a stream has heard, in order. */
function branchHints(stream: Stream): { orgId: string; seq: number }[] {
  return stream.heard
    .filter((m): m is Message => 'event' in m && m.event === BRANCH_HINT_EVENT)
    .map((m) => JSON.parse(m.data) as { orgId: string; seq: number });
}

function heartbeats(stream: Stream): string[] {
  return stream.heard.flatMap((m) => ('comment' in m && m.comment.startsWith('heartbeat') ? [m.comment] : []));
}

describe('GET /api/v1/branches', () => {
  it('shows head office every organisation below it, with how far each has got and whether it is in touch', async () => {
    const m = await startMuster();
    // Guangzhou's duty phone pulled at 01:57 and has been silent since.
    m.clock.now = T0 - 3 * 60_000;
    expect((await m.call(m.tokens.gz, '/api/v1/events?after=0')).status).toBe(200);
    // Shenzhen records three notes at 02:00 and pulls.
    m.clock.now = T0;
    const szSeq = await m.push('sz', m.tokens.sz, 3);
    expect((await m.call(m.tokens.sz, '/api/v1/events?after=0')).status).toBe(200);
    // Another bank is busy too, but it is not below head office.
    await m.push('other', m.tokens.other, 2);

    m.clock.now = T0 + 60_000;
    const res = await m.call<BranchesResponse>(m.tokens.ho, BRANCHES_PATH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      org: { id: 'hq', name: 'Head office' },
      branches: [
        { id: 'br-gz', name: 'Guangzhou', parentId: 'rg-south', latestSeq: 0, lastEventAt: null, lastContactAt: iso(T0 - 3 * 60_000), live: false },
        { id: 'br-sz', name: 'Shenzhen', parentId: 'rg-south', latestSeq: szSeq, lastEventAt: iso(T0), lastContactAt: iso(T0), live: true },
        { id: 'rg-south', name: 'South region', parentId: 'hq', latestSeq: 0, lastEventAt: null, lastContactAt: null, live: false },
      ],
      serverTime: iso(T0 + 60_000),
      epoch: await m.store.databaseEpoch(),
    } satisfies BranchesResponse);

    // Shenzhen turns silent once its last contact is more than BRANCH_SILENT_AFTER_MS old.
    m.clock.now = T0 + BRANCH_SILENT_AFTER_MS;
    expect((await m.call<BranchesResponse>(m.tokens.ho, BRANCHES_PATH)).body.branches.find((b) => b.id === 'br-sz')?.live).toBe(true);
    m.clock.now = T0 + BRANCH_SILENT_AFTER_MS + 1;
    expect((await m.call<BranchesResponse>(m.tokens.ho, BRANCHES_PATH)).body.branches.find((b) => b.id === 'br-sz')?.live).toBe(false);

    // The region's own head office sees only its two branches.
    const regionDesk = newDeviceToken();
    await m.store.addDeviceToken(
      { id: 'dt-region', orgId: 'rg-south', label: 'Region desk', tokenHash: hashDeviceToken(regionDesk), role: 'head-office' },
      iso(T0),
    );
    const region = await m.call<BranchesResponse>(regionDesk, BRANCHES_PATH);
    expect(region.body.org).toEqual({ id: 'rg-south', name: 'South region' });
    expect(region.body.branches.map((b) => b.id)).toEqual(['br-gz', 'br-sz']);
  });

  it('hands head office a branch’s events page by page, exactly as the branch’s own device pulls them', async () => {
    const m = await startMuster();
    await m.push('sz', m.tokens.sz, 5);
    const pages: { ho: string; sz: string }[] = [];
    let after = 0;
    for (let more = true; more;) {
      const query = `?after=${after}&limit=2`;
      const ho = await m.call<PullResponse>(m.tokens.ho, `${branchEventsPath('br-sz')}${query}`);
      const sz = await m.call<PullResponse>(m.tokens.sz, `/api/v1/events${query}`);
      expect([ho.status, sz.status]).toEqual([200, 200]);
      pages.push({ ho: ho.text, sz: sz.text });
      more = ho.body.more;
      after = ho.body.next;
    }
    expect(pages.map((p) => (JSON.parse(p.ho) as PullResponse).events.length)).toEqual([2, 2, 1]);
    for (const page of pages) expect(page.ho).toBe(page.sz);
    // The default limit, and a pull from the end, as the device's.
    expect((await m.call(m.tokens.ho, branchEventsPath('br-sz'))).text).toBe((await m.call(m.tokens.sz, '/api/v1/events')).text);
    expect((await m.call(m.tokens.ho, `${branchEventsPath('br-sz')}?after=${after}`)).text).toBe(
      (await m.call(m.tokens.sz, `/api/v1/events?after=${after}`)).text,
    );

    // A malformed cursor or limit gets the device pull's own answer.
    for (const query of ['?after=-1', '?after=x', '?limit=0', '?limit=100000', '?limit=2.5']) {
      const ho = await m.call(m.tokens.ho, `${branchEventsPath('br-sz')}${query}`);
      const sz = await m.call(m.tokens.sz, `/api/v1/events${query}`);
      expect([sz.status, ho.status]).toEqual([400, 400]);
      expect(ho.text).toBe(sz.text);
    }
  });

  it('refuses an organisation that is not below head office, and every other role', async () => {
    const m = await startMuster();
    for (const orgId of ['other', 'hq', 'no-such-org', 'br-sz/../other']) {
      const res = await m.call<HeadOfficeRefusal>(m.tokens.ho, `${branchEventsPath(orgId)}?after=0`);
      expect(res.status, orgId).toBe(404);
      expect(res.body.code).toBe('not-a-branch');
      expect(res.body.error).toContain('GET /api/v1/branches lists the ones this device may read');
    }
    // A member of head office and a branch's own phone read no branches, not even their own.
    for (const device of ['hqMember', 'sz'] as const) {
      for (const path of [BRANCHES_PATH, `${branchEventsPath('br-sz')}?after=0`]) {
        const res = await m.call<HeadOfficeRefusal>(m.tokens[device], path);
        expect(res.status, `${device} ${path}`).toBe(403);
        expect(res.body.code).toBe('not-head-office');
        expect(res.body.error).toMatch(/is a member's, not head office's.*--role head-office/);
      }
    }
  });
});

describe('a head-office device reads and never writes', () => {
  it('may not push, countersign or publish, says so before reading the body, and says what it is', async () => {
    const m = await startMuster();
    for (const [path, body] of [
      ['/api/v1/events', JSON.stringify({ events: [] })],
      // Not even parsed: the role is refused first.
      ['/api/v1/events', '{"events": [oops'],
      ['/api/v1/countersign', JSON.stringify({ headerHash: 'a'.repeat(64) })],
    ] as const) {
      const res = await m.call<HeadOfficeRefusal>(m.tokens.ho, path, { body });
      expect(res.status, `${path} ${body}`).toBe(403);
      expect(res.body.code).toBe('read-only');
      expect(res.body.error).toContain(`its token dt-ho ("ho phone") is head office's`);
      expect(res.body.error).toContain('npm run admin -- device role dt-ho member');
    }
    expect(await m.store.latestSeq('hq')).toBe(0);
    expect(m.store.db.prepare('SELECT count(*) AS n FROM org_signing_keys').get()).toEqual({ n: 0 });
    // A member of the same organisation still countersigns.
    expect((await m.call(m.tokens.hqMember, '/api/v1/countersign', { body: JSON.stringify({ headerHash: 'a'.repeat(64) }) })).status).toBe(200);

    const publish = await m.call<{ code: string }>(m.tokens.ho, '/api/v1/playbooks', { body: '{}' });
    expect(publish.status).toBe(403);
    expect(publish.body.code).toBe('not-editor');

    const me = await m.call<{ device: { role: string } }>(m.tokens.ho, '/api/v1/whoami');
    expect(me.body.device).toEqual({ tokenId: 'dt-ho', label: 'ho phone', role: 'head-office' });
  });

  it('leaves no trace on the branch it reads: its followers, contacts and cursors stay as they were', async () => {
    const m = await startMuster();
    await m.push('sz', m.tokens.sz, 3);
    // Shenzhen's phone follows the incident and has pulled it at 02:00.
    expect((await m.call(m.tokens.sz, '/api/v1/events?after=0&following=inc-flood-b1')).status).toBe(200);
    await m.push('sz', m.tokens.sz, 2);
    const followersBefore = await m.call<FollowersResponse>(m.tokens.sz, '/api/v1/incidents/inc-flood-b1/followers');
    const tokenRows = (): unknown => m.store.db.prepare('SELECT id, seen_seq, seen_at, following FROM device_tokens ORDER BY id').all();
    const rowsBefore = tokenRows();

    // Half an hour later head office reads the whole branch.
    m.clock.now = T0 + 30 * 60_000;
    let after = 0;
    for (let more = true; more;) {
      const page = await m.call<PullResponse>(m.tokens.ho, `${branchEventsPath('br-sz')}?after=${after}&limit=2&following=inc-flood-b1`);
      expect(page.status).toBe(200);
      ({ more, next: after } = page.body);
    }
    expect(after).toBe(await m.store.latestSeq('br-sz'));

    const followersAfter = await m.call<FollowersResponse>(m.tokens.sz, '/api/v1/incidents/inc-flood-b1/followers');
    expect(followersAfter.body.devices).toEqual(followersBefore.body.devices);
    expect(followersAfter.body.devices.map((d) => d.tokenId)).toEqual(['dt-sz']);
    expect(tokenRows()).toEqual(rowsBefore);
    const sz = (await m.call<BranchesResponse>(m.tokens.ho, BRANCHES_PATH)).body.branches.find((b) => b.id === 'br-sz');
    expect(sz).toMatchObject({ lastContactAt: iso(T0), live: false });
  });
});

describe('the head-office stream', () => {
  it('says where each branch stands on connecting, then hears each branch push, never an outsider’s', async () => {
    const m = await startMuster();
    const szBefore = await m.push('sz', m.tokens.sz, 2);
    const ho = await m.openStream(m.tokens.ho);
    expect(ho.status).toBe(200);
    await ho.until(() => branchHints(ho).length === 3);
    expect(branchHints(ho)).toEqual(
      expect.arrayContaining([
        { orgId: 'br-sz', seq: szBefore },
        { orgId: 'br-gz', seq: 0 },
        { orgId: 'rg-south', seq: 0 },
      ]),
    );
    // Its own organisation's hint comes as for any device; a branch hint carries no id, so
    // the browser's Last-Event-ID stays its own organisation's seq.
    expect(ho.heard.some((msg) => 'event' in msg && msg.event === 'hint')).toBe(true);
    expect(ho.heard.every((msg) => !('event' in msg) || msg.event !== BRANCH_HINT_EVENT || msg.id === undefined || msg.id === '')).toBe(true);

    const branchPhone = await m.openStream(m.tokens.gz);
    await branchPhone.until(() => branchPhone.heard.some((msg) => 'event' in msg && msg.event === 'hint'));

    // Another bank's push is published first; had head office heard it, it would be in line before Guangzhou's.
    await m.push('other', m.tokens.other);
    const gzSeq = await m.push('gz', m.tokens.gz);
    await ho.until(() => branchHints(ho).some((h) => h.orgId === 'br-gz' && h.seq === gzSeq));
    expect(branchHints(ho).map((h) => h.orgId)).not.toContain('other');
    // Nothing about the branch's own phone changed: it hears its hint, and no branch hints.
    await branchPhone.until(() => branchPhone.heard.some((msg) => 'event' in msg && msg.event === 'hint' && msg.id === String(gzSeq)));
    expect(branchHints(branchPhone)).toEqual([]);
  });

  it('hears a branch put below head office while the stream is open from the next heartbeat, and stops hearing one moved away', async () => {
    const m = await startMuster();
    const ho = await m.openStream(m.tokens.ho);
    await ho.until(() => branchHints(ho).length === 3);

    // Dongguan opens under the region; its phone is enrolled while head office watches.
    await m.store.createOrg({ id: 'br-dg', name: 'Dongguan', parentId: 'rg-south' }, iso(T0));
    const dg = newDeviceToken();
    await m.store.addDeviceToken({ id: 'dt-dg', orgId: 'br-dg', label: 'dg phone', tokenHash: hashDeviceToken(dg) }, iso(T0));
    await ho.until(() => branchHints(ho).some((h) => h.orgId === 'br-dg' && h.seq === 0));
    const dgSeq = await m.push('dg', dg);
    await ho.until(() => branchHints(ho).some((h) => h.orgId === 'br-dg' && h.seq === dgSeq));

    // Guangzhou is handed to another bank: head office stops hearing it, and still hears Shenzhen.
    // Zhuhai opens just after: once Zhuhai is heard, the look-up that found it also saw Guangzhou go.
    await m.store.setOrgParent('br-gz', 'other');
    await m.store.createOrg({ id: 'br-zh', name: 'Zhuhai', parentId: 'rg-south' }, iso(T0));
    await ho.until(() => branchHints(ho).some((h) => h.orgId === 'br-zh'));
    const gzSeq = await m.push('gz', m.tokens.gz);
    const szSeq = await m.push('sz', m.tokens.sz);
    expect(szSeq).toBeGreaterThan(gzSeq);
    await ho.until(() => branchHints(ho).some((h) => h.orgId === 'br-sz' && h.seq === szSeq));
    expect(branchHints(ho).filter((h) => h.orgId === 'br-gz')).toEqual([{ orgId: 'br-gz', seq: 0 }]);
    // The branches it already heard were kept, not looked up and announced again at each heartbeat.
    expect(branchHints(ho).filter((h) => h.orgId === 'rg-south')).toEqual([{ orgId: 'rg-south', seq: 0 }]);
  });

  it('ends when its token stops being head office’s, so the device reconnects with what its new role hears', async () => {
    const m = await startMuster();
    const ho = await m.openStream(m.tokens.ho);
    await ho.until(() => branchHints(ho).length === 3);
    await m.store.setDeviceRole('dt-ho', 'member');
    await expect(ho.until(() => false)).rejects.toThrow(/the stream ended first/);
  });
});

describe('a device holding its stream for hours', () => {
  it('is noted at every heartbeat, so its branch stays live at head office', async () => {
    const m = await startMuster();
    const sz = await m.openStream(m.tokens.sz);
    await sz.until(() => sz.heard.some((msg) => 'event' in msg && msg.event === 'hint'));
    // Ten minutes on, with no pull or push from Shenzhen: only its stream is open.
    m.clock.now = T0 + 10 * 60_000;
    await sz.until(() => heartbeats(sz).includes(`heartbeat ${iso(m.clock.now)}`));
    const branch = (await m.call<BranchesResponse>(m.tokens.ho, BRANCHES_PATH)).body.branches.find((b) => b.id === 'br-sz');
    expect(branch).toMatchObject({ lastContactAt: iso(T0 + 10 * 60_000), live: true });
  });
});
