import { describe } from '../validation';
import type { ReferenceKind } from './reference-fields';

/**
 * The words the validator's messages are built from — how a value found in a file is named,
 * what a type is called, how a list is joined — once per language. Both vocabularies implement
 * one interface, so a word missing in either language fails the type check. The message
 * templates (messages.ts) use them; nothing else does.
 */

/** What the JSON scanner found where it expected something else. */
export type Found =
  | { readonly kind: 'end' }
  | { readonly kind: 'double-quote' }
  | { readonly kind: 'control'; readonly codePoint: number }
  | { readonly kind: 'char'; readonly char: string };

/**
 * The things of a playbook an issue can be in, named in words by places.ts: "building", "floor",
 * "route", … An `entry` is an entry of any other list.
 */
export type PlaceThing =
  | 'building'
  | 'floor'
  | 'route'
  | 'leg'
  | 'rule'
  | 'call'
  | 'phase'
  | 'step'
  | 'item'
  | 'group'
  | 'team'
  | 'role'
  | 'post'
  | 'emergencyNumber'
  | 'stairway'
  | 'assemblyPoint'
  | 'aftermath'
  | 'check'
  | 'area'
  | 'principle'
  | 'everyoneRule'
  | 'shelter'
  | 'task'
  | 'requirement'
  | 'entry';

/**
 * One thing along an issue's path, as the file names it: its label (a floor's "B1", a step's id),
 * or its position when it has none; `detail` adds a few words (a route's kind, a step's text).
 */
export interface PlacePart {
  readonly thing: PlaceThing;
  readonly label?: string;
  /** 1-based position in its list, for things without a label of their own (legs, calls). */
  readonly number?: number;
  readonly detail?: PlaceDetail;
}

/** A route's kind, in words; or the start of a text from the file, quoted. */
export type PlaceDetail = { readonly kind: 'routeKind'; readonly value: string } | { readonly kind: 'text'; readonly value: string };

/** What a JSON value is, for the twin comparison: `typeof`, with lists and null told apart. */
export type JsonKind = 'list' | 'null' | 'object' | 'string' | 'number' | 'boolean' | 'undefined' | 'bigint' | 'symbol' | 'function';

interface Vocabulary {
  /** A value found in the file: `the text "yes"`, `number 2.5`. */
  value(v: unknown): string;
  /** The "got …" half of a message: the value found, or that there was none. */
  got(v: unknown): string;
  /** A type zod expected, as `expected` names it: "string", "int", "array". */
  type(expected: string): string;
  /** Names or paths, joined. */
  list(items: readonly string[]): string;
  /** Quoted values, the first `max` and a count of the rest when there are more. */
  some(values: readonly string[], max?: number): string;
  /** A number of list items: "1 item", "3 items". */
  items(n: number): string;
  /** What a reference field points at. */
  reference(kind: ReferenceKind): string;
  jsonKind(kind: JsonKind): string;
  found(found: Found): string;
  /** One thing along a path: `floor "B1"`, `route "stay" (step-free)`, `leg 2 ("Go down…")`. */
  place(part: PlacePart): string;
  /** Things along a path, outermost first. */
  places(parts: readonly PlacePart[]): string;
  /** How many of a thing share an issue: "on 12 floors", "in 3 steps". */
  counted(thing: PlaceThing, n: number): string;
}

