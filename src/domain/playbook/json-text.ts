import type { Found } from './message-words';
import { type Say, speak } from './messages';

/**
 * Where a JSON text goes wrong, as line and column. JSON.parse says so in a different way in
 * every engine (and sometimes not at all), so this small scanner, which follows RFC 8259,
 * finds the first error itself. It only locates; JSON.parse still does the parsing.
 */

interface JsonSyntaxError {
  /** Index into the text, in UTF-16 code units. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters from the start of the line. */
  readonly column: number;
  /** Why the text is not JSON, in the language of the `say` given. */
  readonly message: string;
}

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function shown(text: string, at: number): Found {
  if (at >= text.length) return { kind: 'end' };
  const ch = text.codePointAt(at) ?? 0;
  if (ch === 0x22) return { kind: 'double-quote' };
  if (ch < 0x20 || ch === 0x7f) return { kind: 'control', codePoint: ch };
  return { kind: 'char', char: String.fromCodePoint(ch) };
}

class Scanner {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly say: Say,
  ) {}

  private found(): Found {
    return shown(this.text, this.at);
  }

  run(): void {
    this.space();
    this.value(0);
    this.space();
    if (this.at < this.text.length) this.fail(this.say('json.trailing', { found: this.found() }));
  }

  private fail(reason: string): never {
    throw new Stop(this.at, reason);
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] ?? '')) this.at++;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(this.say('json.tooDeep', { max: MAX_DEPTH }));
    const ch = this.text[this.at];
    if (ch === '{') this.object(depth);
    else if (ch === '[') this.list(depth);
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else if (this.text.startsWith('true', this.at)) this.at += 4;
    else if (this.text.startsWith('false', this.at)) this.at += 5;
    else if (this.text.startsWith('null', this.at)) this.at += 4;
    else if (ch === "'") this.fail(this.say('json.singleQuote'));
    else this.fail(this.say('json.value', { found: this.found() }));
  }

  private object(depth: number): void {
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return;
    }
    for (;;) {
      if (this.text[this.at] !== '"') this.fail(this.say('json.fieldName', { found: this.found() }));
      this.string();
      this.space();
      if (this.text[this.at] !== ':') this.fail(this.say('json.colon', { found: this.found() }));
      this.at++;
      this.space();
      this.value(depth + 1);
      this.space();
      const next = this.text[this.at];
      if (next === '}') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail(this.say('json.afterField', { found: this.found() }));
      this.at++;
      this.space();
      if (this.text[this.at] === '}') this.fail(this.say('json.fieldAfterComma'));
    }
  }

  private list(depth: number): void {
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.space();
      const next = this.text[this.at];
      if (next === ']') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail(this.say('json.afterItem', { found: this.found() }));
      this.at++;
      this.space();
      if (this.text[this.at] === ']') this.fail(this.say('json.itemAfterComma'));
    }
  }

  private string(): void {
    this.at++;
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined) this.fail(this.say('json.unterminatedText'));
      if (ch === '"') {
        this.at++;
        return;
      }
      if (ch < ' ') this.fail(this.say('json.controlInText', { found: this.found() }));
      if (ch === '\\') {
        const esc = this.text[this.at + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail(this.say('json.unicodeEscape'));
          this.at += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) this.fail(this.say('json.unknownEscape', { escape: esc ?? '' }));
        this.at += 2;
        continue;
      }
      this.at++;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail(this.say('json.number', { found: this.found() }));
    this.at += match[0].length;
    const after = this.text[this.at];
    if (after !== undefined && /[0-9.eE]/.test(after)) this.fail(this.say('json.numberContinues', { found: this.found() }));
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not UTF-16 units, so a column matches what an editor shows.
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** The first syntax error in `text`, or undefined when it is valid JSON; the reason worded by `say`. */
export function findJsonSyntaxError(text: string, say: Say = speak('en')): JsonSyntaxError | undefined {
  try {
    new Scanner(text, say).run();
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { offset: e.offset, ...lineAndColumn(text, e.offset), message: e.reason };
  }
}

/** Offset of the first character after the whitespace at `at`. */
function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  return i;
}

/** Offset just after the string that starts (with its quote) at `at`. */
function afterString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i++;
  }
  return i;
}

/** Offset just after the value that starts at `at`, without looking inside it more than to match brackets. */
function afterValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return afterString(text, at);
  if (first !== '{' && first !== '[') {
    let i = at;
    while (i < text.length && !',}] \t\n\r'.includes(text[i] ?? '')) i++;
    return i;
  }
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = afterString(text, i);
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return i;
}

/** Where a path was found: its field name (for an object's field) or its value, and how far the path got. */
interface Located {
  readonly offset: number;
  /** How many segments of the path were found; fewer than all when the value is missing. */
  readonly depth: number;
}

/**
 * Where the value at `path` sits in a JSON text that JSON.parse has accepted: the offset of its
 * field name when it is an object's field (what an editor's "go to line" should land on), of the
 * value itself for a list entry or the root. When the path leaves the document (a missing
 * field), the enclosing value it got to. A field given twice counts as JSON.parse reads it: the
 * last one. It walks only down `path` and jumps over everything else, so it stays fast.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): Located {
  let valueAt = skipSpace(text, 0);
  let found: Located = { offset: valueAt, depth: 0 };
  for (const [depth, seg] of path.entries()) {
    const open = text[valueAt];
    let next: { key?: number; value: number } | undefined;
    if (open === '{' && typeof seg === 'string') {
      let i = skipSpace(text, valueAt + 1);
      while (text[i] === '"') {
        const keyEnd = afterString(text, i);
        const raw = text.slice(i + 1, keyEnd - 1);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
        const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (name === seg) next = { key: i, value };
        i = skipSpace(text, afterValue(text, value));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    } else if (open === '[' && typeof seg === 'number') {
      let i = skipSpace(text, valueAt + 1);
      for (let k = 0; text[i] !== ']' && i < text.length; k++) {
        if (k === seg) {
          next = { value: i };
          break;
        }
        i = skipSpace(text, afterValue(text, i));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    }
    if (!next) return found;
    valueAt = next.value;
    found = { offset: next.key ?? next.value, depth: depth + 1 };
  }
  return found;
}
