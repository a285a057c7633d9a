import { isRecord } from '../validation';
import { formatPath, type PathSegment } from './json-path';

/** One difference between two versions of a playbook: the value at `path` in each (undefined: not there). */
export interface PlaybookChange {
  readonly path: string;
  readonly at: readonly PathSegment[];
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What differs between two versions of a playbook, field by field, lists compared position by
 * position: what a safety officer reads before publishing over a version someone else
 * published from another device. A field only one side has is a change from or to undefined;
 * a value of a different kind (a text that became a list) is one change at its place. Pure;
 * at most `limit` changes, in document order, so a rewritten playbook does not flood a phone.
 */
export function diffPlaybooks(before: unknown, after: unknown, limit = 200): PlaybookChange[] {
  const out: PlaybookChange[] = [];
  const walk = (a: unknown, b: unknown, at: PathSegment[]): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...at, i]);
      return;
    }
    if (isRecord(a) && isRecord(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
      for (const k of keys) walk(a[k], b[k], [...at, k]);
      return;
    }
    if (!Object.is(a, b)) out.push({ path: formatPath(at), at, before: a, after: b });
  };
  walk(before, after, []);
  return out;
}
