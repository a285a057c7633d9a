import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { ROUND_PERIODS } from '../playbook/round-terms';
import { endOfYmd, previousWindow, seasonDeadline, startOfYmd, windowAt, windowsBetween, ymdAt, type CalendarWindow, type Recurrence } from './recurrence';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const HOUR = 3_600_000;

/** A local wall-clock time in a zone, "2025-03-09 14:30", as ms. */
function local(text: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(text);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), timeZone).getTime();
}

const fmt = (ms: number, timeZone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(ms);
const show = (w: CalendarWindow, timeZone: string) => `${fmt(w.start, timeZone)} → ${fmt(w.end, timeZone)}`;
const at = (rec: Recurrence, when: string, timeZone: string) => show(windowAt(rec, local(when, timeZone), timeZone), timeZone);

const twiceAMonth: Recurrence = { times: 2, per: 'month' };
const quarterly: Recurrence = { times: 1, per: 'quarter' };
const twiceAYear: Recurrence = { times: 2, per: 'year' };
const daily: Recurrence = { times: 1, per: 'day' };

describe('twice a month: days 1–15 and 16 to the end', () => {
  it.each([
    ['2025-01-15 23:59', '2025-01-01 00:00 → 2025-01-16 00:00'],
    ['2025-01-16 00:00', '2025-01-16 00:00 → 2025-02-01 00:00'],
    ['2025-01-31 23:59', '2025-01-16 00:00 → 2025-02-01 00:00'],
    ['2025-04-30 12:00', '2025-04-16 00:00 → 2025-05-01 00:00'],
  ])('at %s the window is %s', (when, window) => {
    expect(at(twiceAMonth, when, SH)).toBe(window);
  });

  it('splits February by its own days: 1–14 and 15–28 in 2025, 15–29 in the leap year 2024', () => {
    expect(at(twiceAMonth, '2025-02-14 23:00', SH)).toBe('2025-02-01 00:00 → 2025-02-15 00:00');
    expect(at(twiceAMonth, '2025-02-28 23:00', SH)).toBe('2025-02-15 00:00 → 2025-03-01 00:00');
    expect(at(twiceAMonth, '2024-02-29 23:00', SH)).toBe('2024-02-15 00:00 → 2024-03-01 00:00');
  });

  it('gives 24 windows in a year, end to end', () => {
    const windows = windowsBetween(twiceAMonth, local('2025-01-01', SH), local('2026-01-01', SH), SH);
    expect(windows).toHaveLength(24);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.start).toBe(windows[i - 1]!.end);
  });
});

describe('quarterly and twice a year', () => {
  it('cuts quarters at local midnight on 1 January, April, July and October', () => {
    expect(at(quarterly, '2025-03-31 23:59', SH)).toBe('2025-01-01 00:00 → 2025-04-01 00:00');
    expect(at(quarterly, '2025-04-01 00:00', SH)).toBe('2025-04-01 00:00 → 2025-07-01 00:00');
    expect(at(quarterly, '2025-12-31 23:59', SH)).toBe('2025-10-01 00:00 → 2026-01-01 00:00');
    expect(windowsBetween(quarterly, local('2025-01-01', SH), local('2026-01-01', SH), SH)).toHaveLength(4);
  });

  it('twice a year is January–June and July–December, as a half-year is', () => {
    expect(at(twiceAYear, '2025-06-30 23:59', SH)).toBe('2025-01-01 00:00 → 2025-07-01 00:00');
    expect(at(twiceAYear, '2025-07-01 00:00', SH)).toBe('2025-07-01 00:00 → 2026-01-01 00:00');
    expect(at(twiceAYear, '2024-02-29 12:00', SH)).toBe(at({ times: 1, per: 'half-year' }, '2024-02-29 12:00', SH));
    expect(windowsBetween(twiceAYear, local('2024-01-01', SH), local('2026-01-01', SH), SH)).toHaveLength(4);
  });

  it('splits by days when the times do not divide the months: five times a year in 2025 is 73 days each', () => {
    const windows = windowsBetween({ times: 5, per: 'year' }, local('2025-01-01', SH), local('2026-01-01', SH), SH);
    expect(windows.map((w) => fmt(w.start, SH).slice(0, 10))).toEqual(['2025-01-01', '2025-03-15', '2025-05-27', '2025-08-08', '2025-10-20']);
  });
});

