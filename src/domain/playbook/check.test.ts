import { describe, expect, it } from 'vitest';
import { put, remove } from '#fixtures/broken-samples';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';
import type { Floor } from './schema-evacuation';
import { validatePlaybook } from './validate';

function errorsOf(input: unknown, language: 'en' | 'zh-CN' = 'en') {
  const result = validatePlaybook(input, { language });
  return result.ok ? [] : result.issues;
}

/** The sample with a tower of `n` floors, 1F to nF, each going down the central staircase. */
function tower(n: number) {
  const p = samplePlaybook();
  const floors: Floor[] = Array.from({ length: n }, (_, i) => ({
    id: `floor-${i + 1}`,
    label: `${i + 1}F`,
    order: i + 1,
    routes: [
      {
        id: 'primary',
        kind: 'primary',
        instruction: 'Go down.',
        legs: [{ kind: 'stairs', stairway: 'central-staircase', direction: 'down', text: 'Go down.' }],
      },
    ],
  }));
  p.buildings = [{ id: 'tower', name: 'Riverside tower', floors }];
  return p;
}

describe('validatePlaybook, as a safety officer reads it', () => {
  it('says the same mistake on 12 floors once, naming the building and listing the floors, in both languages', () => {
    const p = tower(12);
    for (const f of p.buildings![0]!.floors) remove(f.routes[0]!.legs![0]!, 'stairway');
    expect(errorsOf(p)).toEqual([
      {
        path: 'buildings[0].floors[0].routes[0].legs[0]',
        severity: 'error',
        place: 'building "Riverside tower"',
        message:
          'a stretch of kind "stairs" needs "stairway" (a stairway id) or "nearest": "stairs" (on 12 floors: "1F", "2F", "3F", "4F", "5F", "6F", "7F", "8F" and 4 more)',
      },
    ]);
    expect(errorsOf(p, 'zh-CN')).toEqual([
      {
        path: 'buildings[0].floors[0].routes[0].legs[0]',
        severity: 'error',
        place: '建筑 "Riverside tower"',
        message:
          'kind 为 "stairs" 的路段需要填写 "stairway"（楼梯的 id）或 "nearest": "stairs"（共 12 个楼层："1F"、"2F"、"3F"、"4F"、"5F"、"6F"、"7F"、"8F"（另有 4 个未列出））',
      },
    ]);
  });

  it('names the floor and route of an issue by their labels, beside the path', () => {
    const p = tower(3);
    put(p.buildings![0]!.floors[2]!.routes[0]!, 'assemblyPoint', 'front-square');
    expect(errorsOf(p)).toEqual([
      {
        path: 'buildings[0].floors[2].routes[0].assemblyPoint',
        severity: 'error',
        place: 'building "Riverside tower", floor "3F", route "primary" (primary)',
        message: 'unknown assembly point "front-square"; expected one of "car-park" from assemblyPoints',
      },
    ]);
  });

  it('names what is wrong in the shape and in the references in one pass', () => {
    const p = tower(2);
    put(p.phases[0]!.steps[1]!, 'support', 'on-duty-lead');
    put(p.buildings![0]!.floors[1]!.routes[0]!.legs![0]!, 'stairway', 'west-stairs');
    put(p.aftermath[1]!, 'owner', 'finance');
    expect(errorsOf(p).map((i) => [i.path, i.message.split(';')[0]])).toEqual([
      ['phases[0].steps[1].support', 'expected a list, got the text "on-duty-lead"'],
      ['aftermath[1].owner', 'unknown role, group, team or position "finance"'],
      ['buildings[0].floors[1].routes[0].legs[0].stairway', 'unknown stairway "west-stairs"'],
    ]);
  });

  it('does not say a misspelt field is missing: "did you mean" is the one thing to fix', () => {
    const p = samplePlaybook();
    const refuge = { id: 'refuge', kind: 'step-free', instruction: 'Wait.', sty: { refuge: 'Here', actions: ['Wait.'], call: [{ role: 'hq' }] } };
    put(p.buildings![0]!.floors[1]!, 'routes', [...p.buildings![0]!.floors[1]!.routes, refuge]);
    expect(errorsOf(p).map((i) => [i.path, i.message])).toEqual([['buildings[0].floors[1].routes[2].sty', 'unknown field; did you mean "stay"?']]);
    const v1 = samplePlaybookV1();
    const route = v1.buildings![1]!.floors[0]!.routes[0]!;
    remove(route, 'stairway');
    put(route, 'stairwya', 'west-fire-escape');
    expect(errorsOf(v1).map((i) => [i.path, i.message])).toEqual([['buildings[1].floors[0].routes[0].stairwya', 'unknown field; did you mean "stairway"?']]);
  });

  it('does not call every owner unknown when the command structure cannot be read, nor a floor without its primary route when a kind is wrong', () => {
    const p = samplePlaybook();
    put(p.command, 'groups', [p.command.groups[0], 'extinguisher team']);
    put(p.buildings![0]!.floors[1]!.routes[1]!, 'kind', 'main');
    expect(errorsOf(p).map((i) => i.path)).toEqual(['command.groups[1]', 'buildings[0].floors[1].routes[1].kind']);
  });

  it('reads no further into a field it does not know: what is inside is not checked again', () => {
    const p = samplePlaybook();
    put(p, 'contacts', [{ owner: 'nobody', stairway: 'nowhere' }]);
    expect(errorsOf(p).map((i) => i.path)).toEqual(['contacts']);
  });
});
