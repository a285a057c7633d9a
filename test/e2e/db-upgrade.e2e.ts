import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, newSession, waitForHomeTakeOver, type Session } from './browser';

// A phone that last ran release 6 of the app holds its database as that release's Dexie made it
// (version 60 in IndexedDB: Dexie multiplies by ten). Today's app declares only the newest
// schema (src/storage/db.ts) and Dexie adds what the phone lacks: here in Chromium's own
// IndexedDB, with an incident recorded by the app itself, nothing is lost.

const baseUrl = inject('baseUrl');

let sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions) await s.close();
  sessions = [];
});

/** Every row of every table of the app's database, by table, with the database's version. */
async function dump(page: Page): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('muster');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const tables: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => (tables[name] = req.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            done({ version: db.version, tables });
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
      }),
  );
}

/**
 * Writes `tables` into a new database laid out as release 6's Dexie did: each table an object
 * store with its primary key, each index by its source name (compound `[a+b]`, multi-entry `*a`).
 */
async function writeRelease6(page: Page, tables: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((done, fail) => {
        const schema: Record<string, string> = {
          events: 'id, [streamId+hlc], type',
          outbox: 'eventId, queuedAt',
          playbooks: '[id+language], id, kind',
          settings: 'key',
          streams: 'streamId',
          rejected: 'eventId, at',
          flagged: 'eventId, streamId',
          drafts: 'draftId, updatedAt',
          branches: 'orgId',
          branchEvents: '[orgId+id], [orgId+streamId], [orgId+type]',
          photos: 'hash, streamId, unsent',
          packs: '++key, streamId, *ids',
        };
        const path = (src: string) => (src.startsWith('[') ? src.slice(1, -1).split('+') : src);
        const open = indexedDB.open('muster', 60);
        open.onerror = () => fail(new Error(String(open.error)));
        open.onupgradeneeded = () => {
          for (const [name, spec] of Object.entries(schema)) {
            const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
            const auto = primary.startsWith('++');
            const store = open.result.createObjectStore(name, { keyPath: path(primary.replace(/^\+\+/, '')), autoIncrement: auto });
            for (const index of indexes) {
              const multi = index.startsWith('*');
              const src = index.replace(/^\*/, '');
              store.createIndex(src, path(src), { multiEntry: multi });
            }
          }
        };
        open.onsuccess = () => {
          const db = open.result;
          const names = Object.keys(rows).filter((n) => db.objectStoreNames.contains(n));
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) for (const row of rows[name] ?? []) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(new Error(String(tx.error)));
        };
      }),
    tables,
  );
}

describe('a phone updating from an older release', () => {
  it('keeps the incident it recorded, and its outbox, when today’s app opens its database', async () => {
    // The incident, recorded by the app on one phone.
    const first = await newSession({ locale: 'en-US', viewport: PHONE });
    sessions.push(first);
    const page = await first.context.newPage();
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel('Title').fill('Basement flooding, east wing');
    await page.getByLabel('Place').fill('B1');
    await page.getByTestId('actor-name').fill('Li Wei');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const made = await dump(page);
    expect(made.version).toBe(80);
    expect(made.tables.events?.length).toBeGreaterThan(0);

    // The same records on a phone whose database release 6 made (no receipts table yet, nor release 8's handover tables).
    const old = await newSession({ locale: 'en-US', viewport: PHONE });
    sessions.push(old);
    const phone = await old.context.newPage();
    // A page of the app's origin that runs no app code, so the database is made before the app opens it.
    await phone.goto(`${baseUrl}/manifest.webmanifest`);
    const { receipts: _receipts, signatures: _s, certificates: _c, receivedBundles: _b, eventOrigins: _o, ...release6 } = made.tables;
    await writeRelease6(phone, release6);
    expect((await dump(phone)).version).toBe(60);

    await phone.goto(baseUrl);
    await waitForHomeTakeOver(phone);
    await expect.poll(() => phone.getByTestId('incident-list').textContent(), { timeout: 30_000 }).toContain('Basement flooding, east wing');
    const upgraded = await dump(phone);
    expect(upgraded.version).toBe(80);
    expect(Object.keys(upgraded.tables).sort()).toEqual(Object.keys(made.tables).sort());
    // Every event and its outbox row are still there, unchanged.
    for (const table of ['events', 'outbox', 'streams'] as const) expect(upgraded.tables[table]).toEqual(made.tables[table]);
    // And the incident opens.
    await phone.getByTestId('incident-list').getByRole('link').first().click();
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 30_000 }).toContain('Basement flooding, east wing');
  });
});
