import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to check what Chromium printed: the pages in order and the text
 * on each, read through each font's ToUnicode map (Chromium's Skia writes every glyph with
 * its Unicode mapping, Chinese included). Text runs on one baseline are joined; a new
 * baseline starts a new line. Not a general PDF parser: no encryption, object streams or
 * cross-reference streams, which Skia does not write.
 */

interface PdfObject {
  readonly body: string;
  readonly offset: number;
}

type Token =
  | { kind: 'op'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: Uint8Array }
  | { kind: 'open' | 'close' | 'dictOpen' | 'dictClose' };

function readObjects(raw: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  for (const m of raw.matchAll(/(?:^|\s)(\d+) 0 obj\b/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endobj', start);
    objects.set(Number(m[1]), { body: raw.slice(start, end), offset: start });
  }
  return objects;
}

function ref(body: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : null;
}

function streamBytes(pdf: Buffer, objects: Map<number, PdfObject>, n: number): Buffer {
  const o = objects.get(n);
  if (!o) throw new Error(`no object ${n}`);
  const keyword = o.body.indexOf('stream');
  let start = o.offset + keyword + 'stream'.length;
  if (pdf[start] === 0x0d) start++;
  if (pdf[start] === 0x0a) start++;
  const direct = /\/Length\s+(\d+)(?!\s+0 R)/.exec(o.body);
  const indirect = ref(o.body, 'Length');
  const length = direct ? Number(direct[1]) : indirect !== null ? Number(objects.get(indirect)?.body.trim()) : pdf.indexOf('endstream', start) - start;
  const data = pdf.subarray(start, start + length);
  return /\/FlateDecode/.test(o.body.slice(0, keyword)) ? inflateSync(data) : data;
}

function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  const even = clean.length % 2 ? `${clean}0` : clean;
  return Uint8Array.from(even.match(/../g) ?? [], (b) => parseInt(b, 16));
}

function utf16be(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return s;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) i++;
    else if (c === '%') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('<<', i) || text.startsWith('>>', i)) {
      tokens.push({ kind: text[i] === '<' ? 'dictOpen' : 'dictClose' });
      i += 2;
    } else if (c === '[' || c === ']') {
      tokens.push({ kind: c === '[' ? 'open' : 'close' });
      i++;
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      tokens.push({ kind: 'str', value: hexBytes(text.slice(i + 1, end)) });
      i = end + 1;
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < text.length && depth > 0) {
        const ch = text[i] ?? '';
        if (ch === '\\') {
          const next = text[i + 1] ?? '';
          const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
          if (octal) {
            bytes.push(parseInt(octal[0], 8));
            i += 1 + octal[0].length;
          } else {
            bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
            i += 2;
          }
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) break;
        bytes.push(ch.charCodeAt(0));
        i++;
      }
      tokens.push({ kind: 'str', value: Uint8Array.from(bytes) });
      i++;
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%]*/.exec(text.slice(i)) ?? ['/'];
      tokens.push({ kind: 'name', value: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/<>[\]()%]+/.exec(text.slice(i)) ?? [c];
      const word = m[0];
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) tokens.push({ kind: 'num', value: Number(word) });
      else tokens.push({ kind: 'op', value: word });
      i += word.length;
    }
  }
  return tokens;
}

interface CMap {
  readonly bytes: number;
  readonly map: Map<number, string>;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const bytes = range ? (range[1] ?? '00').length / 2 : 1;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1] ?? '0', 16), utf16be(hexBytes(m[2] ?? '')));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        const list = [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16be(hexBytes(x[1] ?? '')));
        for (let code = lo; code <= hi; code++) map.set(code, list[code - lo] ?? '');
      } else {
        const base = hexBytes(dst.slice(1, -1));
        for (let code = lo; code <= hi; code++) {
          const b = Uint8Array.from(base);
          const last = (b[b.length - 1] ?? 0) + (code - lo);
          b[b.length - 1] = last & 0xff;
          if (b.length > 1) b[b.length - 2] = (b[b.length - 2] ?? 0) + (last >> 8);
          map.set(code, utf16be(b));
        }
      }
    }
  }
  return { bytes, map };
}

function pageRefs(objects: Map<number, PdfObject>, node: number): number[] {
  const body = objects.get(node)?.body ?? '';
  if (/\/Type\s*\/Pages\b/.test(body)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((m) => pageRefs(objects, Number(m[1])));
  }
  return /\/Type\s*\/Page\b/.test(body) ? [node] : [];
}

