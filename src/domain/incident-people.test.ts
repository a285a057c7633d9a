import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { headcountTotals, missingPeople, personName, reduceIncident } from './incident';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seq = 0;

function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = '王值班', deviceId = 'phone-a'): MusterEvent {
  seq += 1;
  return {
    id: `p${String(seq).padStart(4, '0')}`,
    streamId: 'inc-1',
    deviceId,
    actor,
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

const declared = ev('incident.declared', { playbookId: 'fire', playbookVersion: '1.0.0', mode: 'real', title: '三楼起火', place: '营业部' }, 0);
const linked = ev(
  'roster.linked',
  {
    people: [
      { personId: 'p-wang', name: '王伟', floor: '3F', team: '信贷部', assemblyPoint: 'plaza' },
      { personId: 'p-li', name: '李娜', floor: '1F', phone: '138 0000 0001' },
    ],
  },
  1,
);

describe('the headcount against the branch roster', () => {
  it('counts the linked people by roster id and shows them by name', () => {
    const s = reduceIncident('inc-1', [declared, linked, ev('person.accounted', { person: '王伟', personId: 'p-wang', status: 'safe', via: 'scan' }, 3)]);
    expect(s.roster).toEqual(['p-wang', 'p-li']);
    expect(s.people['p-wang']).toMatchObject({ name: '王伟', floor: '3F', team: '信贷部', kind: 'staff' });
    expect(missingPeople(s).map((k) => personName(s, k))).toEqual(['李娜']);
    expect(s.headcount['p-wang']).toMatchObject({ status: 'safe', via: 'scan', actor: '王值班' });
  });

  it('a name typed at the assembly point is the linked person of that name, not a second person', () => {
    const s = reduceIncident('inc-1', [declared, linked, ev('person.accounted', { person: '李娜', status: 'safe' }, 4, '赵保安', 'phone-b')]);
    expect(s.roster).toEqual(['p-wang', 'p-li']);
    expect(headcountTotals(s)).toMatchObject({ total: 2, safe: 1, unknown: 1 });
  });

  it('keeps every report, so a person reported twice and where they were last seen both show', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      ev('person.accounted', { person: '王伟', personId: 'p-wang', status: 'missing', floor: '3F' }, 2, '赵保安', 'phone-b'),
      ev('person.accounted', { person: '王伟', personId: 'p-wang', status: 'safe', via: 'scan' }, 5),
      ev('person.accounted', { person: '王伟', personId: 'p-wang', status: 'safe' }, 6, '钱主任', 'tablet'),
    ]);
    expect(s.headcountReports['p-wang']?.map((r) => [r.status, r.actor])).toEqual([
      ['missing', '赵保安'],
      ['safe', '王值班'],
      ['safe', '钱主任'],
    ]);
    expect(s.headcount['p-wang']).toMatchObject({ status: 'safe', actor: '钱主任' });
  });

  it('adds visitors and contractors on the spot with their kind', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      ev('roster.added', { people: ['快递员'], kind: 'visitor' }, 2),
      ev('roster.added', { people: ['电工老周'], kind: 'contractor' }, 2),
    ]);
    expect(s.roster).toEqual(['p-wang', 'p-li', '快递员', '电工老周']);
    expect(s.people['快递员']?.kind).toBe('visitor');
    expect(s.people['电工老周']?.kind).toBe('contractor');
  });

  it('two devices linking the roster offline count each person once, whatever the order', () => {
    const again = ev(
      'roster.linked',
      {
        people: [
          { personId: 'p-li', name: '李娜' },
          { personId: 'p-zhao', name: '赵敏' },
        ],
      },
      1,
      '钱主任',
      'tablet',
    );
    const a = reduceIncident('inc-1', [declared, linked, again]);
    const b = reduceIncident('inc-1', [again, declared, linked]);
    expect(a.roster).toEqual(b.roster);
    expect([...a.roster].sort()).toEqual(['p-li', 'p-wang', 'p-zhao']);
  });

  it('an overridden end and a handover briefing stay on the state as recorded', () => {
    const handover = ev(
      'command.handedOver',
      {
        to: '李行长',
        briefing: {
          situation: ['负一层水位 16 cm，上涨'],
          objectives: ['人员疏散'],
          done: [],
          open: ['切断电源'],
          accounted: 1,
          missing: ['李娜'],
          resources: [],
          losses: [],
          messages: [],
        },
      },
      30,
    );
    const end = ev('end.confirmed', { override: { reason: '李娜今日休假，电话确认在家', unaccounted: ['李娜'], openSteps: ['step.power'] } }, 50, '李行长');
    const s = reduceIncident('inc-1', [declared, linked, handover, end]);
    expect(s.commanders[1]?.briefing?.missing).toEqual(['李娜']);
    expect(s.endConfirmed?.override).toMatchObject({ reason: '李娜今日休假，电话确认在家', unaccounted: ['李娜'] });
    expect(s.phase).toBe('ending');
  });
});

