import { describe, FieldChecker, isRecord, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';

/**
 * An incident begins: which playbook, real or drill, where, and who commands first. At night
 * or on a rest day that is the on-duty leader until the leader arrives (seed plan 3, 二).
 * The stream id is the incident id.
 */
export interface IncidentDeclared {
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly playbookLanguage?: string;
  /**
   * The content hash (`playbookContentHash`) of the playbook exactly as loaded and run, so the
   * report can show which text the responders followed even after the device gets a newer
   * version. Absent in incidents declared before it was recorded.
   */
  readonly playbookHash?: string;
  readonly mode: 'real' | 'drill';
  readonly title: string;
  readonly place: string;
  /** Who commands from the start (a person's name as entered). */
  readonly commander?: string;
  /** The playbook role they command as, by id (e.g. the interim on-duty leader). */
  readonly commanderRole?: string;
}

/** The on-site commander confirms that on-site work is finished (seed plan 4, 四、3: 确认). */
export interface EndConfirmed {
  readonly note?: string;
  /**
   * Present when the commander ended on-site work although people were unaccounted for or
   * critical steps were open (`endBlockers`): what was shown and why they went on. It stays on
   * the timeline and in the report.
   */
  readonly override?: EndOverride;
}

export interface EndOverride {
  readonly reason: string;
  /** The names of the people not accounted for when the end was confirmed. */
  readonly unaccounted: readonly string[];
  /** The ids of the critical steps still open. */
  readonly openSteps: readonly string[];
  /** True when no headcount had been taken at all. */
  readonly noHeadcount?: boolean;
}

/** Leadership approves the end; only then is the incident closed (seed plan 4, 四、3: 批准). */
export interface ClosureApproved {
  /** Who approved, as a name: the scribe may record it for the branch leader. */
  readonly approver: string;
  readonly note?: string;
}

const INCIDENT_MODES = ['real', 'drill'] as const;

/** A playbook's content hash as `playbookContentHash` writes it: SHA-256 in 64 lower-case hex digits. */
export const PLAYBOOK_HASH_PATTERN = /^[0-9a-f]{64}$/;

export function checkIncidentDeclared(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('playbookId', { min: 1, max: 100 });
  c.string('playbookVersion', { min: 1, max: 40 });
  c.string('playbookLanguage', { optional: true, min: 2, max: 35 });
  c.string('playbookHash', { optional: true, pattern: PLAYBOOK_HASH_PATTERN, hint: "the playbook's SHA-256 as 64 lower-case hexadecimal digits" });
  c.oneOf('mode', INCIDENT_MODES);
  c.string('title', { min: 1, max: TEXT_LIMITS.title });
  c.string('place', { max: TEXT_LIMITS.title });
  c.string('commander', { optional: true, min: 1, max: TEXT_LIMITS.name });
  c.string('commanderRole', { optional: true, min: 1, max: 100 });
  c.noOtherKeys(['playbookId', 'playbookVersion', 'playbookLanguage', 'playbookHash', 'mode', 'title', 'place', 'commander', 'commanderRole']);
  return c.issues;
}

export function checkEndConfirmed(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('note', { optional: true, max: TEXT_LIMITS.note });
  c.noOtherKeys(['note', 'override']);
  if (p.override !== undefined) {
    if (!isRecord(p.override)) c.issues.push({ path: 'payload.override', message: `expected an object, got ${describe(p.override)}` });
    else {
      const o = new FieldChecker(p.override, 'payload.override');
      o.string('reason', { min: 1, max: TEXT_LIMITS.reason });
      o.stringList('unaccounted', { maxItems: 2000, maxLength: TEXT_LIMITS.name });
      o.stringList('openSteps', { maxItems: 500, maxLength: 100 });
      if (p.override.noHeadcount !== undefined && typeof p.override.noHeadcount !== 'boolean') {
        o.issues.push({ path: 'payload.override.noHeadcount', message: `expected true or false, got ${describe(p.override.noHeadcount)}` });
      }
      o.noOtherKeys(['reason', 'unaccounted', 'openSteps', 'noHeadcount']);
      c.issues.push(...o.issues);
    }
  }
  return c.issues;
}

export function checkClosureApproved(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('approver', { min: 1, max: TEXT_LIMITS.name });
  c.string('note', { optional: true, max: TEXT_LIMITS.note });
  c.noOtherKeys(['approver', 'note']);
  return c.issues;
}
