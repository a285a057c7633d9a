/**
 * When the phone vibrates for an overdue step. The officer at 2 a.m. has the phone in a pocket
 * or a hand full of sandbags: a step whose target time runs out while the now view is open buzzes
 * once, and never again for that step on this device (not after a reload, not when it is reopened
 * and runs out again), so a buzz always means news. Time comes in; the memory is passed in.
 */

/** One open step on screen and when its target time runs out (null: no target, or its clock has not started). */
export interface StepDue {
  readonly stepId: string;
  readonly dueAt: number | null;
}

/**
 * The steps whose target ran out after `since` and at or before `now` (the last check and this
 * one, both while the view was open) and that this device has not buzzed for. A step already
 * overdue when the view opened is not news: `since` starts at the opening. A clock put back
 * (`now` before `since`) finds nothing.
 */
export function newlyOverdue(steps: readonly StepDue[], since: number, now: number, alerted: ReadonlySet<string>): string[] {
  return steps.filter((s) => s.dueAt !== null && s.dueAt > since && s.dueAt <= now && !alerted.has(s.stepId)).map((s) => s.stepId);
}

/** One buzz, long enough to feel through a coat: on, pause, on (ms). One call, however many steps ran out together. */
export const OVERDUE_VIBRATION: readonly number[] = [400, 200, 400];

/** Where the device remembers the steps it buzzed for: `localStorage`, or a stand-in in tests. */
export type AlertMemory = Pick<Storage, 'getItem' | 'setItem'>;

const keyOf = (incidentId: string) => `muster.overdueAlerted.${incidentId}`;

/** The steps of one incident this device has buzzed for; an unreadable memory is an empty one. */
export function alertedSteps(memory: AlertMemory | undefined, incidentId: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(memory?.getItem(keyOf(incidentId)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Remembers that this device buzzed for `stepIds`; full or refused storage only means a later reload may not know it. */
export function rememberAlerted(memory: AlertMemory | undefined, incidentId: string, stepIds: readonly string[]): void {
  const all = alertedSteps(memory, incidentId);
  for (const id of stepIds) all.add(id);
  try {
    memory?.setItem(keyOf(incidentId), JSON.stringify([...all]));
  } catch {
    // The buzz happened; the memory of it is best effort.
  }
}
