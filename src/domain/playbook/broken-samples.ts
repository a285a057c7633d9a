import type { Issue } from '../validation';
import type { Playbook } from './schema';

/**
 * Test data, like sample-playbook.ts: the valid sample playbook with one thing a safety officer
 * might get wrong, and what the validator says about it in English (`issues`) and in
 * Simplified Chinese (`zh`, one message per issue, at the same paths). validate.test.ts checks
 * both; test/playbooks/speaks-chinese.test.ts checks that no English is left in the Chinese.
 */
export interface BrokenSample {
  readonly name: string;
  readonly change: (p: Playbook) => void;
  readonly issues: Issue[];
  readonly zh: string[];
}

/** Writes a value of any type into a typed playbook, as a hand-edited file might. */
export function put(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}
export function remove(target: object, key: string): void {
  delete (target as Record<string, unknown>)[key];
}

const SAMPLE_PEOPLE =
  '"hq", "hq.commander", "hq.deputy", "hq.members", "fire-team", "fire-team.leader", "fire-team.extinguisher", "discoverer", "on-duty-lead"';
const SAMPLE_PEOPLE_ZH =
  '"hq"、"hq.commander"、"hq.deputy"、"hq.members"、"fire-team"、"fire-team.leader"、"fire-team.extinguisher"、"discoverer"、"on-duty-lead"';

