import { seasonKey } from '../../domain/rounds/due';
import { orderForMerge, type HeldEvent } from '../../domain/merge-order';

/**
 * The branch calendar as the rounds read it, and the dates people type. Pure (time and zone
 * come in); kept beside the screens until the rounds domain offers a calendar reducer.
 */

/** Season starts by `${playbookId}/${roundId}` (domain/rounds `seasonKey`): the last one set wins, in merge order, on every device. */
export function seasonsFrom(events: readonly HeldEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of orderForMerge(events)) if (e.type === 'calendar.seasonSet') out.set(seasonKey(e.payload.playbookId, e.payload.roundId), e.payload.startsOn);
  return out;
}

/** Days in each month of a leap year: a season may start on 29 February (a common year takes the 28th). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export type SeasonStartParse = { readonly ok: true; readonly startsOn: string } | { readonly ok: false; readonly problem: 'format' | 'noSuchDay' };

/**
 * A season start as typed: "06-01", "6-1", "6/1", "6.1" or "6月1日", to "MM-DD". Refuses what
 * is not a month and a day, and a day the month never has ("02-30", "04-31").
 */
export function parseSeasonStart(input: string): SeasonStartParse {
  const m = /^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(input);
  if (!m) return { ok: false, problem: 'format' };
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = MONTH_DAYS[month - 1];
  if (days === undefined || day < 1) return { ok: false, problem: month >= 1 && month <= 12 ? 'noSuchDay' : 'format' };
  if (day > days) return { ok: false, problem: 'noSuchDay' };
  return { ok: true, startsOn: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" moved by `days` (counted on the calendar, so no clock change shifts it). */
export function addDays(ymd: string, days: number): string {
  const m = YMD.exec(ymd);
  if (!m) throw new RangeError(`expected a date "YYYY-MM-DD", got ${JSON.stringify(ymd)}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Whether a date typed in a date field is a real calendar date "YYYY-MM-DD". */
export function isYmd(value: string): boolean {
  const m = YMD.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The first and last day of the month a calendar date is in. */
export function monthOf(ymd: string): { from: string; to: string } {
  const m = YMD.exec(ymd);
  if (!m) throw new RangeError(`expected a date "YYYY-MM-DD", got ${JSON.stringify(ymd)}`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}
