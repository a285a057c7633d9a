import { describe, expect, it } from 'vitest';
import type { MusterEvent } from './event';
import { reduceIncident } from './incident';
import { MEASUREMENT_MAX_ABS } from './events/measure';
import { parseReading, readingsOf, riseAlert, riseMinutes, trendLine } from './measurements';

const T0 = 1_784_001_600_000;
let n = 0;
function ev(type: MusterEvent['type'], payload: unknown, minute: number): MusterEvent {
  n += 1;
  const id = `e${String(n).padStart(3, '0')}`;
  return {
    id,
    streamId: 'flood-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: `${String(T0 + minute * 60_000).padStart(15, '0')}-0000-phone-a`,
    type,
    payload,
    v: 1,
  } as MusterEvent;
}
const declared = ev('incident.declared', { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: '负一层进水', place: '负一层' }, 0);
const level = (value: number, minute: number) => ev('measurement.recorded', { measureId: 'water.b1', value, unit: 'cm' }, minute);
const definition = { riseWarning: { amount: 10, minutes: 30 } };

describe('water level readings', () => {
  it('the officer reads 5, 9 and 16 cm within half an hour: the rise of 11 cm warns', () => {
    const s = reduceIncident('flood-1', [declared, level(5, 1), level(9, 10), level(16, 25)]);
    const alert = riseAlert(readingsOf(s, 'water.b1'), definition);
    expect(alert).toMatchObject({ rise: 11, amount: 10, minutes: 30 });
    expect(alert?.from.value).toBe(5);
  });

  it('the same 11 cm spread over two hours does not warn', () => {
    const s = reduceIncident('flood-1', [declared, level(5, 1), level(9, 50), level(16, 120)]);
    expect(riseAlert(readingsOf(s, 'water.b1'), definition)).toBeNull();
  });

  it('a reading struck through as a typo leaves the series and the warning', () => {
    const typo = level(50, 20);
    const s = reduceIncident('flood-1', [declared, level(5, 1), typo, ev('entry.struck', { targetId: typo.id, reason: '多输了一个 0' }, 21)]);
    expect(readingsOf(s, 'water.b1').map((r) => r.value)).toEqual([5]);
    expect(riseAlert(readingsOf(s, 'water.b1'), definition)).toBeNull();
  });

  it('a playbook with no threshold never warns', () => {
    const s = reduceIncident('flood-1', [declared, level(5, 1), level(95, 2)]);
    expect(riseAlert(readingsOf(s, 'water.b1'), {})).toBeNull();
  });

  it('draws the rising trend upward in the box', () => {
    const s = reduceIncident('flood-1', [declared, level(5, 0), level(10, 30), level(20, 60)]);
    const line = trendLine(readingsOf(s, 'water.b1'), 100, 40, 0);
    expect(line?.points).toBe('0,40 50,26.7 100,0');
    expect(line).toMatchObject({ min: 5, max: 20 });
    expect(trendLine([], 100, 40)).toBeNull();
  });
});

describe('a reading as the officer types it', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    [' 16 ', 16],
    ['-3', -3],
    ['0', 0],
    ['-0', 0],
    ['.5', 0.5],
    ['12.', 12],
    ['１２．５', 12.5],
    ['12。5', 12.5],
    ['－２', -2],
    [String(MEASUREMENT_MAX_ABS), MEASUREMENT_MAX_ABS],
  ])('"%s" is recorded as %d', (typed, value) => {
    expect(parseReading(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'notANumber'],
    ['12cm', 'notANumber'],
    ['1e3', 'notANumber'],
    ['1,5', 'notANumber'],
    ['1,500', 'notANumber'],
    ['--1', 'notANumber'],
    ['.', 'notANumber'],
    ['NaN', 'notANumber'],
    ['Infinity', 'notANumber'],
    [String(MEASUREMENT_MAX_ABS + 1), 'outOfRange'],
    [`-${'9'.repeat(400)}`, 'outOfRange'],
  ])('"%s" is refused as %s', (typed, problem) => {
    expect(parseReading(typed)).toEqual({ ok: false, problem });
  });
});

describe('how long a rise took', () => {
  it('counts whole minutes between the lowest and the latest reading', () => {
    const s = reduceIncident('flood-1', [declared, level(5, 1), level(9, 10), level(16, 25)]);
    const alert = riseAlert(readingsOf(s, 'water.b1'), definition);
    expect(alert && riseMinutes(alert)).toBe(24);
  });
});
