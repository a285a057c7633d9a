import type { Issue } from '../validation';
import { issuesFromZod, playbookErrorMap } from './issues';
import { type PlaybookCheckOptions, speak } from './messages';
import { checkReferences } from './references';
import { Playbook } from './schema';

export type PlaybookCheck = { ok: true; playbook: Playbook } | { ok: false; issues: Issue[] };

/**
 * Checks a parsed JSON value against the playbook schema, then its ids and references.
 * Reference checks run only once the shape is right, so every issue names a real problem
 * rather than a consequence of one. Messages are in `options.language` (English by default);
 * paths are the same in every language. Pure: the same input always gives the same issues,
 * so it runs alike in the CLI, in the app offline and on the server.
 */
export function validatePlaybook(input: unknown, options: PlaybookCheckOptions = {}): PlaybookCheck {
  const language = options.language ?? 'en';
  const say = speak(language);
  const parsed = Playbook.safeParse(input, { error: playbookErrorMap(language), reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, Playbook, say) };
  const issues = checkReferences(parsed.data, say);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: parsed.data };
}
