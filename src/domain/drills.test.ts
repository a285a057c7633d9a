import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import {
  addInterval,
  calendarDaysBetween,
  DEFAULT_DRILL_INTERVAL,
  drillDeclarations,
  drillDueOf,
  drillHistory,
  drillRule,
  drillRun,
  drillsDue,
  fullHeadcountAt,
  intervalOf,
  type DrillDeclaration,
} from './drills';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { reduceIncident } from './incident';
import type { Playbook } from './playbook/schema';

const ZONE = 'Asia/Shanghai';
const MIN = 60_000;
const DAY = 86_400_000;
/** 10:00 in Beijing on a calendar day (month 1-12). */
const beijing = (y: number, m: number, d: number, h = 10) => Date.UTC(y, m - 1, d, h - 8);
const T0 = beijing(2026, 3, 10);
let seq = 0;

function ev<K extends EventType>(streamId: string, type: K, payload: EventPayloads[K], minute: number, start = T0, actor = '王值班'): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId,
    deviceId: 'phone-a',
    actor,
    hlc: formatStamp({ wall: start + minute * MIN, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

const declare = (streamId: string, mode: 'real' | 'drill', start = T0, playbookId = 'sample-fire') =>
  ev(
    streamId,
    'incident.declared',
    { playbookId, playbookVersion: '2.0.0', playbookLanguage: 'en', mode, title: `${mode} ${streamId}`, place: 'B1' },
    0,
    start,
  );

/** The sample plan with no drill in its schedule: the playbook says nothing, the seed's six months apply. */
function withoutSchedule(): Playbook {
  const p = samplePlaybook();
  return { ...p, preparation: { ...p.preparation, tasks: p.preparation?.tasks ?? [], schedule: [] } };
}

function withSchedule(
  ...entries: { times: number; per: 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year'; kind?: 'drill' | 'inspection' }[]
): Playbook {
  const p = samplePlaybook();
  return {
    ...p,
    preparation: {
      ...p.preparation,
      tasks: p.preparation?.tasks ?? [],
      schedule: entries.map((e, i) => ({ id: `s${i}`, kind: e.kind ?? 'drill', text: 'Drill.', times: e.times, per: e.per })),
    },
  };
}

const drill = (at: number, playbookId = 'sample-fire', incidentId = `inc-${at}`): DrillDeclaration => ({ incidentId, playbookId, title: 'Drill', at });

describe('the drill interval a playbook sets', () => {
  it('once per half-year, as the fire plan says (一、6(3)), is six months', () => {
    expect(drillRule(samplePlaybook())).toMatchObject({ interval: { months: 6, days: 0 }, scheduled: { id: 'drill.half-yearly' } });
  });

  it('other frequencies: twice a year 6 months, quarterly 3, four times a year 3, five times a year 73 days, twice a month 15 days, weekly 7 days', () => {
    expect(intervalOf(2, 'year')).toEqual({ months: 6, days: 0 });
    expect(intervalOf(1, 'quarter')).toEqual({ months: 3, days: 0 });
    expect(intervalOf(4, 'year')).toEqual({ months: 3, days: 0 });
    expect(intervalOf(5, 'year')).toEqual({ months: 0, days: 73 });
    expect(intervalOf(2, 'month')).toEqual({ months: 0, days: 15 });
    expect(intervalOf(1, 'week')).toEqual({ months: 0, days: 7 });
    expect(intervalOf(3, 'day')).toEqual({ months: 0, days: 1 });
  });

  it('a playbook with no drill in its schedule (the flood plan) drills every six months by default; an inspection entry is not a drill', () => {
    expect(drillRule(withoutSchedule())).toEqual({ interval: DEFAULT_DRILL_INTERVAL, scheduled: null });
    expect(drillRule(withSchedule({ times: 12, per: 'year', kind: 'inspection' })).scheduled).toBeNull();
  });

  it('two drill entries: the more frequent one rules', () => {
    expect(drillRule(withSchedule({ times: 1, per: 'year' }, { times: 1, per: 'quarter' })).interval).toEqual({ months: 3, days: 0 });
  });
});

describe('the calendar', () => {
  it('31 August + 6 months is 28 February (29 in a leap year), at the same local time', () => {
    const due = addInterval(beijing(2026, 8, 31), { months: 6, days: 0 }, ZONE);
    expect(due).toBe(beijing(2027, 2, 28));
    expect(addInterval(beijing(2027, 8, 31), { months: 6, days: 0 }, ZONE)).toBe(beijing(2028, 2, 29));
  });

  it('counts in the branch zone, not UTC: 00:30 on 1 March in Beijing is still February in UTC', () => {
    const at = Date.UTC(2026, 1, 28, 16, 30); // 2026-03-01 00:30 Beijing
    expect(addInterval(at, { months: 6, days: 0 }, ZONE)).toBe(Date.UTC(2026, 7, 31, 16, 30)); // 2026-09-01 00:30 Beijing
    expect(addInterval(at, { months: 6, days: 0 }, 'UTC')).toBe(Date.UTC(2026, 7, 28, 16, 30));
  });

  it('counts calendar days across a daylight-saving change as whole days', () => {
    // Europe/Berlin moves to summer time on 29 March 2026: that day has 23 hours.
    expect(calendarDaysBetween(Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 30, 12), 'Europe/Berlin')).toBe(2);
    expect(addInterval(Date.UTC(2026, 2, 28, 11), { months: 0, days: 2 }, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 30, 10));
  });
});

describe('when the next drill is due', () => {
  const fire = samplePlaybook();

  it('never drilled: due now, today, shown as due soon', () => {
    expect(drillDueOf(fire, [], T0, ZONE)).toMatchObject({ last: null, dueAt: T0, daysLeft: 0, status: 'due-soon', daysOverdue: 0 });
  });

  it('the latest drill of the playbook counts, whatever the language twin; drills of another playbook do not', () => {
    const due = drillDueOf(
      fire,
      [
        drill(beijing(2025, 6, 1)),
        drill(beijing(2025, 12, 1)),
        { ...drill(beijing(2025, 9, 1)), playbookLanguage: 'zh-CN' },
        drill(beijing(2026, 3, 1), 'flood'),
      ],
      T0,
      ZONE,
    );
    expect(due.last?.at).toBe(beijing(2025, 12, 1));
    expect(due.dueAt).toBe(beijing(2026, 6, 1));
    expect(due.daysLeft).toBe(83);
    expect(due.status).toBe('ok');
  });

  it('boundaries: 31 days ahead is ok, 30 due soon, the day itself due soon, the day after overdue by 1', () => {
    const last = beijing(2025, 9, 10); // due 2026-03-10
    const at = (y: number, m: number, d: number, h = 10) => drillDueOf(fire, [drill(last)], beijing(y, m, d, h), ZONE);
    expect(at(2026, 2, 7)).toMatchObject({ daysLeft: 31, status: 'ok' });
    expect(at(2026, 2, 8)).toMatchObject({ daysLeft: 30, status: 'due-soon' });
    expect(at(2026, 3, 10, 23)).toMatchObject({ daysLeft: 0, status: 'due-soon', daysOverdue: 0 });
    expect(at(2026, 3, 11, 0)).toMatchObject({ daysLeft: -1, status: 'overdue', daysOverdue: 1 });
    expect(at(2026, 4, 9)).toMatchObject({ status: 'overdue', daysOverdue: 30 });
  });

  it('one row per playbook id in the app language, flood before fire, no campaign', () => {
    const zh = { ...samplePlaybook(), language: 'zh-CN', title: '消防预案' };
    const flood = { ...withoutSchedule(), id: 'flood', kind: 'flood' as const, title: 'Flood plan' };
    const campaign = { ...withoutSchedule(), id: 'self-inspection', kind: 'campaign' as const };
    const rows = drillsDue({ playbooks: [fire, zh, flood, campaign], drills: [], now: T0, timeZone: ZONE, language: 'zh-CN' });
    expect(rows.map((r) => [r.playbookId, r.playbookLanguage])).toEqual([
      ['flood', 'en'],
      ['sample-fire', 'zh-CN'],
    ]);
  });

  it('finds the drills among declarations: the first declaration of a stream, real incidents left out', () => {
    const a = declare('inc-a', 'drill', beijing(2026, 1, 5));
    const again = { ...declare('inc-a', 'real', beijing(2026, 1, 6)) };
    const real = declare('inc-b', 'real', beijing(2026, 2, 1));
    expect(drillDeclarations([again, real, a])).toEqual([
      { incidentId: 'inc-a', playbookId: 'sample-fire', playbookLanguage: 'en', title: 'drill inc-a', at: beijing(2026, 1, 5) },
    ]);
  });
});

describe('a drill’s figures, from its events', () => {
  const fire = samplePlaybook();
  // The March drill: alarm reported at 4 min (target 0: overdue), 119 called at 6, firefighting
  // skipped; three on the roster, the last accounted for at 12 min; one plan revision, one
  // planning improvement, one struck revision.
  const march = [
    declare('inc-mar', 'drill'),
    ev('inc-mar', 'step.done', { stepId: 'step.alarm.report' }, 4),
    ev('inc-mar', 'step.done', { stepId: 'step.alarm.call-119' }, 6),
    ev('inc-mar', 'step.skipped', { stepId: 'step.respond.firefight', reason: '演练不实际灭火' }, 7),
    ev('inc-mar', 'roster.added', { people: ['甲', '乙', '丙'] }, 1),
    ev('inc-mar', 'person.accounted', { person: '甲', status: 'safe' }, 5),
    ev('inc-mar', 'person.accounted', { person: '乙', status: 'missing' }, 8),
    ev('inc-mar', 'person.accounted', { person: '丙', status: 'safe' }, 9),
    ev('inc-mar', 'person.accounted', { person: '乙', status: 'safe' }, 12),
    ev('inc-mar', 'planRevision.added', { text: '在预案中写明二楼疏散改走东侧楼梯' }, 60),
    ev('inc-mar', 'planRevision.added', { text: '写错了' }, 61),
    ev('inc-mar', 'improvement.added', { issue: '广播听不清', action: '更换扬声器', area: 'planning', owner: '保卫部', due: '2026-04-30' }, 62),
    ev('inc-mar', 'improvement.added', { issue: '灭火器过期', action: '更换', area: 'equipment', owner: '保卫部', due: '2026-04-30' }, 63),
  ];
  const struck = ev('inc-mar', 'entry.struck', { targetId: march[10]!.id, reason: '重复' }, 64);

  it('time to first step, to full headcount, overdue and missed steps', () => {
    const run = drillRun([...march, struck], 'inc-mar', fire, T0 + DAY);
    expect(run).toMatchObject({
      incidentId: 'inc-mar',
      at: T0,
      closed: false,
      firstStepMinutes: 4,
      headcountMinutes: 12,
      headcountTotal: 3,
      overdueSteps: 1,
      missedSteps: 1,
      skippedSteps: 1,
    });
  });

  it('"revise the plan" items: the revisions and planning improvements not struck out, in order', () => {
    const run = drillRun([...march, struck], 'inc-mar', fire, T0 + DAY);
    expect(run?.revisions.map((r) => [r.kind, r.text])).toEqual([
      ['revision', '在预案中写明二楼疏散改走东侧楼梯'],
      ['improvement', '广播听不清'],
    ]);
    expect(run?.revisions[1]).toMatchObject({ action: '更换扬声器', owner: '保卫部', due: '2026-04-30', actor: '王值班', at: T0 + 62 * MIN });
  });

  it('a headcount that never completes, or breaks again when someone is added, has no time', () => {
    const open = [
      declare('inc-x', 'drill'),
      ev('inc-x', 'roster.added', { people: ['甲', '乙'] }, 1),
      ev('inc-x', 'person.accounted', { person: '甲', status: 'safe' }, 3),
    ];
    expect(fullHeadcountAt(reduceIncident('inc-x', open))).toBeNull();
    const complete = [...open, ev('inc-x', 'person.accounted', { person: '乙', status: 'injured' }, 5)];
    expect(fullHeadcountAt(reduceIncident('inc-x', complete))).toBe(T0 + 5 * MIN);
    const added = [...complete, ev('inc-x', 'roster.added', { people: ['访客'], kind: 'visitor' }, 6)];
    expect(fullHeadcountAt(reduceIncident('inc-x', added))).toBeNull();
    const again = [...added, ev('inc-x', 'person.accounted', { person: '访客', status: 'safe' }, 9)];
    expect(fullHeadcountAt(reduceIncident('inc-x', again))).toBe(T0 + 9 * MIN);
    // No roster at all: nothing to time.
    expect(fullHeadcountAt(reduceIncident('inc-x', [declare('inc-x', 'drill')]))).toBeNull();
  });

  it('a drill with nothing done: no first step, every response step missed, the critical alarm overdue once its target passed', () => {
    const run = drillRun([declare('inc-y', 'drill')], 'inc-y', fire, T0 + 30 * MIN);
    expect(run).toMatchObject({ firstStepMinutes: null, headcountMinutes: null, headcountTotal: 0, missedSteps: 3, skippedSteps: 0, overdueSteps: 1 });
  });

  it('a real incident, or a drill of another playbook, is not a drill of this playbook', () => {
    expect(drillRun([declare('inc-r', 'real')], 'inc-r', fire, T0)).toBeNull();
    expect(drillRun([declare('inc-f', 'drill', T0, 'flood')], 'inc-f', fire, T0)).toBeNull();
  });

  it('the history: drill against drill, oldest first, each drill’s revision items with it, newest drill first', () => {
    const later = beijing(2026, 9, 8);
    const september = [
      declare('inc-sep', 'drill', later),
      ev('inc-sep', 'step.done', { stepId: 'step.alarm.report' }, 0, later),
      ev('inc-sep', 'planRevision.added', { text: '夜间演练一次' }, 30, later),
    ];
    const streams = new Map<string, MusterEvent[]>([
      ['inc-sep', september],
      ['inc-mar', [...march, struck]],
      ['inc-real', [declare('inc-real', 'real', beijing(2026, 5, 1))]],
      ['inc-flood', [declare('inc-flood', 'drill', beijing(2026, 5, 1), 'flood')]],
    ]);
    const history = drillHistory(fire, streams, later + DAY);
    expect(history.runs.map((r) => [r.incidentId, r.firstStepMinutes, r.overdueSteps])).toEqual([
      ['inc-mar', 4, 1],
      ['inc-sep', 0, 0],
    ]);
    expect(history.revisions.map((r) => [r.drill.incidentId, r.item.text])).toEqual([
      ['inc-sep', '夜间演练一次'],
      ['inc-mar', '在预案中写明二楼疏散改走东侧楼梯'],
      ['inc-mar', '广播听不清'],
    ]);
  });

  it('the same figures whatever order the events arrived in (sync)', () => {
    const shuffled = [...march].reverse();
    expect(drillRun(shuffled, 'inc-mar', fire, T0 + DAY)).toEqual(drillRun(march, 'inc-mar', fire, T0 + DAY));
  });
});
