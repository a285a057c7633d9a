import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../domain/playbook/schema';
import { oneVersionEach, sitesWithRoutes } from './sites';
import { samplePlaybook } from '#fixtures/sample-playbook';

type Entry = { id: string; language: string; kind: string; source: 'shipped' | 'imported' };

describe('the playbooks the routes screen lists', () => {
  it('lists an imported flood-kind playbook that maps buildings, and leaves out a fire-kind one that maps none', async () => {
    const floodWithBuildings: Playbook = { ...samplePlaybook(), id: 'river-flood', kind: 'flood' };
    const fireWithout: Playbook = { ...samplePlaybook(), id: 'plain-fire', kind: 'fire' };
    delete fireWithout.buildings;
    const bodies = new Map([floodWithBuildings, fireWithout].map((p) => [p.id, p]));
    const library: Entry[] = [
      { id: 'river-flood', language: 'en', kind: 'flood', source: 'imported' },
      { id: 'plain-fire', language: 'en', kind: 'fire', source: 'shipped' },
    ];
    const sites = await sitesWithRoutes(library, 'en', (e) => Promise.resolve(bodies.get(e.id) ?? null));
    expect(sites.map((s) => s.id)).toEqual(['river-flood']);
  });

  it('leaves out a playbook that is no longer on the device', async () => {
    expect(await sitesWithRoutes([{ id: 'gone', language: 'en' }], 'en', () => Promise.resolve(null))).toEqual([]);
  });

  it('takes one version of each playbook, in the reader language where there is one', () => {
    const library = [
      { id: 'a', language: 'en' },
      { id: 'a', language: 'zh-CN' },
      { id: 'b', language: 'en' },
    ];
    expect(oneVersionEach(library, 'zh-CN')).toEqual([
      { id: 'a', language: 'zh-CN' },
      { id: 'b', language: 'en' },
    ]);
  });
});
