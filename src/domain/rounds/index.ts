/**
 * Inspection rounds between emergencies (seed plan 4, 三、2; plan 3, 四): the calendar of their
 * windows, one round's state from its events, what is due, and the round report. Pure.
 */
export { endOfYmd, MAX_WINDOWS, previousWindow, seasonDeadline, startOfYmd, windowAt, windowsBetween, ymdAt } from './recurrence';
export type { CalendarWindow, Recurrence, SeasonDeadline } from './recurrence';
export { isRoundStream, rectificationStatus, reduceRound } from './round';
export type { FindingState, FindingStatus, RectificationEntry, RectificationStatus, RoundItemState, RoundRun } from './round';
export { DEFAULT_LOOKBACK, oneTwinPerId, ROUND_DUE_STATUSES, roundAreas, roundsDue, seasonKey, summariseRuns } from './due';
export type { RoundDueRow, RoundDueStatus, RoundRunSummary, RoundsDueInput } from './due';
export { buildRoundReport, roundReportCsv, roundReportHtml } from './report';
export type { RoundReport, RoundReportFinding, RoundReportInput, RoundReportRow, RoundReportRun, RoundReportTotals } from './report';
