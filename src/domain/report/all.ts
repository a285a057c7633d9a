import { buildReport, recordFor, type ReportInput } from './build';
import { renderActivityLogCsv } from './csv';
import { renderReportHtml } from './html';
import { exportReportJson } from './json';
import { renderReportMarkdown } from './markdown';
import type { Report } from './types';

/**
 * The report and all four exports of one input, with the events ordered and hashed once.
 * Pure; what the benchmark measures, and what a device would call to export everything.
 */
export function exportAllFormats(input: ReportInput): { report: Report; html: string; markdown: string; csv: string; json: string } {
  const record = recordFor(input);
  const report = buildReport(input, record);
  return {
    report,
    html: renderReportHtml(report),
    markdown: renderReportMarkdown(report),
    csv: renderActivityLogCsv(report),
    json: exportReportJson(input, {}, record),
  };
}
