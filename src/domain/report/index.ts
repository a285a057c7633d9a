/**
 * The after-action report: built from the events alone, in either language, and
 * exported as printable HTML, Markdown, an ICS 214-shaped CSV activity log and a JSON file
 * with a hash chain. Everything here is pure: time, zone and language come in.
 */
export { exportAllFormats } from './all';
export { buildReport, NotAnIncidentError, type HandedOver, type ReportInput } from './build';
export { canonicalJson } from '../canonical-json';
export { canonicalEvent, checkChain, GENESIS_HASH, hashChain, type ChainCheck, type ChainLink, type ChainProblem } from './chain';
export { renderActivityLogCsv, UTF8_BOM } from './csv';
export { reportEvents } from './events';
export { formatDateTime, zoneName } from './format';
export { renderReportHtml } from './html';
export { exportReportJson, REPORT_FILE_FORMAT, REPORT_FILE_VERSION, sealOf, type ReportFile, type ReportSeal } from './json';
export { readReportFile, type EventSummary, type HeaderField, type ReportFileCheck, type ReportFileProblem } from './read-file';
export {
  checkCountersignature,
  COUNTERSIGN_PATH,
  countersign,
  countersignMessage,
  headerHash,
  HEX_SHA256,
  isCountersignature,
  keyIdOf,
  publicKeyOf,
  type Countersignature,
  type CountersignCheck,
  type CountersignResponse,
  type CountersignState,
  type NotCountersigned,
  type ReportHeader,
} from './seal';
export { fill, REPORT_LANGUAGES, reportLabels, type ReportLabelKey, type ReportLabels, type ReportLanguage } from './labels';
export { renderReportMarkdown } from './markdown';
export { comparePlaybookRun, playbookRunTexts, type PlaybookRun, type PlaybookRunStatus, type PlaybookRunTexts } from './playbook-run';
export { sha256Hex } from './sha256';
export type { PhotoData, Report } from './types';
export { reportContents, type ReportContents } from './contents';
export { describeFileProblem, describeIntact } from './verify';
