import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { addDays, isYmd, monthOf, parseSeasonStart, seasonsFrom } from './calendar';

describe('the season start the branch types', () => {
  it.each([
    ['06-01', '06-01'],
    ['6-1', '06-01'],
    [' 6/15 ', '06-15'],
    ['6.1', '06-01'],
    ['6月1日', '06-01'],
    ['02-29', '02-29'],
  ])('"%s" is %s', (typed, startsOn) => {
    expect(parseSeasonStart(typed)).toEqual({ ok: true, startsOn });
  });

  it.each([
    ['', 'format'],
    ['June 1', 'format'],
    ['2026-06-01', 'format'],
    ['13-01', 'format'],
    ['00-10', 'format'],
    ['02-30', 'noSuchDay'],
    ['04-31', 'noSuchDay'],
    ['06-00', 'noSuchDay'],
  ])('"%s" is refused (%s)', (typed, problem) => {
    expect(parseSeasonStart(typed)).toEqual({ ok: false, problem });
  });
});

describe('calendar dates', () => {
  it('moves a date by days across month and year ends and a leap day', () => {
    expect(addDays('2026-07-28', 7)).toBe('2026-08-04');
    expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('knows a real date from a malformed or impossible one', () => {
    expect(isYmd('2028-02-29')).toBe(true);
    expect(isYmd('2027-02-29')).toBe(false);
    expect(isYmd('2027-2-1')).toBe(false);
    expect(isYmd('')).toBe(false);
  });
  it('gives the month a date is in, for the report’s default period', () => {
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('the branch calendar', () => {
  const set = (id: string, wall: number, device: string, startsOn: string): MusterEvent => ({
    id,
    streamId: 'calendar',
    deviceId: device,
    actor: 'x',
    hlc: formatStamp({ wall, counter: 0, deviceId: device }),
    type: 'calendar.seasonSet',
    payload: { playbookId: 'flood-emergency', roundId: 'flood-season-prep', startsOn },
    v: EVENT_SCHEMA_VERSION,
  });
  it('the last date set wins, whatever order the devices’ events arrived in', () => {
    const early = set('01', Date.UTC(2027, 2, 1), 'd-a', '05-15');
    const late = set('02', Date.UTC(2027, 2, 2), 'd-b', '06-01');
    expect(seasonsFrom([late, early]).get('flood-emergency/flood-season-prep')).toBe('06-01');
    expect(seasonsFrom([early, late]).get('flood-emergency/flood-season-prep')).toBe('06-01');
  });
});
