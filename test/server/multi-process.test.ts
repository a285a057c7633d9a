import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { openPostgresStore } from '../../src/server/storage/postgres';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { freshPostgresDatabase, postgresHarness } from './pg-cluster';
import { freePort, makeTempDir, removeTempDirs, spawnServer, stopStrayServers, writeTree, type ServerProcess } from './support';

// Two real server processes (`node src/server/main.ts`, as deployed) on one PostgreSQL database,
// and devices talking to one or the other, as behind a load balancer: a push to one process is
// announced on the other's streams (LISTEN/NOTIFY), each device's byte budget is one budget
// across both, and the organisation's quota holds whichever process a push reaches.

const harness = postgresHarness();
const AT = '2026-07-14T02:00:00.000Z';
/** The smallest byte budget the server accepts (MIN_TOKEN_BYTES_PER_MINUTE): 1 MiB a minute. */
const BUDGET = 1024 * 1024;

type Device = 'onA' | 'onB' | 'spender' | 'quotaA' | 'quotaB';
const tokens = {} as Record<Device, string>;
const servers: ServerProcess[] = [];
const bases: string[] = [];

describe.skipIf(harness.state === 'skipped')('two server processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    const databaseUrl = await freshPostgresDatabase('two-processes');
    const store = await openPostgresStore(databaseUrl);
    try {
      await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await store.createOrg({ id: 'org-quota', name: 'Small branch' }, AT);
      const orgOf: Record<Device, string> = { onA: 'org-sz', onB: 'org-sz', spender: 'org-sz', quotaA: 'org-quota', quotaB: 'org-quota' };
      for (const device of Object.keys(orgOf) as Device[]) {
        tokens[device] = newDeviceToken();
        await store.addDeviceToken({ id: `dt-${device}`, orgId: orgOf[device], label: `${device} phone`, tokenHash: hashDeviceToken(tokens[device]) }, AT);
      }
    } finally {
      await store.close();
    }
    const work = makeTempDir('two-processes');
    writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const server = spawnServer({
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(work, `data-${name}`),
        STATIC_DIR: join(work, 'dist'),
        TOKEN_BYTES_PER_MINUTE: String(BUDGET),
        ORG_QUOTA_MB: '1',
      });
      servers.push(server);
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(servers.map((s) => s.waitForOutput(/Muster is running/)));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    stopStrayServers();
    removeTempDirs();
  });

  it('says it runs on PostgreSQL, without the password, in its health answer and start-up line', async () => {
    const health = (await (await fetch(`${bases[0]}/api/health`)).json()) as { status: string; storage: string; database: unknown };
    expect(health).toMatchObject({ status: 'ok', storage: 'postgres', database: { read: true, write: true } });
    expect(servers[0]?.stdout()).toMatch(/data in postgres:\/\/muster_test@127\.0\.0\.1:\d+\/muster_two_processes_/);
  });

  it('announces a push to one process on a stream held on the other, and both devices end with the same events', async () => {
    const stream = await openStream(bases[1]!, tokens.onB);
    try {
      const first = await stream.next((seq) => seq >= 0);
      const pushed = await push(bases[0]!, tokens.onA, [note('d-on-a', 1, 'Water at the basement door')]);
      expect(pushed.results).toMatchObject([{ status: 'accepted' }]);
      const seq = pushed.results[0]?.status === 'accepted' ? pushed.results[0].seq : -1;
      // The hint comes from process B, which never saw the push: only PostgreSQL's NOTIFY told it.
      expect(await stream.next((s) => s >= seq)).toBeGreaterThan(first);

      await push(bases[1]!, tokens.onB, [note('d-on-b', 1, 'Pumps running')]);
      const onA = await pullAll(bases[0]!, tokens.onA);
      const onB = await pullAll(bases[1]!, tokens.onB);
      expect(onA.map((e) => e.id)).toEqual(onB.map((e) => e.id));
      expect(onA.map((e) => e.payload)).toEqual([{ text: 'Water at the basement door' }, { text: 'Pumps running' }]);
      expect(new Set(onA.map((e) => e.seq)).size).toBe(onA.length);
    } finally {
      stream.close();
    }
  });

  it('keeps one byte budget per device across the processes: what it spent on one is spent on the other', async () => {
    // About two thirds of the minute's budget each (notes of the longest text allowed): the first
    // push fits, the second would only if each process kept its own count.
    const big = (n: number): Record<string, unknown>[] => Array.from({ length: 170 }, (_, i) => note('d-spender', n * 1000 + i, 'x'.repeat(4000)));
    const first = await pushRaw(bases[0]!, tokens.spender, big(1));
    expect(first.status).toBe(200);
    expect(((await first.json()) as PushResponse).results.every((r) => r.status === 'accepted')).toBe(true);
    const second = await pushRaw(bases[1]!, tokens.spender, big(2));
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await second.json()) as { error: string }).error).toMatch(/TOKEN_BYTES_PER_MINUTE/);
  });

  it("holds the organisation's quota whichever process a push reaches", async () => {
    // 45 notes of 4,000 characters of 3 UTF-8 bytes: about 540 KB a push, two of them past 1 MiB.
    const events = (device: string, n: number): Record<string, unknown>[] =>
      Array.from({ length: 45 }, (_, i) => note(device, n * 1000 + i, '水'.repeat(4000)));
    const first = await pushRaw(bases[0]!, tokens.quotaA, events('d-quota-a', 1));
    expect(first.status).toBe(200);
    expect(((await first.json()) as PushResponse).results.every((r) => r.status === 'accepted')).toBe(true);
    const second = await pushRaw(bases[1]!, tokens.quotaB, events('d-quota-b', 1));
    expect(second.status).toBe(507);
    expect(((await second.json()) as { error: string }).error).toMatch(/quota of 1 MiB is used up/);
    expect(new Set((await pullAll(bases[1]!, tokens.quotaB)).map((e) => e.deviceId))).toEqual(new Set(['d-quota-a']));
  });
});

