import { describe, expect, it } from 'vitest';
import { put } from '#fixtures/broken-samples';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';
import type { Playbook } from './schema';
import type { Floor, Route } from './schema-evacuation';
import { type PlaybookIssue, validatePlaybook } from './validate';

/**
 * Warnings: a file that has them still comes in (`ok: true`), and each is said in both
 * languages. The sample playbook's own warnings (fields no screen shows) are left out here.
 */
function floorWarnings(p: unknown, language: 'en' | 'zh-CN' = 'en'): Pick<PlaybookIssue, 'path' | 'message' | 'place'>[] {
  const result = validatePlaybook(p, { language });
  expect(result.ok).toBe(true);
  const unshown = /no screen of the app shows|应用中没有任何界面显示/;
  return result.warnings.filter((w) => !unshown.test(w.message)).map(({ path, message, place }) => ({ path, message, ...(place && { place }) }));
}

function floor(id: string, label: string, order: number, routes: Route[], level?: number): Floor {
  return { id, label, order, ...(level !== undefined && { level }), routes };
}

const down: Route = {
  id: 'primary',
  kind: 'primary',
  instruction: 'Go down.',
  legs: [{ kind: 'stairs', nearest: 'stairs', direction: 'down', text: 'Go down.' }],
};
const ramp: Route = { id: 'ramp', kind: 'step-free', instruction: 'Take the ramp.', legs: [{ kind: 'ramp', direction: 'up', text: 'Up the ramp.' }] };
const refuge: Route = {
  id: 'refuge',
  kind: 'step-free',
  instruction: 'Wait in the refuge.',
  stay: { refuge: 'By the north stairs', actions: ['Close the door.'], call: [{ emergencyNumber: 'fire-119' }] },
};

/** The sample with one building of the floors given. */
function withFloors(...floors: Floor[]): Playbook {
  const p = samplePlaybook();
  p.buildings = [{ id: 'tower', name: 'Tower', floors }];
  return p;
}