function controlCharacter(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const EN_TYPES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const EN_REFERENCES: Record<ReferenceKind, string> = {
  person: 'role, group, team or position',
  stairway: 'stairway',
  assemblyPoint: 'assembly point',
  emergencyNumber: 'emergency number',
};

const EN_THINGS: Record<PlaceThing, readonly [one: string, many: string]> = {
  building: ['building', 'buildings'],
  floor: ['floor', 'floors'],
  route: ['route', 'routes'],
  leg: ['stretch', 'stretches'],
  rule: ['safety rule', 'safety rules'],
  call: ['call', 'calls'],
  phase: ['phase', 'phases'],
  step: ['step', 'steps'],
  item: ['sub-item', 'sub-items'],
  group: ['group', 'groups'],
  team: ['team', 'teams'],
  role: ['role', 'roles'],
  post: ['post', 'posts'],
  emergencyNumber: ['emergency number', 'emergency numbers'],
  stairway: ['stairway', 'stairways'],
  assemblyPoint: ['assembly point', 'assembly points'],
  aftermath: ['aftermath item', 'aftermath items'],
  check: ['inspection or drill', 'inspections and drills'],
  area: ['key area', 'key areas'],
  principle: ['principle', 'principles'],
  everyoneRule: ['rule for everyone', 'rules for everyone'],
  shelter: ['advice for those who cannot get out', 'pieces of advice for those who cannot get out'],
  task: ['preparation task', 'preparation tasks'],
  requirement: ['requirement', 'requirements'],
  entry: ['entry', 'entries'],
};

const EN_ROUTE_KINDS: Record<string, string> = { primary: 'primary', alternate: 'alternate', 'step-free': 'step-free', accessible: 'step-free' };

function enDetail(detail: PlaceDetail): string {
  if (detail.kind === 'text') return JSON.stringify(detail.value);
  return EN_ROUTE_KINDS[detail.value] ?? JSON.stringify(detail.value);
}

export const EN: Vocabulary = {
  // The shared describe() so the English wording stays that of every other domain validator.
  value: describe,
  got: (v) => `got ${describe(v)}`,
  type: (expected) => EN_TYPES[expected] ?? expected,
  list: (items) => items.join(', '),
  some(values, max = 12) {
    const shown = values.slice(0, max).map((v) => JSON.stringify(v));
    return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
  },
  items: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
  reference: (kind) => EN_REFERENCES[kind],
  jsonKind(kind) {
    if (kind === 'list') return 'a list';
    if (kind === 'object') return 'an object';
    return kind;
  },
  found(found) {
    switch (found.kind) {
      case 'end':
        return 'the end of the file';
      case 'double-quote':
        return 'a double quote';
      case 'control':
        return `the control character ${controlCharacter(found.codePoint)}`;
      case 'char':
        return `"${found.char}"`;
    }
  },
  place(part) {
    const [thing] = EN_THINGS[part.thing];
    const name = part.label !== undefined ? `${thing} ${JSON.stringify(part.label)}` : `${thing} ${part.number ?? ''}`.trim();
    return part.detail ? `${name} (${enDetail(part.detail)})` : name;
  },
  places: (parts) => parts.map((p) => EN.place(p)).join(', '),
  counted(thing, n) {
    const [one, many] = EN_THINGS[thing];
    return `${thing === 'building' || thing === 'floor' ? 'on' : 'in'} ${n} ${n === 1 ? one : many}`;
  },
};

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Whitespace and full-width punctuation (，；：（）？): no space is wanted next to them. */
const NO_GAP = /[\s\u3000-\u303f\uff00-\uffef]/u;

/**
 * A space where the template's own Chinese meets a value that starts or ends with a Latin
 * letter, a digit or a quote. Only the template side decides: a value that ends in Chinese
 * inside quotes ("7楼") must not be padded.
 */
function wantsGap(templateChar: string | undefined, valueChar: string | undefined): boolean {
  if (templateChar === undefined || valueChar === undefined) return false;
  return HAN.test(templateChar) && !HAN.test(valueChar) && !NO_GAP.test(valueChar);
}

/**
 * Tag for Chinese templates: puts a space where the template's Chinese meets a Latin letter, a
 * digit or a quote at an interpolation (`第${3}行` → `第 3 行`, `实际为${'null'}` → `实际为 null`),
 * the spacing the app's own zh texts use. Only the seams are touched, never the values: a floor
 * label such as "7楼" quoted from the file stays as written.
 */
export function zh(literals: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  let out = literals[0] ?? '';
  values.forEach((value, i) => {
    const text = String(value);
    const next = literals[i + 1] ?? '';
    out += (wantsGap(out.at(-1), text.at(0)) ? ' ' : '') + text;
    out += (wantsGap(next.at(0), text.at(-1)) ? ' ' : '') + next;
  });
  return out;
}

const ZH_TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: 'null',
};

