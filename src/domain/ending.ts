import type { EndOverride } from './events/incident';
import { missingPeople, personName, stepStatus, type IncidentState } from './incident';
import type { Playbook } from './playbook/schema';

/** Someone the headcount has not accounted for: reported missing, or never reported at all. */
export interface UnaccountedPerson {
  readonly key: string;
  readonly name: string;
  /** `missing`: someone reported them missing; `unknown`: nobody has reported them yet. */
  readonly status: 'missing' | 'unknown';
}

export interface OpenCriticalStep {
  readonly stepId: string;
  readonly text: string;
}

/** What stands in the way of confirming the on-site end (seed plan 4, 四、3). */
export interface EndBlockers {
  /** Everyone not accounted for, in roster order: all of them, never a sample. */
  readonly unaccounted: readonly UnaccountedPerson[];
  /** The playbook's critical steps still open or under way, in plan order (not those the end itself does: `doneBy`). */
  readonly openCritical: readonly OpenCriticalStep[];
  /**
   * Nobody is on the roster, so nobody was ever counted. Said for drills as well as real
   * incidents: a drill rehearses the real ending, and "no headcount" is exactly the gap a drill
   * is there to find. A tabletop drill with nobody to count goes on with a one-line reason.
   */
  readonly noHeadcount: boolean;
}

/**
 * What the commander must see before confirming the on-site end: the people not accounted for
 * (by name, missing and not yet reported apart), the critical steps not done or skipped, and
 * whether any headcount was taken. Pure; offline and under sync it is recomputed from whatever
 * events this device holds, so a "safe" report arriving late clears its person from the list.
 */
export function endBlockers(state: IncidentState, playbook: Pick<Playbook, 'phases'>): EndBlockers {
  const unaccounted = missingPeople(state).map((key): UnaccountedPerson => ({
    key,
    name: personName(state, key),
    status: state.headcount[key]?.status === 'missing' ? 'missing' : 'unknown',
  }));
  const openCritical: OpenCriticalStep[] = [];
  for (const phase of playbook.phases) {
    for (const step of phase.steps) {
      const status = stepStatus(state, step.id);
      // A step that is the end itself (or its approval) cannot be finished before the end.
      if (step.doneBy !== undefined) continue;
      if (step.critical === true && (status === 'open' || status === 'started')) openCritical.push({ stepId: step.id, text: step.text });
    }
  }
  return { unaccounted, openCritical, noHeadcount: state.roster.length === 0 };
}

/** The list sizes `checkEndConfirmed` takes (events/incident.ts). */
export const OVERRIDE_LIMITS = { unaccounted: 2000, openSteps: 500 } as const;

/**
 * A list cut to the validator's size with its last entry saying how many more there were
 * ("… +12"), never dropped silently. Only a roster of thousands ever reaches it.
 */
function listWithin(list: readonly string[], max: number): string[] {
  if (list.length <= max) return [...list];
  return [...list.slice(0, max - 1), `… +${list.length - max + 1}`];
}

/** Whether anything blocks a plain confirmation (the end then needs an override reason). */
export function hasEndBlockers(b: EndBlockers): boolean {
  return b.unaccounted.length > 0 || b.openCritical.length > 0 || b.noHeadcount;
}

/**
 * The override an `end.confirmed` event records for these blockers and this reason: names (as
 * shown, so the record reads the same after the roster changes) and step ids (the report names
 * them in its own language). Null when nothing blocks: a plain confirmation needs no override.
 */
export function endOverride(b: EndBlockers, reason: string): EndOverride | null {
  if (!hasEndBlockers(b)) return null;
  return {
    reason,
    unaccounted: listWithin(
      b.unaccounted.map((p) => p.name),
      OVERRIDE_LIMITS.unaccounted,
    ),
    openSteps: listWithin(
      b.openCritical.map((s) => s.stepId),
      OVERRIDE_LIMITS.openSteps,
    ),
    ...(b.noHeadcount ? { noHeadcount: true } : {}),
  };
}
