import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EVENTS_PATH, type PullResponse, type PushResponse } from '../src/domain/sync-protocol';
import { openPostgresStore } from '../src/server/storage/postgres';
import { openSqliteStore } from '../src/server/storage/sqlite';
import type { EventStore } from '../src/server/storage/types';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { findPostgresBinaries, startCluster } from '../test/server/pg-cluster-process';
import { percentile, procStatus } from './measure';
import { openCrowd, pushNote } from './streams';
import { freePort, spawnServer, type ServerProcess } from '../test/server/support';

/**
 * `npm run bench -- --scale` (issue 17): a head office's load. BRANCHES branches × DEVICES
 * devices × EVENTS events each — 200 × 5 × 1,000 = 1,000,000 events by default — pushed
 * concurrently through two server processes on one PostgreSQL database, then every device
 * pulls its branch from the other process than the one it pushed to. Then the same run on
 * SQLite with one process, for comparison. Reports throughput, p50/p99 push and pull latency,
 * database size and each server's peak resident memory, and checks convergence: every device
 * ends with exactly its branch's events, none lost, none twice, and the database holds each
 * event once. Figures only: nothing here fails on a slow machine, but a lost or doubled event
 * fails the run, because then the figures would mean nothing.
 *
 * Smaller runs: SCALE_BRANCHES, SCALE_DEVICES, SCALE_EVENTS. In-flight requests: SCALE_CONCURRENCY.
 * PostgreSQL runs with fsync on (as in production), SQLite with synchronous=FULL (as always).
 */

const BRANCHES = whole(process.env.SCALE_BRANCHES, 200);
const DEVICES = whole(process.env.SCALE_DEVICES, 5);
const EVENTS = whole(process.env.SCALE_EVENTS, 1000);
const CONCURRENCY = whole(process.env.SCALE_CONCURRENCY, 32);
/** Events per push: the most a push may carry (MAX_PUSH_EVENTS). */
const PUSH_BATCH = 500;
const AT = '2026-07-14T02:00:00.000Z';
const T0 = Date.parse(AT);

interface Device {
  readonly index: number;
  readonly orgId: string;
  readonly deviceId: string;
  readonly token: string;
}

export async function benchScale(): Promise<Record<string, unknown>> {
  const devices: Device[] = [];
  for (let b = 0; b < BRANCHES; b++) {
    for (let d = 0; d < DEVICES; d++) {
      devices.push({ index: devices.length, orgId: `br-${String(b).padStart(4, '0')}`, deviceId: `d-${b}-${d}`, token: newDeviceToken() });
    }
  }
  const postgres = await runOnPostgres(devices);
  const sqlite = await runOnSqlite(devices);
  return {
    scaleBranches: BRANCHES,
    scaleDevicesPerBranch: DEVICES,
    scaleEventsPerDevice: EVENTS,
    scaleEventsTotal: devices.length * EVENTS,
    scaleConcurrentRequests: CONCURRENCY,
    scalePostgres2Processes: postgres,
    scaleSqlite1Process: sqlite,
  };
}

