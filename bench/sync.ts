import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { openSqliteStore } from '../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { EVENTS_PATH, MAX_PULL_LIMIT, MAX_PUSH_EVENTS, type PullResponse, type PushResponse } from '../src/domain/sync-protocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Sync over loopback against the real server process: one device pushes 10,000 events and
 * pulls them back; five devices push 2,000 each at once, then one pulls all 10,000. Figures
 * only; nothing here fails on a slow machine.
 */
export async function benchSync(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'muster-bench-sync-'));
  const tokens = await provision(dataDir);
  const server = await startServerProcess(dataDir);
  try {
    const base = server.url;
    // Warm-up: the first requests pay for JIT and page-cache misses, not for sync.
    await pushAll(base, tokens.warmup, makeEvents('warm', 1_000));
    await pullAll(base, tokens.warmup);

    const events = makeEvents('solo', 10_000);
    const rssBefore = rssKb(server.pid);
    const t0 = performance.now();
    await pushAll(base, tokens.solo, events);
    const t1 = performance.now();
    const pulled = await pullAll(base, tokens.solo);
    const t2 = performance.now();
    if (pulled !== 10_000) throw new Error(`pulled ${pulled} events, expected 10,000`);
    const rssAfter10k = rssKb(server.pid);

    const five = tokens.crowd.map((token, i) => ({ token, events: makeEvents(`crowd${i}`, 2_000) }));
    const t3 = performance.now();
    await Promise.all(five.map((d) => pushAll(base, d.token, d.events)));
    const t4 = performance.now();
    const crowdPulled = await pullAll(base, tokens.crowd[0]!);
    const t5 = performance.now();
    if (crowdPulled !== 10_000) throw new Error(`pulled ${crowdPulled} events, expected 10,000`);
    const rssAfter20k = rssKb(server.pid);

    return {
      syncPush10kMs: round(t1 - t0),
      syncPull10kMs: round(t2 - t1),
      syncPushThenPull10kMs: round(t2 - t0),
      syncPushEventsPerSec: Math.round(10_000 / ((t1 - t0) / 1000)),
      syncPullEventsPerSec: Math.round(10_000 / ((t2 - t1) / 1000)),
      syncFiveDevicesPush2kEachMs: round(t4 - t3),
      syncServerIngestEventsPerSec: Math.round(10_000 / ((t4 - t3) / 1000)),
      syncOneDevicePull10kMs: round(t5 - t4),
      syncServerRssBeforeMb: mb(rssBefore),
      syncServerRssAfter10kMb: mb(rssAfter10k),
      syncServerRssAfter21kMb: mb(rssAfter20k),
      syncServerPeakRssMb: mb(peakRssKb(server.pid)),
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function provision(dataDir: string): Promise<{ warmup: string; solo: string; crowd: string[] }> {
  const store = openSqliteStore(dataDir);
  const at = new Date().toISOString();
  const issue = async (orgId: string, label: string): Promise<string> => {
    const token = newDeviceToken();
    await store.addDeviceToken({ id: `dt-${label}`, orgId, label, tokenHash: hashDeviceToken(token) }, at);
    return token;
  };
  try {
    for (const org of ['org-warm', 'org-solo', 'org-crowd']) await store.createOrg({ id: org, name: org }, at);
    return {
      warmup: await issue('org-warm', 'warm'),
      solo: await issue('org-solo', 'solo'),
      crowd: await Promise.all([0, 1, 2, 3, 4].map((i) => issue('org-crowd', `crowd${i}`))),
    };
  } finally {
    store.close();
  }
}

/** Realistic events: notes and step changes of one incident, stamped by one device. */
function makeEvents(device: string, n: number): MusterEvent[] {
  const deviceId = `d-${device}`;
  const start = Date.now() - 3_600_000;
  return Array.from({ length: n }, (_, i): MusterEvent => {
    const id = `${randomBytes(8).toString('hex')}-${device}-${i}`.slice(0, 64);
    const hlc = formatStamp({ wall: start + i, counter: 0, deviceId });
    const common = { id, streamId: 'inc-bench', deviceId, actor: '值班员 Duty officer', hlc, v: 1 };
    return i % 3 === 0
      ? { ...common, type: 'step.done', payload: { stepId: `step-${i % 40}` } }
      : { ...common, type: 'note.added', payload: { text: `B1 水位 ${i % 90} cm，排水泵运行正常。Water level ${i % 90} cm, pumps running.`, tags: ['water'] } };
  });
}

async function pushAll(base: string, token: string, events: readonly MusterEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_PUSH_EVENTS) {
    const res = await fetch(`${base}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: events.slice(i, i + MAX_PUSH_EVENTS) }),
    });
    if (!res.ok) throw new Error(`push failed: HTTP ${res.status} ${await res.text()}`);
    const reply = (await res.json()) as PushResponse;
    if (reply.results.some((r) => r.status === 'rejected')) throw new Error('the server rejected a bench event');
  }
}

async function pullAll(base: string, token: string): Promise<number> {
  let cursor = 0;
  let count = 0;
  for (;;) {
    const res = await fetch(`${base}${EVENTS_PATH}?after=${cursor}&limit=${MAX_PULL_LIMIT}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`pull failed: HTTP ${res.status}`);
    const page = (await res.json()) as PullResponse;
    count += page.events.length;
    cursor = page.next;
    if (!page.more) return count;
  }
}

interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}`)), 30_000);
    const check = (): void => {
      if (out.includes('Muster is running')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** Resident memory now (VmRSS), in kB; 0 where /proc is not there. */
function rssKb(pid: number): number {
  return procStatus(pid, 'VmRSS');
}

/** The most resident memory the process ever had (VmHWM), in kB. */
function peakRssKb(pid: number): number {
  return procStatus(pid, 'VmHWM');
}

function procStatus(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
const mb = (kb: number): number => Math.round(kb / 102.4) / 10;
