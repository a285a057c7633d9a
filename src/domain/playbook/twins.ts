import { isRecord, type Issue } from '../validation';
import { joinPath } from './json-path';
import type { JsonKind } from './message-words';
import { type PlaybookCheckOptions, type Say, speak } from './messages';
import type { Playbook } from './schema';
import { REFERENCE_FIELDS, STRUCTURAL_TEXT_FIELDS } from './schema-common';

/**
 * Two language versions of one playbook ("twins") must share their structure: the same ids in
 * the same order, the same owners, routes, kinds and numbers, the same optional fields and the
 * same number of lines in every list. Only the words differ. An incident started from the
 * zh-CN file can then be followed, reported and synced from the en file, and the other way round.
 */

/** Fields whose text is the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set<string>([...STRUCTURAL_TEXT_FIELDS, ...Object.keys(REFERENCE_FIELDS)]);
/** Fields that differ between twins by design. */
const DIFFER_BY_DESIGN = new Set(['$schema', 'language']);

type Json = unknown;

function hasIds(list: readonly Json[]): boolean {
  return list.length > 0 && list.every((x) => isRecord(x) && typeof x.id === 'string');
}

function kindOf(x: Json): JsonKind {
  if (Array.isArray(x)) return 'list';
  if (x === null) return 'null';
  return typeof x;
}

class TwinComparison {
  readonly issues: Issue[] = [];
  constructor(
    private readonly other: string,
    private readonly say: Say,
  ) {}

  private add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  objects(a: Record<string, Json>, b: Record<string, Json>, aPath: string, bPath: string): void {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      if (DIFFER_BY_DESIGN.has(key)) continue;
      const at = joinPath(bPath, key);
      if (!(key in b)) this.add(at, this.say('twin.missingField', { other: this.other, at: joinPath(aPath, key) }));
      else if (!(key in a)) this.add(at, this.say('twin.extraField', { other: this.other }));
      else this.values(a[key], b[key], key, joinPath(aPath, key), at);
    }
  }

  private values(a: Json, b: Json, key: string, aPath: string, bPath: string): void {
    if (kindOf(a) !== kindOf(b)) {
      this.add(bPath, this.say('twin.kind', { other: this.other, expected: kindOf(a), got: kindOf(b) }));
    } else if (Array.isArray(a) && Array.isArray(b)) {
      this.lists(a, b, key, aPath, bPath);
    } else if (isRecord(a) && isRecord(b)) {
      this.objects(a, b, aPath, bPath);
    } else if (typeof a === 'string') {
      if (SAME_IN_EVERY_LANGUAGE.has(key) && a !== b) this.add(bPath, this.say('twin.text', { other: this.other, expected: a, got: b }));
    } else if (a !== b) {
      this.add(bPath, this.say('twin.value', { other: this.other, expected: a, got: b }));
    }
  }

  private lists(a: readonly Json[], b: readonly Json[], key: string, aPath: string, bPath: string): void {
    if (hasIds(a) || hasIds(b)) {
      this.listsById(a, b, aPath, bPath);
      return;
    }
    if (a.length !== b.length) {
      this.add(bPath, this.say('twin.itemCount', { other: this.other, expected: a.length, got: b.length }));
      return;
    }
    a.forEach((item, i) => {
      // Lines of text (duties, notes) are matched by count above; references and nested objects item by item.
      if (typeof item !== 'string' || SAME_IN_EVERY_LANGUAGE.has(key)) this.values(item, b[i], key, `${aPath}[${i}]`, `${bPath}[${i}]`);
    });
  }

  private listsById(a: readonly Json[], b: readonly Json[], aPath: string, bPath: string): void {
    const idOf = (x: Json): string => (isRecord(x) && typeof x.id === 'string' ? x.id : '');
    const aIds = a.map(idOf);
    const bIds = b.map(idOf);
    aIds.forEach((id, i) => {
      if (!bIds.includes(id)) this.add(bPath, this.say('twin.missingId', { other: this.other, id, at: `${aPath}[${i}]` }));
    });
    bIds.forEach((id, j) => {
      if (!aIds.includes(id)) this.add(`${bPath}[${j}].id`, this.say('twin.extraId', { other: this.other, id }));
    });
    const aShared = aIds.filter((id) => bIds.includes(id));
    const bShared = bIds.filter((id) => aIds.includes(id));
    if (aShared.join('\n') !== bShared.join('\n')) {
      this.add(bPath, this.say('twin.order', { other: this.other, ids: aShared }));
    }
    bIds.forEach((id, j) => {
      const i = aIds.indexOf(id);
      if (i >= 0) this.values(a[i], b[j], '', `${aPath}[${i}]`, `${bPath}[${j}]`);
    });
  }
}

/**
 * Compares `b` with its twin `a`; the issues are about `b`, with paths into `b`, worded in
 * `options.language` (English by default). Pure, and independent of the order the two files
 * were loaded or synced in.
 */
export function comparePlaybookTwins(a: Playbook, b: Playbook, options: PlaybookCheckOptions = {}): Issue[] {
  const say = speak(options.language);
  const comparison = new TwinComparison(a.language, say);
  if (a.language.toLowerCase() === b.language.toLowerCase()) {
    comparison.issues.push({ path: 'language', message: say('twin.sameLanguage', { language: a.language }) });
  }
  comparison.objects(a, b, '', '');
  return comparison.issues;
}
