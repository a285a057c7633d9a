import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, minutesBetween, zoneName } from './format';

const T = Date.UTC(2026, 6, 14, 4, 5, 9, 999);

// These strings are inside every report's hash: a change here breaks the verification of reports already handed out.
describe('report dates', () => {
  it('prints an instant at the offset it is given, whatever zone the device is in', () => {
    expect(formatDateTime(T, 480)).toBe('2026-07-14 12:05:09');
    expect(formatDateTime(T, 0)).toBe('2026-07-14 04:05:09');
    expect(formatDateTime(T, -300)).toBe('2026-07-13 23:05:09');
    expect(formatDateTime(T, 345)).toBe('2026-07-14 09:50:09');
    expect(formatDateTime(Date.UTC(2026, 11, 31, 16, 0), 480)).toBe('2027-01-01 00:00:00');
    expect(formatDateTime(-1, 0)).toBe('1969-12-31 23:59:59');
    expect(formatDate(Date.UTC(2024, 1, 28, 20, 0), 480)).toBe('2024-02-29');
  });

  it('opens a report whose offset puts the instant out of range instead of throwing', () => {
    expect(formatDateTime(0, 1e12)).toBe('NaN-NaN-NaN NaN:NaN:NaN');
    expect(formatDateTime(Number.NaN, 480)).toBe('NaN-NaN-NaN NaN:NaN:NaN');
  });

  it('names the offset and counts whole minutes, never negative', () => {
    expect([zoneName(480), zoneName(-330), zoneName(0), zoneName(525)]).toEqual(['UTC+08:00', 'UTC-05:30', 'UTC', 'UTC+08:45']);
    expect([minutesBetween(T, T + 89_999), minutesBetween(T, T + 90_000), minutesBetween(T, T - 600_000)]).toEqual([1, 2, 0]);
  });
});
