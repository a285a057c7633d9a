import type { Issue } from '../validation';
import { issuesFromZod, playbookErrorMap } from './issues';
import { type PlaybookCheckOptions, speak } from './messages';
import { migrateV1, schemaVersionOf } from './migrate';
import { checkReferences } from './references';
import { Playbook, SCHEMA_VERSION } from './schema';
import { PlaybookV1 } from './schema-v1';

export type PlaybookCheck = { ok: true; playbook: Playbook } | { ok: false; issues: Issue[] };

/**
 * Checks a parsed JSON value against the playbook schema of the version it says it is written
 * in (2; 1 or nothing for older files), then its ids and references. A version 1 file that
 * passes comes back migrated to version 2 (migrate.ts), so the app only ever sees the current
 * version; its issues still name paths in the file as written. Reference checks run only once
 * the shape is right, so every issue names a real problem rather than a consequence of one.
 * Messages are in `options.language` (English by default); paths are the same in every
 * language. Pure: the same input always gives the same issues, so it runs alike in the CLI,
 * in the app offline and on the server.
 */
export function validatePlaybook(input: unknown, options: PlaybookCheckOptions = {}): PlaybookCheck {
  const language = options.language ?? 'en';
  const say = speak(language);
  const version = schemaVersionOf(input);
  const parseOptions = { error: playbookErrorMap(language), reportInput: true } as const;
  if (version === SCHEMA_VERSION) {
    const parsed = Playbook.safeParse(input, parseOptions);
    if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, Playbook, say) };
    const issues = checkReferences({ version: 2, playbook: parsed.data }, say);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: parsed.data };
  }
  if (version !== 1) return { ok: false, issues: [{ path: 'schemaVersion', message: say('schemaVersion.unknown', { input: version }) }] };
  const parsed = PlaybookV1.safeParse(input, parseOptions);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, PlaybookV1, say) };
  const issues = checkReferences({ version: 1, playbook: parsed.data }, say);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: migrateV1(parsed.data) };
}
