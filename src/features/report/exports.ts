import {
  buildReport,
  exportReportJson,
  formatDateTime,
  renderActivityLogCsv,
  renderReportHtml,
  renderReportMarkdown,
  type ReportInput,
} from '../../domain/report';
import { exportName, type ExportFile } from './deliver';

export const EXPORT_KINDS = ['html', 'md', 'csv', 'json'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Minutes east of UTC at a moment, on this device (China: 480). Read at the edge and passed into the pure builder. */
export function zoneOffsetAt(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

/** One export of a report, built fresh from the events. */
export function exportFile(kind: ExportKind, input: ReportInput, startedAt: number): ExportFile {
  const date = formatDateTime(startedAt, input.timeZoneOffsetMinutes).slice(0, 10);
  const name = (what: string, ext: string) => exportName(input.incidentId, date, what, ext);
  if (kind === 'json') return { name: name('record', 'json'), type: 'application/json', text: exportReportJson(input) };
  const report = buildReport(input);
  const lang = input.language === 'zh-CN' ? 'zh' : 'en';
  switch (kind) {
    case 'html':
      return { name: name(`report-${lang}`, 'html'), type: 'text/html;charset=utf-8', text: renderReportHtml(report) };
    case 'md':
      return { name: name(`report-${lang}`, 'md'), type: 'text/markdown;charset=utf-8', text: renderReportMarkdown(report) };
    case 'csv':
      return { name: name(`activity-log-${lang}`, 'csv'), type: 'text/csv;charset=utf-8', text: renderActivityLogCsv(report) };
  }
}
