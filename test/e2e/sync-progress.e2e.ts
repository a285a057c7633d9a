import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { formatStamp } from '../../src/domain/hlc';
import { EVENTS_PATH, MAX_PUSH_EVENTS, type PullResponse, type PushResponse } from '../../src/domain/sync-protocol';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { newSession, type Session } from './browser';
import { admin, DIST, enrolmentLink, startServer, type RunningServer } from './server-process';

// Issue 20: a new phone pulling thousands of records shows how far it has got ("n of m"), ends
// with every record once, and a phone that pushes never downloads its own records back.

const ORG = 'riverside';
const OTHERS = 3000;
const OWN = 600;
const WAIT = { timeout: 60_000, interval: 100 };

function events(deviceId: string, n: number, start: number): MusterEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${deviceId}-${String(i).padStart(6, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId,
    actor: 'Scribe Li',
    hlc: formatStamp({ wall: start + i, counter: 0, deviceId }),
    type: 'note.added' as const,
    payload: { text: `Water level check ${i}` },
    v: 1,
  }));
}

async function held(page: Page): Promise<{ events: { id: string; deviceId: string }[]; outbox: number; pending: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('muster');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error ?? new Error('open failed'));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((ok) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
      });
    // Rows, and the incident's synced events packed many to a row (src/storage/packs.ts); pushed ones wait for it with a pending receipt.
    const [rows, outbox, packs, pending] = await Promise.all([all('events'), all('outbox'), all('packs'), all('receipts')]);
    db.close();
    const evs = [...rows, ...(packs as { events: unknown[] }[]).flatMap((p) => p.events)];
    return { events: evs as { id: string; deviceId: string }[], outbox: outbox.length, pending: pending.length };
  });
}

describe('a new phone joins a branch that already has thousands of records', () => {
  let server: RunningServer;
  let session: Session | undefined;
  let otherToken = '';

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
    const store = openSqliteStore(server.dataDir);
    otherToken = newDeviceToken();
    await store.addDeviceToken({ id: 'dt-tablet', orgId: ORG, label: 'Commander tablet', tokenHash: hashDeviceToken(otherToken) }, new Date().toISOString());
    store.close();
    const all = events('d-tablet', OTHERS, Date.now() - 3_600_000);
    for (let i = 0; i < all.length; i += MAX_PUSH_EVENTS) {
      const res = await fetch(`${server.url}${EVENTS_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${otherToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events: all.slice(i, i + MAX_PUSH_EVENTS) }),
      });
      expect(((await res.json()) as PushResponse).results.every((r) => r.status === 'accepted')).toBe(true);
    }
  });
  afterAll(async () => {
    // A pull the app starts meanwhile (its timer, a hint) must not meet a route whose page is closing.
    for (const open of session?.context.pages() ?? []) await open.unrouteAll({ behavior: 'ignoreErrors' });
    await session?.close();
    await server?.stop();
  });

  it('shows "n of m" while it pulls, ends Synced with every record once, and never pulls back what it pushed', async () => {
    session = await newSession({ locale: 'en-US', serviceWorkers: 'block' });
    const page = await session.context.newPage();
    // The second page waits until the test has seen the progress: what the user sees mid-way, without racing.
    let release: () => void = () => undefined;
    const released = new Promise<void>((ok) => (release = ok));
    const pulled: PullResponse[] = [];
    await page.route(`**${EVENTS_PATH}?after=*`, async (route: Route) => {
      const after = Number(new URL(route.request().url()).searchParams.get('after'));
      if (after > 0 && pulled.length === 1) await released;
      const res = await route.fetch();
      pulled.push((await res.json()) as PullResponse);
      await route.fulfill({ response: res });
    });
    await page.goto(enrolmentLink(server, ORG, 'Scribe phone'));
    const badge = page.getByTestId('sync-badge');
    await expect.poll(() => badge.getAttribute('data-state'), WAIT).toBe('pulling');
    expect(await badge.textContent()).toContain(`of ${OTHERS}`);
    // The enrolment screen says the same, not "Joining…" all along.
    expect(await page.locator('.enrol [role="status"]').textContent()).toMatch(new RegExp(`^Receiving your organisation’s records: \\d+ of ${OTHERS}…$`));
    release();
    await expect.poll(() => page.locator('.enrol [role="status"]').textContent(), WAIT).toMatch(/^This device has joined /);
    await expect.poll(async () => (await held(page)).events.length, WAIT).toBe(OTHERS);
    await expect.poll(() => badge.getAttribute('data-state'), WAIT).not.toBe('pulling');
    const ids = (await held(page)).events.map((e) => e.id);
    expect(new Set(ids).size).toBe(OTHERS);

    // The phone's own records, written as the app writes them, then a round: none comes back.
    const device = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
      });
      const id = await new Promise<string>((ok) => {
        const r = db.transaction('settings').objectStore('settings').get('deviceId');
        r.onsuccess = () => ok((r.result as { value: string }).value);
      });
      db.close();
      return id;
    });
    const own = events(device, OWN, Date.now() - 60_000);
    // Counted before the round is started, so its pull cannot be missed however fast it runs.
    const before = pulled.length;
    await page.evaluate(async (list) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
      });
      const tx = db.transaction(['events', 'outbox'], 'readwrite');
      list.forEach((e, i) => {
        tx.objectStore('events').put(e);
        tx.objectStore('outbox').put({ eventId: e.id, queuedAt: Date.now() + i / list.length, attempts: 0 });
      });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
      window.dispatchEvent(new Event('online'));
    }, own);
    await expect.poll(async () => (await held(page)).outbox, WAIT).toBe(0);
    await expect.poll(() => pulled.length, WAIT).toBeGreaterThan(before);
    const pulledBack = pulled.slice(before).flatMap((p) => p.events.filter((e) => e.deviceId === device));
    expect(pulledBack).toEqual([]);
    // Packed after the round, in the background: then no receipt is left pending.
    await expect.poll(async () => (await held(page)).pending, WAIT).toBe(0);
    const after = await held(page);
    expect(after.events.length).toBe(OTHERS + OWN);
    // The receipt came with the push's answer: the same as a pull would have given.
    const sample = (await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
      });
      // Pushed, settled and packed, an incident's event has left its row for a pack (src/storage/packs.ts).
      const packed = await new Promise<{ events: { id: string }[] } | undefined>((ok) => {
        const r = db.transaction('packs').objectStore('packs').index('ids').get(id);
        r.onsuccess = () => ok(r.result as { events: { id: string }[] } | undefined);
      });
      const row = await new Promise<unknown>((ok) => {
        const r = db.transaction('events').objectStore('events').get(id);
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return row ?? packed?.events.find((e) => e.id === id);
    }, own[0]!.id)) as { deliveredBy?: string; receivedAt?: string };
    expect(sample.deliveredBy).toBe('Scribe phone');
    expect(typeof sample.receivedAt).toBe('string');
  }, 180_000);
});
