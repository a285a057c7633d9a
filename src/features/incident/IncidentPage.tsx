import { messages as reportMessages } from '../../domain/report/messages';
import { Loading } from '../../ui/Loading';
import { ErrorBoundary, ScreenError } from '../../ui/ScreenError';
import { Suspense, useMemo, useState } from 'react';
import { lazyScreen, retryFailedScreens } from '../../ui/lazy-screen';
import { useText } from '../../ui/text';
import { messages as uiMessages } from '../../ui/messages';
import { messages } from './messages';
import { messages as nowMessages } from './now.messages';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { currentCommander, type IncidentState } from '../../domain/incident';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Playbook } from '../../domain/playbook/schema';
import { DutyLogDuring, dutyLogMessages } from '../duty-log';
import { playbookMessages, usePlaybook } from '../playbooks';
import { playbookNames } from '../../domain/playbook/names';
import { twinCovers, twinLanguage } from '../../domain/playbook-choice';
import { HandOver } from './HandOver';
import { Ending } from './Ending';
import { Headcount } from './Headcount';
import { formatElapsed, useNow, useWakeLock } from './hooks';
import { useIncident } from './incident-store';
import { Losses } from './Losses';
import { NowView } from './NowView';
import { RolesPanel } from './RolesPanel';
import { StepChecklist } from './StepChecklist';
import { Timeline } from './Timeline';
import './incident.css';

// "now" first: the incident opens on the next steps, the calls and the headcount (issue 18).
const TABS = ['now', 'steps', 'timeline', 'roles', 'people', 'log', 'losses', 'end', 'report'] as const;

// The report code (four exporters, SHA-256) loads only when the Report tab is opened.
// Loaded on demand, and fetched again after a failed load once the error has been shown.
const ReportPanel = lazyScreen(
  () => import('../report'),
  (m) => m.ReportPanel,
).Component;
type Tab = (typeof TABS)[number];
const TAB_LABELS = {
  now: 'incident.tab.now',
  steps: 'incident.tab.steps',
  timeline: 'section.timeline',
  roles: 'incident.tab.roles',
  people: 'incident.tab.people',
  log: 'duty.title',
  losses: 'incident.tab.losses',
  end: 'incident.tab.end',
  report: 'incident.tab.report',
} as const;

/** The person using this device: every record carries this name; changed when the phone is passed on. */
function WhoAmI({ name }: { name: string }) {
  const t = useText(messages, uiMessages, reportMessages, dutyLogMessages);
  const common = useText(uiMessages);
  const setActorName = useSession((s) => s.setActorName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (!editing)
    return (
      <p className="card-meta">
        {t('incident.you', { name: name || common('record.actor.unknown') })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
          data-testid="change-name"
        >
          {t('incident.changeName')}
        </button>
      </p>
    );
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        setActorName(draft);
        setEditing(false);
      }}
    >
      <input aria-label={t('incident.start.you')} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={TEXT_LIMITS.name} required autoFocus />
      <button type="submit" className="button">
        {common('form.save')}
      </button>
    </form>
  );
}

/** Handing over command and the name this phone records under: atop every tab but "now", where they follow the next steps. */
function CommandAndName({ incident, playbook, closed }: { incident: IncidentState; playbook: Playbook; closed: boolean }) {
  const actorName = useSession((s) => s.actorName);
  return (
    <>
      {closed ? null : <HandOver incident={incident} playbook={playbook} />}
      <WhoAmI name={actorName} />
    </>
  );
}

/**
 * The incident's screens read `playbook` (in the app's language where a twin covers the same
 * steps); the report is built from `recorded`, the playbook the incident was started with (it
 * finds its own twin for the report's language). `noTwin` names the recorded language when the
 * app's language has no twin on this device.
 */