const ZH_REFERENCES: Record<ReferenceKind, string> = {
  person: '角色、小组、分队或岗位',
  stairway: '楼梯',
  assemblyPoint: '集合地点',
  emergencyNumber: '应急电话',
};

const ZH_JSON_KINDS: Record<JsonKind, string> = {
  list: '列表',
  null: 'null',
  object: '对象',
  string: '文本',
  number: '数字',
  boolean: '布尔值',
  undefined: '空',
  bigint: '整数',
  symbol: '符号',
  function: '函数',
};

function zhValue(v: unknown): string {
  if (v === undefined) return '空';
  if (v === null) return 'null';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'string') return zh`文本${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return '对象';
  if (typeof v === 'number') return zh`数字${String(v)}`;
  if (typeof v === 'boolean') return zh`布尔值${String(v)}`;
  if (typeof v === 'bigint') return zh`整数${String(v)}`;
  return ZH_JSON_KINDS[typeof v];
}

/** Each thing's name and the measure word that counts it: 3 栋建筑, 12 个楼层, 2 条路线. */
const ZH_THINGS: Record<PlaceThing, readonly [name: string, measure: string]> = {
  building: ['建筑', '栋'],
  floor: ['楼层', '个'],
  route: ['路线', '条'],
  leg: ['路段', '个'],
  rule: ['安全规定', '条'],
  call: ['呼叫对象', '个'],
  phase: ['阶段', '个'],
  step: ['步骤', '个'],
  item: ['子项', '个'],
  group: ['小组', '个'],
  team: ['分队', '个'],
  role: ['角色', '个'],
  post: ['岗位', '个'],
  emergencyNumber: ['应急电话', '个'],
  stairway: ['楼梯', '部'],
  assemblyPoint: ['集合地点', '个'],
  aftermath: ['善后事项', '项'],
  check: ['检查或演练', '项'],
  area: ['重点部位', '个'],
  principle: ['原则', '条'],
  everyoneRule: ['人人须知', '条'],
  shelter: ['避险提示', '条'],
  task: ['准备工作', '项'],
  requirement: ['要求', '条'],
  entry: ['条目', '条'],
};

const ZH_ROUTE_KINDS: Record<string, string> = { primary: '主路线', alternate: '备用路线', 'step-free': '无需楼梯', accessible: '无需楼梯' };

function zhDetail(detail: PlaceDetail): string {
  if (detail.kind === 'text') return JSON.stringify(detail.value);
  return ZH_ROUTE_KINDS[detail.value] ?? JSON.stringify(detail.value);
}

export const ZH: Vocabulary = {
  value: zhValue,
  // "got nothing" reads best in Chinese as "but it was not filled in".
  got: (v) => (v === undefined ? '但未填写' : zh`实际为${zhValue(v)}`),
  type: (expected) => ZH_TYPES[expected] ?? expected,
  list: (items) => items.join('、'),
  some(values, max = 12) {
    const shown = values.slice(0, max).map((v) => JSON.stringify(v));
    return values.length > max ? zh`${shown.join('、')}（另有${values.length - max}个未列出）` : shown.join('、');
  },
  items: (n) => zh`${n}项`,
  reference: (kind) => ZH_REFERENCES[kind],
  jsonKind: (kind) => ZH_JSON_KINDS[kind],
  found(found) {
    switch (found.kind) {
      case 'end':
        return '文件结尾';
      case 'double-quote':
        return '双引号';
      case 'control':
        return zh`控制字符${controlCharacter(found.codePoint)}`;
      case 'char':
        return `"${found.char}"`;
    }
  },
  place(part) {
    const [thing, measure] = ZH_THINGS[part.thing];
    // The measure word is a value, so the seam after the number needs its space by hand: 第 2 个路段.
    const name = part.label !== undefined ? zh`${thing}${JSON.stringify(part.label)}` : `${zh`第${part.number ?? 0}`} ${measure}${thing}`;
    return part.detail ? `${name}（${zhDetail(part.detail)}）` : name;
  },
  places: (parts) => parts.map((p) => ZH.place(p)).join('，'),
  counted(thing, n) {
    const [name, measure] = ZH_THINGS[thing];
    return `${zh`共${n}`} ${measure}${name}`;
  },
};
