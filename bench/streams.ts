import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { EVENTS_PATH, HINT_COALESCE_MS, STREAM_PATH, type PushResponse } from '../src/domain/sync-protocol';
import { DEFAULT_RATE_LIMIT } from '../src/server/rate-limit';
import { openSqliteStore } from '../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { freePort, spawnServer, type ServerProcess } from '../test/server/support';
import { median, percentile, procStatus } from './measure';

const STREAMS = 2_000;
/** 50 streams per token: opening them stays well inside the limiter's burst per token. */
const TOKENS = 40;
/** Streams being opened at a time: all 2,000 at once would overflow the listen backlog and wait for SYN retries. */
const OPEN_AT_ONCE = 100;
const FAN_OUT_SAMPLES = 20;
const BURST_PUSHES = 50;
/** Past the server's coalescing interval, so the next push's hint goes out at once. */
const QUIET_MS = HINT_COALESCE_MS + 50;
/** A guard against a hang, not a speed check. */
const GUARD_MS = 300_000;

/**
 * 2,000 idle hint streams held by the real server process: its memory before and after, how
 * long one push takes to reach all of them, how many hints a burst of 50 pushes becomes, and
 * how long a stop takes with them open. Figures only; nothing here fails on a slow machine.
 * The fan-out time includes this process reading 2,000 sockets, as phones would each do.
 */
