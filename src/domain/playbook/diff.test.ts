import { describe, expect, it } from 'vitest';
import { diffPlaybooks } from './diff';

describe('diffPlaybooks: what another device published differs from this draft', () => {
  it('names each changed, added and removed field by its path, in document order', () => {
    const theirs = { title: 'Fire plan', buildings: [{ id: 'main', floors: [{ id: 'b1', label: 'B1' }] }] };
    const mine = {
      title: 'Fire plan',
      buildings: [
        {
          id: 'main',
          floors: [
            { id: 'b1', label: 'B1 basement' },
            { id: 'b2', label: 'B2' },
          ],
        },
      ],
      hazard: 'fire',
    };
    expect(diffPlaybooks(theirs, mine).map((c) => [c.path, c.before, c.after])).toEqual([
      ['buildings[0].floors[0].label', 'B1', 'B1 basement'],
      ['buildings[0].floors[1]', undefined, { id: 'b2', label: 'B2' }],
      ['hazard', undefined, 'fire'],
    ]);
  });

  it('finds nothing between equal versions whatever their key order', () => {
    expect(diffPlaybooks({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
  });

  it('a value that changed kind is one change at its place', () => {
    expect(diffPlaybooks({ scope: 'all' }, { scope: ['all'] })).toEqual([{ path: 'scope', at: ['scope'], before: 'all', after: ['all'] }]);
  });

  it('stops at the limit', () => {
    const a = { list: Array.from({ length: 50 }, (_, i) => i) };
    const b = { list: Array.from({ length: 50 }, (_, i) => i + 1) };
    expect(diffPlaybooks(a, b, 10)).toHaveLength(10);
  });
});