describe('days, weeks and time zones', () => {
  it('weeks start on Monday', () => {
    expect(at({ times: 1, per: 'week' }, '2025-03-16 23:00', SH)).toBe('2025-03-10 00:00 → 2025-03-17 00:00');
    expect(at({ times: 1, per: 'week' }, '2025-03-17 00:00', SH)).toBe('2025-03-17 00:00 → 2025-03-24 00:00');
    expect(at({ times: 1, per: 'week' }, '2025-01-01 12:00', SH)).toBe('2024-12-30 00:00 → 2025-01-06 00:00');
  });

  it('the same instant is in a different day and quarter in Shanghai and New York', () => {
    const instant = Date.parse('2025-03-31T16:30:00Z'); // 00:30 on 1 April in Shanghai, 12:30 on 31 March in New York
    expect(show(windowAt(daily, instant, SH), SH)).toBe('2025-04-01 00:00 → 2025-04-02 00:00');
    expect(show(windowAt(daily, instant, NY), NY)).toBe('2025-03-31 00:00 → 2025-04-01 00:00');
    expect(show(windowAt(quarterly, instant, SH), SH)).toBe('2025-04-01 00:00 → 2025-07-01 00:00');
    expect(show(windowAt(quarterly, instant, NY), NY)).toBe('2025-01-01 00:00 → 2025-04-01 00:00');
  });

  it('a New York day is 23 hours when summer time starts and 25 when it ends; Shanghai days are 24', () => {
    const length = (when: string, tz: string) => {
      const w = windowAt(daily, local(when, tz), tz);
      return (w.end - w.start) / HOUR;
    };
    expect(length('2025-03-09 12:00', NY)).toBe(23);
    expect(length('2025-11-02 12:00', NY)).toBe(25);
    expect(length('2025-03-09 12:00', SH)).toBe(24);
    expect(at(daily, '2025-03-09 23:59', NY)).toBe('2025-03-09 00:00 → 2025-03-10 00:00');
  });

  it('twice a day splits the wall clock at noon, even on a 23-hour day', () => {
    const morning = windowAt({ times: 2, per: 'day' }, local('2025-03-09 08:00', NY), NY);
    expect(show(morning, NY)).toBe('2025-03-09 00:00 → 2025-03-09 12:00');
    expect((morning.end - morning.start) / HOUR).toBe(11);
    expect(at({ times: 2, per: 'day' }, '2025-03-09 12:00', NY)).toBe('2025-03-09 12:00 → 2025-03-10 00:00');
  });

  it('seven times a day gives seven windows that meet end to end', () => {
    const windows = windowsBetween({ times: 7, per: 'day' }, local('2025-03-09', NY), local('2025-03-10', NY), NY);
    expect(windows).toHaveLength(7);
    expect(windows.map((w) => fmt(w.start, NY).slice(11))).toEqual(['00:00', '03:25', '06:51', '10:17', '13:42', '17:08', '20:34']);
  });

  it('more rounds than days in the period: one window a day', () => {
    const windows = windowsBetween({ times: 10, per: 'week' }, local('2025-03-10', SH), local('2025-03-17', SH), SH);
    expect(windows.map((w) => (w.end - w.start) / HOUR)).toEqual([24, 24, 24, 24, 24, 24, 24]);
  });

  it('every window holds its own start and end and follows the one before, for every period and several counts', () => {
    for (const per of ROUND_PERIODS) {
      for (const times of [1, 2, 5, 31]) {
        for (const tz of [SH, NY]) {
          const rec = { times, per };
          // A day is cut by the clock: the days around both summer-time changes of 2024 in New York; other periods over a leap year.
          const ranges =
            per === 'day'
              ? [
                  ['2024-03-09', '2024-03-12'],
                  ['2024-11-02', '2024-11-05'],
                ]
              : [['2024-01-01', '2025-01-01']];
          const windows = ranges.flatMap(([from, to]) => windowsBetween(rec, local(from!, tz), local(to!, tz), tz));
          for (let i = 0; i < windows.length; i++) {
            const w = windows[i]!;
            expect(w.end, `${times}/${per} ${tz}`).toBeGreaterThan(w.start);
            expect(windowAt(rec, w.start, tz)).toEqual(w);
            expect(windowAt(rec, w.end - 1, tz)).toEqual(w);
            if (i > 0 && windows[i - 1]!.end === w.start) expect(previousWindow(rec, w.start, tz)).toEqual(windows[i - 1]);
          }
        }
      }
    }
    expect(windowsBetween({ times: 31, per: 'month' }, local('2024-02-01', SH), local('2024-03-01', SH), SH)).toHaveLength(29);
  });

  it('gives nothing for an empty range', () => {
    expect(windowsBetween(daily, 10, 10, SH)).toEqual([]);
  });
});

