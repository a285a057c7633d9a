import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { BRANCH_ROSTER_STREAM } from './events/roster';
import { formatStamp } from './hlc';
import { checkInCode, compareFloors, floorLevel, parseCheckInCode, reduceRoster, rosterByFloor } from './roster';

const T0 = Date.UTC(2026, 6, 14, 9, 0, 0);
let seq = 0;

function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, deviceId = 'phone-a', streamId = BRANCH_ROSTER_STREAM): MusterEvent {
  seq += 1;
  return {
    id: `r${String(seq).padStart(4, '0')}`,
    streamId,
    deviceId,
    actor: '安全员',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

describe('the branch roster', () => {
  it('lists each person once with their latest details, by name', () => {
    const s = reduceRoster([
      ev('roster.personSet', { personId: 'p-wang', name: '王伟', floor: '3F' }, 1),
      ev('roster.personSet', { personId: 'p-li', name: '李娜', floor: '1F' }, 2),
      ev('roster.personSet', { personId: 'p-wang', name: '王伟', floor: '5F', team: '信贷部' }, 3),
    ]);
    expect(s.people.map((p) => [p.personId, p.floor])).toEqual([
      ['p-li', '1F'],
      ['p-wang', '5F'],
    ]);
    expect(s.byId['p-wang']).toMatchObject({ team: '信贷部', set: { actor: '安全员' } });
    expect(s.eventCount).toBe(3);
  });

  it('the safety officer removes someone who left; a later set puts them back', () => {
    const set = ev('roster.personSet', { personId: 'p-zhao', name: '赵敏' }, 1);
    const removed = ev('roster.personRemoved', { personId: 'p-zhao' }, 2);
    expect(reduceRoster([set, removed]).people).toEqual([]);
    expect(reduceRoster([set, removed, ev('roster.personSet', { personId: 'p-zhao', name: '赵敏' }, 3)]).people.map((p) => p.name)).toEqual(['赵敏']);
  });

  it('two devices editing offline agree whatever order the events arrive in (last writer wins)', () => {
    const a = ev('roster.personSet', { personId: 'p-wang', name: '王伟', floor: '3F' }, 5, 'phone-a');
    const b = ev('roster.personSet', { personId: 'p-wang', name: '王伟', floor: '4F' }, 6, 'tablet');
    const r = ev('roster.personRemoved', { personId: 'p-wang' }, 4, 'phone-b');
    const one = reduceRoster([a, b, r]);
    const other = reduceRoster([r, b, a]);
    expect(one).toEqual(other);
    expect(one.byId['p-wang']?.floor).toBe('4F');
  });

  it('reads only its own stream', () => {
    expect(reduceRoster([ev('roster.personSet', { personId: 'p-x', name: 'X' }, 1, 'phone-a', 'inc-1')]).people).toEqual([]);
  });
});

describe('floors in building order', () => {
  it('reads basements, numbers and Chinese numerals', () => {
    expect(['B1', '负二层', '-3', '1F', '3楼', '十二楼', '2M', 'F10'].map(floorLevel)).toEqual([-1, -2, -3, 1, 3, 12, 2, 10]);
    expect(floorLevel('Lobby')).toBeNull();
  });

  it('sorts basements below the ground, 2F before 10F, words after numbers, no floor last', () => {
    expect(['10F', null, 'B1', 'Roof', '2F', '负二层'].sort(compareFloors)).toEqual(['负二层', 'B1', '2F', '10F', 'Roof', null]);
  });

  it('groups the roster by floor', () => {
    const groups = rosterByFloor([
      { personId: 'a', name: 'A', floor: '3F' },
      { personId: 'b', name: 'B' },
      { personId: 'c', name: 'C', floor: '1F' },
      { personId: 'd', name: 'D', floor: ' 3F ' },
    ]);
    expect(groups.map((g) => [g.floor, g.people.map((p) => p.personId)])).toEqual([
      ['1F', ['c']],
      ['3F', ['a', 'd']],
      [null, ['b']],
    ]);
  });
});

describe('a check-in code', () => {
  it('carries only the roster id, and reads back', () => {
    expect(checkInCode('p-7k2m9q')).toBe('muster:p:p-7k2m9q');
    expect(parseCheckInCode('muster:p:p-7k2m9q')).toEqual({ ok: true, personId: 'p-7k2m9q' });
    expect(parseCheckInCode(' MUSTER:P:p-7k2m9q \n')).toEqual({ ok: true, personId: 'p-7k2m9q' });
  });

  it('refuses a floor poster’s link and a malformed id', () => {
    expect(parseCheckInCode('https://muster.example/routes/fire/west/floor-3')).toEqual({ ok: false, problem: 'notCheckInCode' });
    expect(parseCheckInCode('muster:p:')).toEqual({ ok: false, problem: 'badPersonId' });
    expect(parseCheckInCode('muster:p:王伟')).toEqual({ ok: false, problem: 'badPersonId' });
    expect(parseCheckInCode(`muster:p:${'x'.repeat(41)}`)).toEqual({ ok: false, problem: 'badPersonId' });
  });
});
