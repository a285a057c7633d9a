import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validatePlaybook } from '../../domain/playbook/check';
import type { Playbook } from '../../domain/playbook/schema';
import { floorChoices, oneVersionEach, sitesWithRoutes } from './sites';
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

/** The Riverside example as the import screen stores it: checked, version 2. */
function riverside(language: 'en' | 'zh-CN'): Playbook {
  const checked = validatePlaybook(JSON.parse(readFileSync(new URL(`../../../scenarios/examples/riverside.${language}.json`, import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error('the Riverside example does not validate');
  return checked.playbook;
}

describe('the imported Riverside flood plan in the finder', () => {
  it('is listed beside the shipped plans although it is a flood plan, and a flood plan without buildings is not', async () => {
    const plans = new Map<string, Playbook>([
      ['riverside-flood', riverside('zh-CN')],
      ['flood-emergency', { ...samplePlaybook(), id: 'flood-emergency', kind: 'flood', buildings: [] }],
      ['fire-evacuation', samplePlaybook()],
    ]);
    const library: Entry[] = [
      { id: 'fire-evacuation', language: 'zh-CN', kind: 'fire', source: 'shipped' },
      { id: 'flood-emergency', language: 'zh-CN', kind: 'flood', source: 'shipped' },
      { id: 'riverside-flood', language: 'en', kind: 'flood', source: 'imported' },
      { id: 'riverside-flood', language: 'zh-CN', kind: 'flood', source: 'imported' },
    ];
    const sites = await sitesWithRoutes(library, 'zh-CN', (e) => Promise.resolve(plans.get(e.id) ?? null));
    expect(sites.map((s) => [s.id, s.language])).toEqual([
      ['fire-evacuation', 'zh-CN'],
      ['riverside-flood', 'zh-CN'],
    ]);
  });

  it('offers its floors bottom up, the mezzanine between 1F and 2F: B2, B1, 1F, 2M, 2F', () => {
    const [en] = riverside('en').buildings ?? [];
    const [zh] = riverside('zh-CN').buildings ?? [];
    if (!en || !zh) throw new Error('the Riverside example has no building');
    expect(floorChoices(en).map((f) => f.label)).toEqual(['B2', 'B1', '1F', '2M', '2F']);
    expect(floorChoices(zh).map((f) => f.label)).toEqual(['B2', 'B1', '一楼', '2M', '二楼']);
    expect(floorChoices(en).map((f) => f.id)).toEqual(['floor-b2', 'floor-b1', 'floor-1', 'floor-2m', 'floor-2']);
  });
});
