import { formatPath } from './json-path';

/**
 * Where a JSON text goes wrong, as line and column. JSON.parse says so in a different way in
 * every engine (and sometimes not at all), so this small scanner, which follows RFC 8259,
 * finds the first error itself. It also finds a field written twice in one object, which
 * JSON.parse accepts silently by keeping the last (a hand edit that loses a floor's routes).
 * It only locates; JSON.parse still does the parsing.
 */

export interface JsonSyntaxError {
  /** Index into the text, in UTF-16 code units. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters from the start of the line. */
  readonly column: number;
  readonly message: string;
}

/** A field given twice in one object: where (JSON path) and the offsets of both names. */
export interface DuplicateField {
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

function shown(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const ch = text.codePointAt(at) ?? 0;
  if (ch === 0x22) return 'a double quote';
  if (ch < 0x20 || ch === 0x7f) return `the control character U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(ch)}"`;
}

class Scanner {
  private at = 0;
  private readonly path: (string | number)[] = [];
  readonly duplicates: DuplicateField[] = [];
  constructor(private readonly text: string) {}

  run(): void {
    this.space();
    this.value(0);
    this.space();
    if (this.at < this.text.length) this.fail(`expected the end of the file after the JSON value, found ${shown(this.text, this.at)}`);
  }

  private fail(reason: string): never {
    throw new Stop(this.at, reason);
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] ?? '')) this.at++;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    const ch = this.text[this.at];
    if (ch === '{') this.object(depth);
    else if (ch === '[') this.list(depth);
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else if (this.text.startsWith('true', this.at)) this.at += 4;
    else if (this.text.startsWith('false', this.at)) this.at += 5;
    else if (this.text.startsWith('null', this.at)) this.at += 4;
    else if (ch === "'") this.fail('expected a value, found a single quote; JSON texts use double quotes');
    else this.fail(`expected a value (object, list, text in double quotes, number, true, false or null), found ${shown(this.text, this.at)}`);
  }

  private object(depth: number): void {
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return;
    }
    const seen = new Map<string, number>();
    for (;;) {
      if (this.text[this.at] !== '"') this.fail(`expected a field name in double quotes, found ${shown(this.text, this.at)}`);
      const nameAt = this.at;
      this.string();
      const name = JSON.parse(this.text.slice(nameAt, this.at)) as string;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, nameAt);
      else this.duplicates.push({ path: formatPath([...this.path, name]), firstOffset: first, offset: nameAt });
      this.space();
      if (this.text[this.at] !== ':') this.fail(`expected ":" after the field name, found ${shown(this.text, this.at)}`);
      this.at++;
      this.space();
      this.path.push(name);
      this.value(depth + 1);
      this.path.pop();
      this.space();
      const next = this.text[this.at];
      if (next === '}') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail(`expected "," or "}" after a field's value, found ${shown(this.text, this.at)}`);
      this.at++;
      this.space();
      if (this.text[this.at] === '}') this.fail('expected another field after ",", found "}"; JSON allows no comma before "}"');
    }
  }

  private list(depth: number): void {
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      this.path.push(index);
      this.value(depth + 1);
      this.path.pop();
      this.space();
      const next = this.text[this.at];
      if (next === ']') {
        this.at++;
        return;
      }
      if (next !== ',') this.fail(`expected "," or "]" after a list item, found ${shown(this.text, this.at)}`);
      this.at++;
      this.space();
      if (this.text[this.at] === ']') this.fail('expected another item after ",", found "]"; JSON allows no comma before "]"');
    }
  }

  private string(): void {
    this.at++;
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined) this.fail('the file ends inside a text; a closing double quote is missing');
      if (ch === '"') {
        this.at++;
        return;
      }
      if (ch < ' ') this.fail(`${shown(this.text, this.at)} is not allowed inside a text; write a line break as \\n`);
      if (ch === '\\') {
        const esc = this.text[this.at + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('expected four hex digits after \\u');
          this.at += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) this.fail(`unknown escape \\${esc ?? ''}; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
        this.at += 2;
        continue;
      }
      this.at++;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail(`expected a number, found ${shown(this.text, this.at)}`);
    this.at += match[0].length;
    const after = this.text[this.at];
    if (after !== undefined && /[0-9.eE]/.test(after)) this.fail(`expected a number, found ${shown(this.text, this.at)} inside it`);
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

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).run();
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { offset: e.offset, ...lineAndColumn(text, e.offset), message: e.reason };
  }
}

/** Every field written twice in one object of a valid JSON text, in the order they appear. */
export function findDuplicateFields(text: string): DuplicateField[] {
  const scanner = new Scanner(text);
  try {
    scanner.run();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return scanner.duplicates;
}
