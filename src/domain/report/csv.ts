import { csvField } from './escape';
import { fill } from './labels';
import type { Report } from './types';

/** Byte order mark: without it Excel opens UTF-8 as the local code page and Chinese turns to mojibake. */
export const UTF8_BOM = '\uFEFF';

/**
 * The activity log in the shape of ICS 214 (Activity Log): date and time, activity, person,
 * position; one row per event of the incident, in (hlc, id) order. A struck entry keeps its
 * row and says it was corrected; an event that had no effect says so. RFC 4180: every field
 * quoted, CRLF between records; a field that a spreadsheet would run as a formula starts
 * with `'`. Starts with a BOM so Excel reads the Chinese. Pure.
 */
export function renderActivityLogCsv(report: Report): string {
  const L = report.labels;
  const head = [fill(L['csv.when'], { zone: report.zone }), L['csv.activity'], L['csv.person'], L['csv.position']];
  const rows = report.timeline.map((t) => {
    const notes: string[] = [];
    if (t.struck) notes.push(t.struck.text);
    if (t.ignored) notes.push(t.ignored);
    const activity = notes.length ? `${t.activity} [${notes.join(L.clauseSeparator)}]` : t.activity;
    return [t.when, activity, t.person, t.position];
  });
  return `${UTF8_BOM}${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
