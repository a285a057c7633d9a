import { z } from 'zod';
import type { Finding } from './findings';
import type { PathSegment } from './json-path';
import type { Language } from '../text';
import { isRuleCode, type Say, speak } from './messages';

/**
 * Turns zod's findings into issues a safety officer can act on: a JSON path
 * (`phases[2].steps[0].owner`) and a message that says what was found and what was expected,
 * in the reader's language (messages.ts).
 */

function lengthOf(input: unknown): number | undefined {
  return typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
}

/** Our message for a zod issue, or undefined to leave it to zod's own wording. */
function messageFor(issue: z.core.$ZodRawIssue, say: Say): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? say('value.missing', { expected: issue.expected })
        : say('value.wrongType', { expected: issue.expected, input: issue.input });
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? say('text.empty') : say('text.tooShort', { minimum: issue.minimum });
      if (issue.origin === 'array') return say('list.tooShort', { minimum: issue.minimum, count: lengthOf(issue.input) ?? 0 });
      return say('number.tooSmall', { minimum: issue.minimum, input: issue.input });
    case 'too_big':
      if (issue.origin === 'string') return say('text.tooLong', { maximum: issue.maximum, length: lengthOf(issue.input) });
      if (issue.origin === 'array') return say('list.tooLong', { maximum: issue.maximum, count: lengthOf(issue.input) });
      return say('number.tooLarge', { maximum: issue.maximum, input: issue.input });
    case 'invalid_value':
      return say('value.notOneOf', { values: issue.values, input: issue.input });
    default:
      return undefined;
  }
}

// zod's own Chinese, for issue kinds the playbook schema never raises; created once, passed per
// parse (never through the global z.config) so the English default stays untouched.
const zodChinese = z.locales.zhCN().localeError;

/**
 * The per-parse error map for `safeParse`: messages for the issues whose schema gave none of its
 * own. In English, what we leave undefined falls back to zod's default (English) wording.
 */
export function playbookErrorMap(language: Language = 'en'): z.core.$ZodErrorMap {
  const say = speak(language);
  return (issue) => messageFor(issue, say) ?? (language === 'en' ? undefined : zodChinese(issue));
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

/** zod issues of a failed parse → errors, one per unknown field, worded by `say`. */
export function findingsFromZod(error: z.ZodError, schema: z.ZodType, say: Say = speak('en')): Finding[] {
  const findings: Finding[] = [];
  for (const issue of error.issues) {
    const at = issue.path;
    // A message the schema wrote itself is a rule code; any other came through playbookErrorMap.
    const message = isRuleCode(issue.message) ? say(issue.message) : issue.message;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        findings.push({
          at: [...at, key],
          severity: 'error',
          unknownField: true,
          message: guess ? say('field.unknown.guess', { guess }) : say('field.unknown.list', { known }),
        });
      }
    } else if (issue.code === 'invalid_format') {
      findings.push({ at, severity: 'error', message: say('format.mismatch', { rule: message, input: issue.input }) });
    } else {
      findings.push({ at, severity: 'error', message });
    }
  }
  return findings;
}