describe('before the season', () => {
  it('the flood season from 1 June, prepared 7 days before: due before 25 May, counting from last season start', () => {
    const s = seasonDeadline('06-01', 7, local('2025-05-20 10:00', SH), SH);
    expect(fmt(s.deadline, SH)).toBe('2025-05-25 00:00');
    expect(fmt(s.seasonStart, SH)).toBe('2025-06-01 00:00');
    expect(show(s.window, SH)).toBe('2024-06-01 00:00 → 2025-06-01 00:00');
  });

  it('from the first midnight of the season on, it prepares for the next one', () => {
    expect(fmt(seasonDeadline('06-01', 0, local('2025-05-31 23:59', SH), SH).seasonStart, SH)).toBe('2025-06-01 00:00');
    const next = seasonDeadline('06-01', 0, local('2025-06-01 00:00', SH), SH);
    expect(fmt(next.seasonStart, SH)).toBe('2026-06-01 00:00');
    expect(fmt(next.deadline, SH)).toBe('2026-06-01 00:00');
  });

  it('a season starting on 29 February starts on 28 February in a common year', () => {
    const common = seasonDeadline('02-29', 7, local('2025-01-10', SH), SH);
    expect(fmt(common.seasonStart, SH)).toBe('2025-02-28 00:00');
    expect(fmt(common.deadline, SH)).toBe('2025-02-21 00:00');
    expect(show(common.window, SH)).toBe('2024-02-29 00:00 → 2025-02-28 00:00');
    expect(fmt(seasonDeadline('02-29', 0, local('2027-03-01', SH), SH).seasonStart, SH)).toBe('2028-02-29 00:00');
  });

  it('is local midnight in the branch zone, across summer time in New York', () => {
    const s = seasonDeadline('03-15', 10, local('2025-03-01', NY), NY);
    expect(fmt(s.deadline, NY)).toBe('2025-03-05 00:00');
    expect(fmt(s.seasonStart, NY)).toBe('2025-03-15 00:00');
    expect(s.seasonStart - s.deadline).toBe(10 * 24 * HOUR - HOUR);
  });

  it('refuses a malformed start', () => {
    expect(() => seasonDeadline('6-1', 0, 0, SH)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('reads and makes local dates', () => {
    const instant = Date.parse('2025-03-31T16:30:00Z');
    expect(ymdAt(instant, SH)).toBe('2025-04-01');
    expect(ymdAt(instant, NY)).toBe('2025-03-31');
    expect(fmt(startOfYmd('2025-03-09', NY), NY)).toBe('2025-03-09 00:00');
    expect((endOfYmd('2025-03-09', NY) - startOfYmd('2025-03-09', NY)) / HOUR).toBe(23);
    expect(() => startOfYmd('2025-3-9', NY)).toThrow(RangeError);
  });
});
