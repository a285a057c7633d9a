import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import { checkEndConfirmed } from './events/incident';
import { endBlockers, endOverride, hasEndBlockers } from './ending';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { reduceIncident } from './incident';

const T0 = Date.UTC(2026, 6, 13, 18, 0, 0);
let seq = 0;
function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute = seq): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

// The sample plan has one critical step (step.alarm.report) and two that are not.
const playbook = samplePlaybook();
const declared = (mode: 'real' | 'drill' = 'real') =>
  ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode, title: '火警', place: '二楼' });
const roster = (...people: string[]) => ev('roster.added', { people });
const safe = (person: string) => ev('person.accounted', { person, status: 'safe' });
const injured = (person: string) => ev('person.accounted', { person, status: 'injured' });
const missing = (person: string) => ev('person.accounted', { person, status: 'missing' });
const done = (stepId: string) => ev('step.done', { stepId });
const started = (stepId: string) => ev('step.started', { stepId });
const skipped = (stepId: string) => ev('step.skipped', { stepId, reason: '消防队已接管现场' });
const reopened = (stepId: string) => ev('step.reopened', { stepId });

describe('what stands in the way of the on-site end', () => {
  it.each([
    {
      story: 'everyone safe, the critical step done: nothing blocks',
      events: () => [declared(), roster('甲', '乙'), safe('甲'), injured('乙'), done('step.alarm.report')],
      unaccounted: [],
      critical: [],
      noHeadcount: false,
    },
    {
      story: 'one reported missing and one never reported are both named, in roster order',
      events: () => [declared(), roster('甲', '乙', '丙'), missing('乙'), safe('甲'), done('step.alarm.report')],
      unaccounted: [
        { key: '乙', name: '乙', status: 'missing' },
        { key: '丙', name: '丙', status: 'unknown' },
      ],
      critical: [],
      noHeadcount: false,
    },
    {
      story: 'someone reported missing and then found safe no longer blocks',
      events: () => [declared(), roster('甲'), missing('甲'), safe('甲'), done('step.alarm.report')],
      unaccounted: [],
      critical: [],
      noHeadcount: false,
    },
    {
      story: 'a critical step never touched, or started and not finished, blocks; a non-critical one does not',
      events: () => [declared(), roster('甲'), safe('甲'), started('step.alarm.report')],
      unaccounted: [],
      critical: [{ stepId: 'step.alarm.report', text: 'Report the fire.' }],
      noHeadcount: false,
    },
    {
      story: 'a critical step skipped with its reason no longer blocks (the skip carried its own confirmation)',
      events: () => [declared(), roster('甲'), safe('甲'), skipped('step.alarm.report')],
      unaccounted: [],
      critical: [],
      noHeadcount: false,
    },
    {
      story: 'a critical step done and then reopened blocks again',
      events: () => [declared(), roster('甲'), safe('甲'), done('step.alarm.report'), reopened('step.alarm.report')],
      unaccounted: [],
      critical: [{ stepId: 'step.alarm.report', text: 'Report the fire.' }],
      noHeadcount: false,
    },
    {
      story: 'an empty roster in a real incident: no headcount was taken',
      events: () => [declared('real'), done('step.alarm.report')],
      unaccounted: [],
      critical: [],
      noHeadcount: true,
    },
    {
      story: 'an empty roster in a drill is said too: the drill rehearses the real ending',
      events: () => [declared('drill'), done('step.alarm.report')],
      unaccounted: [],
      critical: [],
      noHeadcount: true,
    },
  ])('$story', ({ events, unaccounted, critical, noHeadcount }) => {
    const b = endBlockers(reduceIncident('inc-1', events()), playbook);
    expect(b.unaccounted).toEqual(unaccounted);
    expect(b.openCritical).toEqual(critical);
    expect(b.noHeadcount).toBe(noHeadcount);
    expect(hasEndBlockers(b)).toBe(unaccounted.length + critical.length > 0 || noHeadcount);
  });

  it('a linked roster person is named by their name, not their roster id', () => {
    const state = reduceIncident('inc-1', [
      declared(),
      ev('roster.linked', { people: [{ personId: 'p-0001', name: '王伟', floor: '3' }] }),
      done('step.alarm.report'),
    ]);
    expect(endBlockers(state, playbook).unaccounted).toEqual([{ key: 'p-0001', name: '王伟', status: 'unknown' }]);
  });
});

describe('the override recorded with the end', () => {
  it('names who and what was open, and passes the event validator', () => {
    const state = reduceIncident('inc-1', [declared(), roster('甲', '乙'), safe('甲')]);
    const override = endOverride(endBlockers(state, playbook), '消防队已接管现场，乙由消防队搜寻');
    expect(override).toEqual({ reason: '消防队已接管现场，乙由消防队搜寻', unaccounted: ['乙'], openSteps: ['step.alarm.report'] });
    expect(checkEndConfirmed({ override })).toEqual([]);
  });

  it('says when no headcount was taken', () => {
    const override = endOverride(endBlockers(reduceIncident('inc-1', [declared('drill')]), playbook), '桌面推演，无人员疏散');
    expect(override).toMatchObject({ unaccounted: [], noHeadcount: true });
    expect(checkEndConfirmed({ override })).toEqual([]);
  });

  it('is not made when nothing blocks', () => {
    const state = reduceIncident('inc-1', [declared(), roster('甲'), safe('甲'), done('step.alarm.report')]);
    expect(endOverride(endBlockers(state, playbook), 'reason')).toBeNull();
  });

  it('a roster of thousands keeps within the validator and says how many more', () => {
    const people = Array.from({ length: 2500 }, (_, i) => `员工${i}`);
    const state = reduceIncident('inc-1', [declared(), roster(...people.slice(0, 2000)), roster(...people.slice(2000)), done('step.alarm.report')]);
    const override = endOverride(endBlockers(state, playbook), '演练提前结束，名单另行核对');
    expect(override?.unaccounted).toHaveLength(2000);
    expect(override?.unaccounted.at(-1)).toBe('… +501');
    expect(checkEndConfirmed({ override })).toEqual([]);
  });
});

describe('steps the ending itself records', () => {
  it('the fire plan’s “confirm the end” and “approve it” do not block the end they are', () => {
    const plan = samplePlaybook();
    const first = plan.phases[0]!;
    const withEnd = {
      ...plan,
      phases: [
        ...plan.phases,
        {
          id: 'phase.end',
          title: '应急结束',
          steps: [
            { ...first.steps[0]!, id: 'step.end.confirm', text: '现场指挥机构确认处置结束', critical: true, doneBy: 'end-confirmed' as const },
            { ...first.steps[0]!, id: 'step.end.approve', text: '领导机构批准终止', critical: true, doneBy: 'closure-approved' as const },
            { ...first.steps[0]!, id: 'step.end.report', text: '上报总行', critical: true },
          ],
        },
      ],
    };
    const state = reduceIncident('inc-1', [declared(), roster('甲'), safe('甲'), done('step.alarm.report')]);
    expect(endBlockers(state, withEnd).openCritical.map((s) => s.stepId)).toEqual(['step.end.report']);
  });
});
