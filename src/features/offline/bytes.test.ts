import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('storage figures on the settings screen', () => {
  it.each([
    ['en', 0, '0 kB'],
    ['en', 512, '0.5 kB'],
    ['en', 12_345_678, '12.3 MB'],
    ['en', 1_500_000_000, '1.5 GB'],
    ['zh-CN', 12_345_678, '12.3 MB'],
    ['zh-CN', 250_000_000_000, '250 GB'],
  ] as const)('%s: %d bytes reads %s', (language, bytes, text) => {
    expect(formatBytes(language, bytes)).toBe(text);
  });
});
