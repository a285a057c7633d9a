import { format } from 'date-fns';
import type { Campaign } from '../../domain/playbook/schema-rounds';
import type { CampaignListing } from '../../storage/campaigns';

/**
 * The calendar dates a campaign works in ("YYYY-MM-DD", no time of day): its window, the date its
 * data are taken as of, its deadline, and today. Pure apart from `todayOnDevice`.
 */

/** Today as a calendar date in this device's time zone (the branch's: its phones are where it is). */
export function todayOnDevice(now: number = Date.now()): string {
  return format(now, 'yyyy-MM-dd');
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** "MM-DD" in year `y`; 29 February falls back to the 28th in a common year. */
export function onYear(monthDay: string, y: number): string {
  const md = monthDay === '02-29' && !isLeap(y) ? '02-28' : monthDay;
  return `${String(y).padStart(4, '0')}-${md}`;
}

export interface CampaignDates {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly referenceDate: string;
  readonly deadline: string;
}

/**
 * The dates a new campaign starts with, from the playbook's usual window (seed plan part 2:
 * 3/15–3/20, data as of 12/31 the year before, report by 3/20): the coming window (this year's
 * while it has not ended, else next year's); a window written across the new year ends in the
 * year after it starts, and so does a deadline written before the window's start.
 */
export function coming(campaign: Pick<Campaign, 'window' | 'referenceDate' | 'deadline'>, today: string): CampaignDates {
  const year = Number(today.slice(0, 4));
  const across = campaign.window.end < campaign.window.start;
  const endThisYear = onYear(campaign.window.end, across ? year + 1 : year);
  // A window across the new year that began last year may still be running.
  const runningFromLastYear = across && onYear(campaign.window.end, year) >= today;
  const y = runningFromLastYear ? year - 1 : today > endThisYear ? year + 1 : year;
  const windowStart = onYear(campaign.window.start, y);
  const windowEnd = onYear(campaign.window.end, across ? y + 1 : y);
  const deadlineSameYear = onYear(campaign.deadline, y);
  return {
    windowStart,
    windowEnd,
    referenceDate: onYear(campaign.referenceDate.monthDay, y - campaign.referenceDate.yearsBefore),
    deadline: deadlineSameYear < windowStart ? onYear(campaign.deadline, y + 1) : deadlineSameYear,
  };
}

/** Why the dates of a campaign cannot be started with, or null when they can. */
export type DatesProblem = 'missing' | 'windowOrder' | 'deadlineBeforeStart';
const YMD = /^\d{4}-\d{2}-\d{2}$/;

export function datesProblem(d: CampaignDates): DatesProblem | null {
  if (![d.windowStart, d.windowEnd, d.referenceDate, d.deadline].every((x) => YMD.test(x))) return 'missing';
  if (d.windowEnd < d.windowStart) return 'windowOrder';
  if (d.deadline < d.windowStart) return 'deadlineBeforeStart';
  return null;
}

/** The list's order: campaigns still open first, the nearest deadline first; those handed in after, newest first. */
export function campaignOrder(list: readonly CampaignListing[]): CampaignListing[] {
  const open = list
    .filter((c) => !c.submitted)
    .sort((a, b) => (a.started.deadline < b.started.deadline ? -1 : a.started.deadline > b.started.deadline ? 1 : 0));
  return [...open, ...list.filter((c) => c.submitted)];
}
