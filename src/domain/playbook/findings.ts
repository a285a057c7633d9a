import type { Issue } from '../validation';
import { formatPath, type PathSegment } from './json-path';

/**
 * What the playbook validator reports, and the form its findings take on the way there. An
 * error keeps a file out; a warning lets it in and says what staff may miss.
 */

export type Severity = 'error' | 'warning';

/**
 * One problem of a playbook file. An `Issue` (path and message, as every validator of the app
 * gives them), with what a safety officer needs to find it: how bad it is, where it is in the
 * file's own words, and its line and column.
 */
export interface PlaybookIssue extends Issue {
  readonly severity: Severity;
  /**
   * Where, named as the file names things: `building "Riverside main building", floor "B1",
   * route "alternate" (alternate)`, in the language of the message. Absent outside named things.
   */
  readonly place?: string;
  /**
   * 1-based line and column of the value at `path` in the file (its field name when it is an
   * object's field; the enclosing object when the value is missing). Only when the validator
   * was given the file's text.
   */
  readonly line?: number;
  readonly column?: number;
}

/** An issue while the validator works on it: the path still in segments, not yet placed or located. */
export interface Finding {
  readonly at: readonly PathSegment[];
  readonly severity: Severity;
  readonly message: string;
  /** The offset in the text where it already is known to be (a field given twice: the second name). */
  readonly offset?: number;
  /** A field the schema does not know (`at` ends with its name). */
  readonly unknownField?: boolean;
  /** A field that no screen shows, by its name: these are said once per name (warnings.ts). */
  readonly unshownField?: string;
  /** How many segments of `at` the place in words is taken from; all when left out (repeated.ts). */
  readonly placeDepth?: number;
}

/** `a` is `b`, or one lies inside the other (`floors[2]` and `floors[2].routes[0].kind`). */
export function samePlaceOrNested(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What the schema found wrong in the shape of a file, asked by the checks that run after it on
 * the same file, so none of them reports a consequence of a problem already reported.
 */
export class ShapeReport {
  private readonly paths = new Set<string>();
  private readonly withUnknownFields = new Set<string>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      this.paths.add(formatPath(f.at));
      if (f.unknownField) this.withUnknownFields.add(formatPath(f.at.slice(0, -1)));
    }
  }

  /** The schema found a problem exactly at `at`. */
  at(at: readonly PathSegment[]): boolean {
    // A file whose shape is right (the usual case) needs no path formatted at all.
    return this.paths.size > 0 && this.paths.has(formatPath(at));
  }

  /** The object at `at` has a field the schema does not know: perhaps the one a rule looks for, misspelt. */
  hasUnknownField(at: readonly PathSegment[]): boolean {
    return this.withUnknownFields.size > 0 && this.withUnknownFields.has(formatPath(at));
  }
}
