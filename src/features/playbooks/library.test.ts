import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublishedPlaybook } from '../../domain/playbook-publish';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import type { Playbook } from '../../domain/playbook/schema';
import { openDb, type MusterDb, type StoredPlaybook } from '../../storage/db';
import { storePlaybook, storePublishedPlaybook } from '../../storage/playbooks';
import { LOADING } from '../../ui/use-async';
import type { PlaybookEntry } from './catalogue';
import { loadPlaybook, mergeLibrary, playbookLoad, type PlaybookSource } from './library';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';

// The shipped catalogue is built by a Vite plugin the unit tests run without: one shipped plan,
// written in schema version 1 as today's scenarios/ are, stands in for it.
vi.mock('./catalogue', async () => {
  const { samplePlaybookV1: v1 } = await import('#fixtures/sample-playbook');
  return {
    shippedPlaybooks: [{ file: '/scenarios/fire.en.json', id: 'fire-evacuation', version: '1.0.0', language: 'en', kind: 'fire', title: 'Fire evacuation' }],
    loadShippedPlaybook: () => Promise.resolve({ ...v1(), id: 'fire-evacuation', version: '1.0.0', language: 'en', title: 'Fire evacuation' }),
  };
});

let db: MusterDb;
beforeEach(async () => {
  db = openDb('playbook-library-test');
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const adapted = (version: string): Playbook => ({ ...samplePlaybook(), id: 'fire-evacuation', language: 'en', version, title: 'Adapted fire plan' });

describe('one playbook from the device', () => {
  it('opens the shipped copy until an imported one of the same or a newer version is stored', async () => {
    expect((await loadPlaybook(db, 'fire-evacuation', 'en'))?.source).toBe('shipped');
    await storePlaybook(db, adapted('0.9.0'), 1);
    expect((await loadPlaybook(db, 'fire-evacuation', 'en'))?.source).toBe('shipped');
    await storePlaybook(db, adapted('1.0.0'), 2);
    const loaded = await loadPlaybook(db, 'fire-evacuation', 'en');
    expect(loaded?.source).toBe('imported');
    expect(loaded?.playbook.title).toBe('Adapted fire plan');
  });

  it('reads a shipped version 1 file, and a version 1 body stored by an older app, as version 2', async () => {
    const shipped = await loadPlaybook(db, 'fire-evacuation', 'en');
    expect(shipped?.playbook).toEqual({ ...samplePlaybook(), id: 'fire-evacuation', version: '1.0.0', language: 'en', title: 'Fire evacuation' });
    await db.playbooks.put({
      id: 'sample-fire',
      language: 'en',
      version: '1.0.0',
      kind: 'fire',
      title: 'Sample',
      source: 'imported',
      body: samplePlaybookV1(),
      storedAt: 1,
    });
    expect((await loadPlaybook(db, 'sample-fire', 'en'))?.playbook).toEqual(samplePlaybook());
  });

  it('finds an imported playbook that was never shipped, and nothing for an unknown one', async () => {
    await storePlaybook(db, samplePlaybook(), 1);
    expect((await loadPlaybook(db, 'sample-fire', 'en'))?.source).toBe('imported');
    expect(await loadPlaybook(db, 'sample-fire', 'zh-CN')).toBeNull();
  });

  it('tells a screen that a playbook is missing apart from one that failed to load', () => {
    const playbook = samplePlaybook();
    expect(playbookLoad(LOADING)).toEqual({ status: 'loading' });
    expect(playbookLoad({ status: 'ready', value: null, error: undefined })).toEqual({ status: 'missing' });
    expect(playbookLoad({ status: 'ready', value: { playbook, source: 'imported' }, error: undefined })).toEqual({
      status: 'ready',
      playbook,
      source: 'imported',
    });
    expect(playbookLoad({ status: 'failed', value: undefined, error: new Error('chunk failed') })).toEqual({ status: 'failed', message: 'chunk failed' });
  });
});

/** What the organisation's server sends for `playbook` at `revision`. */
function publishedAs(playbook: Playbook, revision: number, note: string): PublishedPlaybook {
  const { id, language, version, kind, title } = playbook;
  const at = new Date(Date.UTC(2026, 6, 14, 2, 0, 0)).toISOString();
  return { id, language, version, kind, title, revision, hash: playbookContentHash(playbook), note, publishedAt: at, publishedBy: 'Safety office', playbook };
}

describe('a playbook the organisation published', () => {
  it('runs instead of the shipped copy of the same version, and says it is the published one', async () => {
    await storePublishedPlaybook(db, publishedAs({ ...adapted('1.0.0'), title: 'Head office fire plan' }, 1, 'Stair B for the basement'), 7);
    const loaded = await loadPlaybook(db, 'fire-evacuation', 'en');
    expect(loaded?.source).toBe('published');
    expect(loaded?.playbook.title).toBe('Head office fire plan');
  });

  it('gives way to a newer shipped copy (an app update brought a later plan)', async () => {
    await storePublishedPlaybook(db, publishedAs(adapted('0.9.0'), 1, 'First issue'), 7);
    expect((await loadPlaybook(db, 'fire-evacuation', 'en'))?.source).toBe('shipped');
  });
});

describe('the library’s merge rule: one copy per playbook and language', () => {
  const shipped: PlaybookEntry = { file: '/scenarios/fire.en.json', id: 'fire', language: 'en', version: '1.0.0', kind: 'fire', title: 'Shipped' };
  const stored = (source: PlaybookSource, version: string): StoredPlaybook => ({
    id: 'fire',
    language: 'en',
    version,
    kind: 'fire',
    title: source,
    source,
    body: {},
    storedAt: 42,
    ...(source === 'published'
      ? { published: { revision: 3, hash: 'h', note: 'Stair B', publishedAt: '2026-07-14T02:00:00.000Z', publishedBy: 'Safety office' } }
      : {}),
  });
  // [what the device holds besides the shipped 1.0.0, which copy the library shows]
  const cases: [string, StoredPlaybook[], string][] = [
    ['nothing else', [], 'Shipped'],
    ['an imported file of the same version', [stored('imported', '1.0.0')], 'imported'],
    ['a published copy of the same version', [stored('published', '1.0.0')], 'published'],
    ['a published copy of an older version', [stored('published', '0.9.0')], 'Shipped'],
    ['a published and an imported copy of the same version', [stored('imported', '1.1.0'), stored('published', '1.1.0')], 'published'],
    ['the same, listed the other way round', [stored('published', '1.1.0'), stored('imported', '1.1.0')], 'published'],
    ['an imported file newer than the published copy', [stored('published', '1.1.0'), stored('imported', '1.2.0')], 'imported'],
    ['a published copy newer than an imported file', [stored('imported', '1.1.0'), stored('published', '1.2.0')], 'published'],
  ];
  it.each(cases)('with %s, shows the right copy', (_, held, shown) => {
    const library = mergeLibrary([shipped], held);
    expect(library).toHaveLength(1);
    expect(library[0]?.title).toBe(shown);
  });

  it('carries which revision was published, the note and when this device received it', () => {
    expect(mergeLibrary([shipped], [stored('published', '1.0.0')])[0]?.published).toEqual({
      revision: 3,
      note: 'Stair B',
      publishedAt: '2026-07-14T02:00:00.000Z',
      publishedBy: 'Safety office',
      receivedAt: 42,
    });
    expect(mergeLibrary([shipped], [stored('imported', '1.0.0')])[0]?.published).toBeUndefined();
  });
});
