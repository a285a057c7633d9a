import { describe, expect, it } from 'vitest';
import type { EventPayloads, EventType, MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import type { Playbook } from '../playbook/schema';
import type { Round } from '../playbook/schema-rounds';
import { oneTwinPerId, roundsDue, seasonKey, summariseRuns, type RoundRunSummary } from './due';
import { localTime } from './fixtures.test-support';
import { reduceRound } from './round';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';

const local = (text: string, timeZone = SH): number => localTime(text, timeZone);

const finding = { days: 7, owner: 'fire-prevention-owners' };
const daily: Round = {
  id: 'daily',
  title: '每日防火检查',
  owner: 'fire-wardens',
  every: { times: 1, per: 'day' },
  areas: [
    { id: 'archives', name: '档案室' },
    { id: 'computer-room', name: '机房' },
  ],
  items: [{ id: 'exits', text: '安全出口畅通' }],
  finding,
};
const office: Round = {
  id: 'office',
  title: '各行处防火检查',
  owner: 'sub-branches',
  every: { times: 2, per: 'month' },
  items: [{ id: 'exits', text: '安全出口畅通' }],
  finding,
};
const floodPrep: Round = {
  id: 'flood-season-prep',
  title: '汛前准备检查',
  owner: 'hq',
  beforeSeason: { season: '汛期', daysBefore: 7 },
  items: [{ id: 'drains', text: '疏通排水设施' }],
  finding,
};

/** Just what the due list reads of a playbook. */
function playbook(id: string, language: string, title: string, rounds: Round[]): Playbook {
  return { id, version: '1.2.0', language, title, preparation: { tasks: [], rounds } } as unknown as Playbook;
}

const fire = playbook('fire', 'zh-CN', '灭火和应急疏散预案', [daily, office]);
const flood = playbook('flood', 'zh-CN', '防汛工作应急预案', [floodPrep]);

let serial = 0;
function run(roundId: string, startedAt: string, opts: { areaId?: string; done?: boolean; playbookId?: string; timeZone?: string } = {}): RoundRunSummary {
  const startedMs = local(startedAt, opts.timeZone);
  return {
    streamId: `round-${++serial}`,
    playbookId: opts.playbookId ?? (roundId === 'flood-season-prep' ? 'flood' : 'fire'),
    roundId,
    ...(opts.areaId !== undefined ? { areaId: opts.areaId } : {}),
    startedAt: startedMs,
    completedAt: opts.done === false ? null : startedMs + 10 * 60_000,
  };
}

const due = (runs: RoundRunSummary[], now: string, extra: Partial<Parameters<typeof roundsDue>[0]> = {}) =>
  roundsDue({ playbooks: [fire, flood], runs, seasons: new Map(), now: local(now, extra.timeZone), timeZone: SH, lookback: 3, ...extra });
const row = (rows: ReturnType<typeof roundsDue>, roundId: string, areaId?: string) => rows.find((r) => r.roundId === roundId && r.areaId === areaId)!;

describe('the daily fire check, per key area', () => {
  it('at 10:00 the archive room is done this morning; the computer room was checked yesterday, so it is only due', () => {
    const rows = due(
      [run('daily', '2025-03-12 09:00', { areaId: 'archives' }), run('daily', '2025-03-11 16:00', { areaId: 'computer-room' })],
      '2025-03-12 10:00',
    );
    expect(row(rows, 'daily', 'archives')).toMatchObject({ status: 'done', areaName: '档案室', title: '每日防火检查' });
    const room = row(rows, 'daily', 'computer-room');
    expect(room.status).toBe('due');
    expect(room.window).toEqual({ start: local('2025-03-12'), end: local('2025-03-13') });
    expect(room.deadline).toBe(local('2025-03-13'));
    expect(room.lastDone?.startedAt).toBe(local('2025-03-11 16:00'));
  });

  it('missed yesterday too: overdue, with the missed days counted', () => {
    const rows = due([run('daily', '2025-03-10 09:00', { areaId: 'computer-room' })], '2025-03-12 10:00');
    expect(row(rows, 'daily', 'computer-room')).toMatchObject({ status: 'overdue', missed: 2 });
    expect(row(rows, 'daily', 'archives')).toMatchObject({ status: 'overdue', missed: 3, lastDone: null });
  });

  it('a round started and not completed does not count, and is offered to go on with', () => {
    const started = run('daily', '2025-03-12 09:00', { areaId: 'archives', done: false });
    const rows = due([run('daily', '2025-03-11 09:00', { areaId: 'archives' }), started], '2025-03-12 10:00');
    expect(row(rows, 'daily', 'archives')).toMatchObject({ status: 'due', underWay: started });
  });

  it('a round of another area or another playbook counts for its own only', () => {
    const rows = due(
      [run('daily', '2025-03-12 09:00', { areaId: 'computer-room', playbookId: 'other' }), run('daily', '2025-03-12 09:00', { areaId: 'computer-room' })],
      '2025-03-12 10:00',
    );
    expect(row(rows, 'daily', 'computer-room').status).toBe('done');
    expect(row(rows, 'daily', 'archives').status).not.toBe('done');
  });

  it('the day is the branch’s day: a check at 23:30 in New York counts for that evening, not the next UTC day', () => {
    const late = run('daily', '2025-03-11 23:30', { areaId: 'archives', timeZone: NY });
    const rows = due([late], '2025-03-12 08:00', { timeZone: NY });
    expect(row(rows, 'daily', 'archives')).toMatchObject({ status: 'due', missed: 2 });
    expect(row(rows, 'daily', 'archives').window).toEqual({ start: local('2025-03-12', NY), end: local('2025-03-13', NY) });
  });

  it('days before the branch began using rounds are not missed', () => {
    const rows = due([], '2025-03-12 10:00', { since: local('2025-03-12') });
    expect(row(rows, 'daily', 'archives')).toMatchObject({ status: 'due', missed: 0 });
  });
});

describe('twice a month, for the whole office', () => {
  it('done in the first half of March: on the 20th the second half is due, not overdue', () => {
    const rows = due([run('office', '2025-03-05 14:00')], '2025-03-20 10:00');
    expect(row(rows, 'office')).toMatchObject({ status: 'due', missed: 2, deadline: local('2025-04-01') });
  });

  it('nothing since February: overdue', () => {
    expect(row(due([run('office', '2025-02-20 14:00')], '2025-03-20 10:00'), 'office')).toMatchObject({ status: 'overdue', missed: 2 });
  });
});

describe('the flood-season preparation', () => {
  const seasons = new Map([[seasonKey('flood', 'flood-season-prep'), '06-01']]);

  it('without the season’s start date the branch is asked for it', () => {
    expect(row(due([], '2025-05-20 10:00'), 'flood-season-prep')).toMatchObject({ status: 'no-season-date', window: null, deadline: null });
  });

  it('with the season from 1 June and 7 days’ notice: due until 25 May, overdue from then, done once completed', () => {
    expect(row(due([], '2025-05-20 10:00', { seasons }), 'flood-season-prep')).toMatchObject({
      status: 'due',
      deadline: local('2025-05-25'),
      seasonStart: local('2025-06-01'),
    });
    expect(row(due([], '2025-05-25 00:00', { seasons }), 'flood-season-prep').status).toBe('overdue');
    expect(row(due([run('flood-season-prep', '2025-05-26 09:00')], '2025-05-27 10:00', { seasons }), 'flood-season-prep').status).toBe('done');
  });

  it('last year’s preparation counts for last year’s season, not this one', () => {
    const rows = due([run('flood-season-prep', '2024-05-20 09:00')], '2025-05-26 10:00', { seasons, since: local('2023-06-01') });
    expect(row(rows, 'flood-season-prep')).toMatchObject({ status: 'overdue', missed: 0, window: { start: local('2024-06-01'), end: local('2025-06-01') } });
  });
});

describe('playbooks held in two languages', () => {
  const fireEn = playbook('fire', 'en', 'Fire plan', [{ ...daily, title: 'Daily fire check' }]);

  it('give one set of rows, in the language asked for', () => {
    expect(oneTwinPerId([fire, fireEn], 'en')).toEqual([fireEn]);
    expect(oneTwinPerId([fire, fireEn], 'zh-CN')).toEqual([fire]);
    expect(oneTwinPerId([fireEn, fire])).toEqual([fireEn]);
    const rows = roundsDue({ playbooks: [fire, fireEn], runs: [], seasons: new Map(), now: local('2025-03-12 10:00'), timeZone: SH, language: 'en' });
    expect(rows.map((r) => `${r.title} ${r.areaId ?? ''}`)).toEqual(['Daily fire check archives', 'Daily fire check computer-room']);
  });
});

describe('summaries of rounds held', () => {
  it('are what the due list needs of each reduced round', () => {
    const at = local('2025-03-12 09:00');
    const ev = <K extends EventType>(type: K, payload: EventPayloads[K], minutes: number) =>
      ({
        id: `e${minutes}`,
        streamId: 'round-a',
        deviceId: 'p',
        actor: '李',
        hlc: formatStamp({ wall: at + minutes * 60_000, counter: 0, deviceId: 'p' }),
        type,
        payload,
        v: 1,
      }) as MusterEvent;
    const reduced = reduceRound([
      ev(
        'round.started',
        { playbookId: 'fire', playbookVersion: '1.2.0', playbookLanguage: 'zh-CN', roundId: 'daily', areaId: 'archives', title: '每日', inspector: '李' },
        0,
      ),
      ev('round.completed', {}, 5),
    ])!;
    expect(summariseRuns([reduced])).toEqual([
      { streamId: 'round-a', playbookId: 'fire', roundId: 'daily', areaId: 'archives', startedAt: at, completedAt: at + 5 * 60_000 },
    ]);
    expect(row(due(summariseRuns([reduced]), '2025-03-12 10:00'), 'daily', 'archives').status).toBe('done');
  });
});
