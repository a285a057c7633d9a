import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishedPlaybook } from '../domain/playbook-publish';
import { playbookContentHash } from '../domain/playbook/content-hash';
import type { Playbook } from '../domain/playbook/schema';
import { openDb, type MusterDb } from './db';
import { getStoredPlaybook, listHeldPlaybooks, storePlaybook, storePublishedPlaybook } from './playbooks';
import { samplePlaybook } from '#fixtures/sample-playbook';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);

/** Revision `revision` of the sample fire plan as the organisation's server would send it. */
function published(revision: number, version: string, note = `Revision ${revision}`): PublishedPlaybook {
  const playbook: Playbook = { ...samplePlaybook(), version, title: `Fire plan r${revision}` };
  return {
    id: playbook.id,
    language: playbook.language,
    revision,
    version,
    kind: playbook.kind,
    title: playbook.title,
    hash: playbookContentHash(playbook),
    note,
    publishedAt: new Date(T0).toISOString(),
    publishedBy: "Safety officer's tablet",
    playbook,
  };
}

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`published-playbooks-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('keeping the organisation’s published playbooks on the device', () => {
  it('stores the body and the publication in one row, with when this device received it', async () => {
    expect(await storePublishedPlaybook(db, published(1, '1.1.0', 'Basement route now via stair B'), T0 + 5)).toBe('stored');
    const row = await getStoredPlaybook(db, 'sample-fire', 'en');
    expect(row).toMatchObject({
      source: 'published',
      version: '1.1.0',
      title: 'Fire plan r1',
      storedAt: T0 + 5,
      published: { revision: 1, note: 'Basement route now via stair B', publishedBy: "Safety officer's tablet" },
    });
    expect(row?.published?.hash).toBe(playbookContentHash(row?.body));
    expect(await listHeldPlaybooks(db)).toEqual([{ id: 'sample-fire', language: 'en', version: '1.1.0', source: 'published', revision: 1 }]);
  });

  it('replaces revision 2 with revision 3, and never revision 3 with revision 2 or with itself', async () => {
    await storePublishedPlaybook(db, published(2, '1.2.0'), T0);
    expect(await storePublishedPlaybook(db, published(3, '1.3.0'), T0 + 1)).toBe('stored');
    expect(await storePublishedPlaybook(db, published(2, '1.2.0'), T0 + 2)).toBe('held');
    expect(await storePublishedPlaybook(db, published(3, '1.3.0'), T0 + 3)).toBe('held');
    const row = await getStoredPlaybook(db, 'sample-fire', 'en');
    expect(row).toMatchObject({ version: '1.3.0', storedAt: T0 + 1, published: { revision: 3 } });
  });

  it('never lets two deliveries at once leave the lower revision in place', async () => {
    await Promise.all([storePublishedPlaybook(db, published(5, '2.0.0'), T0), storePublishedPlaybook(db, published(4, '1.9.0'), T0)]);
    expect((await getStoredPlaybook(db, 'sample-fire', 'en'))?.published?.revision).toBe(5);
  });

  it('takes the place of an imported file of the same or an older version, but keeps an imported newer one', async () => {
    await storePlaybook(db, { ...samplePlaybook(), version: '1.1.0' }, T0);
    expect(await storePublishedPlaybook(db, published(1, '1.1.0'), T0 + 1)).toBe('stored');
    expect((await getStoredPlaybook(db, 'sample-fire', 'en'))?.source).toBe('published');

    await storePlaybook(db, { ...samplePlaybook(), version: '3.0.0' }, T0 + 2);
    expect(await storePublishedPlaybook(db, published(2, '1.2.0'), T0 + 3)).toBe('imported-newer');
    expect(await getStoredPlaybook(db, 'sample-fire', 'en')).toMatchObject({ source: 'imported', version: '3.0.0' });
    expect(await listHeldPlaybooks(db)).toEqual([{ id: 'sample-fire', language: 'en', version: '3.0.0', source: 'imported', revision: null }]);
  });
});
