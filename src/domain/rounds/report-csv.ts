import { UTF8_BOM } from '../report/csv';
import { csvField } from '../report/escape';
import type { Language } from '../text';
import type { RoundReport } from './report';
import { findingText, frequencyText, historyLines, localTime, reportSpeaker } from './report-text';

/**
 * The round report as CSV (RFC 4180: every field quoted, quotes doubled, CRLF between records,
 * a field a spreadsheet would run as a formula starts with `'`, a BOM so Excel reads the
 * Chinese): one row per round and area (section "summary"), one per finding (section
 * "finding"), and a last row with the hash chain's final value. One header for all rows, so
 * it opens as one sheet and filters by section. Pure.
 */
export function roundReportCsv(report: RoundReport, language: Language): string {
  const t = reportSpeaker(language);
  const zone = report.timeZone;
  const head = [
    t('roundReport.csv.section'),
    t('roundReport.col.playbook'),
    t('roundReport.col.round'),
    t('roundReport.col.area'),
    t('roundReport.col.frequency'),
    t('roundReport.col.due'),
    t('roundReport.col.done'),
    t('roundReport.col.runs'),
    t('roundReport.col.found'),
    t('roundReport.col.open'),
    t('roundReport.col.overdue'),
    t('roundReport.col.closed'),
    t('roundReport.col.finding'),
    t('roundReport.col.severity'),
    t('roundReport.col.foundAt'),
    t('roundReport.col.foundBy'),
    t('roundReport.col.owner'),
    t('roundReport.col.dueDate'),
    t('roundReport.col.status'),
    t('roundReport.col.evidence'),
  ];
  const summary = t('roundReport.csv.summary');
  const rows: string[][] = report.rows.map((r) => [
    summary,
    r.playbookTitle,
    r.title,
    r.areaName ?? t('roundReport.wholeSite'),
    frequencyText(r, t),
    ...[r.windowsDue, r.windowsDone, r.runs, r.found, r.open, r.overdue, r.closed].map(String),
    ...Array<string>(8).fill(''),
  ]);
  const T = report.totals;
  rows.push([
    summary,
    t('roundReport.total'),
    '',
    '',
    '',
    ...[T.windowsDue, T.windowsDone, T.runs, T.found, T.open, T.overdue, T.closed].map(String),
    ...Array<string>(8).fill(''),
  ]);
  const playbookTitle = new Map(report.rows.map((r) => [r.playbookId, r.playbookTitle]));
  for (const f of report.findings) {
    rows.push([
      t('roundReport.csv.finding'),
      playbookTitle.get(f.playbookId) ?? f.playbookId,
      f.roundTitle,
      f.areaName ?? t('roundReport.wholeSite'),
      ...Array<string>(8).fill(''),
      findingText(f, t),
      t(`roundReport.severity.${f.severity}`),
      localTime(f.found.at, zone),
      f.found.actor,
      f.owner,
      f.dueDate,
      t(`roundReport.status.${f.rectification}`),
      historyLines(f, zone, t).join('\n'),
    ]);
  }
  rows.push([t('roundReport.csv.chain'), report.chain.finalHash, String(report.chain.count), ...Array<string>(head.length - 3).fill('')]);
  return `${UTF8_BOM}${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
