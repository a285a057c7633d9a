import { messages as reportMessages } from '../../domain/report/messages';
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { formatDateTime } from '../../ui/date-time';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { playbookMessages } from '../playbooks';
import { messages } from './messages';
import { needsAttention, type OverviewRow } from './overview';
import { howLongAgo, shortDateTime } from './when';

/** Where a branch's incident opens, read only; `tab` as the incident page's. */
export function branchIncidentHref(row: Pick<OverviewRow, 'orgId' | 'incidentId'>, tab?: string): string {
  return `/head-office/${encodeURIComponent(row.orgId)}/incidents/${encodeURIComponent(row.incidentId)}${tab ? `?tab=${tab}` : ''}`;
}

/**
 * Whether the element is wide enough for the table: measured in rem, so 200 % text on a
 * tablet gets the cards, as a phone does, instead of a table wider than the screen.
 */
export function useWideEnough(el: HTMLElement | null, minRem: number): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setWide(el.clientWidth / rem >= minRem);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el, minRem]);
  return wide;
}

function useWords() {
  return useText(messages, reportMessages, playbookMessages);
}

/** A safety-critical number: always shown whole, 0 as 0, and "unknown" in words with why. */
function Figure({ value, unknownWhy, testId }: { value: number | null; unknownWhy: string; testId: string }) {
  const t = useWords();
  if (value === null)
    return (
      <span className="ho-figure unknown" data-testid={testId} data-value="unknown">
        {t('headOffice.unknown')} <span className="ho-why">({unknownWhy})</span>
      </span>
    );
  return (
    <span className={value > 0 ? 'ho-figure alarm' : 'ho-figure'} data-testid={testId} data-value={value}>
      {value}
    </span>
  );
}

function Badges({ row }: { row: OverviewRow }) {
  const t = useWords();
  const kind = row.kind === 'flood' || row.kind === 'fire' ? t(`playbook.kind.${row.kind}`) : (row.kind ?? t('headOffice.kind.unknown'));
  return (
    <span className="ho-badges">
      {row.phase !== 'closed' && needsAttention(row) ? <span className="ho-flag">{t('headOffice.attention')}</span> : null}
      <span className={`badge ${row.mode}`}>{t(row.mode === 'drill' ? 'mode.drill' : 'headOffice.mode.real')}</span>{' '}
      <span className={`badge kind ${row.kind ? `kind-${row.kind}` : ''}`}>{kind}</span>
      {row.phase === 'ending' ? (
        <>
          {' '}
          <span className="badge">{t('headOffice.phase.ending')}</span>
        </>
      ) : null}
    </span>
  );
}

function agoText(t: ReturnType<typeof useWords>, ms: number, now: number): string {
  const { unit, count } = howLongAgo(ms, now);
  return t(`headOffice.ago.${unit}`, { count });
}

/** The branch's name (it wraps) and whether one of its devices is in touch, or since when it is silent. */
function BranchCell({ row, now }: { row: OverviewRow; now: number }) {
  const t = useWords();
  const language = useSession((s) => s.language);
  const contact = row.branch.lastContactAt === null ? null : Date.parse(row.branch.lastContactAt);
  return (
    <>
      <span className="ho-branch">{row.branch.name}</span>
      {row.branch.live ? (
        <span className="ho-live" data-testid="branch-contact">
          {/* Live as the last list said: once that is old (this device offline), said with its time. */}
          {now - row.branch.knownAt <= row.branch.liveForMs
            ? t('headOffice.branch.live')
            : t('headOffice.branch.liveAsOf', { time: shortDateTime(language, row.branch.knownAt, now) })}
        </span>
      ) : (
        <span className="ho-silent" data-testid="branch-contact">
          {contact === null || !Number.isFinite(contact)
            ? t('headOffice.branch.neverHeard')
            : t('headOffice.branch.silent', { since: shortDateTime(language, contact, now), ago: agoText(t, contact, now) })}
        </span>
      )}
    </>
  );
}

function IncidentCell({ row }: { row: OverviewRow }) {
  return (
    <>
      <Link href={branchIncidentHref(row)} className="ho-title">
        {row.title}
      </Link>
      {row.place ? <span className="ho-place">{row.place}</span> : null}
      <Badges row={row} />
    </>
  );
}

function Steps({ row }: { row: OverviewRow }) {
  const t = useWords();
  return (
    <span data-testid="steps">
      {row.total === null
        ? t('headOffice.steps.noPlan', { done: row.done, skipped: row.skipped })
        : t('headOffice.steps', { done: row.done, skipped: row.skipped, total: row.total })}
    </span>
  );
}

