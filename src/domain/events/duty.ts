import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/**
 * The duty log (值班日记, seed plan 3 六(2)): a standing book per site, its own stream
 * (`duty-<site>`), not tied to an incident.
 */
export interface DutyEntry {
  readonly text: string;
  readonly tags?: readonly string[];
}

/** A shift handover: who hands over to whom, and the open items carried over. */
export interface ShiftHandedOver {
  readonly outgoing: string;
  readonly incoming: string;
  readonly openItems: readonly string[];
  readonly note?: string;
}

export function checkDutyEntry(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('text', { min: 1, max: TEXT_LIMITS.entry });
  c.stringList('tags', { optional: true, maxItems: 20, maxLength: TEXT_LIMITS.tag });
  c.noOtherKeys(['text', 'tags']);
  return c.issues;
}

export function checkShiftHandedOver(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('outgoing', { min: 1, max: TEXT_LIMITS.name });
  c.string('incoming', { min: 1, max: TEXT_LIMITS.name });
  c.stringList('openItems', { maxItems: 100, maxLength: TEXT_LIMITS.reason });
  c.string('note', { optional: true, max: TEXT_LIMITS.note });
  c.noOtherKeys(['outgoing', 'incoming', 'openItems', 'note']);
  return c.issues;
}
