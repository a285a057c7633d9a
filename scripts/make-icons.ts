/**
 * Draws the app icons as PNG files in `public/` from the same shapes as `public/icon.svg`
 * (a red tile with a white warning triangle), so the home-screen icon matches the favicon.
 * No image library: shapes are rasterised here with 4×4 supersampling and written as PNG
 * with node:zlib. The output is deterministic; `--check` fails when a committed file differs.
 *
 *   npx tsx scripts/make-icons.ts           writes public/icon-*.png
 *   npx tsx scripts/make-icons.ts --check   exits 1 if a file in public/ is missing or stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
const RED: Rgba = [0xb3, 0x26, 0x1e, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A shape in the 64×64 design space of icon.svg. */
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number; fill: Rgba }
  | { kind: 'triangle'; points: readonly [number, number][]; fill: Rgba }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Rgba };

/** The warning glyph of icon.svg: triangle, bar and dot. */
const glyph: Shape[] = [
  {
    kind: 'triangle',
    points: [
      [32, 10],
      [54, 50],
      [10, 50],
    ],
    fill: WHITE,
  },
  { kind: 'roundRect', x: 29, y: 24, w: 6, h: 14, r: 2, fill: RED },
  { kind: 'circle', cx: 32, cy: 44, r: 3.2, fill: RED },
];

function inside(s: Shape, x: number, y: number): boolean {
  switch (s.kind) {
    case 'circle':
      return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
    case 'roundRect': {
      if (x < s.x || x > s.x + s.w || y < s.y || y > s.y + s.h) return false;
      const cx = Math.min(Math.max(x, s.x + s.r), s.x + s.w - s.r);
      const cy = Math.min(Math.max(y, s.y + s.r), s.y + s.h - s.r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2;
    }
    case 'triangle': {
      const [a, b, c] = s.points as [[number, number], [number, number], [number, number]];
      const edge = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
      const e1 = edge(a, b);
      const e2 = edge(b, c);
      const e3 = edge(c, a);
      return (e1 >= 0 && e2 >= 0 && e3 >= 0) || (e1 <= 0 && e2 <= 0 && e3 <= 0);
    }
  }
}

/** Moves a glyph shape: scale about (32, 30) (the glyph's box centre), then centre it at (32, 32). */
function placeGlyph(s: Shape, scale: number): Shape {
  const px = (x: number) => 32 + (x - 32) * scale;
  const py = (y: number) => 32 + (y - 30) * scale;
  switch (s.kind) {
    case 'circle':
      return { ...s, cx: px(s.cx), cy: py(s.cy), r: s.r * scale };
    case 'roundRect':
      return { ...s, x: px(s.x), y: py(s.y), w: s.w * scale, h: s.h * scale, r: s.r * scale };
    case 'triangle':
      return { ...s, points: s.points.map(([x, y]) => [px(x), py(y)] as [number, number]) };
  }
}

export interface IconSpec {
  file: string;
  size: number;
  /**
   * `any`: the rounded tile of icon.svg on a transparent background.
   * `maskable`: full-bleed red, the glyph shrunk into the central safe zone (a circle of 40 %
   * of the size, W3C "maskable" icons), so any mask shape the launcher applies keeps it whole.
   */
  purpose: 'any' | 'maskable';
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-192.png', size: 192, purpose: 'maskable' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
  // iOS ignores the manifest and rounds the corners itself, so it gets the full-bleed tile.
  { file: 'apple-touch-icon.png', size: 180, purpose: 'maskable' },
];

function shapesFor(purpose: IconSpec['purpose']): Shape[] {
  if (purpose === 'any') return [{ kind: 'roundRect', x: 0, y: 0, w: 64, h: 64, r: 12, fill: RED }, ...glyph];
  return [{ kind: 'roundRect', x: 0, y: 0, w: 64, h: 64, r: 0, fill: RED }, ...glyph.map((s) => placeGlyph(s, 0.72))];
}

/** RGBA pixels, row by row; each pixel the average of 4×4 samples (edges are anti-aliased). */
export function rasterise(spec: IconSpec): Uint8Array {
  const { size } = spec;
  const shapes = shapesFor(spec.purpose);
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((i + (sx + 0.5) / n) / size) * 64;
          const y = ((j + (sy + 0.5) / n) / size) * 64;
          let fill: Rgba | undefined;
          for (const s of shapes) if (inside(s, x, y)) fill = s.fill;
          if (!fill) continue;
          // Premultiplied sums, so transparent samples do not darken the edge.
          r += fill[0] * fill[3];
          g += fill[1] * fill[3];
          b += fill[2] * fill[3];
          a += fill[3];
        }
      }
      const o = (j * size + i) * 4;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const typed = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([head.subarray(0, 4), typed, crc]);
}

/** A PNG (8-bit RGBA, no interlace, filter 0 on every row) of `width`×`height` pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const check = process.argv.includes('--check');
  const publicDir = resolve(import.meta.dirname, '..', 'public');
  const stale: string[] = [];
  for (const spec of ICONS) {
    const png = encodePng(spec.size, spec.size, rasterise(spec));
    const path = join(publicDir, spec.file);
    if (check) {
      let current: Buffer | undefined;
      try {
        current = readFileSync(path);
      } catch {
        current = undefined;
      }
      if (!current?.equals(png)) stale.push(spec.file);
    } else {
      writeFileSync(path, png);
      console.log(`${path} (${spec.size}×${spec.size}, ${spec.purpose}, ${png.length} bytes)`);
    }
  }
  if (stale.length > 0) {
    console.error(`Icons out of date in public/: ${stale.join(', ')}. Run: npx tsx scripts/make-icons.ts`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'make-icons.ts')) main();
