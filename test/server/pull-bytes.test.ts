import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { MAX_EVENT_BYTES, MAX_PULL_BYTES, type PullResponse, type PushResponse } from '../../src/domain/sync-protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Issue 16, finding 1: a pull page is bounded by bytes as well as by count, and an event too
// big for a page is refused when pushed. Real HTTP, real SQLite file.

let server: RunningServer;
let store: SqliteEventStore;
let token = '';
const ORG = 'org-bank-sz';
const AT = '2026-07-14T02:00:00.000Z';

beforeAll(async () => {
  const work = makeTempDir('pull-bytes');
  const dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  store = openSqliteStore(dataDir);
  await store.createOrg({ id: ORG, name: 'Shenzhen branch' }, AT);
  token = newDeviceToken();
  await store.addDeviceToken({ id: 'dt-scribe', orgId: ORG, label: 'scribe phone', tokenHash: hashDeviceToken(token) }, AT);
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  store.close();
  removeTempDirs();
});

let serial = 0;
function bigNote(textBytes: number, streamId = 'inc-flood-b1'): MusterEvent {
  serial += 1;
  return {
    id: `0198a000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId,
    deviceId: 'd-scribe',
    actor: '李记录',
    hlc: `${String(1784080800000 + serial).padStart(15, '0')}-0000-d-scribe`,
    type: 'note.added',
    payload: { text: 'x'.repeat(textBytes) },
    v: 1,
  };
}

async function pullText(after: number): Promise<{ status: number; bytes: number; page: PullResponse }> {
  const res = await fetch(new URL(`/api/v1/events?after=${after}`, server.url), { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text, 'utf8'), page: JSON.parse(text) as PullResponse };
}

describe('a pull page of big events', () => {
  it('stays within the byte budget, says "more" until the last page, and hands out every event once, in order', async () => {
    // Forty events of almost the largest size a push accepts: ~10 MB, which used to be one page.
    const events = Array.from({ length: 40 }, () => bigNote(MAX_EVENT_BYTES - 1024));
    await store.appendEvents(ORG, events, AT);

    const seen: string[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const { status, bytes, page } = await pullText(after);
      expect(status).toBe(200);
      pages += 1;
      expect(page.events.length).toBeGreaterThan(0);
      // The budget counts event JSON; the page adds only its few envelope fields.
      expect(bytes).toBeLessThanOrEqual(MAX_PULL_BYTES + 256);
      seen.push(...page.events.map((e) => e.id));
      expect(page.next).toBe(page.events[page.events.length - 1]!.seq);
      after = page.next;
      if (!page.more) break;
    }
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(seen).toEqual(events.map((e) => e.id));
    // Nothing after the last page.
    const tail = await pullText(after);
    expect(tail.page).toMatchObject({ events: [], next: after, more: false });
  });

  it('hands out one event alone when it is bigger than a whole page (stored before the limit existed)', async () => {
    const latest = await store.latestSeq(ORG);
    const huge = bigNote(MAX_PULL_BYTES + 4096, 'inc-legacy');
    const small = bigNote(10, 'inc-legacy');
    await store.appendEvents(ORG, [huge, small], AT);
    const first = await pullText(latest);
    expect(first.page.events.map((e) => e.id)).toEqual([huge.id]);
    expect(first.page.more).toBe(true);
    const second = await pullText(first.page.next);
    expect(second.page.events.map((e) => e.id)).toEqual([small.id]);
    expect(second.page.more).toBe(false);
  });
});

describe('an event too big for a page', () => {
  it('is refused at push with its own reason, and the rest of the push is stored', async () => {
    const tooBig = bigNote(MAX_EVENT_BYTES + 1);
    const fine = bigNote(100);
    const res = await fetch(new URL('/api/v1/events', server.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [tooBig, fine] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushResponse;
    expect(body.results[0]).toMatchObject({ id: tooBig.id, status: 'rejected', code: 'too-large' });
    expect(body.results[0]).toHaveProperty('reason', expect.stringMatching(new RegExp(`at most ${MAX_EVENT_BYTES}`)));
    expect(body.results[1]).toMatchObject({ id: fine.id, status: 'accepted' });
    const stored = store.db.prepare('SELECT id FROM events WHERE org_id = ? AND id IN (?, ?)').all(ORG, tooBig.id, fine.id) as { id: string }[];
    expect(stored.map((r) => r.id)).toEqual([fine.id]);
  });
});
