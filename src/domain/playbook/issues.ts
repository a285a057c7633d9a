import { z } from 'zod';
import { describe, type Issue } from '../validation';
import { formatPath, type PathSegment } from './json-path';

/**
 * Turns zod's findings into Issues a safety officer can act on: a JSON path
 * (`phases[2].steps[0].owner`) and a message that says what was found and what was expected.
 */

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * Messages for the issues whose schema gave none of its own. Passed to `safeParse` as the
 * per-parse error map, so messages written in the schema (formats, minimum counts) still win.
 */
export function playbookErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `missing; expected ${expected}` : `expected ${expected}, got ${describe(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'expected a text, got an empty text' : `expected at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `expected at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'item' : 'items'}, got ${Array.isArray(issue.input) ? issue.input.length : 0}`;
      return `expected a number of at least ${issue.minimum}, got ${String(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters, got ${typeof issue.input === 'string' ? issue.input.length : '?'}`;
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items, got ${Array.isArray(issue.input) ? issue.input.length : '?'}`;
      return `expected a number of at most ${issue.maximum}, got ${String(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}`;
    default:
      return undefined;
  }
}

/** Levenshtein distance, for "did you mean" on a misspelt field or id. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate when it is close enough to be a typo, else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 4)) ? best : undefined;
}

/** "a, b, c" for a short list; the first `max` and a count for a long one. */
export function listSome(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

/** The field names an object schema accepts at `path`, walking through lists and optionals. */
function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const seg of [...path, null]) {
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (seg === null) break;
    if (typeof seg === 'number') continue;
    if (!(current instanceof z.ZodObject)) return [];
    current = (current.shape as Record<string, z.ZodType>)[String(seg)];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** zod issues of a failed parse → Issues, one per unknown field. */
export function issuesFromZod(error: z.ZodError, schema: z.ZodType): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        issues.push({
          path: formatPath([...issue.path, key]),
          message: guess ? `unknown field; did you mean "${guess}"?` : `unknown field; expected only ${known.join(', ')}`,
        });
      }
    } else if (issue.code === 'invalid_format') {
      issues.push({ path, message: `${issue.message}, got ${describe(issue.input)}` });
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  return issues;
}
