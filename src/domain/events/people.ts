import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/** Names added to the incident's roster: the people who should be at the assembly point. */
export interface RosterAdded {
  readonly people: readonly string[];
}

export const HEADCOUNT_STATUSES = ['safe', 'injured', 'missing'] as const;
export type HeadcountStatus = (typeof HEADCOUNT_STATUSES)[number];

/** A person is accounted for at the assembly point, or reported missing or injured (last writer wins per person). */
export interface PersonAccounted {
  readonly person: string;
  readonly status: HeadcountStatus;
  readonly note?: string;
}

export function checkRosterAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.stringList('people', { maxItems: 2000, maxLength: TEXT_LIMITS.name });
  if (Array.isArray(p.people) && p.people.length === 0) c.issues.push({ path: 'payload.people', message: 'must name at least one person' });
  c.noOtherKeys(['people']);
  return c.issues;
}

export function checkPersonAccounted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('person', { min: 1, max: TEXT_LIMITS.name });
  c.oneOf('status', HEADCOUNT_STATUSES);
  c.string('note', { optional: true, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['person', 'status', 'note']);
  return c.issues;
}
