import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import { reduceIncident } from '../incident';
import { readingsOf, trendLine } from '../measurements';
import type { Playbook } from '../playbook/schema';
import { reportLabels } from './labels';
import { reportMeasurements, riseWarnings, TREND_BOX } from './measurements';

const T0 = Date.UTC(2026, 10, 29, 18, 0);
let n = 0;
function ev<K extends 'incident.declared' | 'measurement.recorded' | 'entry.struck'>(type: K, payload: EventPayloads[K], minute: number): MusterEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(3, '0')}`,
    streamId: 'inc',
    deviceId: 'phone-a',
    actor: 'Wang',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}
const declared = () => ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'real', title: 'Flood', place: 'B1' }, 0);
const reading = (value: number, minute: number, measureId = 'level') => ev('measurement.recorded', { measureId, value, unit: 'cm' }, minute);

const playbook: Playbook = {
  ...samplePlaybook(),
  measurements: [
    { id: 'level', label: 'Water level', unit: 'cm', place: 'Ramp', riseWarning: { amount: 10, minutes: 30 } },
    { id: 'temp', label: 'Temperature', unit: '°C' },
  ],
};
const labels = reportLabels('en');
const none = () => ({});

describe('measurements in the report', () => {
  it('judges the rise warning reading by reading, as the app showed it then: on at 02:25, off again by 02:50', () => {
    const events = [declared(), reading(5, 5), reading(9, 15), reading(17, 25), reading(18, 50)];
    const incident = reduceIncident('inc', events);
    const warnings = riseWarnings(readingsOf(incident, 'level'), playbook.measurements![0]!);
    expect([...warnings.keys()]).toEqual([events[3]!.id]);
    const [level, temp] = reportMeasurements(incident, playbook, labels, 480, none);
    expect(level?.readings.map((r) => r.warning ?? null)).toEqual([null, null, 'Up 12 cm in 20 min (from 5 cm at 2026-11-30 02:05:00)', null]);
    expect(level?.warningsText).toBe('The rise warning was reached at 1 of 4 readings, first at 2026-11-30 02:25:00.');
    expect(level?.trend?.alarm).toBe(true);
    expect(temp).toMatchObject({ label: 'Temperature', readings: [], trend: null, warningsText: null, summaryText: 'None recorded.' });
    expect(temp?.ruleText).toBe('The playbook sets no rise warning for this measurement.');
  });

  it('draws the same trend line as the app, from the readings a correction did not strike', () => {
    const wrong = reading(99, 20);
    const events = [declared(), reading(5, 5), wrong, ev('entry.struck', { targetId: wrong.id, reason: 'typo' }, 21), reading(8, 30)];
    const incident = reduceIncident('inc', events);
    const [level] = reportMeasurements(incident, playbook, labels, 480, (id) =>
      incident.struck[id] ? { struck: { actor: 'Li', at: 0, when: '', text: 'struck' } } : {},
    );
    expect(level?.trend?.points).toBe(trendLine(readingsOf(incident, 'level'), TREND_BOX.width, TREND_BOX.height, TREND_BOX.pad)?.points);
    expect(level?.readings.map((r) => [r.valueText, r.struck ? 'struck' : ''])).toEqual([
      ['5 cm', ''],
      ['99 cm', 'struck'],
      ['8 cm', ''],
    ]);
    expect(level?.summaryText).toBe('2 readings, 2026-11-30 02:05:00 to 2026-11-30 02:30:00: lowest 5 cm, highest 8 cm, latest 8 cm');
    expect(level?.readings[0]?.place).toBe('Ramp');
  });

  it('keeps readings of a measurement the playbook no longer names, under its id', () => {
    const incident = reduceIncident('inc', [declared(), reading(3, 5, 'old-gauge')]);
    const all = reportMeasurements(incident, playbook, labels, 480, none);
    expect(all.map((m) => [m.id, m.label, m.readings.length])).toEqual([
      ['level', 'Water level', 0],
      ['temp', 'Temperature', 0],
      ['old-gauge', 'old-gauge', 1],
    ]);
  });
});
