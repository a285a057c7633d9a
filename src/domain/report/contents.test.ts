import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import type { Playbook } from '../playbook/schema';
import { CONTENTS_PARTS } from './contents';
import { exportReportJson, type ReportFile } from './json';
import { readReportFile } from './read-file';

const T0 = Date.UTC(2026, 10, 29, 18, 0);
let n = 0;
function ev<K extends keyof EventPayloads>(type: K, payload: EventPayloads[K], minute: number, deviceId = 'phone-a'): MusterEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(3, '0')}`,
    streamId: 'inc',
    deviceId,
    actor: deviceId === 'phone-a' ? 'Wang' : 'Li',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}
const playbook: Playbook = { ...samplePlaybook(), measurements: [{ id: 'level', label: 'Water level', unit: 'cm', riseWarning: { amount: 10, minutes: 30 } }] };
const events = [
  ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'real', title: 'Flood', place: 'B1' }, 0),
  ev('roster.linked', { people: [{ personId: 'p1', name: 'Ann', floor: '3F' }] }, 1),
  ev('person.accounted', { person: 'Ann', personId: 'p1', status: 'safe', via: 'scan' }, 2),
  ev('person.accounted', { person: 'Ann', personId: 'p1', status: 'safe', via: 'list' }, 3, 'tablet'),
  ev('measurement.recorded', { measureId: 'level', value: 5, unit: 'cm' }, 4),
  ev('measurement.recorded', { measureId: 'level', value: 16, unit: 'cm' }, 10),
  ev('note.added', { text: 'Door', photos: [{ hash: 'e'.repeat(64), type: 'image/webp', bytes: 10, width: 4, height: 3 }] }, 11),
  ev(
    'command.handedOver',
    { to: 'Li', briefing: { situation: ['Water'], objectives: [], done: [], open: [], accounted: 1, missing: [], resources: [], losses: [], messages: [] } },
    12,
  ),
  ev('end.confirmed', { override: { reason: 'Rising', unaccounted: [], openSteps: ['step.alarm.report'] } }, 20),
];
const input = { incidentId: 'inc', events, playbook, language: 'en', timeZoneOffsetMinutes: 480, generatedAt: T0 + 3_600_000 } as const;
const json = exportReportJson(input);
const file = JSON.parse(json) as ReportFile & { contents: Record<string, unknown> };

describe('the contents list of a JSON export', () => {
  it('lists photos, readings with their rise warnings, people, the end override and the briefings, and verifies', () => {
    expect(readReportFile(json).ok).toBe(true);
    expect(file.contents).toMatchObject({
      photos: [{ eventId: 'e007', hash: 'e'.repeat(64), type: 'image/webp', bytes: 10, width: 4, height: 3 }],
      measurements: [
        {
          measureId: 'level',
          riseWarning: { amount: 10, minutes: 30 },
          readings: [{ value: 5 }, { value: 16, riseWarning: { rise: 11, fromEventId: 'e005' } }],
        },
      ],
      headcount: { people: [{ key: 'p1', name: 'Ann', status: 'safe', reports: 2, reportedTwice: true }], notAccounted: [] },
      endOverride: { reason: 'Rising', openSteps: ['step.alarm.report'], actor: 'Wang' },
      handovers: [{ to: 'Li', briefing: { situation: ['Water'], accounted: 1 } }],
    });
  });

  it.each(CONTENTS_PARTS)('refuses a file whose %s list was edited after export', (part) => {
    const edited = JSON.stringify({ ...file, contents: { ...file.contents, [part]: part === 'endOverride' ? null : [] } });
    expect(readReportFile(edited)).toEqual({ ok: false, problem: { kind: 'contents-changed', part } });
  });

  it('still verifies a file written before the list existed, and one exported without its playbook copy', () => {
    const { contents: _, ...older } = file;
    expect(readReportFile(JSON.stringify(older)).ok).toBe(true);
    expect(readReportFile(exportReportJson(input, { includePlaybook: false })).ok).toBe(true);
  });
});
