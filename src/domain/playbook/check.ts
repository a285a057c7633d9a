import type { Issue } from '../validation';
import { issuesFromZod, playbookErrorMap } from './issues';
import { checkReferences } from './references';
import { Playbook } from './schema';


export type PlaybookCheck = { ok: true; playbook: Playbook } | { ok: false; issues: Issue[] };

/**
 * Checks a parsed JSON value against the playbook schema, then its ids and references.
 * Reference checks run only once the shape is right, so every issue names a real problem
 * rather than a consequence of one. Pure: the same input always gives the same issues,
 * so it runs alike in the CLI, in the app offline and on the server.
 */
export function validatePlaybook(input: unknown): PlaybookCheck {
  const parsed = Playbook.safeParse(input, { error: playbookErrorMap, reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, Playbook) };
  const issues = checkReferences(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: parsed.data };
}