export const BROKEN_SAMPLES: readonly BrokenSample[] = [
  { name: 'missing id', change: (p) => remove(p, 'id'), issues: [{ path: 'id', message: 'missing; expected a text' }], zh: ['缺少该字段；应为文本'] },
  {
    name: 'id with capitals and spaces',
    change: (p) => put(p, 'id', 'Sample Fire'),
    issues: [
      {
        path: 'id',
        message: 'expected an id of lowercase letters and digits joined by "-" or "." such as "fire-team.extinguisher", got the text "Sample Fire"',
      },
    ],
    zh: ['应为由小写字母和数字组成、以 "-" 或 "." 连接的 id，例如 "fire-team.extinguisher"，实际为文本 "Sample Fire"'],
  },
  {
    name: 'wrong kind',
    change: (p) => put(p, 'kind', 'earthquake'),
    issues: [{ path: 'kind', message: 'expected one of "flood", "fire", "other", got the text "earthquake"' }],
    zh: ['应为 "flood"、"fire"、"other" 之一，实际为文本 "earthquake"'],
  },
  {
    name: 'bad language tag',
    change: (p) => put(p, 'language', 'zh_CN'),
    issues: [{ path: 'language', message: 'expected a BCP 47 language tag such as "zh-CN" or "en", got the text "zh_CN"' }],
    zh: ['应为 BCP 47 语言标签，例如 "zh-CN" 或 "en"，实际为文本 "zh_CN"'],
  },
  {
    name: 'version not semver',
    change: (p) => put(p, 'version', '1.0'),
    issues: [{ path: 'version', message: 'expected a semantic version such as "1.0.0", got the text "1.0"' }],
    zh: ['应为语义化版本号，例如 "1.0.0"，实际为文本 "1.0"'],
  },
  {
    name: 'empty title',
    change: (p) => put(p, 'title', ''),
    issues: [{ path: 'title', message: 'expected a text, got an empty text' }],
    zh: ['应为文本，实际为空文本'],
  },
  {
    name: 'step owner unknown',
    change: (p) => put(p.phases[1]!.steps[0]!, 'owner', 'ghost'),
    issues: [{ path: 'phases[1].steps[0].owner', message: `unknown role, group, team or position "ghost"; expected one of ${SAMPLE_PEOPLE} from command` }],
    zh: [`未知的角色、小组、分队或岗位 "ghost"；应为 command 中的 ${SAMPLE_PEOPLE_ZH} 之一`],
  },
  {
    name: 'step owner misspelt',
    change: (p) => put(p.phases[1]!.steps[0]!, 'owner', 'fire-teem'),
    issues: [{ path: 'phases[1].steps[0].owner', message: 'unknown role, group, team or position "fire-teem"; did you mean "fire-team"?' }],
    zh: ['未知的角色、小组、分队或岗位 "fire-teem"；是否想写 "fire-team"？'],
  },
  {
    name: 'supporting role unknown',
    change: (p) => put(p.phases[0]!.steps[1]!, 'support', ['on-duty-lead', 'night-guard']),
    issues: [
      { path: 'phases[0].steps[1].support[1]', message: `unknown role, group, team or position "night-guard"; expected one of ${SAMPLE_PEOPLE} from command` },
    ],
    zh: [`未知的角色、小组、分队或岗位 "night-guard"；应为 command 中的 ${SAMPLE_PEOPLE_ZH} 之一`],
  },
  {
    name: 'interim commander unknown',
    change: (p) => put(p.command.interimCommand!, 'role', 'on-duty-leader'),
    issues: [{ path: 'command.interimCommand.role', message: 'unknown role, group, team or position "on-duty-leader"; did you mean "on-duty-lead"?' }],
    zh: ['未知的角色、小组、分队或岗位 "on-duty-leader"；是否想写 "on-duty-lead"？'],
  },
  {
    name: 'duplicate step id across phases',
    change: (p) => put(p.phases[1]!.steps[0]!, 'id', 'step.alarm.report'),
    issues: [
      {
        path: 'phases[1].steps[0].id',
        message: 'duplicate id "step.alarm.report", already used at phases[0].steps[0].id; step ids must be unique in the whole playbook',
      },
    ],
    zh: ['id "step.alarm.report" 重复，已在 phases[0].steps[0].id 用过；步骤 id 在整个预案中不能重复'],
  },
  {
    name: 'duplicate sub-item id within a step',
    change: (p) => put(p.phases[1]!.steps[0]!.items![1]!, 'id', 'choose'),
    issues: [
      {
        path: 'phases[1].steps[0].items[1].id',
        message: 'duplicate id "choose", already used at phases[1].steps[0].items[0].id; ids must be unique in this list',
      },
    ],
    zh: ['id "choose" 重复，已在 phases[1].steps[0].items[0].id 用过；同一列表中的 id 不能重复'],
  },
  {
    name: 'a team with the id of a position',
    change: (p) => put(p.command.groups[0]!.teams![0]!, 'id', 'hq.members'),
    issues: [
      {
        path: 'command.groups[0].teams[0].id',
        message: 'duplicate id "hq.members", already used at command.headquarters.members[0].id; roles, groups, teams and positions share one set of ids',
      },
    ],
    zh: ['id "hq.members" 重复，已在 command.headquarters.members[0].id 用过；角色、小组、分队和岗位共用同一套 id'],
  },
  {
    name: 'duplicate phase id',
    change: (p) => put(p.phases[1]!, 'id', 'phase.alarm'),
    issues: [{ path: 'phases[1].id', message: 'duplicate id "phase.alarm", already used at phases[0].id; ids must be unique in this list' }],
    zh: ['id "phase.alarm" 重复，已在 phases[0].id 用过；同一列表中的 id 不能重复'],
  },
  {
    name: 'duplicate floor id within a building',
    change: (p) => put(p.buildings![0]!.floors[1]!, 'id', 'floor-1'),
    issues: [
      { path: 'buildings[0].floors[1].id', message: 'duplicate id "floor-1", already used at buildings[0].floors[0].id; ids must be unique in this list' },
    ],
    zh: ['id "floor-1" 重复，已在 buildings[0].floors[0].id 用过；同一列表中的 id 不能重复'],
  },
  {
    name: 'duplicate route id within a floor',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[1]!, 'id', 'alternate'),
    issues: [
      {
        path: 'buildings[0].floors[1].routes[1].id',
        message: 'duplicate id "alternate", already used at buildings[0].floors[1].routes[0].id; ids must be unique in this list',
      },
    ],
    zh: ['id "alternate" 重复，已在 buildings[0].floors[1].routes[0].id 用过；同一列表中的 id 不能重复'],
  },
  {
    name: 'duplicate floor label within a building',
    change: (p) => put(p.buildings![0]!.floors[1]!, 'label', 'Floor 1'),
    issues: [
      {
        path: 'buildings[0].floors[1].label',
        message: 'duplicate floor label "Floor 1", already used at buildings[0].floors[0].label; staff pick their floor by it',
      },
    ],
    zh: ['楼层标签 "Floor 1" 重复，已在 buildings[0].floors[0].label 用过；员工要靠它选出自己所在的楼层'],
  },
  {
    name: 'floor with no route',
    change: (p) => put(p.buildings![1]!.floors[0]!, 'routes', []),
    issues: [{ path: 'buildings[1].floors[0].routes', message: 'a floor needs at least one evacuation route, found none' }],
    zh: ['每个楼层至少要有一条疏散路线，此处一条也没有'],
  },
  {
    name: 'floor with two primary routes',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[0]!, 'kind', 'primary'),
    issues: [{ path: 'buildings[0].floors[1].routes', message: 'expected exactly one route of kind "primary", found 2 (routes[0], routes[1])' }],
    zh: ['应有且只有一条 kind 为 "primary" 的路线，此处有 2 条（routes[0]、routes[1]）'],
  },
  {
    name: 'floor with no primary route',
    change: (p) => put(p.buildings![0]!.floors[1]!.routes[1]!, 'kind', 'accessible'),
    issues: [{ path: 'buildings[0].floors[1].routes', message: 'expected exactly one route of kind "primary", found none' }],
    zh: ['应有且只有一条 kind 为 "primary" 的路线，此处一条也没有'],
  },
  {
    name: 'unknown assembly point',
    change: (p) => put(p.buildings![0]!.floors[0]!.routes[0]!, 'assemblyPoint', 'front-square'),
    issues: [
      {
        path: 'buildings[0].floors[0].routes[0].assemblyPoint',
        message: 'unknown assembly point "front-square"; expected one of "car-park" from assemblyPoints',
      },
    ],
    zh: ['未知的集合地点 "front-square"；应为 assemblyPoints 中的 "car-park" 之一'],
  },
  {
    name: 'assembly point named when none is listed',
    change: (p) => remove(p, 'assemblyPoints'),
    issues: [
      { path: 'buildings[0].floors[0].routes[0].assemblyPoint', message: 'unknown assembly point "car-park"; "assemblyPoints" lists none' },
      { path: 'buildings[0].floors[1].routes[1].assemblyPoint', message: 'unknown assembly point "car-park"; "assemblyPoints" lists none' },
    ],
    zh: ['未知的集合地点 "car-park"；"assemblyPoints" 中一个也没有列出', '未知的集合地点 "car-park"；"assemblyPoints" 中一个也没有列出'],
  },
  {
    name: 'unknown stairway',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'stairway', 'west-fire-escpae'),
    issues: [{ path: 'buildings[1].floors[0].routes[0].stairway', message: 'unknown stairway "west-fire-escpae"; did you mean "west-fire-escape"?' }],
    zh: ['未知的楼梯 "west-fire-escpae"；是否想写 "west-fire-escape"？'],
  },
  {
    name: 'route with both a stairway and "nearest"',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'nearest', 'stairs'),
    issues: [{ path: 'buildings[1].floors[0].routes[0]', message: 'expected either "stairway" or "nearest", got both' }],
    zh: ['"stairway" 和 "nearest" 只能填一个，此处两个都填了'],
  },
  {
    name: 'route with no way out',
    change: (p) => remove(p.buildings![1]!.floors[0]!.routes[0]!, 'stairway'),
    issues: [
      { path: 'buildings[1].floors[0].routes[0]', message: 'missing the way out: expected "stairway" (a stairway id) or "nearest" ("stairs" or "exit")' },
    ],
    zh: ['缺少疏散去向：应填写 "stairway"（楼梯的 id）或 "nearest"（"stairs" 或 "exit"）'],
  },
  {
    name: 'route direction unknown',
    change: (p) => put(p.buildings![1]!.floors[0]!.routes[0]!, 'direction', 'downstairs'),
    issues: [{ path: 'buildings[1].floors[0].routes[0].direction', message: 'expected one of "down", "up", "out", got the text "downstairs"' }],
    zh: ['应为 "down"、"up"、"out" 之一，实际为文本 "downstairs"'],
  },
  {
    name: 'target minutes negative',
    change: (p) => put(p.phases[0]!.steps[0]!, 'targetMinutes', -5),
    issues: [{ path: 'phases[0].steps[0].targetMinutes', message: 'expected a number of at least 0, got -5' }],
    zh: ['应为不小于 0 的数值，实际为 -5'],
  },
  {
    name: 'target minutes not whole',
    change: (p) => put(p.phases[0]!.steps[0]!, 'targetMinutes', 2.5),
    issues: [{ path: 'phases[0].steps[0].targetMinutes', message: 'expected a whole number, got number 2.5' }],
    zh: ['应为整数，实际为数字 2.5'],
  },
  {
    name: 'critical written as text',
    change: (p) => put(p.phases[0]!.steps[0]!, 'critical', 'yes'),
    issues: [{ path: 'phases[0].steps[0].critical', message: 'expected true or false, got the text "yes"' }],
    zh: ['应为 true 或 false，实际为文本 "yes"'],
  },
  {
    name: 'steps written as text',
    change: (p) => put(p.phases[0]!, 'steps', 'report, call 119'),
    issues: [{ path: 'phases[0].steps', message: 'expected a list, got the text "report, call 119"' }],
    zh: ['应为列表，实际为文本 "report, call 119"'],
  },
  {
    name: 'phase with no steps',
    change: (p) => put(p.phases[1]!, 'steps', []),
    issues: [{ path: 'phases[1].steps', message: 'a phase needs at least one step, found none' }],
    zh: ['每个阶段至少要有一个步骤，此处一个也没有'],
  },
  {
    name: 'misspelt field in a step',
    change: (p) => put(p.phases[0]!.steps[0]!, 'ownr', 'discoverer'),
    issues: [{ path: 'phases[0].steps[0].ownr', message: 'unknown field; did you mean "owner"?' }],
    zh: ['未知字段；是否想写 "owner"？'],
  },
  {
    name: 'unknown field in a route',
    change: (p) => put(p.buildings![0]!.floors[0]!.routes[0]!, 'colour', 'green'),
    issues: [
      {
        path: 'buildings[0].floors[0].routes[0].colour',
        message: 'unknown field; expected only id, kind, stairway, nearest, direction, instruction, exit, assemblyPoint, notes, source',
      },
    ],
    zh: ['未知字段；此处只允许以下字段：id、kind、stairway、nearest、direction、instruction、exit、assemblyPoint、notes、source'],
  },
  {
    name: 'emergency number with letters',
    change: (p) => put(p.emergencyNumbers[0]!, 'number', 'one-one-nine'),
    issues: [
      {
        path: 'emergencyNumbers[0].number',
        message: 'expected a phone number of digits, spaces, "+", "-" and brackets such as "119", got the text "one-one-nine"',
      },
    ],
    zh: ['应为由数字、空格、"+"、"-" 和括号组成的电话号码，例如 "119"，实际为文本 "one-one-nine"'],
  },
  {
    name: 'aftermath category unknown',
    change: (p) => put(p.aftermath[0]!, 'category', 'cleanup'),
    issues: [
      {
        path: 'aftermath[0].category',
        message:
          'expected one of "inspection", "losses", "supplies", "recovery", "business", "insurance", "lessons", "investigation", "commendation", "accountability", "reporting", "plan-revision", "other", got the text "cleanup"',
      },
    ],
    zh: [
      '应为 "inspection"、"losses"、"supplies"、"recovery"、"business"、"insurance"、"lessons"、"investigation"、"commendation"、"accountability"、"reporting"、"plan-revision"、"other" 之一，实际为文本 "cleanup"',
    ],
  },
  {
    name: 'aftermath list missing',
    change: (p) => remove(p, 'aftermath'),
    issues: [{ path: 'aftermath', message: 'missing; expected a list' }],
    zh: ['缺少该字段；应为列表'],
  },
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
    zh: ['应为不小于 1 的数值，实际为 0', '应为 "day"、"week"、"month"、"quarter"、"half-year"、"year" 之一，实际为文本 "semester"'],
  },
  {
    name: 'key-area owner unknown',
    change: (p) => put(p.preparation!.keyAreas!, 'owner', 'security'),
    issues: [
      { path: 'preparation.keyAreas.owner', message: `unknown role, group, team or position "security"; expected one of ${SAMPLE_PEOPLE} from command` },
    ],
    zh: [`未知的角色、小组、分队或岗位 "security"；应为 command 中的 ${SAMPLE_PEOPLE_ZH} 之一`],
  },
];
