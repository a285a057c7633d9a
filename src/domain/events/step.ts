import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/** A playbook step was carried out. The step's status is last-writer-wins by clock stamp. */
export interface StepDone {
  readonly stepId: string;
}
/** A step was deliberately not carried out; the reason is shown in the report. */
export interface StepSkipped {
  readonly stepId: string;
  readonly reason: string;
}
/**
 * Someone started a step whose target time counts from its own start ("cut the power within
 * 10 minutes of starting"): the clock of that target runs from this event's stamp. Part of the
 * step's status (last-writer-wins with done, skipped and reopened).
 */
export interface StepStarted {
  readonly stepId: string;
}
/** A step marked done or skipped is open again (a correction, never an edit). */
export interface StepReopened {
  readonly stepId: string;
  readonly reason?: string;
}

export function checkStepDone(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('stepId', { min: 1, max: 100 });
  c.noOtherKeys(['stepId']);
  return c.issues;
}

export function checkStepStarted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('stepId', { min: 1, max: 100 });
  c.noOtherKeys(['stepId']);
  return c.issues;
}

export function checkStepSkipped(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('stepId', { min: 1, max: 100 });
  c.string('reason', { min: 1, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['stepId', 'reason']);
  return c.issues;
}

export function checkStepReopened(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('stepId', { min: 1, max: 100 });
  c.string('reason', { optional: true, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['stepId', 'reason']);
  return c.issues;
}

/** A sub-item of a step is ticked or unticked (last writer wins per item). */
export interface StepItemChecked {
  readonly stepId: string;
  readonly itemId: string;
  readonly checked: boolean;
}

export function checkStepItemChecked(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('stepId', { min: 1, max: 100 });
  c.string('itemId', { min: 1, max: 100 });
  if (typeof p.checked !== 'boolean') c.issues.push({ path: 'payload.checked', message: 'expected true or false' });
  c.noOtherKeys(['stepId', 'itemId', 'checked']);
  return c.issues;
}