export async function benchStreams(): Promise<Record<string, number>> {
  if (STREAMS / TOKENS >= DEFAULT_RATE_LIMIT.burst) throw new Error('more streams per token than the rate limiter lets open at once');
  const dataDir = mkdtempSync(join(tmpdir(), 'muster-bench-streams-'));
  let server: ServerProcess | undefined;
  let crowd: Crowd | undefined;
  let guard: ReturnType<typeof setTimeout> | undefined;
  try {
    const { listeners, pusher } = await provision(dataDir, TOKENS);
    const port = await freePort();
    server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app') });
    await server.waitForOutput(/Muster is running/);
    const pid = server.child.pid ?? 0;
    checkFileLimit(process.pid, STREAMS);
    checkFileLimit(pid, STREAMS);
    const running = server;
    const hung = new Promise<never>((_, fail) => {
      guard = setTimeout(() => fail(new Error(`the streams bench did not finish in ${GUARD_MS / 1000} s`)), GUARD_MS);
    });
    const measured = (async (): Promise<Record<string, number>> => {
      const base = `http://127.0.0.1:${port}`;
      // Warm-up: the first push and streams pay for JIT and page-cache misses, not for holding streams.
      await pushNote(base, pusher);
      const warm = await openCrowd({ port, tokens: listeners, count: 20 });
      warm.close();

      const rssBefore = procStatus(pid, 'VmRSS');
      const t0 = performance.now();
      crowd = await openCrowd({ port, tokens: listeners, count: STREAMS, atOnce: OPEN_AT_ONCE });
      const openMs = performance.now() - t0;
      const rssAfter = procStatus(pid, 'VmRSS');
      const serverFds = openFiles(pid);

      const fanOut: number[] = [];
      const cpu0 = cpuMs(pid);
      for (let i = 0; i < FAN_OUT_SAMPLES; i++) {
        await pause(QUIET_MS);
        // Only this bench writes to the organisation, so the push's seq is the next one.
        const heard = crowd.allHeard(crowd.latestSeq() + 1);
        const sent = performance.now();
        await pushNote(base, pusher);
        fanOut.push((await heard) - sent);
      }

      // The server's own work per fan-out (its CPU time, both cores of this machine shared with us).
      const cpuPerFanOut = (cpuMs(pid) - cpu0) / FAN_OUT_SAMPLES;

      await pause(QUIET_MS);
      const before = crowd.hintsHeard(0);
      const b0 = performance.now();
      // 50 devices pushing at the same moment: each push its own request, all in flight at once.
      const seqs = await Promise.all(Array.from({ length: BURST_PUSHES }, () => pushNote(base, pusher)));
      const burstMs = performance.now() - b0;
      await crowd.allHeard(Math.max(...seqs));
      const burstHints = crowd.hintsHeard(0) - before;

      // Stopping with every stream open: the server ends them at once instead of waiting out its drain.
      const s0 = performance.now();
      running.child.kill('SIGTERM');
      const [exit, streamsEnded] = await Promise.all([
        running.exited.then((code) => ({ code, at: performance.now() })),
        crowd.allEnded().then(() => performance.now()),
      ]);
      if (exit.code !== 0) console.error(`bench/streams: the server exited with ${exit.code} when stopped with ${STREAMS} streams open:\n${running.stderr()}`);

      return {
        streams2kOpenMs: round(openMs),
        streams2kRssBeforeMb: mb(rssBefore),
        streams2kRssAfterMb: mb(rssAfter),
        streamsPerStreamKb: Math.round(((rssAfter - rssBefore) / STREAMS) * 10) / 10,
        streams2kServerOpenFiles: serverFds,
        streams2kFanOutMs: median(fanOut),
        streams2kFanOutP95Ms: round(percentile(fanOut, 95)),
        streams2kServerCpuMsPerFanOut: round(cpuPerFanOut),
        hintsPer50Pushes: burstHints,
        burst50PushesMs: round(burstMs),
        streams2kStopAllEndedMs: round(streamsEnded - s0),
        streams2kStopExitMs: round(exit.at - s0),
      };
    })();
    return await Promise.race([measured, hung]);
  } finally {
    clearTimeout(guard);
    crowd?.close();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Streams held open by this process, each reading hints as a phone would. */
export interface Crowd {
  readonly size: number;
  /** The highest seq any stream has heard. */
  latestSeq(): number;
  /** Hints stream `index` has heard so far, the one on connecting included. */
  hintsHeard(index: number): number;
  /**
   * Resolves, with performance.now() of the last arrival, once every stream has heard a hint
   * of `seq` or later; rejects if a stream ends first.
   */
  allHeard(seq: number): Promise<number>;
  /** Resolves once every stream has ended (the server closed them). */
  allEnded(): Promise<void>;
  /** Drops every connection from this side. */
  close(): void;
}

interface Listener {
  seq: number;
  hints: number;
  ended: boolean;
  request: ClientRequest;
}

/**
 * Opens `count` streams (round-robin over `tokens`, `atOnce` at a time) with node:http, one
 * socket each, and resolves once every one has heard its first hint.
 */
export async function openCrowd({
  port,
  tokens,
  count,
  atOnce = 50,
}: {
  port: number;
  tokens: readonly string[];
  count: number;
  atOnce?: number;
}): Promise<Crowd> {
  const listeners: Listener[] = [];
  // One wait at a time (the bench and the test wait in turn): `wake` re-checks it on every change.
  let wake = (): void => undefined;
  let failure: Error | undefined;
  let endedCount = 0;
  let target = Number.POSITIVE_INFINITY;
  let behind = 0;
  let lastAt = 0;
  const heard = (listener: Listener, seq: number): void => {
    listener.hints += 1;
    if (listener.seq < target && seq >= target) {
      behind -= 1;
      lastAt = performance.now();
    }
    listener.seq = Math.max(listener.seq, seq);
    wake();
  };
  const ended = (listener: Listener): void => {
    listener.ended = true;
    endedCount += 1;
    wake();
  };
  const open = (token: string): Promise<Listener> =>
    new Promise((ready, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path: STREAM_PATH, agent: false, headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            fail(new Error(`the server refused a stream: HTTP ${res.statusCode}`));
            return;
          }
          const listener: Listener = { seq: -1, hints: 0, ended: false, request: req };
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let cut: number;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const seq = hintSeq(buffer.slice(0, cut));
              buffer = buffer.slice(cut + 2);
              if (seq === undefined) continue;
              const first = listener.hints === 0;
              heard(listener, seq);
              if (first) ready(listener);
            }
          });
          res.on('error', () => undefined); // a connection dropped by close(): its 'close' says so
          res.on('close', () => {
            ended(listener);
            if (listener.hints === 0) fail(new Error('a stream ended before its first hint'));
          });
        },
      );
      req.on('error', (error) => {
        failure ??= error;
        fail(error);
      });
      req.end();
    });

  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(atOnce, count) }, async () => {
        while (next < count && failure === undefined) {
          const token = tokens[next++ % tokens.length] ?? '';
          listeners.push(await open(token));
        }
      }),
    );
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
    for (const l of listeners) l.request.destroy();
    throw error;
  }

  const until = (done: () => boolean, stop: () => Error | undefined): Promise<void> =>
    new Promise((resolve, reject) => {
      wake = () => {
        const problem = stop();
        if (problem) reject(problem);
        else if (done()) resolve();
        else return;
        wake = () => undefined;
      };
      wake();
    });
  return {
    size: listeners.length,
    latestSeq: () => listeners.reduce((max, l) => Math.max(max, l.seq), -1),
    hintsHeard: (index) => listeners[index]?.hints ?? 0,
    allHeard: async (seq) => {
      target = seq;
      behind = listeners.filter((l) => l.seq < seq).length;
      lastAt = performance.now();
      try {
        await until(
          () => behind === 0,
          () => failure ?? (endedCount > 0 ? new Error(`a stream ended before hearing seq ${seq}`) : undefined),
        );
      } finally {
        target = Number.POSITIVE_INFINITY;
      }
      return lastAt;
    },
    allEnded: () =>
      until(
        () => endedCount === listeners.length,
        () => undefined,
      ),
    close: () => {
      for (const l of listeners) l.request.destroy();
    },
  };
}

