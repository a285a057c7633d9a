import type { DrillHistory, DrillRun } from '../../domain/drills';
import { Loading } from '../../ui/Loading';
import { Link } from '../../ui/router';
import { useLanguage, useText } from '../../ui/text';
import { DrillChart } from './DrillChart';
import { dateWords, dueWords, intervalWords } from './due-words';
import { useDrillCalendar, useNow, type DrillCalendarEntry } from './hooks';
import { messages } from './messages';
import { messages as reportMessages } from '../../domain/report/messages';
import './drills.css';

/** The drill calendar: every plan's next drill, its history drill against drill, and what the drills asked to change in the plan. */
export function DrillsScreen() {
  const t = useText(messages, reportMessages);
  const now = useNow(60_000);
  const calendar = useDrillCalendar(now);
  return (
    <div className="drills" data-testid="drills">
      <h1>{t('drills.title')}</h1>
      <p className="drills-intro">{t('drills.intro')}</p>
      {calendar.status === 'loading' ? (
        <Loading />
      ) : calendar.status === 'failed' ? (
        <p className="error-box" role="alert">
          {t('drills.loading.failed', { detail: calendar.message })}
        </p>
      ) : (
        calendar.value.map((entry) => <PlaybookDrills key={entry.due.playbookId} entry={entry} />)
      )}
    </div>
  );
}

function PlaybookDrills({ entry }: { entry: DrillCalendarEntry }) {
  const t = useText(messages, reportMessages);
  const language = useLanguage();
  const { due, playbook, history } = entry;
  const headingId = `drills-${due.playbookId}`;
  const late = due.status === 'overdue' || due.last === null;
  const scheduled = due.rule.scheduled;
  return (
    <section className={`drills-plan card status-${due.status}`} aria-labelledby={headingId} data-testid={`drills-${due.playbookId}`} data-status={due.status}>
      <h2 id={headingId} lang={playbook.language}>
        {playbook.title}
      </h2>
      <p className={late ? 'alarm-box drills-when' : due.status === 'due-soon' ? 'drills-when soon' : 'drills-when'} data-testid="drill-when">
        {dueWords(t, due)}
      </p>
      <dl className="drills-facts">
        <div>
          <dt>{t('drills.last')}</dt>
          <dd data-testid="drill-last">
            {due.last ? (
              <Link href={`/incidents/${encodeURIComponent(due.last.incidentId)}`}>
                {dateWords(language, due.last.at)} · {due.last.title}
              </Link>
            ) : (
              t('drills.last.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('drills.next')}</dt>
          <dd data-testid="drill-next">{due.last ? dateWords(language, due.dueAt) : t('drills.next.now')}</dd>
        </div>
        <div>
          <dt>{t('drills.interval')}</dt>
          <dd>
            {intervalWords(t, due.rule.interval)}
            <span className="drills-rule">
              {scheduled ? <span lang={playbook.language}>{t('drills.interval.fromPlan', { text: scheduled.text })}</span> : t('drills.interval.default')}
            </span>
          </dd>
        </div>
      </dl>
      <p>
        <Link
          href={`/incidents/new?playbook=${encodeURIComponent(playbook.id)}&lang=${encodeURIComponent(playbook.language)}&mode=drill`}
          className="button primary"
          data-testid={`start-drill-${due.playbookId}`}
        >
          {t('drills.start')}
        </Link>
      </p>
      {history === null ? <Loading /> : <History history={history} headingId={`${headingId}-history`} />}
    </section>
  );
}

function HistoryRow({ run }: { run: DrillRun }) {
  const t = useText(messages, reportMessages);
  const language = useLanguage();
  const headcount =
    run.headcountTotal === 0
      ? t('drills.headcount.none')
      : run.headcountMinutes === null
        ? t('drills.headcount.incomplete', { total: run.headcountTotal })
        : t('drills.headcount.of', { minutes: run.headcountMinutes, total: run.headcountTotal });
  // Each cell carries its column's name, shown only when the table is stacked (a narrow card,
  // large text); the roles keep it a table for screen readers whatever its display.
  const label = (key: Parameters<typeof t>[0]) => (
    <span className="drills-cell-label" aria-hidden="true">
      {t(key)}
    </span>
  );
  return (
    <tr role="row" data-testid={`drill-run-${run.incidentId}`}>
      <th role="rowheader" scope="row">
        <Link href={`/incidents/${encodeURIComponent(run.incidentId)}`}>{dateWords(language, run.at)}</Link>
        <span className="drills-run-title">
          {run.title}
          {run.closed ? null : ` · ${t('drills.open')}`}
        </span>
      </th>
      <td role="cell">
        {label('drills.col.first')}
        <span data-testid="run-first">{run.firstStepMinutes === null ? t('drills.first.none') : t('minutes', { minutes: run.firstStepMinutes })}</span>
      </td>
      <td role="cell">
        {label('drills.col.headcount')}
        <span data-testid="run-headcount">{headcount}</span>
      </td>
      <td role="cell" className={run.overdueSteps > 0 ? 'drills-bad' : undefined}>
        {label('drills.col.overdue')}
        <span data-testid="run-overdue">{run.overdueSteps}</span>
      </td>
      <td role="cell">
        {label('drills.col.missed')}
        <span data-testid="run-missed">{t('drills.missed', { missed: run.missedSteps, skipped: run.skippedSteps })}</span>
      </td>
    </tr>
  );
}

function History({ history, headingId }: { history: DrillHistory; headingId: string }) {
  const t = useText(messages, reportMessages);
  const language = useLanguage();
  return (
    <>
      <h3 id={headingId}>{t('drills.history')}</h3>
      {history.runs.length === 0 ? (
        <p className="empty">{t('drills.history.none')}</p>
      ) : (
        <>
          <DrillChart runs={history.runs} />
          {/* Every number of the chart, readable without it: a table, stacked drill by drill in a narrow card. */}
          <div className="drills-table">
            <table role="table" className="data-table" aria-labelledby={headingId} data-testid="drill-history">
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">
                    {t('drills.col.drill')}
                  </th>
                  <th role="columnheader" scope="col">
                    {t('drills.col.first')}
                  </th>
                  <th role="columnheader" scope="col">
                    {t('drills.col.headcount')}
                  </th>
                  <th role="columnheader" scope="col">
                    {t('drills.col.overdue')}
                  </th>
                  <th role="columnheader" scope="col">
                    {t('drills.col.missed')}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {[...history.runs].reverse().map((run) => (
                  <HistoryRow key={run.incidentId} run={run} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>{t('drills.revisions')}</h3>
      {history.revisions.length === 0 ? (
        <p className="empty">{t('drills.revisions.none')}</p>
      ) : (
        <ul className="plain-list drills-revisions" data-testid="drill-revisions">
          {history.revisions.map(({ drill, item }) => (
            <li key={item.eventId}>
              <span className="badge drill">{t(item.kind === 'revision' ? 'drills.revision.kind.revision' : 'drills.revision.kind.improvement')}</span>{' '}
              {item.kind === 'improvement'
                ? t('drills.revision.improvement', { issue: item.text, action: item.action ?? '', owner: item.owner ?? '', due: item.due ?? '' })
                : item.text}
              <span className="card-meta drills-from">
                <Link href={`/incidents/${encodeURIComponent(drill.incidentId)}?tab=end`}>
                  {t('drills.revision.from', { title: drill.title, date: dateWords(language, drill.at) })}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
