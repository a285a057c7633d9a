import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import type { PathSegment } from './json-path';
import type { PlaceThing } from './message-words';
import { speak } from './messages';
import { entryLabel, placeOf } from './places';

const en = speak('en');
const zh = speak('zh-CN');

function placeIn(doc: unknown, at: readonly PathSegment[], say = en): string {
  return say('place', { parts: placeOf(doc, at) });
}

describe('the place of an issue, in the file’s own words', () => {
  it('names the building, floor and route, with the route’s kind, in English and in Chinese', () => {
    const p = samplePlaybook();
    const at = ['buildings', 0, 'floors', 1, 'routes', 0, 'legs', 0, 'nearest'];
    expect(placeIn(p, at)).toBe('building "Main building", floor "Floor 2", route "alternate" (alternate), stretch 1 ("Go down by the nearest stairs.")');
    expect(placeIn(p, at, zh)).toBe('建筑 "Main building"，楼层 "Floor 2"，路线 "alternate"（备用路线），第 1 个路段（"Go down by the nearest stairs."）');
  });

  it('quotes Chinese labels exactly as the file has them', () => {
    const p = samplePlaybook();
    p.buildings![0]!.name = '西主楼';
    p.buildings![0]!.floors[0]!.label = '1楼';
    expect(placeIn(p, ['buildings', 0, 'floors', 0, 'routes'], zh)).toBe('建筑 "西主楼"，楼层 "1楼"');
  });

  it('names a step by its id and the start of its text, cut to stay short', () => {
    const p = samplePlaybook();
    p.phases[0]!.steps[1]!.text = 'Call 119 and tell them the address, the floor and what is burning.';
    expect(placeIn(p, ['phases', 0, 'steps', 1, 'owner'])).toBe('phase "Raise the alarm", step "step.alarm.call-119" ("Call 119 and tell them the addre…")');
    expect(placeIn(p, ['phases', 1, 'steps', 0, 'items', 1, 'id'])).toBe(
      'phase "Respond", step "step.respond.firefight" ("Fight the fire."), sub-item "enter" ("Go in together.")',
    );
  });

  it('names the posts and groups of the command structure by their titles and names', () => {
    const p = samplePlaybook();
    expect(placeIn(p, ['command', 'headquarters', 'deputies', 0, 'title'])).toBe('group "Headquarters", post "Deputy Commander"');
    expect(placeIn(p, ['command', 'groups', 0, 'leader', 'id'])).toBe('group "Volunteer Fire Team", post "Team Leader"');
    expect(placeIn(p, ['command', 'roles', 1, 'person'], zh)).toBe('角色 "Leader on duty"');
  });

  it('falls back to the id, then to the position, where the file has no label', () => {
    const p = samplePlaybook() as unknown as { buildings: Record<string, unknown>[] };
    delete p.buildings[0]!.name;
    p.buildings[1] = 'annex' as never;
    expect(placeIn(p, ['buildings', 0, 'floors'])).toBe('building "main"');
    expect(placeIn(p, ['buildings', 1, 'floors'])).toBe('building 2');
    expect(placeIn(p, ['buildings', 1, 'floors'], zh)).toBe('第 2 栋建筑');
  });

  it('says nothing for paths outside named things', () => {
    expect(placeOf(samplePlaybook(), ['version'])).toEqual([]);
    expect(placeOf(samplePlaybook(), ['command', 'description'])).toEqual([]);
    expect(placeOf(null, ['buildings', 0])).toEqual([]);
  });

  it('gives the labels a repeated issue lists', () => {
    const p = samplePlaybook();
    expect(entryLabel(p.buildings![0]!.floors, 'floors', 1)).toBe('Floor 2');
    expect(entryLabel(p.phases, 'phases', 0)).toBe('Raise the alarm');
    expect(entryLabel(['a', 'b'], 'scope', 1)).toBe('2');
  });

  const THINGS: readonly PlaceThing[] = [
    'building',
    'floor',
    'route',
    'leg',
    'rule',
    'call',
    'phase',
    'step',
    'item',
    'group',
    'team',
    'role',
    'post',
    'emergencyNumber',
    'stairway',
    'assemblyPoint',
    'aftermath',
    'check',
    'area',
    'principle',
    'everyoneRule',
    'shelter',
    'task',
    'requirement',
    'entry',
  ];

  it.each(THINGS)('has words for a %s in both languages, by label, by position and counted', (thing) => {
    for (const part of [
      { thing, label: 'x-1' },
      { thing, number: 3 },
    ]) {
      expect(en('place', { parts: [part] })).toMatch(/^[a-z]/);
      // Only the quoted label and the number may be other than Chinese.
      expect(zh('place', { parts: [part] }).replace(/"[^"]*"|\d+/g, '')).toMatch(/^[\u4e00-\u9fff\s]+$/u);
    }
    const message = en('floor.noWayOutAlways');
    expect(en('issue.repeated', { message, thing, count: 2, labels: ['a', 'b'] })).toMatch(/ \((on|in) 2 [a-z -]+: "a", "b"\)$/);
    expect(zh('issue.repeated', { message: zh('floor.noWayOutAlways'), thing, count: 2, labels: ['a', 'b'] })).toMatch(/（共 2 [\u4e00-\u9fff]+："a"、"b"）$/u);
  });
});
