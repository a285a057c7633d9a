/**
 * A field given twice in one object. JSON.parse accepts that silently and keeps the last, so
 * two readers of the same text can disagree about what it says: a hand-edited playbook loses
 * a floor's routes, a pushed event means one thing to the server and another to a device.
 */
interface DuplicateKey {
  readonly key: string;
  /** Where the second one sits: the keys and list indexes from the root down to it, `key` last. */
  readonly path: readonly (string | number)[];
  /** Offsets (UTF-16 code units) of the opening quotes of the first and the second name. */
  readonly firstOffset: number;
  readonly offset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** An open object (the names seen in it, with their offsets) or an open list; `at` is where the scan is inside it. */
type Open = { readonly names: Map<string, number>; at: string } | { readonly names: null; at: number };

/**
 * The fields given twice in one object of a JSON text that JSON.parse has already accepted, in
 * the order the second names appear; at most `limit` of them. Because the text is known to be
 * well formed the scan stays fast on a large request body: it jumps from quote to quote with
 * indexOf and looks only at brackets and commas in between.
 */
export function findDuplicateKeys(text: string, limit = Infinity): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const open: Open[] = [];
  let expectName = false;
  let i = 0;
  const n = text.length;
  while (i < n && found.length < limit) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const inside = open[open.length - 1];
      if (expectName && inside?.names) {
        const raw = text.slice(i + 1, end);
        // Escapes can spell one name two ways ("a" and "\u0061"): compare decoded names.
        const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const first = inside.names.get(name);
        if (first === undefined) inside.names.set(name, i);
        else found.push({ key: name, path: [...open.slice(0, -1).map((o) => o.at), name], firstOffset: first, offset: i });
        inside.at = name;
        expectName = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT) {
      open.push({ names: new Map(), at: '' });
      expectName = true;
    } else if (c === OPEN_ARRAY) {
      open.push({ names: null, at: 0 });
      expectName = false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      expectName = false;
    } else if (c === COMMA) {
      const inside = open[open.length - 1];
      if (inside && inside.names === null) inside.at += 1;
      expectName = inside?.names != null;
    }
    i++;
  }
  return found;
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
