import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type MusterDb } from '../../storage/db';
import { storePlaybook } from '../../storage/playbooks';
import { loadSite } from './useSite';
import { samplePlaybook } from '#fixtures/sample-playbook';

// The shipped catalogue is built by a Vite plugin the unit tests run without; these tests need only imported plans.
vi.mock('../playbooks/catalogue', () => ({ shippedPlaybooks: [], loadShippedPlaybook: () => Promise.reject(new Error('nothing shipped')) }));

let db: MusterDb;
beforeEach(async () => {
  db = openDb('site-test');
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a site in two languages', () => {
  it("puts the reader's language first and the other beside it, and has nothing without the first", async () => {
    await storePlaybook(db, { ...samplePlaybook(), language: 'zh-CN', title: '示例消防预案' }, 1);
    await storePlaybook(db, samplePlaybook(), 1);
    const site = await loadSite(db, 'sample-fire', 'zh-CN', 'en');
    expect([site?.main.title, site?.other?.title]).toEqual(['示例消防预案', 'Sample fire plan']);
    expect((await loadSite(db, 'sample-fire', 'en', undefined))?.other).toBeUndefined();
    expect(await loadSite(db, 'sample-fire', 'fr', 'en')).toBeNull();
    expect(await loadSite(db, 'sample-fire', undefined, undefined)).toBeNull();
  });
});