let serial = 0;
function note(deviceId: string, n: number, text: string): Record<string, unknown> {
  serial += 1;
  return {
    id: `0198c100-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood',
    deviceId,
    actor: '王值班',
    hlc: `${String(1784080800000 + n).padStart(15, '0')}-0000-${deviceId}`,
    type: 'note.added',
    payload: { text },
    v: 1,
  };
}

function pushRaw(base: string, token: string, events: unknown[]): Promise<Response> {
  return fetch(`${base}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
}

async function push(base: string, token: string, events: unknown[]): Promise<PushResponse> {
  const res = await pushRaw(base, token, events);
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

async function pullAll(base: string, token: string): Promise<PullResponse['events'][number][]> {
  const all: PullResponse['events'][number][] = [];
  let after = 0;
  for (;;) {
    const res = await fetch(`${base}/api/v1/events?after=${after}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    all.push(...page.events);
    after = page.next;
    if (!page.more) return all;
  }
}

/** A hint stream read as it arrives: `next(match)` resolves with the first hinted seq that matches. */
async function openStream(base: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/stream`, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const seqs: number[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const parser = createParser({
    onEvent: (message) => {
      if (message.event !== 'hint') return;
      seqs.push((JSON.parse(message.data) as { seq: number }).seq);
      for (const wake of waiters) wake();
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
    for (const wake of waiters) wake();
  })();
  return {
    next: (match: (seq: number) => boolean): Promise<number> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = seqs.find(match);
          if (found !== undefined) {
            waiters.delete(check);
            resolve(found);
          } else if (ended) {
            waiters.delete(check);
            reject(new Error(`the stream ended; hints seen: ${seqs.join(', ')}`));
          }
        };
        waiters.add(check);
        check();
      }),
    close: () => controller.abort(),
  };
}
