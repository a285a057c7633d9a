import { FieldChecker, isRecord, describe, type Issue } from '../validation';
import { PHONE_MAX_LENGTH, PHONE_PATTERN } from '../phone';
import { TEXT_LIMITS } from './limits';

/**
 * The branch's staff roster is one stream of the organisation, `roster`, synced like any other:
 * every device of the branch pulls it, so the headcount and the check-in codes work offline.
 * One person is last-writer-wins by `personId`; a removal hides them from new incidents (an
 * incident keeps the people it linked, see `roster.linked`).
 */
export const BRANCH_ROSTER_STREAM = 'roster';

/** What a roster id may be: what a check-in QR code and a printed badge carry. */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

/** One member of staff on the branch roster (a CSV row: name, floor, team, phone, assembly point). */
export interface RosterPerson {
  readonly personId: string;
  readonly name: string;
  /** The floor they work on, as the branch writes it ("3F", "负一层"), matched to a playbook floor where it can be. */
  readonly floor?: string;
  readonly team?: string;
  readonly phone?: string;
  /** Where they gather, as an assembly point id of the playbook or as the branch writes it. */
  readonly assemblyPoint?: string;
}

export interface RosterPersonRemoved {
  readonly personId: string;
}

const PERSON_KEYS = ['personId', 'name', 'floor', 'team', 'phone', 'assemblyPoint'] as const;

/** Checks one roster person at `prefix` (a payload, or an item of `roster.linked`). */
export function checkRosterPersonAt(p: Record<string, unknown>, prefix: string): Issue[] {
  const c = new FieldChecker(p, prefix);
  c.string('personId', { pattern: PERSON_ID_PATTERN, hint: 'a roster id of 1-40 letters, digits or -_.' });
  c.string('name', { min: 1, max: TEXT_LIMITS.name });
  c.string('floor', { optional: true, min: 1, max: TEXT_LIMITS.unit });
  c.string('team', { optional: true, min: 1, max: TEXT_LIMITS.name });
  c.string('phone', { optional: true, max: PHONE_MAX_LENGTH, pattern: PHONE_PATTERN, hint: 'a phone number such as "119" or "+86 316 123 4567"' });
  c.string('assemblyPoint', { optional: true, min: 1, max: TEXT_LIMITS.name });
  c.noOtherKeys(PERSON_KEYS);
  return c.issues;
}

export function checkRosterPersonSet(p: Record<string, unknown>): Issue[] {
  return checkRosterPersonAt(p, 'payload');
}

export function checkRosterPersonRemoved(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('personId', { pattern: PERSON_ID_PATTERN, hint: 'a roster id of 1-40 letters, digits or -_.' });
  c.noOtherKeys(['personId']);
  return c.issues;
}

/** The most people one roster or one `roster.linked` may hold. */
export const ROSTER_MAX_PEOPLE = 2000;

/** Checks a list of roster people held at `key` of `p` (used by `roster.linked`). */
export function checkPeopleList(p: Record<string, unknown>, key: string, prefix: string): Issue[] {
  const v = p[key];
  const at = `${prefix}.${key}`;
  if (!Array.isArray(v)) return [{ path: at, message: `expected a list of people, got ${describe(v)}` }];
  if (v.length === 0) return [{ path: at, message: 'must name at least one person' }];
  if (v.length > ROSTER_MAX_PEOPLE) return [{ path: at, message: `must hold at most ${ROSTER_MAX_PEOPLE} people, got ${v.length}` }];
  const issues: Issue[] = [];
  v.forEach((item, i) => {
    if (!isRecord(item)) issues.push({ path: `${at}[${i}]`, message: `expected a person, got ${describe(item)}` });
    else issues.push(...checkRosterPersonAt(item, `${at}[${i}]`));
  });
  return issues;
}
