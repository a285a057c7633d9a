import { TZDate } from '@date-fns/tz';
import type { RoundPeriod } from '../playbook/round-terms';

/**
 * The calendar of inspection rounds: which window of a recurrence a moment falls in, in the
 * branch's time zone (a daily check runs from local midnight to local midnight, whatever the
 * device's own zone). Windows are [start, end) in milliseconds. Pure: time and zone come in, so
 * every device and the server cut the same windows.
 *
 * Why `@date-fns/tz`: TZDate does calendar arithmetic in a named IANA zone (DST days of 23 or
 * 25 hours included) without a hand-written offset table.
 */

export interface Recurrence {
  readonly times: number;
  readonly per: RoundPeriod;
}

/** A window of time, [start, end) in milliseconds. */
export interface CalendarWindow {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;
/** Months in each period counted in months; day and week are counted in days. */
const PERIOD_MONTHS: Partial<Record<RoundPeriod, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

/** Local midnight of a calendar date (month 0-11; days past the month's end roll over). */
function midnight(year: number, month: number, day: number, timeZone: string): number {
  return new TZDate(year, month, day, timeZone).getTime();
}

/** Days between two calendar dates, counted on the calendar (a DST day is still one day). */
function calendarDays(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): number {
  return Math.round((Date.UTC(y2, m2, d2) - Date.UTC(y1, m1, d1)) / DAY_MS);
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function localDate(atMs: number, timeZone: string): LocalDate & { readonly weekday: number } {
  const d = new TZDate(atMs, timeZone);
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), weekday: d.getDay() };
}

/** The whole period a moment is in: its first calendar day and the first day of the next period. */
function periodOf(per: RoundPeriod, at: LocalDate & { readonly weekday: number }): { first: LocalDate; next: LocalDate; months: number } {
  const months = PERIOD_MONTHS[per];
  if (months !== undefined) {
    const month = at.month - (at.month % months);
    return { first: { year: at.year, month, day: 1 }, next: { year: at.year, month: month + months, day: 1 }, months };
  }
  if (per === 'week') {
    // Weeks start on Monday (GB/T 7408, ISO 8601), as Chinese calendars print them.
    const day = at.day - ((at.weekday + 6) % 7);
    return { first: { year: at.year, month: at.month, day }, next: { year: at.year, month: at.month, day: day + 7 }, months: 0 };
  }
  return { first: at, next: { year: at.year, month: at.month, day: at.day + 1 }, months: 0 };
}

/**
 * The window of `rec` that `atMs` falls in. The period (a local day, a Monday-to-Sunday week, a
 * calendar month, quarter, half-year or year) is split into `times` windows:
 * - by whole months when `times` divides the period's months (twice a year is January–June
 *   and July–December, four times a year is the quarters), as people name them;
 * - otherwise by whole days, window i starting on day ⌊i·D/times⌋ of the D days (twice a month:
 *   days 1–15 and 16–end in a 30- or 31-day month, 1–14 and 15–28/29 in February); when
 *   `times` is more than the days, each day is one window;
 * - a day is split by local wall-clock minutes (twice a day: 00:00–12:00 and 12:00–24:00, even
 *   on a DST day of 23 or 25 hours).
 * Pure; the same on every device for the same zone.
 */
export function windowAt(rec: Recurrence, atMs: number, timeZone: string): CalendarWindow {
  const at = localDate(atMs, timeZone);
  const times = Math.max(1, Math.floor(rec.times));
  if (rec.per === 'day') {
    // Boundaries on the local wall clock; one that falls in a DST gap moves on with the clock, so
    // they are made non-decreasing and the window is found by time: an empty window is never chosen.
    const n = Math.min(times, MINUTES_PER_DAY);
    const bounds: number[] = [];
    for (let k = 0; k < n; k++)
      bounds.push(
        Math.max(bounds[k - 1] ?? Number.NEGATIVE_INFINITY, new TZDate(at.year, at.month, at.day, 0, slotStart(k, MINUTES_PER_DAY, n), timeZone).getTime()),
      );
    bounds.push(midnight(at.year, at.month, at.day + 1, timeZone));
    let i = n - 1;
    while (i > 0 && bounds[i]! > atMs) i--;
    return { start: bounds[i]!, end: bounds[i + 1]! };
  }
  const { first, next, months } = periodOf(rec.per, at);
  if (months > 0 && months % times === 0) {
    const step = months / times;
    const i = Math.floor((calendarMonths(first, at) * times) / months);
    return {
      start: midnight(first.year, first.month + i * step, 1, timeZone),
      end: midnight(first.year, first.month + (i + 1) * step, 1, timeZone),
    };
  }
  const days = calendarDays(first.year, first.month, first.day, next.year, next.month, next.day);
  const n = Math.min(times, days);
  const i = slotOf(calendarDays(first.year, first.month, first.day, at.year, at.month, at.day), days, n);
  const firstDay = (k: number) => slotStart(k, days, n);
  return {
    start: midnight(first.year, first.month, first.day + firstDay(i), timeZone),
    end: midnight(first.year, first.month, first.day + (i + 1 < n ? firstDay(i + 1) : days), timeZone),
  };
}

