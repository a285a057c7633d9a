import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playbook } from '../../domain/playbook/schema';
import { openDb, type MusterDb } from '../../storage/db';
import { storePlaybook } from '../../storage/playbooks';
import { LOADING } from '../../ui/use-async';
import { loadPlaybook, playbookLoad } from './library';
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
