import { useState } from 'react';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import { commandNames } from '../../domain/playbook/names';
import type { Playbook } from '../../domain/playbook/schema';
import { endOfYmd, rectificationStatus, seasonKey, ymdAt, type RoundDueRow } from '../../domain/rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import { formatDateTime } from '../../ui/date-time';
import { Loading } from '../../ui/Loading';
import { Link, navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { startRound } from './commands';
import { roundsToday, useClock, useRoundPlaybooks, useRoundsHeld, type RoundsToday } from './hooks';
import { deviceTimeZone } from '../../ui/time-zone';
import { InspectorName } from './InspectorName';
import { messages } from './messages';
import { SeasonDate } from './SeasonDate';
import { FindingBadges, roundFrequency } from './shared';
import './rounds.css';

/**
 * /rounds: every round the playbooks on this device prescribe, per area, with what is due today,
 * due later in its window, overdue (never hidden), or done; "Start" on each; the season date for
 * a round due before a season; and every finding still open, overdue first.
 */
export function RoundsScreen() {
  const t = useText(messages, roundReportMessages);
  const language = useSession((s) => s.language);
  const playbooks = useRoundPlaybooks();
  const held = useRoundsHeld();
  const now = useClock(60_000);
  const [timeZone] = useState(deviceTimeZone);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  if (playbooks.status === 'failed') throw playbooks.error;
  if (playbooks.status === 'loading' || held === undefined) return <Loading />;
  const today = roundsToday(playbooks.value, held, now, timeZone, language);
  return (
    <div className="rounds-screen">
      <h1>{t('rounds.title')}</h1>
      <p className="rounds-intro">{t('rounds.intro')}</p>
      <InspectorName problem={nameProblem} />
      {playbooks.value.length === 0 ? (
        <p className="empty" data-testid="rounds-none">
          {t('rounds.none')}
        </p>
      ) : (
        <>
          <section aria-labelledby="rounds-due-heading">
            <h2 id="rounds-due-heading">{t('rounds.due.title')}</h2>
            <p className={today.overdue > 0 ? 'alarm-box rounds-summary' : 'rounds-summary'} data-testid="rounds-summary">
              {t('rounds.due.summary', { due: today.dueToday, overdue: today.overdue })}
            </p>
            <RoundList
              playbooks={playbooks.value}
              today={today}
              now={now}
              timeZone={timeZone}
              onNameMissing={() => setNameProblem(t('rounds.inspector.missing'))}
            />
          </section>
          <OpenFindings today={today} />
        </>
      )}
      <p>
        <Link href="/rounds/report" className="button" data-testid="rounds-report-link">
          {t('rounds.report.link')}
        </Link>
      </p>
    </div>
  );
}

interface RoundGroup {
  readonly playbook: Playbook;
  readonly rows: RoundDueRow[];
}

/** Rows of one round together, in the playbooks' order. */
function groupRows(playbooks: readonly Playbook[], rows: readonly RoundDueRow[]): RoundGroup[] {
  const groups = new Map<string, RoundGroup>();
  for (const row of rows) {
    const key = JSON.stringify([row.playbookId, row.roundId]);
    const playbook = playbooks.find((p) => p.id === row.playbookId && p.language === row.playbookLanguage);
    if (!playbook) continue;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { playbook, rows: [row] });
  }
  return [...groups.values()];
}

/** Whether a row asks for something today: overdue, due by tonight, under way, or waiting for its season date. */
function wantsToday(row: RoundDueRow, endOfToday: number): boolean {
  if (row.status === 'overdue' || row.status === 'no-season-date' || row.underWay) return true;
  return row.status === 'due' && row.deadline !== null && row.deadline <= endOfToday;
}

/**
 * The rounds that ask for something today first, each with all its areas; the rest (due later
 * in their period, or done) folded below, one tap away. Nothing overdue is ever folded.
 */
function RoundList({
  playbooks,
  today,
  now,
  timeZone,
  onNameMissing,
}: {
  playbooks: readonly Playbook[];
  today: RoundsToday;
  now: number;
  timeZone: string;
  onNameMissing: () => void;
}) {
  const t = useText(messages, roundReportMessages);
  const endOfToday = endOfYmd(today.today, timeZone);
  const groups = groupRows(playbooks, today.rows);
  const urgent = groups.filter((g) => g.rows.some((r) => wantsToday(r, endOfToday)));
  const later = groups.filter((g) => !urgent.includes(g));
  const card = ({ playbook, rows }: RoundGroup) => {
    const first = rows[0];
    if (!first) return null;
    const round = first.round;
    const names = commandNames(playbook);
    const season = round.beforeSeason;
    return (
      <li key={`${playbook.id}/${round.id}`} className="round-card" data-testid={`round-${playbook.id}-${round.id}`}>
        <h3>{round.title}</h3>
        <p className="card-meta">
          {playbook.title} · {roundFrequency(round, t)} · {t('rounds.owner', { owner: names.get(round.owner) ?? round.owner })}
        </p>
        {season ? (
          <SeasonDate
            playbookId={playbook.id}
            roundId={round.id}
            season={season.season}
            daysBefore={season.daysBefore}
            startsOn={today.seasons.get(seasonKey(playbook.id, round.id))}
          />
        ) : null}
        <ul className="round-areas">
          {rows.map((row) => (
            <AreaRow key={row.areaId ?? ''} row={row} playbook={playbook} now={now} timeZone={timeZone} onNameMissing={onNameMissing} />
          ))}
        </ul>
      </li>
    );
  };
  return (
    <>
      {urgent.length > 0 ? <ul className="round-list">{urgent.map(card)}</ul> : null}
      {later.length > 0 ? (
        <details className="rounds-later" data-testid="rounds-later">
          <summary>{t('rounds.later', { count: later.length })}</summary>
          <ul className="round-list">{later.map(card)}</ul>
        </details>
      ) : null}
    </>
  );
}

