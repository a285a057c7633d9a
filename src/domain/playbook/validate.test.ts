import { describe, expect, it } from 'vitest';
import type { Issue } from '../validation';
import { samplePlaybook } from './sample-playbook';
import type { Playbook } from './schema';
import { validatePlaybook } from './validate';

/** Writes a value of any type into a typed playbook, as a hand-edited file might. */
function put(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}
function remove(target: object, key: string): void {
  delete (target as Record<string, unknown>)[key];
}

function issuesOf(result: ReturnType<typeof validatePlaybook>): Issue[] {
  return result.ok ? [] : result.issues;
}

const SAMPLE_PEOPLE = '"hq", "hq.commander", "hq.deputy", "hq.members", "fire-team", "fire-team.leader", "fire-team.extinguisher", "discoverer", "on-duty-lead"';

// Each broken playbook is the valid sample with one thing a safety officer might get wrong.
const broken: { name: string; change: (p: Playbook) => void; issues: Issue[] }[] = [
  { name: 'missing id', change: (p) => remove(p, 'id'), issues: [{ path: 'id', message: 'missing; expected a text' }] },
  {
    name: 'id with capitals and spaces',
    change: (p) => put(p, 'id', 'Sample Fire'),
    issues: [{ path: 'id', message: 'expected an id of lowercase letters and digits joined by "-" or "." such as "fire-team.extinguisher", got the text "Sample Fire"' }],
  },
  {
    name: 'wrong kind',
    change: (p) => put(p, 'kind', 'earthquake'),
    issues: [{ path: 'kind', message: 'expected one of "flood", "fire", "other", got the text "earthquake"' }],
  },
  {
    name: 'bad language tag',
    change: (p) => put(p, 'language', 'zh_CN'),
    issues: [{ path: 'language', message: 'expected a BCP 47 language tag such as "zh-CN" or "en", got the text "zh_CN"' }],
  },
  {
    name: 'version not semver',
    change: (p) => put(p, 'version', '1.0'),
    issues: [{ path: 'version', message: 'expected a semantic version such as "1.0.0", got the text "1.0"' }],
  },
  { name: 'empty title', change: (p) => put(p, 'title', ''), issues: [{ path: 'title', message: 'expected a text, got an empty text' }] },
  {
    name: 'step owner unknown',
    change: (p) => put(p.phases[1]!.steps[0]!, 'owner', 'ghost'),
    issues: [{ path: 'phases[1].steps[0].owner', message: `unknown role, group, team or position "ghost"; expected one of ${SAMPLE_PEOPLE} from command` }],
  },
  {
    name: 'step owner misspelt',
    change: (p) => put(p.phases[1]!.steps[0]!, 'owner', 'fire-teem'),
    issues: [{ path: 'phases[1].steps[0].owner', message: 'unknown role, group, team or position "fire-teem"; did you mean "fire-team"?' }],
  },
  {
    name: 'supporting role unknown',
    change: (p) => put(p.phases[0]!.steps[1]!, 'support', ['on-duty-lead', 'night-guard']),
    issues: [{ path: 'phases[0].steps[1].support[1]', message: `unknown role, group, team or position "night-guard"; expected one of ${SAMPLE_PEOPLE} from command` }],
  },
  {
    name: 'interim commander unknown',
    change: (p) => put(p.command.interimCommand!, 'role', 'on-duty-leader'),
    issues: [{ path: 'command.interimCommand.role', message: 'unknown role, group, team or position "on-duty-leader"; did you mean "on-duty-lead"?' }],
  },
  {
    name: 'duplicate step id across phases',
    change: (p) => put(p.phases[1]!.steps[0]!, 'id', 'step.alarm.report'),
    issues: [{ path: 'phases[1].steps[0].id', message: 'duplicate id "step.alarm.report", already used at phases[0].steps[0].id; step ids must be unique in the whole playbook' }],
  },
  {
    name: 'duplicate sub-item id within a step',
    change: (p) => put(p.phases[1]!.steps[0]!.items![1]!, 'id', 'choose'),
    issues: [{ path: 'phases[1].steps[0].items[1].id', message: 'duplicate id "choose", already used at phases[1].steps[0].items[0].id; ids must be unique in this list' }],
  },
  {
    name: 'a team with the id of a position',
    change: (p) => put(p.command.groups[0]!.teams![0]!, 'id', 'hq.members'),
    issues: [{ path: 'command.groups[0].teams[0].id', message: 'duplicate id "hq.members", already used at command.headquarters.members[0].id; roles, groups, teams and positions share one set of ids' }],
  },
  {
    name: 'duplicate phase id',
    change: (p) => put(p.phases[1]!, 'id', 'phase.alarm'),
    issues: [{ path: 'phases[1].id', message: 'duplicate id "phase.alarm", already used at phases[0].id; ids must be unique in this list' }],
  },
  {
    name: 'duplicate floor id within a building',
    change: (p) => put(p.buildings![0]!.floors[1]!, 'id', 'floor-1'),
    issues: [{ path: 'buildings[0].floors[1].id', message: 'duplicate id "floor-1", already used at buildings[0].floors[0].id; ids must be unique in this list' }],
  },
  {
    name: 'duplicate route id within a floor',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[1]!, 'id', 'alternate'),
    issues: [{ path: 'buildings[0].floors[1].routes[1].id', message: 'duplicate id "alternate", already used at buildings[0].floors[1].routes[0].id; ids must be unique in this list' }],
  },
  {
    name: 'duplicate floor label within a building',
    change: (p) => put(p.buildings![0]!.floors[1]!, 'label', 'Floor 1'),
    issues: [{ path: 'buildings[0].floors[1].label', message: 'duplicate floor label "Floor 1", already used at buildings[0].floors[0].label; staff pick their floor by it' }],
  },
  {
    name: 'floor with no route',
    change: (p) => put(p.buildings![1]!.floors[0]!, 'routes', []),
    issues: [{ path: 'buildings[1].floors[0].routes', message: 'a floor needs at least one evacuation route, found none' }],
  },
  {
    name: 'floor with two primary routes',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[0]!, 'kind', 'primary'),
    issues: [{ path: 'buildings[0].floors[1].routes', message: 'expected exactly one route of kind "primary", found 2 (routes[0], routes[1])' }],
  },
  {
    name: 'floor with no primary route',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[1]!, 'kind', 'accessible'),
    issues: [{ path: 'buildings[0].floors[1].routes', message: 'expected exactly one route of kind "primary", found none' }],
  },
  {
    name: 'unknown assembly point',
    change: (p) => put(p.buildings![0]!.floors[0]!.routes[0]!, 'assemblyPoint', 'front-square'),
    issues: [{ path: 'buildings[0].floors[0].routes[0].assemblyPoint', message: 'unknown assembly point "front-square"; expected one of "car-park" from assemblyPoints' }],
  },
  {
    name: 'assembly point named when none is listed',
    change: (p) => remove(p, 'assemblyPoints'),
    issues: [
      { path: 'buildings[0].floors[0].routes[0].assemblyPoint', message: 'unknown assembly point "car-park"; "assemblyPoints" lists none' },
      { path: 'buildings[0].floors[1].routes[1].assemblyPoint', message: 'unknown assembly point "car-park"; "assemblyPoints" lists none' },
    ],
  },
  {
    name: 'unknown stairway',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'stairway', 'west-fire-escpae'),
    issues: [{ path: 'buildings[1].floors[0].routes[0].stairway', message: 'unknown stairway "west-fire-escpae"; did you mean "west-fire-escape"?' }],
  },
  {
    name: 'route with both a stairway and "nearest"',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'nearest', 'stairs'),
    issues: [{ path: 'buildings[1].floors[0].routes[0]', message: 'expected either "stairway" or "nearest", got both' }],
  },
  {
    name: 'route with no way out',
    change: (p) => remove(p.buildings![1]!.floors[0]!.routes[0]!, 'stairway'),
    issues: [{ path: 'buildings[1].floors[0].routes[0]', message: 'missing the way out: expected "stairway" (a stairway id) or "nearest" ("stairs" or "exit")' }],
  },
  {
    name: 'route direction unknown',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'direction', 'downstairs'),
    issues: [{ path: 'buildings[1].floors[0].routes[0].direction', message: 'expected one of "down", "up", "out", got the text "downstairs"' }],
  },
  {
    name: 'target minutes negative',
    change: (p) => put(p.phases[0]!.steps[0]!, 'targetMinutes', -5),
    issues: [{ path: 'phases[0].steps[0].targetMinutes', message: 'expected a number of at least 0, got -5' }],
  },
  {
    name: 'target minutes not whole',
    change: (p) => put(p.phases[0]!.steps[0]!, 'targetMinutes', 2.5),
    issues: [{ path: 'phases[0].steps[0].targetMinutes', message: 'expected a whole number, got number 2.5' }],
  },
  {
    name: 'critical written as text',
    change: (p) => put(p.phases[0]!.steps[0]!, 'critical', 'yes'),
    issues: [{ path: 'phases[0].steps[0].critical', message: 'expected true or false, got the text "yes"' }],
  },
  {
    name: 'steps written as text',
    change: (p) => put(p.phases[0]!, 'steps', 'report, call 119'),
    issues: [{ path: 'phases[0].steps', message: 'expected a list, got the text "report, call 119"' }],
  },
  { name: 'phase with no steps', change: (p) => put(p.phases[1]!, 'steps', []), issues: [{ path: 'phases[1].steps', message: 'a phase needs at least one step, found none' }] },
  {
    name: 'misspelt field in a step',
    change: (p) => put(p.phases[0]!.steps[0]!, 'ownr', 'discoverer'),
    issues: [{ path: 'phases[0].steps[0].ownr', message: 'unknown field; did you mean "owner"?' }],
  },
  {
    name: 'unknown field in a route',
    change: (p) => put(p.buildings![0]!.floors[0]!.routes[0]!, 'colour', 'green'),
    issues: [{ path: 'buildings[0].floors[0].routes[0].colour', message: 'unknown field; expected only id, kind, stairway, nearest, direction, instruction, exit, assemblyPoint, notes, source' }],
  },
  {
    name: 'emergency number with letters',
    change: (p) => put(p.emergencyNumbers[0]!, 'number', 'one-one-nine'),
    issues: [{ path: 'emergencyNumbers[0].number', message: 'expected a phone number of digits, spaces, "+", "-" and brackets such as "119", got the text "one-one-nine"' }],
  },
  {
    name: 'aftermath category unknown',
    change: (p) => put(p.aftermath[0]!, 'category', 'cleanup'),
    issues: [{ path: 'aftermath[0].category', message: 'expected one of "inspection", "losses", "supplies", "recovery", "business", "insurance", "lessons", "investigation", "commendation", "accountability", "reporting", "plan-revision", "other", got the text "cleanup"' }],
  },
  { name: 'aftermath list missing', change: (p) => remove(p, 'aftermath'), issues: [{ path: 'aftermath', message: 'missing; expected a list' }] },
  {
    name: 'drill cadence of zero per "semester"',
    change: (p) => {
      put(p.preparation!.schedule![0]!, 'times', 0);
      put(p.preparation!.schedule![0]!, 'per', 'semester');
    },
    issues: [
      { path: 'preparation.schedule[0].times', message: 'expected a number of at least 1, got 0' },
      { path: 'preparation.schedule[0].per', message: 'expected one of "day", "week", "month", "quarter", "half-year", "year", got the text "semester"' },
    ],
  },
  {
    name: 'key-area owner unknown',
    change: (p) => put(p.preparation!.keyAreas!, 'owner', 'security'),
    issues: [{ path: 'preparation.keyAreas.owner', message: `unknown role, group, team or position "security"; expected one of ${SAMPLE_PEOPLE} from command` }],
  },
];