function When({ ms, now }: { ms: number; now: number }) {
  const language = useSession((s) => s.language);
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(language, ms)}>
      {shortDateTime(language, ms, now)}
    </time>
  );
}

/** The open incidents as a table (tablet, desktop): one row each, the safety-critical numbers in their own columns. */
export function OpenTable({ rows, now, labelledBy }: { rows: readonly OverviewRow[]; now: number; labelledBy: string }) {
  const t = useWords();
  return (
    <div className="ho-table-wrap">
      <table className="ho-table" aria-labelledby={labelledBy} data-testid="open-incidents">
        <thead>
          <tr>
            <th scope="col" className="ho-col-incident">
              {t('headOffice.col.incident')}
            </th>
            <th scope="col" className="num">
              {t('headOffice.col.unaccounted')}
            </th>
            <th scope="col" className="num">
              {t('headOffice.col.overdue')}
            </th>
            <th scope="col" className="ho-col-steps">
              {t('headOffice.col.steps')}
            </th>
            <th scope="col">{t('headOffice.col.commander')}</th>
            <th scope="col">{t('headOffice.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.orgId} ${row.incidentId}`} className={needsAttention(row) ? 'attention' : undefined} data-testid={`row-${row.incidentId}`}>
              <th scope="row">
                <BranchCell row={row} now={now} />
                <IncidentCell row={row} />
              </th>
              <td className="num">
                <Figure value={row.unaccounted} unknownWhy={t('headOffice.unknown.noRoster')} testId="unaccounted" />
              </td>
              <td className="num">
                <Figure value={row.overdue} unknownWhy={t('headOffice.unknown.noPlaybook')} testId="overdue" />
              </td>
              <td>
                <Steps row={row} />
              </td>
              <td>{row.commander ?? '—'}</td>
              <td className="ho-when">
                <span>
                  {t('headOffice.col.started')} <When ms={row.startedAt} now={now} />
                </span>
                <span>
                  {t('headOffice.col.lastUpdate')} <When ms={row.lastUpdateAt} now={now} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pair({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The open incidents as cards (phone, or large text): the same figures, the safety-critical ones first. */
export function OpenCards({ rows, now }: { rows: readonly OverviewRow[]; now: number }) {
  const t = useWords();
  return (
    <ul className="ho-cards" data-testid="open-incidents">
      {rows.map((row) => (
        <li key={`${row.orgId} ${row.incidentId}`} className={needsAttention(row) ? 'ho-card attention' : 'ho-card'} data-testid={`row-${row.incidentId}`}>
          <p className="ho-card-branch">
            <BranchCell row={row} now={now} />
          </p>
          <p className="ho-card-title">
            <IncidentCell row={row} />
          </p>
          <dl className="ho-figures">
            <Pair label={t('headOffice.col.unaccounted')}>
              <Figure value={row.unaccounted} unknownWhy={t('headOffice.unknown.noRoster')} testId="unaccounted" />
            </Pair>
            <Pair label={t('headOffice.col.overdue')}>
              <Figure value={row.overdue} unknownWhy={t('headOffice.unknown.noPlaybook')} testId="overdue" />
            </Pair>
            <Pair label={t('headOffice.col.steps')}>
              <Steps row={row} />
            </Pair>
            <Pair label={t('headOffice.col.commander')}>{row.commander ?? '—'}</Pair>
            <Pair label={t('headOffice.col.started')}>
              <When ms={row.startedAt} now={now} />
            </Pair>
            <Pair label={t('headOffice.col.lastUpdate')}>
              <When ms={row.lastUpdateAt} now={now} />
            </Pair>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The incidents closed lately: a short list, each opening to its timeline and report. */
export function ClosedList({ rows, now }: { rows: readonly OverviewRow[]; now: number }) {
  const t = useWords();
  return (
    <ul className="ho-closed" data-testid="closed-incidents">
      {rows.map((row) => (
        <li key={`${row.orgId} ${row.incidentId}`} className="ho-closed-item">
          <span className="ho-branch">{row.branch.name}</span>
          <span className="ho-closed-title">
            <IncidentCell row={row} />
          </span>
          <span className="card-meta">
            {t('headOffice.col.started')} <When ms={row.startedAt} now={now} /> · {t('headOffice.col.closed')}{' '}
            <When ms={row.closedAt ?? row.lastUpdateAt} now={now} /> · <Steps row={row} />
          </span>
          <Link href={branchIncidentHref(row, 'report')} className="ho-report-link">
            {t('headOffice.tab.report')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