/** The seq of one SSE message if it is a hint (`event: hint`, `data: {"seq":N}`), else undefined. */
function hintSeq(block: string): number | undefined {
  let event = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  if (event !== 'hint') return undefined;
  const seq = (JSON.parse(data) as { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : undefined;
}

async function provision(dataDir: string, count: number): Promise<{ listeners: string[]; pusher: string }> {
  const store = openSqliteStore(dataDir);
  const at = new Date().toISOString();
  const issue = async (label: string): Promise<string> => {
    const token = newDeviceToken();
    await store.addDeviceToken({ id: `dt-${label}`, orgId: 'org-streams', label, tokenHash: hashDeviceToken(token) }, at);
    return token;
  };
  try {
    await store.createOrg({ id: 'org-streams', name: 'Streams' }, at);
    const listeners: string[] = [];
    for (let i = 0; i < count; i++) listeners.push(await issue(`phone-${i}`));
    return { listeners, pusher: await issue('pusher') };
  } finally {
    store.close();
  }
}

let serial = 0;

/** Pushes one note to the organisation of `token` and answers its seq. */
export async function pushNote(base: string, token: string): Promise<number> {
  serial += 1;
  const deviceId = 'd-bench-streams';
  const event: MusterEvent = {
    id: randomUUID(),
    streamId: 'inc-bench-streams',
    deviceId,
    actor: '值班员 Duty officer',
    hlc: formatStamp({ wall: Date.now() - 60_000 + serial, counter: 0, deviceId }),
    type: 'note.added',
    payload: { text: `B1 水位 ${serial % 90} cm。Water level ${serial % 90} cm.` },
    v: 1,
  };
  const res = await fetch(`${base}${EVENTS_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: [event] }),
  });
  if (!res.ok) throw new Error(`push failed: HTTP ${res.status} ${await res.text()}`);
  const result = ((await res.json()) as PushResponse).results[0];
  if (!result || result.status !== 'accepted') throw new Error(`the server did not accept a bench event: ${JSON.stringify(result)}`);
  return result.seq;
}

/**
 * Each stream is a socket on both sides. Node raises its own soft limit to the hard one at
 * start, so /proc shows what the process really has; below the need, say how to raise it.
 */
function checkFileLimit(pid: number, streams: number): void {
  let limit = Number.POSITIVE_INFINITY;
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
    if (match?.[1] && match[1] !== 'unlimited') limit = Number(match[1]);
  } catch {
    return; // no /proc: the sockets will tell (EMFILE)
  }
  const need = streams + 200;
  if (limit < need) {
    throw new Error(`process ${pid} may open ${limit} files, and ${streams} streams need about ${need}: raise the limit (ulimit -n ${need * 2}) and run again`);
  }
}

function openFiles(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

/** User plus system CPU time the process has used (/proc/<pid>/stat, at USER_HZ = 100), in ms. */
function cpuMs(pid: number): number {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const round = (ms: number): number => Math.round(ms * 10) / 10;
const mb = (kb: number): number => Math.round(kb / 102.4) / 10;
