import { type Finding, type PlaybookIssue, samePlaceOrNested, ShapeReport } from './findings';
import { findingsFromZod, playbookErrorMap } from './issues';
import { formatPath } from './json-path';
import { lineAndColumn, locateJsonPath } from './json-text';
import { type PlaybookCheckOptions, type Say, speak } from './messages';
import { migrateV1, schemaVersionOf } from './migrate';
import { placeOf } from './places';
import { checkReferences } from './references';
import { sayRepeatsOnce } from './repeated';
import { Playbook, SCHEMA_VERSION } from './schema';
import { PlaybookV1 } from './schema-v1';
import { findWarnings, sayUnshownFields } from './warnings';

export type { PlaybookIssue, Severity } from './findings';

/**
 * A checked playbook: the current version when nothing is wrong, else the errors; warnings
 * either way (they never keep a file out). Every issue has `severity` set to match its list.
 */
export type PlaybookCheck = { ok: true; playbook: Playbook; warnings: PlaybookIssue[] } | { ok: false; issues: PlaybookIssue[]; warnings: PlaybookIssue[] };

/** What file.ts knows beyond the parsed value: the text it came from and what it found in it. */
export interface PlaybookSource {
  /** The text the value was parsed from, to give each issue its line and column. */
  readonly text?: string;
  /** Problems already found in the text (a field given twice), said first. */
  readonly findings?: readonly Finding[];
}

function toIssue(f: Finding, doc: unknown, say: Say, text: string | undefined): PlaybookIssue {
  const parts = placeOf(doc, f.placeDepth === undefined ? f.at : f.at.slice(0, f.placeDepth));
  return {
    path: formatPath(f.at),
    message: f.message,
    severity: f.severity,
    ...(parts.length > 0 && { place: say('place', { parts }) }),
    ...(text !== undefined && lineAndColumn(text, f.offset ?? locateJsonPath(text, f.at).offset)),
  };
}

/** Findings as the reader gets them: a repeat said once, each placed in words and, given the text, by line. */
function sayAll(findings: readonly Finding[], doc: unknown, say: Say, text: string | undefined): PlaybookIssue[] {
  return sayRepeatsOnce(findings, doc, say).map((f) => toIssue(f, doc, say, text));
}

/**
 * Checks a parsed JSON value against the playbook schema of the version it says it is written
 * in (2; 1 or nothing for older files), and its ids and references, in one pass: the reference
 * checks read the file as it is beside the schema, and leave out what the schema already said,
 * so every issue names a real problem rather than a consequence of one. Then the warnings
 * (warnings.ts), leaving out those that only repeat an error. An issue repeated at many places
 * that differ by one list index is said once with the count (repeated.ts), and every issue
 * names its place in the file's words (places.ts). A version 1 file that passes comes back
 * migrated to version 2 (migrate.ts), so the app only ever sees the current version; its
 * issues still name paths in the file as written. Messages are in `options.language` (English
 * by default); paths are the same in every language. Pure: the same input always gives the
 * same issues, so it runs alike in the CLI, in the app offline and on the server.
 */
export function validatePlaybook(input: unknown, options: PlaybookCheckOptions = {}): PlaybookCheck {
  return checkPlaybookSource(input, options, {});
}

/** As `validatePlaybook`, for a value parsed from `source.text`: issues also carry their line and column. */
export function checkPlaybookSource(input: unknown, options: PlaybookCheckOptions, source: PlaybookSource): PlaybookCheck {
  const language = options.language ?? 'en';
  const say = speak(language);
  const version = schemaVersionOf(input);
  const early = source.findings ?? [];
  if (version !== SCHEMA_VERSION && version !== 1) {
    const unknown: Finding = { at: ['schemaVersion'], severity: 'error', message: say('schemaVersion.unknown', { input: version }) };
    return { ok: false, issues: sayAll([...early, unknown], input, say, source.text), warnings: [] };
  }
  const parseOptions = { error: playbookErrorMap(language), reportInput: true } as const;
  const schema = version === SCHEMA_VERSION ? Playbook : PlaybookV1;
  const parsed = schema.safeParse(input, parseOptions);
  const shape = parsed.success ? [] : findingsFromZod(parsed.error, schema, say);
  const errors = [...early, ...shape, ...checkReferences(input, version, new ShapeReport(shape), say)];
  // A warning about a place that is in error, or inside one, only repeats the error.
  const apart = findWarnings(input, version, say).filter((w) => !errors.some((e) => samePlaceOrNested(e.at, w.at)));
  const warnings = sayAll(sayUnshownFields(apart, say), input, say, source.text);
  if (errors.length > 0 || !parsed.success) return { ok: false, issues: sayAll(errors, input, say, source.text), warnings };
  return { ok: true, playbook: version === SCHEMA_VERSION ? (parsed.data as Playbook) : migrateV1(parsed.data as PlaybookV1), warnings };
}