describe('the new records refuse what a forged push could carry', () => {
  const envelope = { id: 'x1', streamId: 'inc-1', deviceId: 'phone-a', actor: '王值班', hlc: '001784001600000-0000-phone-a', v: EVENT_SCHEMA_VERSION };
  const check = (type: string, payload: unknown) => validateEvent({ ...envelope, type, payload });

  it.each([
    ['roster.personSet', { personId: 'p 1', name: '王伟' }, 'payload.personId'],
    ['roster.personSet', { personId: 'p1', name: '王伟', phone: 'call me' }, 'payload.phone'],
    ['roster.linked', { people: [] }, 'payload.people'],
    ['roster.linked', { people: [{ personId: 'p1' }] }, 'payload.people[0].name'],
    ['person.accounted', { person: '王伟', status: 'safe', via: 'telepathy' }, 'payload.via'],
    ['roster.added', { people: ['快递员'], kind: 'guest' }, 'payload.kind'],
    ['measurement.recorded', { measureId: 'water', value: Number.NaN, unit: 'cm' }, 'payload.value'],
    ['measurement.recorded', { measureId: 'water', value: 1e12, unit: 'cm' }, 'payload.value'],
    ['note.added', { text: 'x', photos: [{ hash: 'abc', type: 'image/jpeg', bytes: 10, width: 1, height: 1 }] }, 'payload.photos[0].hash'],
    ['note.added', { text: 'x', photos: [{ hash: 'a'.repeat(64), type: 'image/gif', bytes: 10, width: 1, height: 1 }] }, 'payload.photos[0].type'],
    ['note.added', { text: 'x', photos: [{ hash: 'a'.repeat(64), type: 'image/jpeg', bytes: 10, width: 4000, height: 1 }] }, 'payload.photos[0].width'],
    ['end.confirmed', { override: { reason: '', unaccounted: [], openSteps: [] } }, 'payload.override.reason'],
    ['end.confirmed', { override: { reason: 'x', unaccounted: [], openSteps: [], noHeadcount: 'yes' } }, 'payload.override.noHeadcount'],
    ['command.handedOver', { to: '李行长', briefing: { situation: [] } }, 'payload.briefing.objectives'],
  ])('%s with %j is refused at %s', (type, payload, path) => {
    const result = check(type, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });

  it('takes a well-formed reading, photo and roster person', () => {
    expect(check('measurement.recorded', { measureId: 'water.b1', value: 16.5, unit: 'cm', place: '坡道口' }).ok).toBe(true);
    expect(
      check('note.added', { text: '水漫进金库门口', photos: [{ hash: 'a'.repeat(64), type: 'image/webp', bytes: 300_000, width: 1600, height: 1200 }] }).ok,
    ).toBe(true);
    expect(check('roster.personSet', { personId: 'p-wang', name: '王伟', floor: '3F', phone: '138 0000 0001', assemblyPoint: 'plaza' }).ok).toBe(true);
  });
});
