import { stepClock, type IncidentState } from '../incident';
import type { Playbook } from '../playbook/schema';
import { formatDateTime, minutesBetween } from './format';
import { fill, type ReportLabels } from './labels';
import { plannedPhases } from '../playbook/names';
import type { DrillStepComparison, ReportDrillComparison, ReportStep, ReportSteps } from './types';

interface StepContext {
  readonly labels: ReportLabels;
  readonly names: ReadonlyMap<string, string>;
  readonly offset: number;
  /** Start of the incident, and the moment "not done in time" is judged at: its end, or when the report is made. */
  readonly start: number;
  readonly judgedAt: number;
}

/**
 * Each planned step against what was recorded: done (and how many minutes it took against the
 * plan's target), skipped with its reason, or not done. A target counts from the start of the
 * incident, or — for a step-relative target ("cut the power within 10 minutes") — from when the
 * step was started. A step done after its target, or still not done once its target has
 * passed, is overdue; a step-relative step never started has no clock to be late against; a
 * skipped step is a decision, not a delay, so it is never overdue.
 */
export function stepPerformance(incident: IncidentState, playbook: Playbook, ctx: StepContext): ReportSteps {
  const { labels } = ctx;
  const minutes = (m: number) => fill(labels.minutes, { minutes: m });
  const phases = plannedPhases(playbook, labels['steps.aftermath']).map((phase) => ({
    id: phase.id,
    title: phase.title,
    steps: phase.steps.map((step): ReportStep => {
      const state = incident.steps[step.id];
      const status = state?.status === 'done' ? 'done' : state?.status === 'skipped' ? 'skipped' : 'not-done';
      const clock = stepClock(incident, step);
      // Time taken counts from `ctx.start` (the declaration), or for a step-relative target from the step's own start, once started.
      const since = clock?.from === 'step' ? clock.since : ctx.start;
      const target = clock?.minutes;
      const taken = status === 'done' && state && since !== null ? minutesBetween(since, state.at) : undefined;
      const late = taken !== undefined && target !== undefined && taken > target ? taken - target : 0;
      const overdue = target !== undefined && since !== null && (late > 0 || (status === 'not-done' && ctx.judgedAt - since > target * 60_000));
      const startedAt = clock?.from === 'step' && since !== null && status !== 'skipped' ? since : undefined;
      const parts: string[] = [];
      if (status === 'done') parts.push(labels['status.done'], ...(late > 0 ? [fill(labels['status.late'], { minutes: late })] : []));
      else if (status === 'skipped') parts.push(fill(labels['status.skipped'], { reason: state?.reason ?? '' }));
      else parts.push(labels['status.notDone'], ...(overdue ? [labels['status.overdue']] : []));
      if (startedAt !== undefined) parts.push(fill(labels['status.startedAt'], { time: formatDateTime(startedAt, ctx.offset) }));
      const acted = state && status !== 'not-done';
      return {
        id: step.id,
        text: step.text,
        ownerName: ctx.names.get(step.owner) ?? step.owner,
        critical: step.critical === true,
        status,
        statusText: parts.join(' — '),
        ...(status === 'skipped' && state?.reason ? { reason: state.reason } : {}),
        ...(acted ? { by: state.actor, at: state.at, when: formatDateTime(state.at, ctx.offset) } : {}),
        ...(startedAt !== undefined ? { startedAt } : {}),
        ...(taken !== undefined ? { minutesTaken: taken } : {}),
        ...(clock ? { targetMinutes: clock.minutes, targetFrom: clock.from } : {}),
        overdue,
        takenText: taken !== undefined ? minutes(taken) : labels.dash,
        targetText: clock ? fill(labels[clock.from === 'step' ? 'steps.targetFromStep' : 'minutes'], { minutes: clock.minutes }) : labels['steps.noTarget'],
        items: (step.items ?? []).map((item) => ({ text: item.text, checked: incident.items[`${step.id} ${item.id}`]?.checked ?? false })),
      };
    }),
  }));
  const all = phases.flatMap((p) => p.steps);
  const counts = {
    total: all.length,
    done: all.filter((s) => s.status === 'done').length,
    skipped: all.filter((s) => s.status === 'skipped').length,
    notDone: all.filter((s) => s.status === 'not-done').length,
    overdue: all.filter((s) => s.overdue).length,
  };
  return { phases, counts, summaryText: fill(labels['steps.summary'], counts), overdue: all.filter((s) => s.overdue) };
}

/** Minutes from the start to "done" of every step done in an incident. */
function doneMinutes(incident: IncidentState): Map<string, number> {
  const start = incident.declared?.at ?? 0;
  const out = new Map<string, number>();
  for (const [id, s] of Object.entries(incident.steps)) if (s.status === 'done') out.set(id, minutesBetween(start, s.at));
  return out;
}

/**
 * This drill against the previous drill of the same playbook: minutes to each response step
 * and the steps missed (skipped or never done) in each. The aftermath is left out: it is done
 * days later and says nothing about how fast people responded.
 */
export function compareDrills(
  now: IncidentState,
  previous: IncidentState | null,
  playbook: Playbook,
  labels: ReportLabels,
  offset: number,
): ReportDrillComparison {
  const steps = playbook.phases.flatMap((p) => p.steps);
  const nowDone = doneMinutes(now);
  const beforeDone = previous ? doneMinutes(previous) : new Map<string, number>();
  const rows = steps.map((s): DrillStepComparison => {
    const a = nowDone.get(s.id) ?? null;
    const b = previous ? (beforeDone.get(s.id) ?? null) : null;
    let changeText = labels.dash;
    if (a !== null && b !== null)
      changeText = a === b ? labels['drill.same'] : fill(labels[a < b ? 'drill.faster' : 'drill.slower'], { minutes: Math.abs(a - b) });
    return { stepId: s.id, text: s.text, now: a, before: b, changeText };
  });
  const declared = previous?.declared;
  return {
    previous:
      previous && declared ? { incidentId: previous.id, title: declared.title, start: declared.at, startText: formatDateTime(declared.at, offset) } : null,
    rows,
    missedNow: steps.filter((s) => !nowDone.has(s.id)).map((s) => s.text),
    missedBefore: previous ? steps.filter((s) => !beforeDone.has(s.id)).map((s) => s.text) : [],
  };
}
