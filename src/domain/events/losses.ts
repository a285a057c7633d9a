import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

const LOSS_KINDS = ['lost', 'damaged'] as const;

/** Property lost or damaged: what, where, how many, estimated value (seed plan 3 五(2); plan 4 五、1). */
export interface LossRecorded {
  readonly what: string;
  readonly where: string;
  readonly quantity: number;
  readonly unit?: string;
  readonly kind: (typeof LOSS_KINDS)[number];
  /** Estimated value in the organisation's currency. */
  readonly estimatedValue?: number;
}

/** Supplies used during the response, or to be replenished afterwards (seed plan 3 五(2)). */
export interface SuppliesCounted {
  readonly item: string;
  readonly quantity: number;
  readonly unit?: string;
}

export function checkLossRecorded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('what', { min: 1, max: TEXT_LIMITS.item });
  c.string('where', { max: TEXT_LIMITS.item });
  c.number('quantity', { min: 0, max: 1e9 });
  c.string('unit', { optional: true, max: TEXT_LIMITS.unit });
  c.oneOf('kind', LOSS_KINDS);
  c.number('estimatedValue', { optional: true, min: 0, max: 1e13 });
  c.noOtherKeys(['what', 'where', 'quantity', 'unit', 'kind', 'estimatedValue']);
  return c.issues;
}

export function checkSuppliesCounted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('item', { min: 1, max: TEXT_LIMITS.item });
  c.number('quantity', { min: 0, max: 1e9 });
  c.string('unit', { optional: true, max: TEXT_LIMITS.unit });
  c.noOtherKeys(['item', 'quantity', 'unit']);
  return c.issues;
}
