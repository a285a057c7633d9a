import { escapeReportHtml as h } from './escape';
import type { Correction, Report } from './types';

/** Column widths in per cent for each table, so names and statuses are not squeezed into one character per line. */
export const COLUMNS = {
  commanders: [15, 30, 17, 17, 11, 10],
  timeline: [16, 38, 12, 20, 14],
  steps: [32, 16, 14, 10, 14, 7, 7],
  roles: [35, 20, 15, 15, 15],
  headcount: [18, 11, 14, 17, 22, 18],
  readings: [20, 14, 20, 14, 32],
  duty: [20, 15, 65],
  losses: [25, 12, 9, 10, 12, 14, 18],
  supplies: [40, 15, 20, 25],
  improvements: [22, 28, 10, 14, 13, 13],
  drill: [52, 14, 14, 20],
} as const satisfies Record<string, readonly number[]>;

export function table(kind: keyof typeof COLUMNS, head: readonly string[], rows: readonly string[], testId?: string): string {
  if (rows.length === 0) return '';
  const widths: readonly number[] = COLUMNS[kind];
  return `<table${testId ? ` data-testid="${testId}"` : ''}>\n<thead><tr>${head.map((x, i) => `<th class="w${widths[i] ?? 10}">${h(x)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export const td = (text: string, cls?: string) => `<td${cls ? ` class="${cls}"` : ''}>${h(text)}</td>`;

/** A struck entry: its text crossed out, then who struck it, when and why, and that it is not counted. */
export function struckCell(text: string, struck: Correction | undefined, report: Report, counted = false): string {
  if (!struck) return `<td>${h(text)}</td>`;
  const L = report.labels;
  const note = counted ? struck.text + L.clauseSeparator + L.notCounted : struck.text;
  return `<td class="struck"><del>${h(text)}</del><span class="correction">${h(note)}</span></td>`;
}