function AreaRow({
  row,
  playbook,
  now,
  timeZone,
  onNameMissing,
}: {
  row: RoundDueRow;
  playbook: Playbook;
  now: number;
  timeZone: string;
  onNameMissing: () => void;
}) {
  const t = useText(messages, roundReportMessages);
  const language = useSession((s) => s.language);
  const inspector = useSession((s) => s.actorName);
  const [busy, setBusy] = useState(false);
  const when = (ms: number) => formatDateTime(language, ms);
  const today = ymdAt(now, timeZone);
  // The last day a round counts for: a window ends at the midnight after it.
  const lastDay = row.deadline === null ? null : ymdAt(row.deadline - 1, timeZone);
  let status: string;
  if (row.status === 'done') status = t('rounds.status.done', { time: row.lastDone?.completedAt ? when(row.lastDone.completedAt) : '' });
  else if (row.status === 'overdue')
    status =
      row.seasonStart !== undefined && lastDay ? t('rounds.status.seasonOverdue', { date: lastDay }) : t('rounds.status.overdue', { missed: row.missed });
  else if (row.status === 'no-season-date') status = t('rounds.status.noSeasonDate', { season: row.round.beforeSeason?.season ?? '' });
  else status = lastDay === today ? t('rounds.status.dueToday') : t('rounds.status.dueBy', { date: lastDay ?? '' });

  const start = async () => {
    if (!inspector) return onNameMissing();
    setBusy(true);
    const id = await startRound({
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      playbookLanguage: playbook.language,
      playbookHash: playbookContentHash(playbook),
      roundId: row.roundId,
      ...(row.areaId !== undefined ? { areaId: row.areaId } : {}),
      title: row.title,
      ...(row.areaName !== undefined ? { areaName: row.areaName } : {}),
      inspector,
    });
    setBusy(false);
    if (id) navigate(`/rounds/${encodeURIComponent(id)}`);
  };

  const area = row.areaName ?? t('roundReport.wholeSite');
  return (
    <li className={`round-area status-${row.status}`} data-testid="round-area" data-area={row.areaId ?? ''} data-status={row.status}>
      <span className="round-area-text">
        <span className="round-area-name">{area}</span>
        <span className="round-area-status">{status}</span>
        {row.underWay ? <span className="round-area-status">{t('rounds.status.underWay', { time: when(row.underWay.startedAt) })}</span> : null}
      </span>
      {row.underWay ? (
        <Link href={`/rounds/${encodeURIComponent(row.underWay.streamId)}`} className="button round-action" data-testid="round-continue">
          {t('rounds.continue')}
        </Link>
      ) : row.status === 'due' || row.status === 'overdue' ? (
        <button
          type="button"
          className="button primary round-action"
          disabled={busy}
          onClick={() => void start()}
          aria-label={`${t('rounds.start')}: ${row.title} · ${area}`}
          data-testid="round-start"
        >
          {t('rounds.start')}
        </button>
      ) : row.status === 'done' && row.lastDone ? (
        <Link href={`/rounds/${encodeURIComponent(row.lastDone.streamId)}`} className="button round-action">
          {t('rounds.viewDone')}
        </Link>
      ) : null}
    </li>
  );
}

function OpenFindings({ today }: { today: RoundsToday }) {
  const t = useText(messages, roundReportMessages);
  return (
    <section aria-labelledby="rounds-findings-heading">
      <h2 id="rounds-findings-heading">{t('rounds.findings.title')}</h2>
      {today.findings.length === 0 ? (
        <p className="empty">{t('rounds.findings.none')}</p>
      ) : (
        <ul className="cards" data-testid="open-findings">
          {today.findings.map(({ finding: f, roundTitle }) => {
            const status = rectificationStatus(f, today.today);
            return (
              <li key={f.findingId} className={`card finding-card rect-${status}`} data-testid="open-finding" data-status={status}>
                <Link href={`/rounds/${encodeURIComponent(f.streamId)}?finding=${encodeURIComponent(f.findingId)}`} className="card-link finding-link">
                  <span className="card-title">{f.description}</span>
                </Link>
                <span className="card-meta">
                  {roundTitle} · {f.areaName ?? t('roundReport.wholeSite')}
                </span>
                <FindingBadges severity={f.severity} status={status} />
                <span>{t('rounds.finding.ownerIs', { owner: f.owner })}</span>
                <span className={status === 'overdue' ? 'finding-deadline overdue' : 'finding-deadline'}>
                  {t('rounds.finding.deadline', { date: f.dueDate })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
