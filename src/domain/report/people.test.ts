import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import { reduceIncident } from '../incident';
import { reportLabels } from './labels';
import { reportHeadcount } from './people';

const T0 = Date.UTC(2026, 10, 29, 18, 0);
let n = 0;
function ev<K extends 'incident.declared' | 'roster.linked' | 'roster.added' | 'person.accounted'>(
  type: K,
  payload: EventPayloads[K],
  minute: number,
  actor = 'Wang',
  deviceId = 'phone-a',
): MusterEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(3, '0')}`,
    streamId: 'inc',
    deviceId,
    actor,
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

const start = [
  ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'real', title: 'Fire', place: '' }, 0),
  ev(
    'roster.linked',
    {
      people: [
        { personId: 'p1', name: 'Ann', floor: '3F', assemblyPoint: 'car-park' },
        { personId: 'p2', name: 'Bo', floor: '3F', assemblyPoint: 'car-park' },
        { personId: 'p3', name: 'Cy', floor: '2F' },
      ],
    },
    1,
  ),
];
const labels = reportLabels('en');

describe('the headcount in the report', () => {
  it('names people, never their roster ids, grouped by floor and assembly point (named from the playbook) in roster order', () => {
    const h = reportHeadcount(reduceIncident('inc', [...start, ev('roster.added', { people: ['Dee'], kind: 'visitor' }, 2)]), samplePlaybook(), labels, 480);
    expect(h.rows.map((r) => [r.key, r.person, r.kindText, r.assemblyPoint ?? null])).toEqual([
      ['p1', 'Ann', 'Staff', 'Car park'],
      ['p2', 'Bo', 'Staff', 'Car park'],
      ['p3', 'Cy', 'Staff', null],
      ['Dee', 'Dee', 'Visitor', null],
    ]);
    expect(h.groups.map((g) => [g.title, g.rows.map((r) => r.person)])).toEqual([
      ['Floor 3F · assembly point Car park', ['Ann', 'Bo']],
      ['Floor 2F', ['Cy']],
      ['No floor or assembly point on the roster', ['Dee']],
    ]);
    expect(h.notAccounted).toEqual(['Ann', 'Bo', 'Cy', 'Dee']);
  });

  it('catches the same person reported safe by two people or devices, not one person tapping twice, nor a missing report', () => {
    const events = [
      ...start,
      ev('person.accounted', { person: 'Ann', personId: 'p1', status: 'safe', via: 'scan', floor: '3F' }, 5, 'Wang', 'phone-a'),
      ev('person.accounted', { person: 'Ann', personId: 'p1', status: 'safe', via: 'list' }, 6, 'Li', 'tablet'),
      ev('person.accounted', { person: 'Bo', personId: 'p2', status: 'safe' }, 5, 'Wang', 'phone-a'),
      ev('person.accounted', { person: 'Bo', personId: 'p2', status: 'safe' }, 6, 'Wang', 'phone-a'),
      ev('person.accounted', { person: 'Cy', personId: 'p3', status: 'missing' }, 5, 'Wang', 'phone-a'),
      ev('person.accounted', { person: 'Cy', personId: 'p3', status: 'safe', floor: '2F', via: 'scan' }, 7, 'Li', 'tablet'),
    ];
    const h = reportHeadcount(reduceIncident('inc', events), samplePlaybook(), labels, 480);
    expect(h.rows.map((r) => [r.person, r.reports, r.reportedTwice !== undefined])).toEqual([
      ['Ann', 2, true],
      ['Bo', 2, false],
      ['Cy', 2, false],
    ]);
    expect(h.rows[0]?.reportedTwice).toBe('Reported 2 times by different people or devices: Wang 2026-11-30 02:05:00 (Safe), Li 2026-11-30 02:06:00 (Safe)');
    // The later tick on the list said no floor: where Ann was last seen stays 3F; the latest report says how.
    expect(h.rows[0]).toMatchObject({ lastSeen: '3F', via: 'list', viaText: 'Ticked on the list', recordedBy: 'Li' });
    expect(h.rows[2]).toMatchObject({ status: 'safe', lastSeen: '2F', viaText: 'Scanned' });
    expect(h.reportedTwice).toBe(1);
    expect(h.notAccounted).toEqual([]);
  });
});
