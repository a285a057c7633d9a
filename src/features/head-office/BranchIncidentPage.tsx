import { messages as reportMessages } from '../../domain/report/messages';
import { Suspense, useMemo, type ComponentType } from 'react';
import { currentCommander, type IncidentState } from '../../domain/incident';
import { playbookNames } from '../../domain/playbook/names';
import type { Playbook } from '../../domain/playbook/schema';
import type { MusterEvent } from '../../domain/event';
import { retryFailedScreens } from '../../ui/lazy-screen';
import { Loading } from '../../ui/Loading';
import { Link } from '../../ui/router';
import { ErrorBoundary, ScreenError } from '../../ui/ScreenError';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { playbookMessages, usePlaybook } from '../playbooks';
import { useBranchIncident, useBranchReportSources, useNow } from './hooks';
import { branchIncidentHref } from './IncidentRows';
import { messages } from './messages';
import { asOfTime } from './when';
import './head-office.css';

/**
 * The incident page's own parts, handed in by the app (the incident feature offers them to no
 * other feature): each is shown read only, so no Done, Skip, note or headcount button is drawn.
 */
export interface IncidentParts {
  readonly StepChecklist: ComponentType<{ incident: IncidentState; playbook: Playbook; names: Map<string, string>; now: number; readOnly: true }>;
  readonly Timeline: ComponentType<{ incident: IncidentState; names: Map<string, string>; readOnly: true }>;
  readonly Headcount: ComponentType<{ incident: IncidentState; readOnly: true }>;
  /** The report tab (its code loads when it is opened): exports build from the incident's events and the branch's `sources`. */
  readonly ReportPanel: ComponentType<{ incident: IncidentState; playbook: Playbook; sources?: ReportSources | undefined }>;
}

/** The report's other sources, as ReportPanel takes them (the report feature's own type). */
interface ReportSources {
  readonly dutyEvents: readonly MusterEvent[];
  readonly previousDrill: readonly MusterEvent[] | undefined;
  readonly dutySite: string;
}

