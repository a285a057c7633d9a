import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import { reduceIncident } from '../incident';
import type { Playbook } from '../playbook/schema';
import { playbookNames } from '../playbook/names';
import { reportLabels } from './labels';
import { stepPerformance } from './steps';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const MIN = 60_000;
let seq = 0;

function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = 'Electrician Zhou'): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor,
    hlc: formatStamp({ wall: T0 + minute * MIN, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

/** The sample plan with two steps whose targets count from their own start, as Riverside's do. */
function riversideLike(): Playbook {
  const playbook = samplePlaybook();
  playbook.phases[0]?.steps.push(
    { id: 'step.power', text: 'Cut the power.', owner: 'on-duty-lead', critical: true, target: { minutes: 10, from: 'step' } },
    { id: 'step.sweep', text: 'Sweep the basement.', owner: 'on-duty-lead', target: { minutes: 3, from: 'step' } },
  );
  return playbook;
}

const declared = ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '2.0.0', mode: 'drill', title: 'Drill', place: 'B1' }, 0);

function judge(events: MusterEvent[], judgedAtMinute: number) {
  const playbook = riversideLike();
  const steps = stepPerformance(reduceIncident('inc-1', [declared, ...events]), playbook, {
    labels: reportLabels('en'),
    names: playbookNames(playbook),
    offset: 0,
    start: T0,
    judgedAt: T0 + judgedAtMinute * MIN,
  });
  const byId = new Map(steps.phases.flatMap((p) => p.steps).map((s) => [s.id, s]));
  return { steps, step: (id: string) => byId.get(id)! };
}

describe('the report judges a step-relative target from the step’s own start', () => {
  it('power started at 02:30 and done at 02:38 took 8 minutes of its 10: on time, though 38 minutes into the incident', () => {
    const { step } = judge([ev('step.started', { stepId: 'step.power' }, 30), ev('step.done', { stepId: 'step.power' }, 38)], 60);
    expect(step('step.power')).toMatchObject({
      status: 'done',
      overdue: false,
      minutesTaken: 8,
      targetMinutes: 10,
      targetFrom: 'step',
      startedAt: T0 + 30 * MIN,
      takenText: '8 min',
      targetText: '10 min from its start',
      statusText: 'Done — started 2026-07-14 02:30:00',
    });
  });

  it('power started at 02:30 and done at 02:45 is late by 5 minutes, and listed as overdue', () => {
    const alarm = ev('step.done', { stepId: 'step.alarm.report' }, 0, 'Security office');
    const { steps, step } = judge([alarm, ev('step.started', { stepId: 'step.power' }, 30), ev('step.done', { stepId: 'step.power' }, 45)], 60);
    expect(step('step.power')).toMatchObject({ overdue: true, minutesTaken: 15, statusText: 'Done — Late by 5 min — started 2026-07-14 02:30:00' });
    expect(steps.overdue.map((s) => s.id)).toEqual(['step.power']);
    expect(steps.counts.overdue).toBe(1);
  });

  it('a sweep started at 02:50 and still not done at 02:54 (the report is made) is overdue; at 02:52 it is not yet', () => {
    const started = [ev('step.started', { stepId: 'step.sweep' }, 50)];
    expect(judge(started, 54).step('step.sweep')).toMatchObject({
      status: 'not-done',
      overdue: true,
      statusText: 'Not done — Overdue — started 2026-07-14 02:50:00',
    });
    expect(judge(started, 52).step('step.sweep')).toMatchObject({ status: 'not-done', overdue: false });
  });

  it('a step-relative step never started has no clock: not overdue however late the report is made', () => {
    const { step } = judge([], 600);
    expect(step('step.sweep')).toMatchObject({ status: 'not-done', overdue: false, statusText: 'Not done', targetText: '3 min from its start' });
    expect(step('step.sweep').startedAt).toBeUndefined();
  });

  it('a reopened step loses its start: the clock runs again only from the next start', () => {
    const events = [
      ev('step.started', { stepId: 'step.sweep' }, 5),
      ev('step.reopened', { stepId: 'step.sweep' }, 6, 'Leader Li'),
      ev('step.started', { stepId: 'step.sweep' }, 40),
      ev('step.done', { stepId: 'step.sweep' }, 42),
    ];
    expect(judge(events, 60).step('step.sweep')).toMatchObject({ overdue: false, minutesTaken: 2, startedAt: T0 + 40 * MIN });
  });

  it('an incident-relative target still counts from the declaration', () => {
    const { step } = judge([ev('step.done', { stepId: 'step.alarm.report' }, 2)], 60);
    expect(step('step.alarm.report')).toMatchObject({
      overdue: true,
      minutesTaken: 2,
      targetFrom: 'incident',
      targetText: '0 min',
      statusText: 'Done — Late by 2 min',
    });
  });
});
