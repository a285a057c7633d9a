/**
 * JSON parsing for request bodies that refuses what JSON.parse lets through silently: a field
 * given twice in one object (JSON.parse keeps the last, so two readers of the same bytes could
 * disagree about what was sent). The text is first parsed by JSON.parse, so the scan below may
 * assume well-formed JSON and stay fast: it jumps from quote to quote with indexOf.
 */
export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StrictJsonError(`the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined) throw new StrictJsonError(`the field ${JSON.stringify(duplicate)} is given twice in one object`);
  return value;
}

/** The first key repeated within one object of a well-formed JSON text, or undefined. */
export function firstDuplicateKey(text: string): string | undefined {
  // One entry per open container: the keys seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (expectKey) {
        const keys = open[open.length - 1];
        const raw = text.slice(i + 1, end);
        // Escapes can spell one key two ways ("a" and "\u0061"): compare decoded names.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (keys?.has(key)) return key;
        keys?.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT) {
      open.push(new Set());
      expectKey = true;
    } else if (c === OPEN_ARRAY) {
      open.push(null);
      expectKey = false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = open[open.length - 1] instanceof Set;
    }
    i++;
  }
  return undefined;
}

/** Index of the quote that ends the string starting at `start` (a quote). */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q;
    from = q + 1;
  }
}
