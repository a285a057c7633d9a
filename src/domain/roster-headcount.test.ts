import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { personName, reduceIncident } from './incident';
import { floorChoices, headcountGroups, lastSeen, possibleDuplicates, reportedTwice, visitorsAndContractors } from './roster-headcount';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seq = 0;

function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = '王值班', deviceId = 'phone-a'): MusterEvent {
  seq += 1;
  return {
    id: `h${String(seq).padStart(4, '0')}`,
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
      { personId: 'p-wang', name: '王伟', floor: '3F', assemblyPoint: '北广场' },
      { personId: 'p-li', name: '李娜', floor: '1F', assemblyPoint: '北广场' },
      { personId: 'p-sun', name: '孙强', floor: '3F', assemblyPoint: '南门' },
      { personId: 'p-zhou', name: '周敏' },
      { personId: 'p-b1', name: '钱库管', floor: 'B1', assemblyPoint: '南门' },
    ],
  },
  1,
);
const safe = (personId: string, person: string, minute: number, actor = '王值班', deviceId = 'phone-a') =>
  ev('person.accounted', { person, personId, status: 'safe' }, minute, actor, deviceId);

describe('the headcount grouped at the assembly point', () => {
  it('groups staff by floor in building order, those not accounted for first in each group', () => {
    const s = reduceIncident('inc-1', [declared, linked, safe('p-wang', '王伟', 3)]);
    const groups = headcountGroups(s, 'floor');
    expect(groups.map((g) => [g.label, g.keys.map((k) => personName(s, k)), g.missing])).toEqual([
      ['B1', ['钱库管'], 1],
      ['1F', ['李娜'], 1],
      ['3F', ['孙强', '王伟'], 1],
      [null, ['周敏'], 1],
    ]);
  });

  it('groups by assembly point, and leaves visitors out of the groups and in their own list', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      ev('roster.added', { people: ['快递员'], kind: 'visitor' }, 2),
      ev('roster.added', { people: ['电工老周'], kind: 'contractor' }, 2),
    ]);
    expect(headcountGroups(s, 'assemblyPoint').map((g) => [g.label, g.keys])).toEqual([
      ['北广场', ['p-li', 'p-wang']],
      ['南门', ['p-b1', 'p-sun']],
      [null, ['p-zhou']],
    ]);
    expect(visitorsAndContractors(s)).toEqual(['快递员', '电工老周']);
  });

  it('says where someone was last seen: the latest report that names a floor', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      ev('person.accounted', { person: '孙强', personId: 'p-sun', status: 'missing', floor: '3F' }, 4, '赵保安', 'phone-b'),
      ev('person.accounted', { person: '孙强', personId: 'p-sun', status: 'missing', floor: '4F' }, 6, '钱主任', 'tablet'),
      ev('person.accounted', { person: '孙强', personId: 'p-sun', status: 'missing' }, 7),
    ]);
    expect(lastSeen(s, 'p-sun')).toMatchObject({ floor: '4F', actor: '钱主任' });
    expect(lastSeen(s, 'p-wang')).toBeNull();
    expect(floorChoices(s, ['1F', '2F', '3F'])).toEqual(['1F', '2F', '3F', 'B1', '4F']);
  });

  it('catches the same person counted by two people, each offline, and says who and when', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      safe('p-wang', '王伟', 3),
      safe('p-wang', '王伟', 4), // the same counter again: not a second count
      safe('p-li', '李娜', 5, '赵保安', 'phone-b'),
      ev('person.accounted', { person: '王伟', status: 'safe' }, 6, '赵保安', 'phone-b'),
    ]);
    expect(reportedTwice(s, 'p-wang').map((r) => [r.actor, r.at])).toEqual([
      ['王值班', T0 + 3 * 60_000],
      ['赵保安', T0 + 6 * 60_000],
    ]);
    expect(reportedTwice(s, 'p-li')).toEqual([]);
  });

  it('does not count "missing" reports as a second count', () => {
    const s = reduceIncident('inc-1', [
      declared,
      linked,
      ev('person.accounted', { person: '王伟', personId: 'p-wang', status: 'missing' }, 3, '赵保安', 'phone-b'),
      safe('p-wang', '王伟', 4),
    ]);
    expect(reportedTwice(s, 'p-wang')).toEqual([]);
  });

  it('points out a name typed before the roster was linked that reads like a roster person', () => {
    const s = reduceIncident('inc-1', [declared, ev('roster.added', { people: ['王伟 ', '陌生人'] }, 1), linked]);
    expect(possibleDuplicates(s)).toEqual({ 'p-wang': ['王伟 '], '王伟 ': ['p-wang'] });
  });

  it('two roster people who share a name are not a duplicate', () => {
    const twins = ev(
      'roster.linked',
      {
        people: [
          { personId: 'p-w1', name: '王伟' },
          { personId: 'p-w2', name: '王伟' },
        ],
      },
      1,
    );
    expect(possibleDuplicates(reduceIncident('inc-1', [declared, twins]))).toEqual({});
  });
});
