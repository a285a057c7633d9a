import { csvField } from './escape';
import { fill } from './labels';
import type { Report } from './types';

/** Byte order mark: without it Excel opens UTF-8 as the local code page and Chinese turns to mojibake. */
export const UTF8_BOM = '\uFEFF';

/**
 * The activity log in the shape of ICS 214 (Activity Log): date and time, activity, person,
 * position; one row per event of the incident and one per duty-log entry and shift handover
 * written during it (ICS 214 logs what the unit did, and the duty log is part of that): the
 * incident's events in their (hlc, id) order, each duty-log row before the first of them that
 * is later, the incident's own event first at the same moment. A struck entry keeps its row
 * and says it was corrected; an event that had no effect says so; a note names its photos by
 * SHA-256. RFC 4180: every field quoted, CRLF between records; a field that a spreadsheet would
 * run as a formula starts with `'`. Starts with a BOM so Excel reads the Chinese. Pure.
 */
export function renderActivityLogCsv(report: Report): string {
  const L = report.labels;
  const head = [fill(L['csv.when'], { zone: report.zone }), L['csv.activity'], L['csv.person'], L['csv.position']];
  const withNotes = (activity: string, notes: readonly string[]) => (notes.length ? `${activity} [${notes.join(L.clauseSeparator)}]` : activity);
  const rows: { at: number; row: string[] }[] = report.timeline.map((t) => {
    const notes: string[] = [];
    if (t.photos?.length) notes.push(fill(L['csv.photos'], { hashes: t.photos.map((p) => p.hash).join(L.listSeparator) }));
    if (t.struck) notes.push(t.struck.text);
    if (t.ignored) notes.push(t.ignored);
    if (t.receivedBy) notes.push(t.receivedBy);
    return { at: t.at, row: [t.when, withNotes(t.activity, notes), t.person, t.position] };
  });
  const duty: { at: number; row: string[] }[] = [
    ...report.dutyLog.entries.map((e) => ({
      at: e.at,
      row: [e.when, withNotes(fill(L['event.duty.entry'], { text: e.text }), e.struck ? [e.struck.text] : []), e.by, ''],
    })),
    ...report.dutyLog.handovers.map((x) => ({ at: x.at, row: [x.when, x.text, x.by, ''] })),
  ].sort((a, b) => a.at - b.at);
  // The duty-log rows go in by time; the incident's rows keep their own (merge) order, and come first at the same moment.
  const merged: string[][] = [];
  let next = 0;
  for (const r of rows) {
    while (next < duty.length && duty[next]!.at < r.at) merged.push(duty[next++]!.row);
    merged.push(r.row);
  }
  for (; next < duty.length; next++) merged.push(duty[next]!.row);
  return `${UTF8_BOM}${[head, ...merged].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
