import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { Playbook } from '../../domain/playbook/schema';
import { buildRoundReport, roundReportCsv, roundReportHtml, ymdAt, type RoundReport as Report, type RoundReportRow } from '../../domain/rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import { frequencyText, reportSpeaker } from '../../domain/rounds/report-text';
import type { HeldEvent } from '../../domain/merge-order';
import type { Language } from '../../domain/text';
import { appDb } from '../../storage';
import { readAllRoundEvents, readCalendar } from '../../storage/rounds';
import { Loading } from '../../ui/Loading';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { isYmd, monthOf, seasonsFrom } from './calendar';
import { downloadFile, printHtml, type ExportFile } from '../report';
import { useRoundPlaybooks } from './hooks';
import { deviceTimeZone } from '../../ui/time-zone';
import { messages } from './messages';
import './rounds.css';

/** Every event of the rounds held and the branch calendar, re-read when one is recorded or pulled. */
function useReportEvents(): { events: HeldEvent[]; seasons: Map<string, string> } | undefined {
  return useLiveQuery(async () => {
    const db = appDb();
    const [byStream, calendar] = await Promise.all([readAllRoundEvents(db), readCalendar(db)]);
    return { events: [...byStream.values()].flat(), seasons: seasonsFrom(calendar) };
  });
}

/** The report's rows of one round together, in the report's order. */
function groupByRound(rows: readonly RoundReportRow[]): RoundReportRow[][] {
  const groups = new Map<string, RoundReportRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.playbookId, r.roundId]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

/** The report's two files, named in ASCII so every file system and mail client keeps them. */
export function roundReportFiles(report: Report, language: Language): { html: ExportFile; csv: ExportFile } {
  const lang = language === 'zh-CN' ? 'zh' : 'en';
  const base = `muster-rounds-${report.from}-${report.to}-${lang}`;
  return {
    html: { name: `${base}.html`, type: 'text/html;charset=utf-8', text: roundReportHtml(report, language) },
    csv: { name: `${base}.csv`, type: 'text/csv;charset=utf-8', text: roundReportCsv(report, language) },
  };
}

/**
 * /rounds/report — the round report for a period (this month unless another is chosen): rounds
 * done against rounds due and findings open and closed, by round and area, and the printable
 * HTML (print → PDF) and CSV built by the domain's report builders from the events on this device.
 */
export function RoundReport() {
  const t = useText(messages, roundReportMessages);
  const playbooks = useRoundPlaybooks();
  const held = useReportEvents();
  // The moment the screen opened: the report is "as of" it, and a period chosen later stays comparable.
  const [now] = useState(() => Date.now());
  const [timeZone] = useState(deviceTimeZone);
  const [period, setPeriod] = useState(() => monthOf(ymdAt(now, timeZone)));
  if (playbooks.status === 'failed') throw playbooks.error;
  const valid = isYmd(period.from) && isYmd(period.to) && period.from <= period.to;
  return (
    <div className="round-report">
      <p>
        <Link href="/rounds" className="link-button">
          {t('rounds.run.back')}
        </Link>
      </p>
      <h1>{t('roundReport.title')}</h1>
      <fieldset className="report-period">
        <legend>{t('rounds.report.period')}</legend>
        <label className="field">
          <span>{t('rounds.report.from')}</span>
          <input type="date" value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} data-testid="report-from" />
        </label>
        <label className="field">
          <span>{t('rounds.report.to')}</span>
          <input type="date" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} data-testid="report-to" />
        </label>
      </fieldset>
      {!valid ? (
        <p role="alert" className="error-box">
          {t('rounds.report.badPeriod')}
        </p>
      ) : playbooks.status === 'loading' || held === undefined ? (
        <Loading />
      ) : (
        <ReportBody playbooks={playbooks.value} events={held.events} seasons={held.seasons} from={period.from} to={period.to} now={now} timeZone={timeZone} />
      )}
    </div>
  );
}

function ReportBody({
  playbooks,
  events,
  seasons,
  from,
  to,
  now,
  timeZone,
}: {
  playbooks: readonly Playbook[];
  events: readonly HeldEvent[];
  seasons: ReadonlyMap<string, string>;
  from: string;
  to: string;
  now: number;
  timeZone: string;
}) {
  const t = useText(messages, roundReportMessages);
  const language = useSession((s) => s.language);
  const report = useMemo(
    () => buildRoundReport({ playbooks, events, seasons, from, to, timeZone, now, language }),
    [playbooks, events, seasons, from, to, timeZone, now, language],
  );
  const say = reportSpeaker(language);
  const T = report.totals;
  const files = () => roundReportFiles(report, language);
  return (
    <>
      <section aria-labelledby="report-summary-heading" data-testid="report-summary">
        <h2 id="report-summary-heading">{t('roundReport.summary')}</h2>
        <p className="report-total">{t('rounds.report.done', { done: T.windowsDone, due: T.windowsDue })}</p>
        <p className={T.overdue > 0 ? 'alarm-box' : undefined}>
          {t('rounds.report.findingCounts', { found: T.found, open: T.open, overdue: T.overdue, closed: T.closed })}
        </p>
      </section>
      <section aria-labelledby="report-exports-heading">
        <h2 id="report-exports-heading">{t('rounds.report.exports')}</h2>
        <div className="button-row report-exports">
          <button type="button" className="button primary" onClick={() => downloadFile(files().html)} data-testid="round-report-html">
            {t('rounds.report.html')}
          </button>
          <button type="button" className="button" onClick={() => printHtml(files().html.text, t('roundReport.title'))} data-testid="round-report-print">
            {t('rounds.report.print')}
          </button>
          <button type="button" className="button" onClick={() => downloadFile(files().csv)} data-testid="round-report-csv">
            {t('rounds.report.csv')}
          </button>
        </div>
      </section>
      <section aria-labelledby="report-rows-heading">
        <h2 id="report-rows-heading">{t('rounds.report.byArea')}</h2>
        <ul className="round-list" data-testid="report-rows">
          {groupByRound(report.rows).map((rows) => {
            const first = rows[0];
            if (!first) return null;
            return (
              <li key={`${first.playbookId}/${first.roundId}`} className="round-card">
                <h3>{first.title}</h3>
                <p className="card-meta">
                  {first.playbookTitle} · {frequencyText(first, say)}
                </p>
                <ul className="round-areas">
                  {rows.map((r) => (
                    <li
                      key={r.areaId ?? ''}
                      className={r.windowsDone < r.windowsDue || r.overdue > 0 ? 'report-row short' : 'report-row'}
                      data-testid="report-row"
                    >
                      <span className="round-area-name">{r.areaName ?? t('roundReport.wholeSite')}</span>
                      <span>{t('rounds.report.done', { done: r.windowsDone, due: r.windowsDue })}</span>
                      <span className={r.overdue > 0 ? 'overdue-text' : 'card-meta'}>
                        {t('rounds.report.findingCounts', { found: r.found, open: r.open, overdue: r.overdue, closed: r.closed })}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