/** Where slot k of n equal slots of `total` units starts: ⌊k·total/n⌋. */
function slotStart(k: number, total: number, n: number): number {
  return Math.floor((k * total) / n);
}

/** The slot of n that unit `position` (0 ≤ position < total) is in: the last one starting at or before it. */
function slotOf(position: number, total: number, n: number): number {
  // ⌊(position + 1)·n / total⌋ − 1 would do in exact arithmetic; the search keeps it exact for any n and total.
  let i = Math.min(n - 1, Math.max(0, Math.floor((position * n) / total)));
  while (i > 0 && slotStart(i, total, n) > position) i--;
  while (i < n - 1 && slotStart(i + 1, total, n) <= position) i++;
  return i;
}

function calendarMonths(from: LocalDate, to: LocalDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** Most windows `windowsBetween` returns: ten years of a daily round; a longer range is cut at the end. */
export const MAX_WINDOWS = 3700;

/**
 * Every window of `rec` that overlaps [fromMs, toMs), in order: the first may start before
 * `fromMs` and the last end after `toMs`. Empty when `toMs <= fromMs`. Pure.
 */
export function windowsBetween(rec: Recurrence, fromMs: number, toMs: number, timeZone: string): CalendarWindow[] {
  const out: CalendarWindow[] = [];
  let at = fromMs;
  while (at < toMs && out.length < MAX_WINDOWS) {
    const w = windowAt(rec, at, timeZone);
    out.push(w);
    at = w.end;
  }
  return out;
}

/** The window before the one `atMs` is in. */
export function previousWindow(rec: Recurrence, atMs: number, timeZone: string): CalendarWindow {
  return windowAt(rec, windowAt(rec, atMs, timeZone).start - 1, timeZone);
}

/** When a round that must be done before a season is due (a flood season whose start the branch sets). */
export interface SeasonDeadline {
  /** Local midnight `daysBefore` days before the season start: the round must be done before it. */
  readonly deadline: number;
  /** Local midnight of the season's first day. */
  readonly seasonStart: number;
  /** The window a round counts in: from the previous season start to this one. */
  readonly window: CalendarWindow;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Local midnight of "MM-DD" in `year`; a day past the month's end (02-29 in a common year, 04-31) is its last day. */
function seasonStartIn(year: number, month: number, day: number, timeZone: string): number {
  const last = month === 1 ? (isLeap(year) ? 29 : 28) : new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return midnight(year, month, Math.min(day, last), timeZone);
}

/**
 * The season that `atMs` prepares for: the first season start after `atMs` (from the season's
 * first midnight on, a round prepares for next year's), its deadline, and the window from the
 * previous season start to it, which holds `atMs`. `startsOn` is "MM-DD"; a 02-29 start is 02-28 in a common year. Throws
 * on a malformed `startsOn` (the calendar event's validator refuses those). Pure.
 */
export function seasonDeadline(startsOn: string, daysBefore: number, atMs: number, timeZone: string): SeasonDeadline {
  const m = MONTH_DAY.exec(startsOn);
  if (!m) throw new RangeError(`expected a season start "MM-DD", got ${JSON.stringify(startsOn)}`);
  const month = Number(m[1]) - 1;
  const day = Number(m[2]);
  let year = localDate(atMs, timeZone).year;
  if (seasonStartIn(year, month, day, timeZone) <= atMs) year += 1;
  const seasonStart = seasonStartIn(year, month, day, timeZone);
  const previous = seasonStartIn(year - 1, month, day, timeZone);
  const s = localDate(seasonStart, timeZone);
  const deadline = midnight(s.year, s.month, s.day - Math.max(0, Math.floor(daysBefore)), timeZone);
  return { deadline, seasonStart, window: { start: previous, end: seasonStart } };
}

/** The calendar date "YYYY-MM-DD" of a moment in a time zone. */
export function ymdAt(atMs: number, timeZone: string): string {
  const d = localDate(atMs, timeZone);
  return `${String(d.year).padStart(4, '0')}-${String(d.month + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a calendar date "YYYY-MM-DD" in a time zone; throws on a malformed date. */
export function startOfYmd(ymd: string, timeZone: string): number {
  const m = YMD.exec(ymd);
  if (!m) throw new RangeError(`expected a date "YYYY-MM-DD", got ${JSON.stringify(ymd)}`);
  return midnight(Number(m[1]), Number(m[2]) - 1, Number(m[3]), timeZone);
}

/** Local midnight at the end of a calendar date (the start of the next day). */
export function endOfYmd(ymd: string, timeZone: string): number {
  const start = startOfYmd(ymd, timeZone);
  const d = localDate(start, timeZone);
  return midnight(d.year, d.month, d.day + 1, timeZone);
}
