// The storage port's photo methods (putBlob, getBlob, blobBytesForStream, storedBlobBytes), run
// on SQLite and on PostgreSQL through the port only, as store-contract.test.ts runs the rest.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AT, engines, type ContractStore } from './store-contract-engines';
import { removeTempDirs } from './support';

afterAll(() => removeTempDirs());

const INCIDENT = 'inc-riverside-flood';
const LIMIT = 50_000;

function photo(size: number, streamId = INCIDENT, tokenId = 'dt-duty') {
  const data = new Uint8Array(randomBytes(size));
  data.set([0xff, 0xd8, 0xff]);
  return { hash: createHash('sha256').update(data).digest('hex'), streamId, type: 'image/jpeg' as const, data, tokenId };
}

for (const engine of engines()) {
  describe.skipIf(engine.skipped)(`the storage port on ${engine.name}: notes' photos`, () => {
    afterEach(() => engine.closeAll());

    async function withOrgs(label: string): Promise<ContractStore> {
      const store = await (await engine.newDatabase(label)).open();
      await store.createOrg({ id: 'org-riverside', name: 'Riverside' }, AT);
      await store.createOrg({ id: 'org-other', name: 'Another bank' }, AT);
      return store;
    }

    it('stores a photo once by its hash, hands back the very bytes, and counts it to its incident and organisation', async () => {
      const store = await withOrgs('blobs');
      const p = photo(20_000);
      expect(await store.putBlob('org-riverside', p, LIMIT, AT)).toEqual({ status: 'stored', streamBytes: 20_000 });
      expect(await store.putBlob('org-riverside', p, LIMIT, AT)).toEqual({ status: 'duplicate' });
      // The same image named by another incident: still the one copy, counted where it came first.
      expect(await store.putBlob('org-riverside', { ...p, streamId: 'inc-other' }, LIMIT, AT)).toEqual({ status: 'duplicate' });

      const got = await store.getBlob('org-riverside', p.hash);
      expect(got).toMatchObject({ hash: p.hash, streamId: INCIDENT, type: 'image/jpeg', storedAt: AT });
      expect(Buffer.from(got?.data ?? []).equals(Buffer.from(p.data))).toBe(true);
      expect(await store.blobBytesForStream('org-riverside', INCIDENT)).toBe(20_000);
      expect(await store.blobBytesForStream('org-riverside', 'inc-other')).toBe(0);
      expect(await store.storedBlobBytes('org-riverside')).toBe(20_000);
      expect(await store.storedBlobBytes('org-nobody')).toBe(0);
    });

    it('never hands one organisation’s photo to another, and keeps each one’s copy apart', async () => {
      const store = await withOrgs('blobs-orgs');
      const p = photo(1_000);
      await store.putBlob('org-riverside', p, LIMIT, AT);
      expect(await store.getBlob('org-other', p.hash)).toBeUndefined();
      expect(await store.putBlob('org-other', p, LIMIT, AT)).toEqual({ status: 'stored', streamBytes: 1_000 });
      expect(await store.storedBlobBytes('org-other')).toBe(1_000);
      expect(await store.storedBlobBytes('org-riverside')).toBe(1_000);
    });

    it('refuses a photo that would take its incident past the limit, writing nothing', async () => {
      const store = await withOrgs('blobs-limit');
      expect(await store.putBlob('org-riverside', photo(30_000), LIMIT, AT)).toMatchObject({ status: 'stored' });
      const over = photo(25_000);
      expect(await store.putBlob('org-riverside', over, LIMIT, AT)).toEqual({ status: 'incidentFull', streamBytes: 30_000 });
      expect(await store.getBlob('org-riverside', over.hash)).toBeUndefined();
      // Exactly up to the limit is allowed; another incident has its own.
      expect(await store.putBlob('org-riverside', photo(20_000), LIMIT, AT)).toEqual({ status: 'stored', streamBytes: LIMIT });
      expect(await store.putBlob('org-riverside', { ...over, streamId: 'inc-fire' }, LIMIT, AT)).toMatchObject({ status: 'stored' });
    });

    it('lets uploads racing on two connections fill an incident only up to its limit', async () => {
      const db = await engine.newDatabase('blobs-race');
      const first = await db.open();
      await first.createOrg({ id: 'org-riverside', name: 'Riverside' }, AT);
      const second = await db.open();
      const photos = Array.from({ length: 8 }, () => photo(10_000));
      const outcomes = await Promise.all(photos.map((p, i) => (i % 2 === 0 ? first : second).putBlob('org-riverside', p, LIMIT, AT)));
      expect(outcomes.filter((o) => o.status === 'stored')).toHaveLength(5);
      expect(outcomes.filter((o) => o.status === 'incidentFull')).toHaveLength(3);
      expect(await first.blobBytesForStream('org-riverside', INCIDENT)).toBe(LIMIT);
    });

    it('refuses a photo for an organisation that does not exist', async () => {
      const store = await withOrgs('blobs-no-org');
      await expect(async () => store.putBlob('org-nowhere', photo(100), LIMIT, AT)).rejects.toThrow();
    });
  });
}
