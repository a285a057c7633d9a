import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/** The after-action text fields; each is last-writer-wins and stays editable after closure. */
export const AFTER_ACTION_FIELDS = ['causes', 'lessons', 'commendations', 'accountability'] as const;
export type AfterActionField = (typeof AFTER_ACTION_FIELDS)[number];

export interface AfterActionSet {
  readonly field: AfterActionField;
  readonly text: string;
}

/** Areas of an improvement plan, as in the usual after-action improvement plan table. */
export const IMPROVEMENT_AREAS = ['planning', 'organisation', 'equipment', 'training', 'drills'] as const;

/** One row of the improvement plan: the issue, the corrective action, its owner and dates. */
export interface ImprovementAdded {
  readonly issue: string;
  readonly action: string;
  readonly area: (typeof IMPROVEMENT_AREAS)[number];
  readonly owner: string;
  readonly start?: string;
  readonly due: string;
}

/** A change to the playbook agreed after the incident (seed plan 4 五、3). */
export interface PlanRevisionAdded {
  readonly text: string;
}

export function checkAfterActionSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.oneOf('field', AFTER_ACTION_FIELDS);
  c.string('text', { max: TEXT_LIMITS.afterAction });
  c.noOtherKeys(['field', 'text']);
  return c.issues;
}

export function checkImprovementAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('issue', { min: 1, max: TEXT_LIMITS.note });
  c.string('action', { min: 1, max: TEXT_LIMITS.note });
  c.oneOf('area', IMPROVEMENT_AREAS);
  c.string('owner', { min: 1, max: TEXT_LIMITS.name });
  c.date('start', { optional: true });
  c.date('due');
  c.noOtherKeys(['issue', 'action', 'area', 'owner', 'start', 'due']);
  return c.issues;
}

export function checkPlanRevisionAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('text', { min: 1, max: TEXT_LIMITS.entry });
  c.noOtherKeys(['text']);
  return c.issues;
}
