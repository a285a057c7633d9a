import { findDuplicateKeys } from '../json-duplicates';
import type { Issue } from '../validation';
import { checkPlaybookSource, type PlaybookCheck, type PlaybookIssue } from './check';
import type { Finding } from './findings';
import { parsePath } from './json-path';
import { findJsonSyntaxError, lineAndColumn, locateJsonPath } from './json-text';
import { type PlaybookCheckOptions, speak } from './messages';
import { recogniseBytes, recogniseJsonValue, recogniseText, type OtherFile } from './other-file';
import { placeOf } from './places';

/**
 * From a file's bytes or text to a checked playbook: the steps the CLI and the in-app import
 * share, so a file the CLI accepts is a file the app accepts.
 */

/** A playbook is a few hundred kilobytes at most; anything larger is the wrong file. */
export const MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024;

export type PlaybookFileCheck = PlaybookCheck & {
  readonly fileName: string;
  /**
   * On a refused file only: what else it clearly is (an incident's exported record, a
   * spreadsheet…), so the person is told that in one line rather than given every field a
   * playbook needs. The issues are still there for whoever wants them (the CLI prints them).
   */
  readonly notAPlaybook?: OtherFile;
};

/** `check`, marked as being `other` when that is known. */
function markOther(check: PlaybookFileCheck, other: OtherFile | null): PlaybookFileCheck {
  return check.ok || other === null ? check : { ...check, notAPlaybook: other };
}

/** An issue when a file of `size` bytes is too large to be a playbook, else undefined. */
export function playbookFileSizeIssue(size: number, options: PlaybookCheckOptions = {}): PlaybookIssue | undefined {
  if (size <= MAX_PLAYBOOK_BYTES) return undefined;
  return { path: '', severity: 'error', message: speak(options.language)('file.tooLarge', { size, max: MAX_PLAYBOOK_BYTES }) };
}

/** How many continuation bytes a lead byte announces, and the smallest code point it may encode. */
function utf8Lead(b: number): { need: number; min: number } | undefined {
  if (b < 0x80) return { need: 0, min: 0 };
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, min: 0x80 };
  if (b >= 0xe0 && b <= 0xef) return { need: 2, min: 0x800 };
  if (b >= 0xf0 && b <= 0xf4) return { need: 3, min: 0x10000 };
  return undefined;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1 when all bytes are valid. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const lead = utf8Lead(b);
    if (!lead) return i;
    let cp = lead.need === 0 ? b : b & (0x3f >> lead.need);
    for (let k = 1; k <= lead.need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < lead.min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += lead.need + 1;
  }
  return -1;
}

/** A file refused as a whole (not text, not JSON): one error and nothing else to say. */
function fail(fileName: string, issue: Omit<PlaybookIssue, 'severity'>): PlaybookFileCheck {
  return { fileName, ok: false, issues: [{ ...issue, severity: 'error' }], warnings: [] };
}

/**
 * Parses and checks the text of a playbook file. Refuses an empty file, reports invalid JSON
 * with its line and column, and refuses a field written twice in one object. A leading
 * byte-order mark (Windows Notepad adds one) is ignored. Every issue and warning carries the
 * line and column of its path in the text. Messages are in `options.language` (English by
 * default). The result carries `fileName` so a list of results stays attributable. Pure: it
 * needs no network and gives the same answer in the app, offline, and in the CLI.
 */
export function parsePlaybookText(text: string, fileName: string, options: PlaybookCheckOptions = {}): PlaybookFileCheck {
  const say = speak(options.language);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail(fileName, { path: '', message: say('file.empty') });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const where = findJsonSyntaxError(body, say);
    const other = recogniseText(body);
    if (!where) return markOther(fail(fileName, { path: '', message: say('json.invalid', { detail: e instanceof Error ? e.message : String(e) }) }), other);
    return markOther(
      fail(fileName, {
        path: '',
        message: say('json.invalidAt', { line: where.line, column: where.column, reason: where.message }),
        line: where.line,
        column: where.column,
      }),
      other,
    );
  }
  const duplicates = findDuplicateKeys(body).map((d): Finding => ({
    at: d.path,
    severity: 'error',
    offset: d.offset,
    message: say('file.duplicateField', { first: lineAndColumn(body, d.firstOffset), again: lineAndColumn(body, d.offset) }),
  }));
  const check: PlaybookFileCheck = { fileName, ...checkPlaybookSource(value, options, { text: body, findings: duplicates }) };
  return check.ok ? check : markOther(check, recogniseJsonValue(value));
}

/**
 * Issues found about a file by another check (the comparison of two language versions), given
 * their line and column in the file's text and their place in its words, as the validator's own
 * issues have them; marked as errors. Pure.
 */
export function placeIssuesInText(text: string, issues: readonly Issue[], options: PlaybookCheckOptions = {}): PlaybookIssue[] {
  const say = speak(options.language);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return issues.map((issue) => ({ ...issue, severity: 'error' }));
  }
  return issues.map((issue) => {
    const at = parsePath(issue.path);
    const parts = placeOf(doc, at);
    return {
      ...issue,
      severity: 'error',
      ...(parts.length > 0 && { place: say('place', { parts }) }),
      ...lineAndColumn(body, locateJsonPath(body, at).offset),
    };
  });
}

/**
 * Checks a playbook file's raw bytes: at most 5 MB and valid UTF-8, before any parsing;
 * then as `parsePlaybookText`, in the same language. Pure, like it: the caller reads the file.
 */
export function readPlaybookBytes(bytes: Uint8Array, fileName: string, options: PlaybookCheckOptions = {}): PlaybookFileCheck {
  const tooLarge = playbookFileSizeIssue(bytes.length, options);
  if (tooLarge) return fail(fileName, tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    const message = speak(options.language)('file.notUtf8', at >= 0 ? { offset: at, byte: bytes[at] ?? 0 } : undefined);
    return markOther(fail(fileName, { path: '', message }), recogniseBytes(bytes));
  }
  const check = parsePlaybookText(text, fileName, options);
  return check.ok || check.notAPlaybook ? check : markOther(check, recogniseBytes(bytes));
}
