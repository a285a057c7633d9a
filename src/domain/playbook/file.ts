import type { Issue } from '../validation';
import { validatePlaybook, type PlaybookCheck } from './check';
import { findDuplicateFields, findJsonSyntaxError, lineAndColumn } from './json-text';
import { type PlaybookCheckOptions, speak } from './messages';

/**
 * From a file's bytes or text to a checked playbook: the steps the CLI and the in-app import
 * share, so a file the CLI accepts is a file the app accepts.
 */

/** A playbook is a few hundred kilobytes at most; anything larger is the wrong file. */
export const MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024;

export type PlaybookFileCheck = PlaybookCheck & { readonly fileName: string };

/** An issue when a file of `size` bytes is too large to be a playbook, else undefined. */
export function playbookFileSizeIssue(size: number, options: PlaybookCheckOptions = {}): Issue | undefined {
  if (size <= MAX_PLAYBOOK_BYTES) return undefined;
  return { path: '', message: speak(options.language)('file.tooLarge', { size, max: MAX_PLAYBOOK_BYTES }) };
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

function fail(fileName: string, issue: Issue): PlaybookFileCheck {
  return { fileName, ok: false, issues: [issue] };
}

/**
 * Parses and checks the text of a playbook file. Refuses an empty file, reports invalid JSON
 * with its line and column, and refuses a field written twice in one object. A leading byte-order mark (Windows Notepad adds one) is
 * ignored. Messages are in `options.language` (English by default). The result carries
 * `fileName` so a list of results stays attributable. Pure: it needs no network and gives the
 * same answer in the app, offline, and in the CLI.
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
    const message = where
      ? say('json.invalidAt', { line: where.line, column: where.column, reason: where.message })
      : say('json.invalid', { detail: e instanceof Error ? e.message : String(e) });
    return fail(fileName, { path: '', message });
  }
  const duplicates: Issue[] = findDuplicateFields(body).map((d) => ({
    path: d.path,
    message: say('file.duplicateField', { first: lineAndColumn(body, d.firstOffset), again: lineAndColumn(body, d.offset) }),
  }));
  const checked = validatePlaybook(value, options);
  if (duplicates.length === 0) return { fileName, ...checked };
  return { fileName, ok: false, issues: [...duplicates, ...(checked.ok ? [] : checked.issues)] };
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
    return fail(fileName, { path: '', message });
  }
  return parsePlaybookText(text, fileName, options);
}