/** The text of every page, in page order. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = readObjects(raw);
  const root = /\/Root\s+(\d+) 0 R/.exec(raw.slice(raw.lastIndexOf('trailer')))?.[1];
  const catalog = objects.get(Number(root))?.body ?? '';
  const pages = pageRefs(objects, ref(catalog, 'Pages') ?? -1);
  const cmaps = new Map<number, CMap>();
  const cmapOf = (font: number): CMap => {
    let c = cmaps.get(font);
    if (!c) {
      const body = objects.get(font)?.body ?? '';
      const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(body);
      const toUnicode = ref(body, 'ToUnicode');
      c = toUnicode !== null ? parseCMap(streamBytes(pdf, objects, toUnicode).toString('latin1')) : { bytes: descendant ? 2 : 1, map: new Map() };
      cmaps.set(font, c);
    }
    return c;
  };
  return pages.map((page) => {
    const body = objects.get(page)?.body ?? '';
    let resources = /\/Resources\s*(<<[\s\S]*>>)/.exec(body)?.[1] ?? '';
    const resourcesRef = ref(body, 'Resources');
    if (resourcesRef !== null) resources = objects.get(resourcesRef)?.body ?? '';
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontRef = ref(resources, 'Font');
    if (fontRef !== null) fontDict = objects.get(fontRef)?.body ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)].map((m) => [m[1] ?? '', Number(m[2])]));
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(body)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(body)?.[1] ?? '';
    const stream = [...contents.matchAll(/(\d+) 0 R/g)].map((m) => streamBytes(pdf, objects, Number(m[1])).toString('latin1')).join('\n');
    return readContent(tokenize(stream), (name) => cmapOf(fonts.get(name) ?? -1));
  });
}

type Matrix = [number, number, number, number, number, number];

/** m × n, as PDF composes transformations (m applied first). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function readContent(tokens: readonly Token[], cmapFor: (font: string) => CMap): string {
  const lines: string[] = [];
  let line = '';
  let baseline: number | null = null;
  let cmap: CMap = { bytes: 1, map: new Map() };
  // Text a span stands for (ligatures, some CJK glyphs): written once, at its first glyph.
  let actual: string | null = null;
  let actualShown = false;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let textLine: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: Token[] = [];
  // A glyph's baseline on the page: the text line matrix, then the graphics transformation.
  const moved = () => {
    const y = Math.round(multiply(textLine, ctm)[5] * 2) / 2;
    if (baseline !== null && Math.abs(y - baseline) > 0.5 && line.trim()) {
      lines.push(line);
      line = '';
    }
    baseline = y;
  };
  const show = (bytes: Uint8Array) => {
    if (actual !== null) {
      if (!actualShown) line += actual;
      actualShown = true;
      return;
    }
    for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
      const code = cmap.bytes === 2 ? ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0) : (bytes[i] ?? 0);
      line += cmap.map.get(code) ?? '';
    }
  };
  for (const t of tokens) {
    if (t.kind !== 'op') {
      operands.push(t);
      continue;
    }
    const n = operands.filter((o): o is { kind: 'num'; value: number } => o.kind === 'num').map((o) => o.value);
    switch (t.value) {
      case 'q':
        saved.push(ctm);
        break;
      case 'Q':
        ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case 'cm':
        if (n.length === 6) ctm = multiply(n as Matrix, ctm);
        break;
      case 'BT':
        textLine = [1, 0, 0, 1, 0, 0];
        break;
      case 'Tf': {
        const name = operands.find((o) => o.kind === 'name');
        if (name?.kind === 'name') cmap = cmapFor(name.value);
        break;
      }
      case 'Tm':
        if (n.length === 6) textLine = n as Matrix;
        moved();
        break;
      case 'Td':
      case 'TD':
        textLine = multiply([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0], textLine);
        moved();
        break;
      case 'T*':
        textLine = multiply([1, 0, 0, 1, 0, -1000], textLine);
        moved();
        break;
      case 'Tj':
      case "'":
      case '"': {
        const s = operands.findLast((o) => o.kind === 'str');
        if (s?.kind === 'str') show(s.value);
        break;
      }
      case 'TJ':
        for (const o of operands) {
          if (o.kind === 'str') show(o.value);
          else if (o.kind === 'num' && o.value < -250 && actual === null) line += ' ';
        }
        break;
      case 'BDC': {
        const i = operands.findIndex((o) => o.kind === 'name' && o.value === 'ActualText');
        const s = i >= 0 ? operands[i + 1] : undefined;
        if (s?.kind === 'str') {
          actual = s.value[0] === 0xfe && s.value[1] === 0xff ? utf16be(s.value.subarray(2)) : String.fromCharCode(...s.value);
          actualShown = false;
        }
        break;
      }
      case 'EMC':
        actual = null;
        break;
    }
    operands.length = 0;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}
