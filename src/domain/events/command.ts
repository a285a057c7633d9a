import { FieldChecker, type Issue } from '../validation';

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

const PHONE = /^\+?[\d ()-]{2,30}$/;

export function checkRoleAssigned(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('roleId', { min: 1, max: 100 });
  c.string('person', { min: 1, max: 120 });
  c.string('phone', { optional: true, pattern: PHONE, hint: 'a phone number of digits, spaces, "+", "-" and brackets' });
  c.noOtherKeys(['roleId', 'person', 'phone']);
  return c.issues;
}

export function checkCommandHandedOver(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('to', { min: 1, max: 120 });
  c.string('toRole', { optional: true, min: 1, max: 100 });
  c.string('note', { optional: true, max: 2000 });
  c.noOtherKeys(['to', 'toRole', 'note']);
  return c.issues;
}