describe('warnings', () => {
  it('leaves the sample, the shipped plans’ kind of building, without floor warnings', () => {
    expect(floorWarnings(samplePlaybook())).toEqual([]);
    expect(floorWarnings(samplePlaybookV1())).toEqual([]);
  });

  it('warns about two floors with the same order, in both languages', () => {
    const p = withFloors(floor('f1', '1F', 1, [down], 1), floor('f2', '2F', 2, [down]), floor('f2m', '2M', 2, [down]));
    expect(floorWarnings(p)).toEqual([
      {
        path: 'buildings[0].floors[2].order',
        place: 'building "Tower", floor "2M"',
        message:
          '"order" 2 is also that of floor "2F" at buildings[0].floors[1]; the app cannot tell which of the two is higher and lists them as the file does',
      },
    ]);
    expect(floorWarnings(p, 'zh-CN')).toEqual([
      {
        path: 'buildings[0].floors[2].order',
        place: '建筑 "Tower"，楼层 "2M"',
        message: '"order" 为 2，与 buildings[0].floors[1] 的楼层 "2F" 相同；应用无法判断两层中哪一层更高，只能按文件中的先后列出',
      },
    ]);
  });

  it('warns about two version 1 floors with the same level, naming "level"', () => {
    const p = samplePlaybookV1();
    put(p.buildings![0]!.floors[1]!, 'level', 1);
    expect(floorWarnings(p).map((w) => [w.path, w.message.split(';')[0]])).toEqual([
      ['buildings[0].floors[1].level', '"level" 1 is also that of floor "Floor 1" at buildings[0].floors[0]'],
    ]);
  });

  it('warns about a floor whose every route waits or applies only sometimes, in both languages', () => {
    const p = withFloors(floor('f1', '1F', 1, [down], 1), floor('f2', '2F', 2, [{ ...down, when: 'by day' }, refuge]));
    expect(floorWarnings(p)).toEqual([
      {
        path: 'buildings[0].floors[1]',
        place: 'building "Tower", floor "2F"',
        message:
          'no way out of this floor holds at all times: every route waits in a refuge ("stay") or has a condition ("when"); add one with "legs" and no "when"',
      },
    ]);
    expect(floorWarnings(p, 'zh-CN').map((w) => w.message)).toEqual([
      '此楼层没有任何时候都能用的疏散路线：每条路线要么是原地等待（"stay"），要么带有适用条件（"when"）；请添加一条有 "legs" 且不带 "when" 的路线',
    ]);
  });

  it('warns about floors without a step-free route where others have one, once for all of them, but not the ground floor', () => {
    const p = withFloors(
      floor('b1', 'B1', -1, [down], -1),
      floor('f1', '1F', 1, [down], 1),
      floor('f2', '2F', 2, [down, refuge], 2),
      floor('f3', '3F', 3, [down], 3),
      floor('f4', '4F', 4, [down]),
    );
    expect(floorWarnings(p)).toEqual([
      {
        path: 'buildings[0].floors[0]',
        place: 'building "Tower"',
        message:
          'no step-free route, though floor "2F" of this building has one: someone who cannot use stairs is told nothing on this floor (on 3 floors: "B1", "3F", "4F")',
      },
    ]);
    expect(floorWarnings(p, 'zh-CN').map((w) => w.message)).toEqual([
      '此处没有无需楼梯的路线，而本建筑的楼层 "2F" 有：不能走楼梯的人在这一层得不到任何指引（共 3 个楼层："B1"、"3F"、"4F"）',
    ]);
  });

  it('asks nothing of a building whose plan has no step-free route at all', () => {
    expect(floorWarnings(withFloors(floor('f1', '1F', 1, [down], 1), floor('f2', '2F', 2, [down], 2)))).toEqual([]);
  });

  it('names each field no screen shows once, with how many places have it, in both languages', () => {
    const p = samplePlaybook();
    p.phases[0]!.steps[0]!.source = '三、1';
    p.phases[1]!.steps[0]!.source = '三、2';
    // A stand-alone role's person is shown on the command chart: no warning.
    p.command.roles![0]!.person = 'Wang Fang';
    const warnings = validatePlaybook(p).warnings;
    expect(warnings.filter((w) => /"(source|person)"/.test(w.message))).toEqual([
      {
        path: 'phases[0].steps[0].source',
        severity: 'warning',
        place: 'phase "Raise the alarm", step "step.alarm.report" ("Report the fire.")',
        message: 'no screen of the app shows this "source", so nobody will read it (2 places like it in this file)',
      },
    ]);
    const zh = validatePlaybook(p, { language: 'zh-CN' }).warnings.find((w) => w.path === 'phases[0].steps[0].source');
    expect(zh?.message).toBe('应用中没有任何界面显示这里的 "source"，没有人会读到它（本文件中这样的地方共 2 处）');
  });

  it('leaves out a warning about a place that is in error, or inside one', () => {
    const p = withFloors(
      floor('f1', '1F', 1, [{ ...down, source: '四、1' }, ramp], 1),
      // The refuge made an alternate route: an error, and so floor 2 is not also said to lack a step-free route.
      floor('f2', '2F', 2, [down, { ...refuge, kind: 'alternate' }], 2),
      // A refuge that also has legs: an error at the route, so the source written on it is not counted.
      floor('f3', '3F', 3, [down, { ...refuge, legs: [{ kind: 'corridor', text: 'Along.' }], source: '四、2' }], 3),
    );
    const result = validatePlaybook(p);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['buildings[0].floors[1].routes[1].kind', 'buildings[0].floors[2].routes[1]']);
    expect(result.warnings.map((w) => w.path)).not.toContain('buildings[0].floors[1]');
    // The source beside the errors stays, counted alone.
    expect(result.warnings.filter((w) => w.message.includes('"source"'))).toEqual([
      {
        path: 'buildings[0].floors[0].routes[0].source',
        severity: 'warning',
        place: 'building "Tower", floor "1F", route "primary" (primary)',
        message: 'no screen of the app shows this "source", so nobody will read it (1 place like it in this file)',
      },
    ]);
  });
});
