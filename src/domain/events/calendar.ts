import { FieldChecker, type Issue } from '../validation';

/**
 * The branch's calendar is one stream of the organisation, `calendar`, synced like the roster:
 * dates the branch sets for itself, such as when its flood season starts (seed plan 3, 四:
 * preparation before the rainy season). Last-writer-wins by playbook and round.
 */
export const BRANCH_CALENDAR_STREAM = 'calendar';

export interface SeasonSet {
  readonly playbookId: string;
  readonly roundId: string;
  /** The season's start, "MM-DD", every year. */
  readonly startsOn: string;
}

export function checkSeasonSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('playbookId', { min: 1, max: 100 });
  c.string('roundId', { min: 1, max: 100 });
  c.string('startsOn', { pattern: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, hint: 'a month and day such as "06-01"' });
  c.noOtherKeys(['playbookId', 'roundId', 'startsOn']);
  return c.issues;
}
