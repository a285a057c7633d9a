import { PHONE_MAX_LENGTH, PHONE_PATTERN } from '../phone';
import { describe, FieldChecker, isRecord, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/** A playbook role is filled by a person (last writer wins per role). */
export interface RoleAssigned {
  readonly roleId: string;
  readonly person: string;
  readonly phone?: string;
}

/** Command passes to another person, e.g. from the on-duty leader to the branch leader who arrived. */
export interface CommandHandedOver {
  readonly to: string;
  readonly toRole?: string;
  readonly note?: string;
  /** The briefing the incoming commander was shown (ICS 201 shape), recorded as shown. */
  readonly briefing?: HandoverBriefing;
}

/**
 * A one-screen briefing in the shape of an ICS 201 (incident briefing), as texts in the language
 * it was shown in: it records what the incoming commander was told, not a state to recompute.
 */
export interface HandoverBriefing {
  /** The situation: the latest notes and readings. */
  readonly situation: readonly string[];
  /** Objectives: the phase now open and what it is for. */
  readonly objectives: readonly string[];
  readonly done: readonly string[];
  readonly open: readonly string[];
  readonly accounted: number;
  /** Names of the people not accounted for. */
  readonly missing: readonly string[];
  /** Resources: roles filled, supplies used. */
  readonly resources: readonly string[];
  readonly losses: readonly string[];
  /** The last messages on the timeline. */
  readonly messages: readonly string[];
}

/** How long each list of a briefing may be: one screen, never a second copy of the incident. */
export const BRIEFING_LIMITS = { items: 40, missing: 2000 } as const;
const BRIEFING_LISTS = ['situation', 'objectives', 'done', 'open', 'resources', 'losses', 'messages'] as const;

export function checkRoleAssigned(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('roleId', { min: 1, max: 100 });
  c.string('person', { min: 1, max: TEXT_LIMITS.name });
  c.string('phone', { optional: true, max: PHONE_MAX_LENGTH, pattern: PHONE_PATTERN, hint: 'a phone number such as "119" or "+86 316 123 4567"' });
  c.noOtherKeys(['roleId', 'person', 'phone']);
  return c.issues;
}

export function checkCommandHandedOver(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('to', { min: 1, max: TEXT_LIMITS.name });
  c.string('toRole', { optional: true, min: 1, max: 100 });
  c.string('note', { optional: true, max: TEXT_LIMITS.note });
  c.noOtherKeys(['to', 'toRole', 'note', 'briefing']);
  if (p.briefing !== undefined) {
    if (!isRecord(p.briefing)) c.issues.push({ path: 'payload.briefing', message: `expected an object, got ${describe(p.briefing)}` });
    else {
      const b = new FieldChecker(p.briefing, 'payload.briefing');
      for (const list of BRIEFING_LISTS) b.stringList(list, { maxItems: BRIEFING_LIMITS.items, maxLength: TEXT_LIMITS.note });
      b.integer('accounted', { min: 0, max: 100_000 });
      b.stringList('missing', { maxItems: BRIEFING_LIMITS.missing, maxLength: TEXT_LIMITS.name });
      b.noOtherKeys([...BRIEFING_LISTS, 'accounted', 'missing']);
      c.issues.push(...b.issues);
    }
  }
  return c.issues;
}
