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
};
