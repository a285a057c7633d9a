import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time';

describe('dates on screen', () => {
  it('shows the full date with the time, in the device zone, on a 24-hour clock', () => {
    const noon = new Date(2026, 6, 14, 12, 5, 9).getTime();
    const midnight = new Date(2026, 0, 2, 0, 0, 0).getTime();
    expect(formatDateTime('zh-CN', noon)).toBe('2026年7月14日 12:05:09');
    expect(formatDateTime('en', noon)).toBe('14 Jul 2026, 12:05:09');
    expect(formatDateTime('zh-CN', midnight)).toBe('2026年1月2日 00:00:00');
    expect(formatDateTime('en', midnight)).toBe('2 Jan 2026, 00:00:00');
  });
});
