import { findDuplicateKeys } from '../json-duplicates';
import { formatPath } from './json-path';
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

/** A field given twice in one object: where (JSON path) and the offsets of both names. */
interface DuplicateField {
  readonly path: string;
  readonly firstOffset: number;
  readonly offset: number;
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

/** Every field written twice in one object of a valid JSON text, in the order they appear. */
export function findDuplicateFields(text: string): DuplicateField[] {
  return findDuplicateKeys(text).map((d) => ({ path: formatPath(d.path), firstOffset: d.firstOffset, offset: d.offset }));
}