async function runOnPostgres(devices: readonly Device[]): Promise<Record<string, unknown>> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the scale run needs it.');
  const cluster = await startCluster(binaries);
  const work = mkdtempSync(join(tmpdir(), 'muster-bench-scale-pg-'));
  const servers: ServerProcess[] = [];
  try {
    // The harness runs without fsync for speed; a figure for production needs it on.
    await withClient(cluster.adminUrl, async (client) => {
      await client.query('ALTER SYSTEM SET fsync = on');
      await client.query('SELECT pg_reload_conf()');
      await client.query('CREATE DATABASE muster_scale');
    });
    const databaseUrl = cluster.adminUrl.replace(/\/postgres$/, '/muster_scale');
    const store = await openPostgresStore(databaseUrl);
    const probe = { listener: newDeviceToken(), pusher: newDeviceToken() };
    try {
      await provision(store, devices);
      // A branch of its own for the hint probe, so its pushes bind no device of the load.
      await store.createOrg({ id: 'probe', name: 'Hint probe', parentId: 'hq' }, AT);
      await store.addDeviceToken({ id: 'dt-probe-listener', orgId: 'probe', label: 'listener', tokenHash: hashDeviceToken(probe.listener) }, AT);
      await store.addDeviceToken({ id: 'dt-probe-pusher', orgId: 'probe', label: 'pusher', tokenHash: hashDeviceToken(probe.pusher) }, AT);
    } finally {
      await store.close();
    }
    for (let i = 0; i < 2; i++) servers.push(await start({ DATABASE_URL: databaseUrl, DATA_DIR: join(work, `data-${i}`) }));
    const hints = await withServerLogs(servers, () => crossProcessHints(servers, probe));
    const figures = await withServerLogs(servers, () => load(devices, servers));
    const stored = await withClient(databaseUrl, async (client) => {
      const counts = await client.query<{ events: string; ids: string; orgs: string }>(
        // The probe's branch aside: only the load's events are counted.
        "SELECT count(*) AS events, count(DISTINCT (org_id, id)) AS ids, count(DISTINCT org_id) AS orgs FROM events WHERE org_id <> 'probe'",
      );
      const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      return { ...counts.rows[0]!, bytes: Number(size.rows[0]?.bytes ?? 0) };
    });
    checkStored(devices, Number(stored.events), Number(stored.ids));
    return { ...hints, ...figures, databaseMb: mb(stored.bytes), serverPeakRssMb: servers.map((s) => mb(procStatus(s.child.pid ?? 0, 'VmHWM') * 1024)) };
  } finally {
    await stopAll(servers);
    cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function runOnSqlite(devices: readonly Device[]): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'muster-bench-scale-sqlite-'));
  const dataDir = join(work, 'data');
  const servers: ServerProcess[] = [];
  try {
    const store = openSqliteStore(dataDir);
    try {
      await provision(store, devices);
    } finally {
      store.close();
    }
    servers.push(await start({ DATA_DIR: dataDir }));
    const figures = await withServerLogs(servers, () => load(devices, servers));
    const rss = servers.map((s) => mb(procStatus(s.child.pid ?? 0, 'VmHWM') * 1024));
    await stopAll(servers);
    const file = join(dataDir, 'muster.sqlite');
    const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    const counted = execFileSync(process.execPath, [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)},{readonly:true});const r=d.prepare("SELECT count(*) AS events, (SELECT count(*) FROM (SELECT DISTINCT org_id, id FROM events)) AS ids FROM events").get();console.log(JSON.stringify(r))`,
    ]).toString();
    const { events, ids } = JSON.parse(counted) as { events: number; ids: number };
    checkStored(devices, events, ids);
    return { ...figures, databaseMb: mb(bytes), serverPeakRssMb: rss };
  } finally {
    await stopAll(servers);
    rmSync(work, { recursive: true, force: true });
  }
}

function checkStored(devices: readonly Device[], events: number, ids: number): void {
  const expected = devices.length * EVENTS;
  if (events !== expected || ids !== expected) throw new Error(`the database holds ${events} events (${ids} distinct); ${expected} were pushed`);
}

/** A head office, its branches, and a device token for each device, straight through the store. */
async function provision(store: EventStore, devices: readonly Device[]): Promise<void> {
  await store.createOrg({ id: 'hq', name: 'Head office' }, AT);
  const made = new Set<string>();
  for (const device of devices) {
    if (!made.has(device.orgId)) {
      await store.createOrg({ id: device.orgId, name: `Branch ${device.orgId}`, parentId: 'hq' }, AT);
      made.add(device.orgId);
    }
    await store.addDeviceToken({ id: `dt-${device.deviceId}`, orgId: device.orgId, label: device.deviceId, tokenHash: hashDeviceToken(device.token) }, AT);
  }
}

/** Pushes the probe makes to process A while a stream is held on process B. */
const HINT_SAMPLES = 20;

/**
 * Issue 17: a push to one process is announced on the other's streams. A stream is held on
 * process B; the probe pushes one event at a time to process A and times, from the push's
 * start, until B's stream carries its seq — the push, the commit, PostgreSQL's NOTIFY, and B's
 * hint to its stream (coalesced at most HINT_COALESCE_MS apart, as for any stream).
 */
async function crossProcessHints(servers: readonly ServerProcess[], probe: { listener: string; pusher: string }): Promise<Record<string, number>> {
  const [a, b] = servers.map((s) => (s as ServerProcess & { port?: number }).port ?? 0);
  const crowd = await openCrowd({ port: b ?? 0, tokens: [probe.listener], count: 1 });
  try {
    const samples: number[] = [];
    for (let i = 0; i < HINT_SAMPLES; i++) {
      const t0 = performance.now();
      const seq = await pushNote(`http://127.0.0.1:${a}`, probe.pusher);
      samples.push((await crowd.allHeard(seq)) - t0);
    }
    return {
      crossProcessHintSamples: samples.length,
      crossProcessHintP50Ms: round(percentile(samples, 50)),
      crossProcessHintMaxMs: round(Math.max(...samples)),
    };
  } finally {
    crowd.close();
  }
}

