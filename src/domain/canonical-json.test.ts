import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no spaces', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: '中' }], a: null })).toBe('{"a":null,"b":[1,{"c":"中","d":1}]}');
  });

  it('gives the same text for the same content in another key order', () => {
    expect(canonicalJson({ x: { q: 1, p: [true, 'a'] }, w: 2 })).toBe(canonicalJson({ w: 2, x: { p: [true, 'a'], q: 1 } }));
  });

  it('drops undefined fields and writes undefined list items as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('writes numbers and strings exactly as JSON.stringify', () => {
    const values = [0, -0, 1.5, 1e21, 'line\nbreak "quoted"', '\u2028', '🔥'];
    for (const v of values) expect(canonicalJson(v)).toBe(JSON.stringify(v));
  });
});
