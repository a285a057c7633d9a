import { PHONE_MAX_LENGTH, PHONE_PATTERN } from '../phone';
import { FieldChecker, type Issue } from '../validation';
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
}

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
  c.noOtherKeys(['to', 'toRole', 'note']);
  return c.issues;
}
