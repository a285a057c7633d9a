import { describe, expect, it } from 'vitest';
import type { CampaignListing } from '../../storage/campaigns';
import { campaignOrder, coming, datesProblem, onYear, todayOnDevice } from './dates';

// Seed plan part 2: 自20xx年3月15日起至20xx年3月20日; 排查以20xx年12月31日数据为准; 于3月20日前报.
const part2 = { window: { start: '03-15', end: '03-20' }, referenceDate: { monthDay: '12-31', yearsBefore: 1 }, deadline: '03-20' };

describe('the dates a new campaign starts with', () => {
  it('takes this year’s window before it ends, with the data as of the last day of the year before', () => {
    expect(coming(part2, '2027-01-04')).toEqual({ windowStart: '2027-03-15', windowEnd: '2027-03-20', referenceDate: '2026-12-31', deadline: '2027-03-20' });
    expect(coming(part2, '2027-03-20')).toMatchObject({ windowStart: '2027-03-15' });
  });

  it('takes next year’s window once this year’s has ended', () => {
    expect(coming(part2, '2027-03-21')).toEqual({ windowStart: '2028-03-15', windowEnd: '2028-03-20', referenceDate: '2027-12-31', deadline: '2028-03-20' });
  });

  it('ends a window written across the new year in the year after it starts', () => {
    const winter = { window: { start: '12-20', end: '01-10' }, referenceDate: { monthDay: '11-30', yearsBefore: 0 }, deadline: '01-15' };
    expect(coming(winter, '2027-06-01')).toEqual({ windowStart: '2027-12-20', windowEnd: '2028-01-10', referenceDate: '2027-11-30', deadline: '2028-01-15' });
    // Still inside the window that began last December.
    expect(coming(winter, '2028-01-05')).toMatchObject({ windowStart: '2027-12-20', windowEnd: '2028-01-10' });
  });

  it('moves 29 February to the 28th in a common year', () => {
    expect(onYear('02-29', 2027)).toBe('2027-02-28');
    expect(onYear('02-29', 2028)).toBe('2028-02-29');
  });

  it('refuses a window that ends before it starts, or a deadline before the window', () => {
    const d = coming(part2, '2027-01-04');
    expect(datesProblem(d)).toBeNull();
    expect(datesProblem({ ...d, windowEnd: '2027-03-01' })).toBe('windowOrder');
    expect(datesProblem({ ...d, deadline: '2027-03-01' })).toBe('deadlineBeforeStart');
    expect(datesProblem({ ...d, referenceDate: '' })).toBe('missing');
  });

  it('reads today on the device as a calendar date', () => {
    expect(todayOnDevice(new Date(2027, 2, 15, 23, 59).getTime())).toBe('2027-03-15');
  });
});

describe('the order of the campaigns list', () => {
  const listing = (streamId: string, deadline: string, submitted: boolean): CampaignListing => ({
    streamId,
    started: { ...part2Started, deadline },
    actor: 'x',
    hlc: '0',
    submitted,
  });
  const part2Started = {
    playbookId: 'p',
    playbookVersion: '1.0.0',
    playbookLanguage: 'zh-CN',
    title: 't',
    windowStart: '2027-03-15',
    windowEnd: '2027-03-20',
    referenceDate: '2026-12-31',
    deadline: '2027-03-20',
    currency: 'CNY',
    units: [],
  };

  it('puts open campaigns first, nearest deadline first, then those handed in as they came', () => {
    const list = [
      listing('done-new', '2027-01-01', true),
      listing('late', '2027-09-01', false),
      listing('soon', '2027-03-20', false),
      listing('done-old', '2026-03-20', true),
    ];
    expect(campaignOrder(list).map((c) => c.streamId)).toEqual(['soon', 'late', 'done-new', 'done-old']);
  });
});
