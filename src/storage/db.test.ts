import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type MusterDb } from './db';

/**
 * The schema as each release declared it, one `.version(n)` block per release (the tables each
 * added). MusterDb now declares only the newest (Dexie works out the difference from what a
 * device holds, as its docs say of versions without an upgrade function): these are what phones
 * in the field hold today, kept here so every one of them is shown to upgrade.
 */
const RELEASED: readonly Record<string, string>[] = [
  {
    events: 'id, [streamId+hlc], type',
    outbox: 'eventId, queuedAt',
    playbooks: '[id+language], id, kind',
    settings: 'key',
    streams: 'streamId',
  },
  { rejected: 'eventId, at', flagged: 'eventId, streamId' },
  { drafts: 'draftId, updatedAt' },
  { branches: 'orgId', branchEvents: '[orgId+id], [orgId+streamId], [orgId+type]' },
  { photos: 'hash, streamId, unsent' },
  { packs: '++key, streamId, *ids' },
  { receipts: '++key' },
  { signatures: 'eventId', certificates: 'deviceId', receivedBundles: 'bundleId, receivedAt', eventOrigins: 'eventId, bundleId' },
];

/** A database exactly as release `upTo` (1-based) made it. */
function releasedDb(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  RELEASED.slice(0, upTo).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}

/** One row for every table a release had, each indexed field set, so each index can be read back. */
async function fillRelease(db: Dexie, upTo: number): Promise<void> {
  const rows: Record<string, object> = {
    events: { id: 'e1', streamId: 's1', hlc: '0001', type: 'incident.declared' },
    outbox: { eventId: 'e1', queuedAt: 5 },
    playbooks: { id: 'flood', language: 'en', kind: 'flood' },
    settings: { key: 'device', value: 'phone-1' },
    streams: { streamId: 's1', rev: 1 },
    rejected: { eventId: 'e9', at: 7 },
    flagged: { eventId: 'e8', streamId: 's1' },
    drafts: { draftId: 'd1', updatedAt: 3 },
    branches: { orgId: 'org-b' },
    branchEvents: { orgId: 'org-b', id: 'b1', streamId: 's2', type: 'incident.declared' },
    photos: { hash: 'h1', streamId: 's1', unsent: 1 },
    packs: { streamId: 's1', ids: ['e2', 'e3'] },
    receipts: { eventIds: ['e4'] },
    signatures: { eventId: 'e1', signature: 'ab' },
    certificates: { deviceId: 'd2' },
    receivedBundles: { bundleId: 'hb1', receivedAt: 9 },
    eventOrigins: { eventId: 'e1', bundleId: 'hb1' },
  };
  const tables = RELEASED.slice(0, upTo).flatMap((stores) => Object.keys(stores));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await db.table(table).add(rows[table]);
  });
}

const opened: MusterDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('the device database', () => {
  it('declares the newest release with every table it ever had', async () => {
    const db = openDb('db-fresh');
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(RELEASED.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual(RELEASED.flatMap((s) => Object.keys(s)).sort());
    for (const stores of RELEASED) {
      for (const [table, spec] of Object.entries(stores)) {
        const schema = db.table(table).schema;
        // The same primary key and indexes as the release that added the table declared.
        const declared = spec.split(',').map((s) => s.trim());
        expect([schema.primKey.src, ...schema.indexes.map((i) => i.src)]).toEqual(declared);
      }
    }
  });

  for (let upTo = 1; upTo < RELEASED.length; upTo++) {
    it(`opens a phone's database from release ${upTo} with nothing lost, and adds the tables it lacked`, async () => {
      const name = `db-from-${upTo}`;
      const old = releasedDb(name, upTo);
      await old.open();
      await fillRelease(old, upTo);
      old.close();

      const db = openDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(RELEASED.length);
      // What the phone held is all there, found by its indexes too.
      expect(await db.events.where('type').equals('incident.declared').primaryKeys()).toEqual(['e1']);
      expect(await db.events.where('[streamId+hlc]').between(['s1', Dexie.minKey], ['s1', Dexie.maxKey]).count()).toBe(1);
      expect(await db.outbox.orderBy('queuedAt').primaryKeys()).toEqual(['e1']);
      expect(await db.playbooks.where('kind').equals('flood').count()).toBe(1);
      expect((await db.settings.get('device'))?.value).toBe('phone-1');
      expect(await db.streams.count()).toBe(1);
      if (upTo >= 2) expect(await db.flagged.where('streamId').equals('s1').count()).toBe(1);
      if (upTo >= 4) expect(await db.branchEvents.where('[orgId+type]').equals(['org-b', 'incident.declared']).count()).toBe(1);
      if (upTo >= 6) expect(await db.packs.where('ids').equals('e3').count()).toBe(1);
      // The tables added since can be written and read by their indexes.
      await db.photos.put({ hash: 'h2', streamId: 's1', unsent: 1 } as never);
      expect(await db.photos.where('unsent').equals(1).primaryKeys()).toContain('h2');
      const key = await db.packs.add({ streamId: 's1', ids: ['e7'] } as never);
      expect(await db.packs.where('ids').equals('e7').primaryKeys()).toEqual([key]);
      await db.receipts.add({ eventIds: ['e5'] } as never);
      expect(await db.receipts.count()).toBe(upTo >= 7 ? 2 : 1);
      await db.receivedBundles.put({ bundleId: 'hb2', receivedAt: 11 } as never);
      expect(await db.receivedBundles.orderBy('receivedAt').primaryKeys()).toEqual(upTo >= 8 ? ['hb1', 'hb2'] : ['hb2']);
      await db.eventOrigins.put({ eventId: 'e6', bundleId: 'hb2' });
      expect(await db.eventOrigins.where('bundleId').equals('hb2').primaryKeys()).toEqual(['e6']);
      await db.drafts.put({ draftId: 'd2', updatedAt: 9 } as never);
      expect(await db.drafts.orderBy('updatedAt').last()).toMatchObject({ draftId: 'd2' });
    });
  }
});
