import { describe, expect, it } from 'vitest';
import { formatElapsed } from './hooks';

describe('elapsed time', () => {
  it('counts hours past a day and never goes below zero', () => {
    expect(formatElapsed(7 * 60_000 + 5_999)).toBe('0:07:05');
    expect(formatElapsed(27 * 3600_000 + 4 * 60_000 + 9_000)).toBe('27:04:09');
    expect(formatElapsed(-5_000)).toBe('0:00:00');
  });
});