/** A failed run says what the servers said: a crash is then not mistaken for a slow machine. */
async function withServerLogs<T>(servers: readonly ServerProcess[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const logs = servers.map((s, i) => `server ${i} (exit ${String(s.child.exitCode ?? s.child.signalCode)}):\n${s.stderr().slice(-3000)}`).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  }
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const server = spawnServer({
    ...env,
    PORT: String(port),
    STATIC_DIR: join(tmpdir(), 'muster-bench-no-app'),
    // The load is the point: each device's budget is far above what it sends.
    TOKEN_BYTES_PER_MINUTE: String(10 * 1024 * 1024 * 1024),
  });
  await server.waitForOutput(/Muster is running/, 120_000);
  (server as ServerProcess & { port?: number }).port = port;
  return server;
}

async function stopAll(servers: ServerProcess[]): Promise<void> {
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
}

/** The run itself: every device pushes its events, then every device pulls its branch from the other process. */
async function load(devices: readonly Device[], servers: readonly ServerProcess[]): Promise<Record<string, unknown>> {
  const ports = servers.map((s) => (s as ServerProcess & { port?: number }).port ?? 0);
  // Idle connections are let go after 4 s, before the server's 5 s keep-alive timeout closes them under a request.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY, timeout: 4_000 });
  resent = 0;
  try {
    const pushJobs: (() => Promise<number>)[] = [];
    for (const device of devices) {
      for (let start = 0; start < EVENTS; start += PUSH_BATCH) {
        const count = Math.min(PUSH_BATCH, EVENTS - start);
        pushJobs.push(() => pushBatch(agent, ports[device.index % ports.length]!, device, start, count));
      }
    }
    const pushStart = performance.now();
    const pushLatencies = await runPool(shuffleEvenly(pushJobs, devices.length), CONCURRENCY);
    const pushSeconds = (performance.now() - pushStart) / 1000;

    const pullLatencies: number[] = [];
    // Each device's branch: its own events and those of the branch's other devices.
    const branchEvents = DEVICES * EVENTS;
    const pullStart = performance.now();
    let pulledEvents = 0;
    await runPool(
      devices.map((device) => async () => {
        const ids = new Set<string>();
        let after = 0;
        let delivered = 0;
        for (;;) {
          const t = performance.now();
          const page = await pullPage(agent, ports[(device.index + 1) % ports.length]!, device.token, after);
          pullLatencies.push(performance.now() - t);
          for (const e of page.events) ids.add(e.id);
          delivered += page.events.length;
          after = page.next;
          if (!page.more) break;
        }
        if (ids.size !== branchEvents || delivered !== ids.size) {
          throw new Error(`device ${device.deviceId} pulled ${delivered} events (${ids.size} distinct); its branch has ${branchEvents}`);
        }
        pulledEvents += delivered;
        return 0;
      }),
      CONCURRENCY,
    );
    const pullSeconds = (performance.now() - pullStart) / 1000;
    const total = devices.length * EVENTS;
    return {
      processes: servers.length,
      pushSeconds: round(pushSeconds),
      pushEventsPerSecond: Math.round(total / pushSeconds),
      pushRequests: pushLatencies.length,
      pushP50Ms: round(percentile(pushLatencies, 50)),
      pushP99Ms: round(percentile(pushLatencies, 99)),
      pullSeconds: round(pullSeconds),
      pullEventsPerSecond: Math.round(pulledEvents / pullSeconds),
      pullRequests: pullLatencies.length,
      pullP50Ms: round(percentile(pullLatencies, 50)),
      pullP99Ms: round(percentile(pullLatencies, 99)),
      requestsResentOnClosedConnection: resent,
      devicesConverged: devices.length,
      eventsLost: 0,
      eventsDuplicated: 0,
    };
  } finally {
    agent.destroy();
  }
}

