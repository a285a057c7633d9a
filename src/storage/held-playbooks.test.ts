import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type MusterDb } from './db';
import { HELD_PLAYBOOKS_KEY, markHeldPlaybook, refreshHeldPlaybooks } from './held-playbooks';
import { storePlaybook } from './playbooks';
import { samplePlaybook } from '#fixtures/sample-playbook';

/** localStorage as a page has it. */
function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    listed: (): unknown => JSON.parse(items.get(HELD_PLAYBOOKS_KEY) ?? 'null'),
  };
}

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`held-playbooks-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the list of plans this device keeps its own copy of (for the pre-rendered reader pages)', () => {
  it('is set from the database: every stored id and language, once each, sorted', async () => {
    const store = memoryStore();
    await storePlaybook(db, { ...samplePlaybook(), language: 'zh-CN' }, 1);
    await storePlaybook(db, samplePlaybook(), 2);
    store.setItem(HELD_PLAYBOOKS_KEY, JSON.stringify(['gone/en']));
    await refreshHeldPlaybooks(db, store);
    expect(store.listed()).toEqual(['sample-fire/en', 'sample-fire/zh-CN']);
  });

  it('grows by one plan before its copy is written, and mends a broken list', () => {
    const store = memoryStore();
    store.setItem(HELD_PLAYBOOKS_KEY, '{not a list');
    markHeldPlaybook('flood', 'en', store);
    markHeldPlaybook('fire', 'zh-CN', store);
    markHeldPlaybook('flood', 'en', store);
    expect(store.listed()).toEqual(['fire/zh-CN', 'flood/en']);
  });

  it('is left alone where the browser has no storage, and a refused write loses nothing stored', async () => {
    await expect(refreshHeldPlaybooks(db, undefined)).resolves.toBeUndefined();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => markHeldPlaybook('fire', 'en', full)).not.toThrow();
    await storePlaybook(db, samplePlaybook(), 3);
    expect(await db.playbooks.count()).toBe(1);
  });
});
