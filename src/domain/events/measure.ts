import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/**
 * A reading of something the playbook measures (`measurements` in the playbook: the water level
 * in cm at the basement ramp, for example), stamped by the event's clock. The unit is copied from
 * the playbook so the record reads the same after the playbook changes. A list: every reading
 * stays, and the trend is drawn from all of them (domain/measurements.ts).
 */
export interface MeasurementRecorded {
  /** The playbook's measurement id. */
  readonly measureId: string;
  readonly value: number;
  readonly unit: string;
  /** Where it was read, when not the place the playbook names. */
  readonly place?: string;
}

/** The largest magnitude a reading may have: far beyond any level or temperature, well inside exact doubles. */
export const MEASUREMENT_MAX_ABS = 1_000_000_000;

export function checkMeasurementRecorded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('measureId', { min: 1, max: 100 });
  c.number('value', { min: -MEASUREMENT_MAX_ABS, max: MEASUREMENT_MAX_ABS });
  c.string('unit', { max: TEXT_LIMITS.unit });
  c.string('place', { optional: true, min: 1, max: TEXT_LIMITS.title });
  c.noOtherKeys(['measureId', 'value', 'unit', 'place']);
  return c.issues;
}
