import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { EVENTS_PATH, type PullResponse, type PushResponse } from '../../src/domain/sync-protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { openPostgresStore } from '../../src/server/storage/postgres';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import type { EventStore } from '../../src/server/storage/types';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { freshPostgresDatabase, postgresHarness } from './pg-cluster';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Issue 20: a device never downloads its own just-pushed events again. The push answer gives
// the seqs and the receipt; the device names those seqs (`held`) in its pulls and the server
// leaves them out and moves the cursor past them. Real HTTP, a real SQLite file and PostgreSQL.

const harness = postgresHarness();
const ORG = 'org-bank-sz';
const AT = '2026-07-14T02:00:00.000Z';

let serial = 0;
function note(device: string, text: string): MusterEvent {
  serial += 1;
  return {
    id: `0198a000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId: device,
    actor: '李记录',
    hlc: `${String(Date.now() - 60_000 + serial).padStart(15, '0')}-0000-${device}`,
    type: 'note.added',
    payload: { text },
    v: 1,
  };
}

for (const engine of ['SQLite', 'PostgreSQL'] as const) {
  describe.skipIf(engine === 'PostgreSQL' && harness.state === 'skipped')(`on ${engine}: the scribe's phone pushes and pulls`, () => {
    let server: RunningServer;
    const tokens: Record<'scribe' | 'commander', string> = { scribe: '', commander: '' };

    beforeAll(async () => {
      const work = makeTempDir(`pull-held-${engine}`);
      writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
      const databaseUrl = engine === 'PostgreSQL' ? await freshPostgresDatabase('pull-held') : undefined;
      const store: EventStore & { close(): unknown } = databaseUrl ? await openPostgresStore(databaseUrl) : openSqliteStore(join(work, 'data'));
      await store.createOrg({ id: ORG, name: 'Shenzhen branch' }, AT);
      for (const who of ['scribe', 'commander'] as const) {
        tokens[who] = newDeviceToken();
        await store.addDeviceToken({ id: `dt-${who}`, orgId: ORG, label: `${who} phone`, tokenHash: hashDeviceToken(tokens[who]) }, AT);
      }
      await store.close();
      server = await startServer({ port: 0, dataDir: join(work, 'data'), staticDir: join(work, 'dist'), ...(databaseUrl ? { databaseUrl } : {}) });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      removeTempDirs();
    });

    const push = async (who: 'scribe' | 'commander', events: MusterEvent[]): Promise<PushResponse> => {
      const res = await fetch(new URL(EVENTS_PATH, server.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as PushResponse;
    };
    const pull = async (query: string): Promise<{ page: PullResponse; bytes: number }> => {
      const res = await fetch(new URL(`${EVENTS_PATH}?${query}`, server.url), { headers: { Authorization: `Bearer ${tokens.scribe}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      return { page: JSON.parse(text) as PullResponse, bytes: text.length };
    };
    const seqs = (reply: PushResponse): number[] => reply.results.map((r) => (r.status === 'rejected' ? -1 : r.seq));

    it('answers a push with the receipt and the epoch, and a pull naming those seqs sends none of them but moves past them', async () => {
      const before = (await pull('after=0')).page.next;
      const commander = await push('commander', [note('d-commander', 'Water at the east door')]);
      const mine = await push('scribe', [note('d-scribe', 'B1 cleared'), note('d-scribe', 'Pumps on'), note('d-scribe', '12 people out')]);
      expect(mine.receipt).toEqual({ receivedAt: mine.serverTime, deliveredBy: 'scribe phone' });
      expect(typeof mine.epoch).toBe('string');
      const own = seqs(mine);
      const held = `${Math.min(...own)}-${Math.max(...own)}`;

      const { page } = await pull(`after=${before}&held=${held}&count=1`);
      expect(page.events.map((e) => e.payload)).toEqual([{ text: 'Water at the east door' }]);
      expect(page.next).toBe(Math.max(...own));
      expect(page.more).toBe(false);
      expect(page.remaining).toBe(0);
      expect(page.epoch).toBe(mine.epoch);
      expect(seqs(commander)[0]).toBeLessThan(Math.min(...own));
    });

    it('still sends what it does not name: an event of the same device id pushed by another install is not lost', async () => {
      const start = (await pull('after=0')).page.next;
      // The phone restored from an older copy of itself: same device id, but it holds only what it names.
      const earlier = await push('scribe', [note('d-scribe', 'Sent before the restore')]);
      const later = await push('scribe', [note('d-scribe', 'Sent after the restore')]);
      const { page } = await pull(`after=${start}&held=${seqs(later)[0]}-${seqs(later)[0]}`);
      expect(page.events.map((e) => e.payload)).toEqual([{ text: 'Sent before the restore' }]);
      expect(page.next).toBe(seqs(later)[0]);
      expect(seqs(earlier)[0]).toBeLessThan(seqs(later)[0]!);
    });

    it('pages past many held events between others’, each event once, and counts what remains', async () => {
      const start = (await pull('after=0')).page.next;
      const own: number[] = [];
      const theirs: string[] = [];
      for (let round = 0; round < 4; round++) {
        const text = `Commander's note ${round}`;
        theirs.push(text);
        await push('commander', [note('d-commander', text)]);
        own.push(
          ...seqs(
            await push(
              'scribe',
              Array.from({ length: 5 }, (_, i) => note('d-scribe', `mine ${round}.${i}`)),
            ),
          ),
        );
      }
      const ranges: [number, number][] = [];
      for (const s of own.sort((a, b) => a - b)) {
        const last = ranges[ranges.length - 1];
        if (last && s === last[1] + 1) last[1] = s;
        else ranges.push([s, s]);
      }
      const held = ranges.map(([a, b]) => `${a}-${b}`).join(',');
      const got: string[] = [];
      let after = start;
      let first = true;
      for (let guard = 0; guard < 10; guard++) {
        const { page } = await pull(`after=${after}&limit=2&held=${held}${first ? '&count=1' : ''}`);
        if (first) expect(page.events.length + (page.remaining ?? -1)).toBe(4);
        first = false;
        got.push(...page.events.map((e) => (e.payload as { text: string }).text));
        after = page.next;
        if (!page.more) break;
      }
      expect(got).toEqual(theirs);
      expect(after).toBe(Math.max(...own));
    });

    it('keeps the old request shape: without `held` the device’s own events come back, as before', async () => {
      const start = (await pull('after=0')).page.next;
      await push('scribe', [note('d-scribe', 'Old app')]);
      const { page } = await pull(`after=${start}`);
      expect(page.events.map((e) => e.payload)).toEqual([{ text: 'Old app' }]);
      expect(page.remaining).toBeUndefined();
    });

    it('refuses a malformed `held`', async () => {
      const res = await fetch(new URL(`${EVENTS_PATH}?after=0&held=5-3`, server.url), { headers: { Authorization: `Bearer ${tokens.scribe}` } });
      expect(res.status).toBe(400);
    });
  });
}
