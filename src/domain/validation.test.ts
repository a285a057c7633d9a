import { describe, expect, it } from 'vitest';
import { isRecord } from './validation';

describe('isRecord', () => {
  it('takes a plain object and nothing else that typeof calls an object', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    for (const x of [null, [], [1], 'x', 1, undefined, true]) expect(isRecord(x)).toBe(false);
  });
});
