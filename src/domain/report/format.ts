import { fill, type ReportLabels } from './labels';

/**
 * Dates and times for the report, with the time zone passed in as minutes east of UTC (480 for
 * China Standard Time). Nothing reads the device's clock, locale or zone, so the same events
 * print the same report on every device and in Node.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "UTC+08:00", "UTC−05:30", "UTC". */
export function zoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Full date and time, "2026-07-14 02:05:09": sortable, read the same in both languages, and opened as a date by spreadsheets. */
export function formatDateTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
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
  return Math.max(0, Math.round((to - from) / 60_000));
}

/** A number with thousands separators, without the locale: "1,200", "3.5". */
export function formatNumber(n: number): string {
  const [whole = '0', fraction] = String(Math.abs(Math.round(n * 100) / 100)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