function IncidentBody({
  incident,
  playbook,
  recorded,
  noTwin,
  tab,
}: {
  incident: IncidentState;
  playbook: Playbook;
  recorded: Playbook;
  noTwin: string | null;
  tab: Tab;
}) {
  const t = useText(messages, uiMessages, reportMessages, dutyLogMessages, nowMessages);
  const now = useNow(15_000);
  const closed = incident.phase === 'closed';
  useWakeLock(!closed);
  const names = useMemo(() => playbookNames(playbook), [playbook]);
  const declared = incident.declared;
  const commander = currentCommander(incident);
  const started = declared?.at ?? now;
  const end = incident.closure?.at ?? null;
  const onNow = tab === 'now';
  return (
    <div className="incident-page">
      <header className={onNow ? 'incident-head now-head' : 'incident-head'}>
        <h1>
          <span className={`badge ${declared?.mode ?? 'real'}`}>{t(declared?.mode === 'drill' ? 'mode.drill' : 'incident.mode.real')}</span> {declared?.title}
        </h1>
        <p className="card-meta">
          {declared?.place ? `${declared.place} · ` : ''}
          <span data-testid="phase">{t(`phase.${incident.phase}`)}</span> · {t('incident.elapsed', { time: formatElapsed((end ?? now) - started) })}
        </p>
        {onNow ? null : <CommandAndName incident={incident} playbook={playbook} closed={closed} />}
        <p className="card-meta">
          <Link href={`/incidents/${encodeURIComponent(incident.id)}/handover`} data-testid="handover-share-link">
            {t('incident.handover')}
          </Link>
        </p>
        {closed ? (
          <p className="callout" role="note">
            {t('incident.readOnly')}
          </p>
        ) : null}
        {noTwin ? (
          <p className="callout" role="note" data-testid="no-twin">
            {t('incident.noTwin', { language: noTwin })}
          </p>
        ) : null}
      </header>
      <div className="incident-sticky">
        <div className="commander-bar" data-testid="commander">
          <span className="label">{t('incident.commander')}</span>
          <strong>{commander?.person}</strong>
          {commander?.role ? <span className="card-meta"> {names.get(commander.role) ?? commander.role}</span> : null}
        </div>
        <nav className="tabs" aria-label={t('incident.tabs')}>
          {TABS.map((k) => (
            <Link key={k} href={`/incidents/${encodeURIComponent(incident.id)}?tab=${k}`} replace aria-current={tab === k ? 'page' : undefined}>
              {t(TAB_LABELS[k])}
            </Link>
          ))}
        </nav>
      </div>
      <div className="tab-panel">
        {/* A tab that fails (the report's code, say) leaves the header, commander and tabs usable. */}
        <ErrorBoundary resetKey={tab} fallback={(error) => <ScreenError error={error} level={2} />} onError={retryFailedScreens}>
          {onNow ? (
            <>
              <NowView incident={incident} playbook={playbook} names={names} now={now} readOnly={closed} />
              <div className="now-foot">
                <CommandAndName incident={incident} playbook={playbook} closed={closed} />
              </div>
            </>
          ) : null}
          {tab === 'steps' ? <StepChecklist incident={incident} playbook={playbook} names={names} now={now} readOnly={closed} /> : null}
          {tab === 'timeline' ? <Timeline incident={incident} names={names} readOnly={closed} /> : null}
          {tab === 'roles' ? <RolesPanel incident={incident} playbook={playbook} readOnly={closed} /> : null}
          {tab === 'people' ? <Headcount incident={incident} playbook={playbook} readOnly={closed} /> : null}
          {tab === 'log' ? <DutyLogDuring from={started} to={end} /> : null}
          {tab === 'losses' ? <Losses incident={incident} readOnly={closed} /> : null}
          {tab === 'end' ? <Ending incident={incident} playbook={playbook} /> : null}
          {tab === 'report' ? (
            <Suspense fallback={<Loading />}>
              <ReportPanel incident={incident} playbook={recorded} />
            </Suspense>
          ) : null}
        </ErrorBoundary>
      </div>
    </div>
  );
}

/** One incident: its commander, checklist, timeline and the rest, all from the events on this device. */
export function IncidentPage({ id, tab }: { id: string; tab: string | null }) {
  const t = useText(messages, uiMessages, reportMessages, dutyLogMessages);
  const tPlaybook = useText(playbookMessages);
  const ui = useSession((s) => s.language);
  const view = useIncident(id);
  const declared = view.state?.declared;
  const recordedLanguage = declared?.playbookLanguage ?? ui;
  const load = usePlaybook(declared?.playbookId ?? '', recordedLanguage);
  // Switching the app's language shows the twin's words for the same step ids; the incident keeps its recorded playbook.
  const wanted = twinLanguage(recordedLanguage, ui);
  const twin = usePlaybook(wanted ? (declared?.playbookId ?? '') : '', ui);
  if (view.status === 'failed') return <p role="alert">{view.error}</p>;
  if (view.status === 'loading' || !view.state) return <Loading />;
  if (!declared) return <h1>{t('incident.notFound')}</h1>;
  if (load.status === 'loading') return <Loading />;
  if (load.status !== 'ready') return <p role="alert">{tPlaybook('reader.missing')}</p>;
  // While the twin loads the recorded words stay on screen (the tabs are not torn down by a switch of language).
  const translated = wanted && twin.status === 'ready' && twinCovers(load.playbook, twin.playbook) ? twin.playbook : null;
  const noTwin = wanted && twin.status !== 'loading' && !translated ? recordedLanguage : null;
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'now';
  return <IncidentBody incident={view.state} playbook={translated ?? load.playbook} recorded={load.playbook} noTwin={noTwin} tab={current} />;
}

// Head office shows another branch's incident with these same parts, read only: the app hands
// them over from this chunk (src/app/App.tsx), so ordinary phones download them once, here.
export { Headcount, ReportPanel, StepChecklist, Timeline };