const TABS = ['steps', 'timeline', 'people', 'report'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = { steps: 'headOffice.col.steps', timeline: 'section.timeline', people: 'headOffice.tab.people', report: 'headOffice.tab.report' } as const;

interface PageProps {
  orgId: string;
  incidentId: string;
  tab: string | null;
}

/**
 * The playbook the incident runs, as recorded (its language, so its steps are the ones the
 * branch followed); a copy in the app's language when the recorded one is not on this device.
 */
function useIncidentPlaybook(incident: IncidentState | null): { playbook: Playbook | null; loading: boolean } {
  const ui = useSession((s) => s.language);
  const declared = incident?.declared;
  const recorded = usePlaybook(declared?.playbookId ?? '', declared?.playbookLanguage ?? ui);
  const other = usePlaybook(recorded.status === 'missing' ? (declared?.playbookId ?? '') : '', ui);
  if (!declared) return { playbook: null, loading: false };
  const playbook = recorded.status === 'ready' ? recorded.playbook : other.status === 'ready' ? other.playbook : null;
  return { playbook, loading: recorded.status === 'loading' || (recorded.status === 'missing' && other.status === 'loading') };
}

/**
 * Another branch's incident, read only: its checklist, timeline, headcount and report, from
 * head office's copy of the branch's events. The banner says whose it is, that nothing can be
 * recorded here, and as of when the records are.
 */
function BranchIncidentPage({ orgId, incidentId, tab, parts }: PageProps & { parts: IncidentParts }) {
  const t = useText(messages, reportMessages, playbookMessages);
  const language = useSession((s) => s.language);
  const now = useNow(15_000);
  const view = useBranchIncident(orgId, incidentId);
  const { incident, branch } = view;
  const { playbook, loading } = useIncidentPlaybook(incident);
  const names = useMemo(() => (playbook ? playbookNames(playbook) : new Map<string, string>()), [playbook]);
  const reportSources = useBranchReportSources(orgId, branch?.name ?? orgId, incident);
  if (view.status === 'loading' || loading) return <Loading />;
  const declared = incident?.declared;
  if (!incident || !declared)
    return (
      <>
        <h1>{t('headOffice.incident.notFound')}</h1>
        <Link href="/head-office">{t('headOffice.incident.back')}</Link>
      </>
    );
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'steps';
  const commander = currentCommander(incident);
  const branchName = branch?.name ?? orgId;
  const { StepChecklist, Timeline, Headcount, ReportPanel } = parts;
  return (
    <div className="incident-page ho-incident" data-testid="branch-incident">
      <p className="ho-back">
        <Link href="/head-office">{t('headOffice.incident.back')}</Link>
      </p>
      <div className="ho-banner" role="note" data-testid="read-only-banner">
        <strong className="ho-banner-title">{t('headOffice.incident.banner', { branch: branchName })}</strong>
        <span>{t('headOffice.incident.explain')}</span>
        <span className="ho-as-of" data-testid="as-of">
          {branch?.currentAt != null ? t('headOffice.incident.asOf', { time: asOfTime(language, branch.currentAt, now) }) : t('headOffice.incident.notCurrent')}
        </span>
        {branch?.problem ? (
          <span role="alert" className="ho-silent">
            {t('headOffice.branchProblem', { branch: branchName, detail: branch.problem.message })}
          </span>
        ) : null}
      </div>
      <header className="incident-head">
        <h1>
          <span className={`badge ${declared.mode}`}>{t(declared.mode === 'drill' ? 'mode.drill' : 'headOffice.mode.real')}</span> {declared.title}
        </h1>
        <p className="card-meta">
          {declared.place ? `${declared.place} · ` : ''}
          <span data-testid="phase">{t(`phase.${incident.phase}`)}</span>
        </p>
      </header>
      <div className="incident-sticky">
        <div className="commander-bar" data-testid="commander">
          <span className="label">{t('headOffice.col.commander')}</span>
          <strong>{commander?.person}</strong>
          {commander?.role ? <span className="card-meta"> {names.get(commander.role) ?? commander.role}</span> : null}
        </div>
        <nav className="tabs" aria-label={t('headOffice.incident.sections')}>
          {TABS.map((k) => (
            <Link key={k} href={branchIncidentHref({ orgId, incidentId }, k)} replace aria-current={current === k ? 'page' : undefined}>
              {t(TAB_LABELS[k])}
            </Link>
          ))}
        </nav>
      </div>
      {playbook === null ? (
        <p className="callout" role="note" data-testid="no-playbook">
          {t('headOffice.incident.noPlaybook', { playbook: declared.playbookId })}
        </p>
      ) : null}
      <div className="tab-panel">
        <ErrorBoundary resetKey={current} fallback={(error) => <ScreenError error={error} level={2} />} onError={retryFailedScreens}>
          {current === 'steps' && playbook ? <StepChecklist incident={incident} playbook={playbook} names={names} now={now} readOnly /> : null}
          {current === 'timeline' ? <Timeline incident={incident} names={names} readOnly /> : null}
          {current === 'people' ? <Headcount incident={incident} readOnly /> : null}
          {current === 'report' && playbook ? (
            reportSources ? (
              <Suspense fallback={<Loading />}>
                <ReportPanel incident={incident} playbook={playbook} sources={reportSources} />
              </Suspense>
            ) : (
              <Loading />
            )
          ) : null}
        </ErrorBoundary>
      </div>
    </div>
  );
}

/** The screen with the incident page's parts the app hands in (see IncidentParts). */
export function branchIncidentScreen(parts: IncidentParts): ComponentType<PageProps> {
  return function BranchIncidentScreen(props: PageProps) {
    return <BranchIncidentPage {...props} parts={parts} />;
  };
}
