/** A problem found in input, named by where it is: `payload.stepId`, `steps[3].text`. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Small field checkers that push an Issue and return whether the field was right. */
export class FieldChecker {
  readonly issues: Issue[] = [];
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly prefix: string,
  ) {}

  private at(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  string(key: string, opts: { optional?: boolean; max?: number; min?: number; pattern?: RegExp; hint?: string } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'string') {
      this.issues.push({ path: this.at(key), message: `expected a text${opts.hint ? ` (${opts.hint})` : ''}, got ${describe(v)}` });
      return false;
    }
    const min = opts.min ?? 0;
    if (v.length < min) {
      this.issues.push({ path: this.at(key), message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` });
      return false;
    }
    if (opts.max !== undefined && v.length > opts.max) {
      this.issues.push({ path: this.at(key), message: `must be at most ${opts.max} characters, got ${v.length}` });
      return false;
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      this.issues.push({ path: this.at(key), message: `expected ${opts.hint ?? `text matching ${opts.pattern}`}, got ${JSON.stringify(v.slice(0, 80))}` });
      return false;
    }
    return true;
  }

  integer(key: string, opts: { optional?: boolean; min?: number; max?: number } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.issues.push({ path: this.at(key), message: `expected a whole number, got ${describe(v)}` });
      return false;
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.issues.push({ path: this.at(key), message: `expected a number from ${opts.min ?? '-∞'} to ${opts.max ?? '∞'}, got ${v}` });
      return false;
    }
    return true;
  }

  number(key: string, opts: { optional?: boolean; min?: number; max?: number } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.issues.push({ path: this.at(key), message: `expected a number, got ${describe(v)}` });
      return false;
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.issues.push({ path: this.at(key), message: `expected a number from ${opts.min ?? '-∞'} to ${opts.max ?? '∞'}, got ${v}` });
      return false;
    }
    return true;
  }

  /** A calendar date as `YYYY-MM-DD` that exists (no 31 February). */
  date(key: string, opts: { optional?: boolean } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'string' || !isCalendarDate(v)) {
      this.issues.push({ path: this.at(key), message: `expected a date like 2026-07-31, got ${describe(v)}` });
      return false;
    }
    return true;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], opts: { optional?: boolean } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.issues.push({ path: this.at(key), message: `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(v)}` });
      return false;
    }
    return true;
  }

  stringList(key: string, opts: { optional?: boolean; maxItems?: number; maxLength?: number } = {}): boolean {
    const v = this.obj[key];
    if (v === undefined && opts.optional) return true;
    if (!Array.isArray(v)) {
      this.issues.push({ path: this.at(key), message: `expected a list of texts, got ${describe(v)}` });
      return false;
    }
    if (opts.maxItems !== undefined && v.length > opts.maxItems) {
      this.issues.push({ path: this.at(key), message: `must hold at most ${opts.maxItems} items, got ${v.length}` });
      return false;
    }
    let ok = true;
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item.length === 0 || (opts.maxLength !== undefined && item.length > opts.maxLength)) {
        this.issues.push({
          path: `${this.at(key)}[${i}]`,
          message: `expected a non-empty text${opts.maxLength ? ` of at most ${opts.maxLength} characters` : ''}, got ${describe(item)}`,
        });
        ok = false;
      }
    });
    return ok;
  }

  /** Rejects keys that are not in `known`, so a typo in a field name is named rather than ignored. */
  noOtherKeys(known: readonly string[]): boolean {
    let ok = true;
    for (const key of Object.keys(this.obj)) {
      if (!known.includes(key)) {
        this.issues.push({ path: this.at(key), message: `unknown field (expected only ${known.join(', ')})` });
        ok = false;
      }
    }
    return ok;
  }
}

/**
 * A lone UTF-16 surrogate: in a `u` regex this class matches only a half without its partner,
 * never a well-formed pair (an emoji). A regex, not `String.prototype.isWellFormed`: that is
 * ES2024, outside our lib, and missing on phones older than Safari 16.4 / Chrome 111, which run
 * this code too.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Whether `text` is well-formed Unicode: it can be stored and sent as UTF-8 and read back the same. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * An issue for each text in `value` (a field's value or a field's name, at any depth) that
 * holds a lone UTF-16 surrogate, at that field's path. Stored as UTF-8 such a text would come
 * back changed, so the same event resent would no longer match its stored copy. Iterative, so
 * a deeply nested input cannot exhaust the stack.
 */
export function malformedTextIssues(value: unknown, path: string): Issue[] {
  const issues: Issue[] = [];
  // Last in, first out, children pushed in reverse: issues come in the order of the document.
  const pending: { value: unknown; path: string; key?: string }[] = [{ value, path }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: v, path: at, key } = next;
    const badKey = key === undefined ? null : LONE_SURROGATE.exec(key);
    if (badKey) issues.push({ path: at, message: loneSurrogateMessage('the field name', badKey) });
    if (typeof v === 'string') {
      const bad = LONE_SURROGATE.exec(v);
      if (bad) issues.push({ path: at, message: loneSurrogateMessage('the text', bad) });
      // PostgreSQL's text cannot hold U+0000 at all; no person types one, so nothing is lost.
      const nul = v.indexOf('\u0000');
      if (nul >= 0) issues.push({ path: at, message: `the text holds the NUL character (U+0000 at position ${nul}), which no text may contain` });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) pending.push({ value: v[i] as unknown, path: `${at}[${i}]` });
    } else if (isRecord(v)) {
      for (const k of Object.keys(v).reverse()) pending.push({ value: v[k], path: at ? `${at}.${k}` : k, key: k });
    }
  }
  return issues;
}

function loneSurrogateMessage(what: string, found: RegExpExecArray): string {
  const unit = found[0].charCodeAt(0).toString(16).toUpperCase();
  return `${what} holds a broken character (a lone UTF-16 surrogate \\u${unit} at position ${found.index}); texts must be well-formed Unicode`;
}

export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  return typeof v;
}
