// The mini class: the full UTCDate builds three Intl.DateTimeFormat objects when its module loads
// (for toString), and a page's first Intl.DateTimeFormat costs tens of milliseconds on a phone.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { differenceInMinutes, isValid, lightFormat } from 'date-fns';
import { fill, type ReportLabels } from './labels';

/**
 * Dates and times for the report, with the time zone passed in as minutes east of UTC (480 for
 * China Standard Time). Nothing reads the device's clock, locale or zone, so the same events
 * print the same report on every device and in Node.
 */

// date-fns formats a date's own zone, not an offset given as a number, so the zone's name is built by hand.
const pad = (n: number) => String(n).padStart(2, '0');

/** "UTC+08:00", "UTC-05:30", "UTC". */
export function zoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// What reports printed for an instant a Date cannot hold (a hand-edited file's offset): such a
// report must open rather than throw, and keep the text its hash was taken over.
const OUT_OF_RANGE = 'NaN-NaN-NaN NaN:NaN:NaN';

/** Full date and time, "2026-07-14 02:05:09": sortable, read the same in both languages, and opened as a date by spreadsheets. */
export function formatDateTime(ms: number, offsetMinutes: number): string {
  // A UTC date rather than @date-fns/tz: the zone is a bare offset, so shifting the instant and reading UTC fields needs no time-zone data.
  // lightFormat, not format: no locale is involved, and a report of 10,000 events formats tens of thousands of times.
  const shifted = new UTCDateMini(ms + offsetMinutes * 60_000);
  return isValid(shifted) ? lightFormat(shifted, 'yyyy-MM-dd HH:mm:ss') : OUT_OF_RANGE;
}

/** A calendar date "2026-07-14" in the report's zone. */
export function formatDate(ms: number, offsetMinutes: number): string {
  return formatDateTime(ms, offsetMinutes).slice(0, 10);
}

/** "2 h 35 min" / "2 小时 35 分钟"; rounded down to whole minutes. */
export function formatDuration(ms: number, labels: ReportLabels): string {
  const total = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return fill(labels['duration.days'], { d, h, m });
  if (h > 0) return fill(labels['duration.hm'], { h, m });
  return fill(labels['duration.m'], { m });
}

/** Whole minutes from `from` to `to`, rounded to the nearest minute; never negative. */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, differenceInMinutes(to, from, { roundingMethod: 'round' }));
}

/** A number with thousands separators, without the locale: "1,200", "3.5". */
export function formatNumber(n: number): string {
  const [whole = '0', fraction] = String(Math.abs(Math.round(n * 100) / 100)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