describe('validatePlaybook', () => {
  it('accepts the sample playbook as it is', () => {
    const result = validatePlaybook(samplePlaybook());
    expect(result).toEqual({ ok: true, playbook: samplePlaybook() });
  });

  it('accepts the same floor id in two buildings, and buildings left out altogether', () => {
    const p = samplePlaybook();
    expect(p.buildings![0]!.floors[0]!.id).toBe(p.buildings![1]!.floors[0]!.id);
    expect(validatePlaybook(p).ok).toBe(true);
    remove(p, 'buildings');
    expect(validatePlaybook(p).ok).toBe(true);
  });

  it.each(broken)('names the field at fault: $name', ({ change, issues }) => {
    const p = samplePlaybook();
    change(p);
    expect(issuesOf(validatePlaybook(p))).toEqual(issues);
  });

  it('has at least twenty broken playbooks to refuse', () => {
    expect(broken.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a list, null or a text where a playbook belongs', () => {
    expect(issuesOf(validatePlaybook([]))).toEqual([{ path: '', message: 'expected an object, got a list' }]);
    expect(issuesOf(validatePlaybook(null))).toEqual([{ path: '', message: 'expected an object, got null' }]);
    expect(issuesOf(validatePlaybook('fire'))).toEqual([{ path: '', message: 'expected an object, got the text "fire"' }]);
  });

  it('reports every problem of a badly broken file at once, not only the first', () => {
    const p = samplePlaybook();
    remove(p, 'id');
    put(p, 'kind', 'earthquake');
    put(p.phases[0]!.steps[0]!, 'critical', 'yes');
    expect(issuesOf(validatePlaybook(p)).map((i) => i.path)).toEqual(['id', 'kind', 'phases[0].steps[0].critical']);
  });
});
