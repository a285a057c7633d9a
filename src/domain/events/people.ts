import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';
import { checkPeopleList, PERSON_ID_PATTERN, type RosterPerson } from './roster';

export const PERSON_KINDS = ['staff', 'visitor', 'contractor'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/**
 * Names added to the incident's roster by hand: the people who should be at the assembly point.
 * `kind` marks visitors and contractors added on the spot (staff when absent).
 */
export interface RosterAdded {
  readonly people: readonly string[];
  readonly kind?: PersonKind;
}

/**
 * The branch roster (events/roster.ts) the incident counts against, copied into the incident so
 * the count and the report stay the same after the roster changes. Any device may link (the
 * union is kept, by person id); a person already linked keeps their first details.
 */
export interface RosterLinked {
  readonly people: readonly RosterPerson[];
}

export const HEADCOUNT_STATUSES = ['safe', 'injured', 'missing'] as const;
export type HeadcountStatus = (typeof HEADCOUNT_STATUSES)[number];

/** How a report was taken: a scanned check-in code (a phone or a printed badge), or a tap on the list. */
export const ACCOUNTED_VIA = ['scan', 'list'] as const;

/**
 * A person is accounted for at the assembly point, or reported missing or injured (last writer
 * wins per person). `personId` names a linked roster person; without it the name is matched to
 * one. `floor` is where they were last seen ("last seen on floor 3").
 */
export interface PersonAccounted {
  readonly person: string;
  readonly personId?: string;
  readonly status: HeadcountStatus;
  readonly note?: string;
  readonly floor?: string;
  readonly via?: (typeof ACCOUNTED_VIA)[number];
}

export function checkRosterAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.stringList('people', { maxItems: 2000, maxLength: TEXT_LIMITS.name });
  if (Array.isArray(p.people) && p.people.length === 0) c.issues.push({ path: 'payload.people', message: 'must name at least one person' });
  c.oneOf('kind', PERSON_KINDS, { optional: true });
  c.noOtherKeys(['people', 'kind']);
  return c.issues;
}

export function checkRosterLinked(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.noOtherKeys(['people']);
  return [...c.issues, ...checkPeopleList(p, 'people', 'payload')];
}

export function checkPersonAccounted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('person', { min: 1, max: TEXT_LIMITS.name });
  c.string('personId', { optional: true, pattern: PERSON_ID_PATTERN, hint: 'a roster id of 1-40 letters, digits or -_.' });
  c.oneOf('status', HEADCOUNT_STATUSES);
  c.string('note', { optional: true, max: TEXT_LIMITS.reason });
  c.string('floor', { optional: true, min: 1, max: TEXT_LIMITS.unit });
  c.oneOf('via', ACCOUNTED_VIA, { optional: true });
  c.noOtherKeys(['person', 'personId', 'status', 'note', 'floor', 'via']);
  return c.issues;
}
