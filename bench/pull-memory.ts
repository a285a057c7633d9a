import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { EVENTS_PATH, MAX_EVENT_BYTES, type PullResponse } from '../src/domain/sync-protocol';
import { openSqliteStore } from '../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { procStatus } from './measure';
import { freePort, spawnServer, type ServerProcess } from '../test/server/support';

/** Pullers at once, each with its own token (the limiter counts requests per token). */
const PULLERS = 16;
/** Events of the largest size a push accepts: ~50 MB in all, which used to be one page. */
const EVENTS = 200;
const ORG = 'org-bench';
const AT = '2026-07-14T02:00:00.000Z';

/**
 * Issue 16, finding 1: 16 devices pull at once a log made only of the largest events a push
 * accepts, each from seq 0 to the end, against the real server process. Reports the server's
 * resident memory before, its peak during (the kernel's high-water mark, VmHWM, so no sample
 * is missed), and the time the 16 walks take. With pages bounded by bytes the peak stays
 * near the idle figure; bounded by count only, each page was the whole ~50 MB log.
 * Figures only (Linux /proc; 0 elsewhere); nothing here fails on a slow machine.
 */
export async function benchPullMemory(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'muster-bench-pull-memory-'));
  let server: ServerProcess | undefined;
  try {
    const tokens = await provision(dataDir);
    const port = await freePort();
    server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-app') });
    await server.waitForOutput(/Muster is running/);
    const pid = server.child.pid ?? 0;
    // Warm-up: the first page pays for JIT and the page cache, not for the pulls measured.
    await pullPage(port, tokens[0] ?? '', 0);

    const rssBefore = procStatus(pid, 'VmRSS');
    const t0 = performance.now();
    const walks = await Promise.all(tokens.map((token) => walk(port, token)));
    const ms = performance.now() - t0;
    const peak = procStatus(pid, 'VmHWM');
    if (walks.some((w) => w.events !== EVENTS)) throw new Error(`a puller did not get all ${EVENTS} events: ${walks.map((w) => w.events).join(', ')}`);

    server.child.kill('SIGTERM');
    await server.exited;
    return {
      pull16xLargestPagesRssBeforeMb: mb(rssBefore),
      pull16xLargestPagesPeakRssMb: mb(peak),
      pull16xLargestPagesLargestPageKb: Math.round(Math.max(...walks.map((w) => w.largestPageBytes)) / 1024),
      pull16xLargestPagesPagesEach: walks[0]?.pages ?? 0,
      pull16xLargestPagesMs: Math.round(ms),
    };
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The organisation, one token per puller, and the events, written straight into the file. */
async function provision(dataDir: string): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  try {
    await store.createOrg({ id: ORG, name: 'Bench branch' }, AT);
    const tokens: string[] = [];
    for (let i = 0; i < PULLERS; i++) {
      const token = newDeviceToken();
      await store.addDeviceToken({ id: `dt-bench-${i}`, orgId: ORG, label: `puller ${i}`, tokenHash: hashDeviceToken(token) }, AT);
      tokens.push(token);
    }
    // Just under the limit once the envelope is counted.
    const text = 'x'.repeat(MAX_EVENT_BYTES - 1024);
    for (let start = 0; start < EVENTS; start += 20) {
      const batch: MusterEvent[] = [];
      for (let i = start; i < Math.min(EVENTS, start + 20); i++) {
        batch.push({
          id: `0198c000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          streamId: 'inc-bench',
          deviceId: 'd-bench',
          actor: 'bench',
          hlc: formatStamp({ wall: Date.parse(AT) + i, counter: 0, deviceId: 'd-bench' }),
          type: 'note.added',
          payload: { text },
          v: 1,
        });
      }
      await store.appendEvents(ORG, batch, AT);
    }
    return tokens;
  } finally {
    store.close();
  }
}

async function walk(port: number, token: string): Promise<{ events: number; pages: number; largestPageBytes: number }> {
  let after = 0;
  let events = 0;
  let pages = 0;
  let largestPageBytes = 0;
  for (;;) {
    const { page, bytes } = await pullPage(port, token, after);
    events += page.events.length;
    pages += 1;
    largestPageBytes = Math.max(largestPageBytes, bytes);
    after = page.next;
    if (!page.more) return { events, pages, largestPageBytes };
  }
}

function pullPage(port: number, token: string, after: number): Promise<{ page: PullResponse; bytes: number }> {
  return new Promise((resolvePage, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `${EVENTS_PATH}?after=${after}`, headers: { Authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) reject(new Error(`pull answered ${res.statusCode}: ${body.toString('utf8').slice(0, 200)}`));
          else resolvePage({ page: JSON.parse(body.toString('utf8')) as PullResponse, bytes: body.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function mb(kb: number): number {
  return Math.round(kb / 1024);
}
