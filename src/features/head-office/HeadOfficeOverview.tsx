import { useState } from 'react';
import { Loading } from '../../ui/Loading';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import type { BranchProblem } from '../../storage/branches';
import { useHeadOfficeOverview, type HeadOfficeOverview as Overview } from './hooks';
import { BranchDrills } from './BranchDrills';
import { ClosedList, OpenCards, OpenTable, useWideEnough } from './IncidentRows';
import { messages } from './messages';
import { needsAttention } from './overview';
import { asOfTime } from './when';
import './head-office.css';

/** Below this width (in rem, so large text counts) the open incidents are cards, as on a phone. */
const TABLE_MIN_REM = 44;

/** What stopped the list from being read, in the user's words; the server's own words follow. */
function ListProblem({ problem, listedAt, now }: { problem: BranchProblem; listedAt: number | null; now: number }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  if (problem.kind === 'offline')
    return (
      <p className="callout ho-warning" role="status" data-testid="head-office-problem">
        {t('headOffice.problem.offline', { time: asOfTime(language, listedAt ?? problem.at, now) })}
      </p>
    );
  return (
    <p className="error-box" role="alert" data-testid="head-office-problem">
      {problem.kind === 'unauthorized'
        ? t('headOffice.problem.unauthorized', { detail: problem.message })
        : t('headOffice.problem.other', { detail: problem.message })}
    </p>
  );
}

/** Branches whose last pull failed, or that hold records this app cannot read: said, never hidden. */
function BranchNotes({ overview }: { overview: Overview }) {
  const t = useText(messages);
  const notes = overview.branches.flatMap((b) => [
    ...(b.problem ? [{ key: `${b.orgId} problem`, text: t('headOffice.branchProblem', { branch: b.name, detail: b.problem.message }) }] : []),
    ...(b.unreadable > 0 ? [{ key: `${b.orgId} unreadable`, text: t('headOffice.unreadable', { branch: b.name, count: b.unreadable }) }] : []),
  ]);
  if (notes.length === 0) return null;
  return (
    <ul className="callout ho-warning ho-notes" data-testid="branch-problems">
      {notes.map((n) => (
        <li key={n.key}>{n.text}</li>
      ))}
    </ul>
  );
}

/**
 * Head office's overview: every branch's open incidents, what needs attention first (people
 * unaccounted, overdue steps, a silent branch), the drills due at branches, then the incidents
 * closed in the last 90 days. Read
 * only, from this device's copy: offline it shows what it has, and says as of when.
 */
export function HeadOfficeOverview() {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const overview = useHeadOfficeOverview();
  // A state, not a ref: the section appears only once the data is read, and is measured then.
  const [section, setSection] = useState<HTMLElement | null>(null);
  const wide = useWideEnough(section, TABLE_MIN_REM);
  const { state, problem } = overview.head;
  if (overview.status === 'loading') return <Loading />;
  // Only a head-office device is given its branches (the sync engine asks only for such a device).
  const mayRead = state !== null;
  const attention = overview.open.filter(needsAttention).length;
  const silent = overview.branches.filter((b) => !b.live).length;
  return (
    <div className="head-office" data-testid="head-office">
      <header className="ho-head">
        <h1>{t('headOffice.title')}</h1>
        {state ? (
          <p className="ho-meta">
            <span>{t('headOffice.org', { org: state.org.name, count: overview.branches.length })}</span>{' '}
            <strong className="ho-as-of" data-testid="as-of">
              {t('headOffice.asOf', { time: asOfTime(language, state.listedAt, overview.now) })}
            </strong>
          </p>
        ) : null}
        {problem ? <ListProblem problem={problem} listedAt={state?.listedAt ?? null} now={overview.now} /> : null}
        {overview.readError ? (
          <p className="error-box" role="alert">
            {t('headOffice.readFailed', { detail: overview.readError })}
          </p>
        ) : null}
        {state === null && problem === null ? (
          <p className="callout" role="note" data-testid="nothing-yet">
            {t('headOffice.nothingYet')}
          </p>
        ) : null}
        {state ? (
          <p className="ho-summary" data-testid="head-office-summary">
            {t('headOffice.summary', { open: overview.open.length, attention, silent })}
          </p>
        ) : null}
      </header>
      {mayRead ? (
        <>
          <BranchNotes overview={overview} />
          <section aria-labelledby="ho-open-heading" ref={setSection}>
            <h2 id="ho-open-heading">{t('headOffice.open.title')}</h2>
            {overview.reading > 0 ? (
              <p className="empty" role="status">
                {t('headOffice.loadingBranches', { count: overview.reading })}
              </p>
            ) : null}
            {overview.open.length === 0 ? (
              overview.reading === 0 ? (
                <p className="empty" data-testid="no-open-incidents">
                  {t('headOffice.open.empty')}
                </p>
              ) : null
            ) : wide ? (
              <OpenTable rows={overview.open} now={overview.now} labelledBy="ho-open-heading" />
            ) : (
              <OpenCards rows={overview.open} now={overview.now} />
            )}
          </section>
          <BranchDrills branches={overview.branches} now={overview.now} />
          <section aria-labelledby="ho-closed-heading">
            <h2 id="ho-closed-heading">{t('headOffice.closed.title')}</h2>
            {overview.closed.length === 0 ? <p className="empty">{t('headOffice.closed.empty')}</p> : <ClosedList rows={overview.closed} now={overview.now} />}
          </section>
        </>
      ) : null}
    </div>
  );
}
