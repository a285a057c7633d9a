import { isRecord } from '../validation';

/**
 * Files people pick by mistake when asked for a playbook: the JSON record of an incident
 * exported from the report tab, the duty log's or an incident's events, the JSON Schema the
 * playbooks follow, a printable report, a spreadsheet, a photo. Checked only once a file has
 * failed as a playbook, so a playbook is never taken for one of these; then "this is a report"
 * says more than the 21 fields a report lacks. Pure.
 */
export type OtherFile =
  /** An incident's record exported as JSON (src/domain/report/json.ts): the report viewer opens it. */
  | { readonly kind: 'incident-report' }
  /** Another file Muster writes, with its own `format` marker. */
  | { readonly kind: 'muster-file'; readonly format: string }
  /** A list of recorded events; `duty` when all of them belong to duty logs. */
  | { readonly kind: 'events'; readonly duty: boolean }
  | { readonly kind: 'json-schema' }
  | { readonly kind: 'html' }
  | { readonly kind: 'csv' }
  | { readonly kind: 'markdown' }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'image' }
  /** A ZIP archive, which is also what Word and Excel files are. */
  | { readonly kind: 'zip' };

/** The `format` of an exported incident record; equal to REPORT_FILE_FORMAT (a test holds them together). */
export const INCIDENT_REPORT_FORMAT = 'muster.incident-report';

/** Duty-log streams are named `duty-…` (src/domain/duty-log.ts, dutyStreamId). */
const DUTY_STREAM_PREFIX = 'duty-';

function looksLikeEvent(x: unknown): x is { streamId: string } {
  return isRecord(x) && typeof x.streamId === 'string' && typeof x.type === 'string' && typeof x.hlc === 'string';
}

/** What a parsed JSON value is, when it is clearly something other than a playbook; else null. */
export function recogniseJsonValue(value: unknown): OtherFile | null {
  const events = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.events) && !('format' in value) ? value.events : null;
  if (events && events.length > 0 && events.every(looksLikeEvent)) {
    return { kind: 'events', duty: events.every((e) => e.streamId.startsWith(DUTY_STREAM_PREFIX)) };
  }
  if (looksLikeEvent(value)) return { kind: 'events', duty: value.streamId.startsWith(DUTY_STREAM_PREFIX) };
  if (!isRecord(value)) return null;
  if (value.format === INCIDENT_REPORT_FORMAT) return { kind: 'incident-report' };
  if (typeof value.format === 'string' && value.format.startsWith('muster.')) return { kind: 'muster-file', format: value.format };
  if (typeof value.$schema === 'string' && value.$schema.includes('json-schema.org') && ('$defs' in value || 'properties' in value || 'anyOf' in value)) {
    return { kind: 'json-schema' };
  }
  return null;
}

/** What a text that is not JSON is, when its first lines make it clear; else null. */
export function recogniseText(text: string): OtherFile | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(<!doctype html|<html[\s>])/i.test(body)) return { kind: 'html' };
  if (body.startsWith('{') || body.startsWith('[')) return null; // broken JSON: its own error says where
  if (/^#{1,6} \S/.test(body)) return { kind: 'markdown' };
  const lines = body.split(/\r?\n/, 3).filter((l) => l.trim() !== '');
  const separators = (line: string) => (line.match(/[,;\t]/g) ?? []).length;
  if (lines.length >= 2 && lines.every((l) => separators(l) > 0 && separators(l) === separators(lines[0] ?? ''))) return { kind: 'csv' };
  return null;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What a file of bytes that are not text is, by its first bytes; else null. */
export function recogniseBytes(bytes: Uint8Array): OtherFile | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' }; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0x52, 0x49, 0x46, 0x46])) {
    return { kind: 'image' }; // JPEG, PNG, RIFF (WebP)
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  return null;
}
