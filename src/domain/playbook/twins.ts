import type { Issue } from '../validation';
import { joinPath } from './json-path';
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

function isRecordLike(x: Json): x is Record<string, Json> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hasIds(list: readonly Json[]): boolean {
  return list.length > 0 && list.every((x) => isRecordLike(x) && typeof x.id === 'string');
}

function kindOf(x: Json): string {
  if (Array.isArray(x)) return 'a list';
  if (x === null) return 'null';
  return typeof x === 'object' ? 'an object' : typeof x;
}

class TwinComparison {
  readonly issues: Issue[] = [];
  constructor(private readonly other: string) {}

  private add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  objects(a: Record<string, Json>, b: Record<string, Json>, aPath: string, bPath: string): void {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      if (DIFFER_BY_DESIGN.has(key)) continue;
      const at = joinPath(bPath, key);
      if (!(key in b)) this.add(at, `missing, but the ${this.other} version has ${joinPath(aPath, key)}`);
      else if (!(key in a)) this.add(at, `not in the ${this.other} version; twins have the same fields`);
      else this.values(a[key], b[key], key, joinPath(aPath, key), at);
    }
  }

  private values(a: Json, b: Json, key: string, aPath: string, bPath: string): void {
    if (kindOf(a) !== kindOf(b)) {
      this.add(bPath, `expected ${kindOf(a)} as in the ${this.other} version, got ${kindOf(b)}`);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      this.lists(a, b, key, aPath, bPath);
    } else if (isRecordLike(a) && isRecordLike(b)) {
      this.objects(a, b, aPath, bPath);
    } else if (typeof a === 'string') {
      if (SAME_IN_EVERY_LANGUAGE.has(key) && a !== b) this.add(bPath, `expected "${a}" as in the ${this.other} version, got ${JSON.stringify(b)}`);
    } else if (a !== b) {
      this.add(bPath, `expected ${JSON.stringify(a)} as in the ${this.other} version, got ${JSON.stringify(b)}`);
    }
  }

  private lists(a: readonly Json[], b: readonly Json[], key: string, aPath: string, bPath: string): void {
    if (hasIds(a) || hasIds(b)) {
      this.listsById(a, b, aPath, bPath);
      return;
    }
    if (a.length !== b.length) {
      this.add(bPath, `expected ${a.length} ${a.length === 1 ? 'item' : 'items'} as in the ${this.other} version, got ${b.length}`);
      return;
    }
    a.forEach((item, i) => {
      // Lines of text (duties, notes) are matched by count above; references and nested objects item by item.
      if (typeof item !== 'string' || SAME_IN_EVERY_LANGUAGE.has(key)) this.values(item, b[i], key, `${aPath}[${i}]`, `${bPath}[${i}]`);
    });
  }

  private listsById(a: readonly Json[], b: readonly Json[], aPath: string, bPath: string): void {
    const idOf = (x: Json): string => (isRecordLike(x) && typeof x.id === 'string' ? x.id : '');
    const aIds = a.map(idOf);
    const bIds = b.map(idOf);
    aIds.forEach((id, i) => {
      if (!bIds.includes(id)) this.add(bPath, `missing id "${id}", which the ${this.other} version has at ${aPath}[${i}]`);
    });
    bIds.forEach((id, j) => {
      if (!aIds.includes(id)) this.add(`${bPath}[${j}].id`, `id "${id}" is not in the ${this.other} version`);
    });
    const aShared = aIds.filter((id) => bIds.includes(id));
    const bShared = bIds.filter((id) => aIds.includes(id));
    if (aShared.join('\n') !== bShared.join('\n')) {
      this.add(bPath, `expected the order ${aShared.map((id) => `"${id}"`).join(', ')} as in the ${this.other} version`);
    }
    bIds.forEach((id, j) => {
      const i = aIds.indexOf(id);
      if (i >= 0) this.values(a[i], b[j], '', `${aPath}[${i}]`, `${bPath}[${j}]`);
    });
  }
}

/**
 * Compares `b` with its twin `a`; the issues are about `b`, with paths into `b`. Pure, and
 * independent of the order the two files were loaded or synced in.
 */
export function comparePlaybookTwins(a: Playbook, b: Playbook): Issue[] {
  const comparison = new TwinComparison(a.language);
  if (a.language.toLowerCase() === b.language.toLowerCase()) {
    comparison.issues.push({ path: 'language', message: `expected a language other than "${a.language}": twins are two languages of one playbook` });
  }
  comparison.objects(a, b, '', '');
  return comparison.issues;
}