/** Job k of device d runs after job k-1 of every device: every branch is written at once, not one after another. */
function shuffleEvenly<T>(jobs: readonly T[], devices: number): T[] {
  const perDevice = Math.ceil(jobs.length / devices);
  const out: T[] = [];
  for (let k = 0; k < perDevice; k++)
    for (let d = 0; d < devices; d++) {
      const job = jobs[d * perDevice + k];
      if (job !== undefined) out.push(job);
    }
  return out;
}

async function runPool(jobs: readonly (() => Promise<number>)[], concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        latencies.push(await job());
      }
    }),
  );
  return latencies;
}

async function pushBatch(agent: Agent, port: number, device: Device, start: number, count: number): Promise<number> {
  const events = [];
  for (let i = start; i < start + count; i++) {
    events.push({
      id: `0198d000-${String(device.index).padStart(4, '0')}-7000-8000-${String(i).padStart(12, '0')}`,
      streamId: `inc-${device.orgId}`,
      deviceId: device.deviceId,
      actor: '值班员',
      hlc: `${String(T0 + i).padStart(15, '0')}-0000-${device.deviceId}`,
      type: 'note.added',
      payload: { text: `第 ${i} 条记录：地下室水位 ${i % 80} cm，排水泵运行正常。` },
      v: 1,
    });
  }
  const t = performance.now();
  const { status, body } = await send(agent, port, 'POST', EVENTS_PATH, device.token, JSON.stringify({ events }));
  const ms = performance.now() - t;
  if (status !== 200) throw new Error(`push answered ${status}: ${body.slice(0, 300)}`);
  const results = (JSON.parse(body) as PushResponse).results;
  const refused = results.filter((r) => r.status !== 'accepted');
  if (refused.length > 0) throw new Error(`push of ${device.deviceId}: ${refused.length} not accepted, e.g. ${JSON.stringify(refused[0])}`);
  return ms;
}

async function pullPage(agent: Agent, port: number, token: string, after: number): Promise<PullResponse> {
  const { status, body } = await send(agent, port, 'GET', `${EVENTS_PATH}?after=${after}`, token);
  if (status !== 200) throw new Error(`pull answered ${status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as PullResponse;
}

/** Requests sent again because the server had closed a kept-alive connection just as it was reused. */
let resent = 0;

/**
 * One request. A kept-alive connection the server closed while it sat idle fails the request
 * sent on it ("socket hang up"); like a phone, the run sends it again on a new connection —
 * pushes are idempotent (insert-or-ignore by id) — and counts it. Any other failure fails the run.
 */
async function send(agent: Agent, port: number, method: string, path: string, token: string, body?: string): Promise<{ status: number; body: string }> {
  try {
    return await sendOnce(agent, port, method, path, token, body);
  } catch (error) {
    if (!(error instanceof ReusedSocketClosed)) throw error;
    resent += 1;
    return sendOnce(agent, port, method, path, token, body);
  }
}

class ReusedSocketClosed extends Error {}

function sendOnce(agent: Agent, port: number, method: string, path: string, token: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveSend, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveSend({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => reject(req.reusedSocket && error.code === 'ECONNRESET' ? new ReusedSocketClosed(error.message) : error));
    req.end(body);
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function whole(raw: string | undefined, fallback: number): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback;
}
