import { describe, expect, it } from 'vitest';
import { compareSemver } from './semver';

describe('compareSemver', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0', '2.0.0', 0],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-rc.2', '2.0.0-rc.10', -1],
    ['2.0.0-alpha', '2.0.0-alpha.1', -1],
    ['2.0.0-1', '2.0.0-alpha', -1],
    ['1.0.0+build.5', '1.0.0', 0],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareSemver(a, b))).toBe(sign);
    expect(Math.sign(compareSemver(b, a))).toBe(-sign || 0);
  });
});
