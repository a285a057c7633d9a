import { missingBeforeDeadline, type CampaignState } from '../../domain/campaign';
import { messages as termMessages } from '../../domain/campaign/messages';
import type { MusterEvent } from '../../domain/event';
import type { Playbook } from '../../domain/playbook/schema';
import { commandNames } from '../../domain/playbook/names';
import { Loading } from '../../ui/Loading';
import { retryFailedScreens } from '../../ui/lazy-screen';
import { Link } from '../../ui/router';
import { ErrorBoundary, ScreenError } from '../../ui/ScreenError';
import { useText } from '../../ui/text';
import { playbookMessages } from '../playbooks';
import { todayOnDevice } from './dates';
import { Deadline } from './Deadline';
import { LoansTab } from './LoansTab';
import { messages } from './messages';
import { WhoAmI } from './parts';
import { useCampaignPlaybook } from './playbook';
import { ProgressTab } from './ProgressTab';
import { ReportTab } from './ReportTab';
import { RisksTab } from './RisksTab';
import { useCampaign } from './store';
import { TriggersTab } from './TriggersTab';
import './campaign.css';

const TABS = ['progress', 'loans', 'risks', 'triggers', 'report'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS = {
  progress: 'campaign.tab.progress',
  loans: 'campaign.tab.loans',
  risks: 'campaign.tab.risks',
  triggers: 'campaign.tab.triggers',
  report: 'campaign.tab.report',
} as const;

function CampaignBody({ state, events, playbook, tab }: { state: CampaignState; events: readonly MusterEvent[]; playbook: Playbook; tab: Tab }) {
  const t = useText(messages, termMessages);
  const today = todayOnDevice();
  const s = state.started;
  const missing = missingBeforeDeadline(state, playbook, today);
  const lead = playbook.campaign ? (commandNames(playbook).get(playbook.campaign.lead) ?? playbook.campaign.lead) : null;
  return (
    <div className="campaign-page">
      <header className="campaign-head">
        <h1>{s.title}</h1>
        <p className="card-meta">
          {t('campaign.window', { start: s.windowStart, end: s.windowEnd })} · {t('campaign.referenceDate', { date: s.referenceDate })}
          {lead ? ` · ${t('campaign.start.lead', { office: lead })}` : ''}
        </p>
        <p data-testid="campaign-deadline">
          <Deadline deadline={s.deadline} today={today} submitted={state.submitted !== null} />
        </p>
        <WhoAmI />
      </header>
      <nav className="tabs" aria-label={t('campaign.tabs')}>
        {TABS.map((k) => (
          <Link
            key={k}
            href={`/campaigns/${encodeURIComponent(state.streamId)}?tab=${k}`}
            replace
            aria-current={tab === k ? 'page' : undefined}
            data-testid={`tab-${k}`}
          >
            {t(TAB_LABELS[k])}
          </Link>
        ))}
      </nav>
      <div className="tab-panel">
        <ErrorBoundary resetKey={tab} fallback={(error) => <ScreenError error={error} level={2} />} onError={retryFailedScreens}>
          {tab === 'progress' ? <ProgressTab state={state} playbook={playbook} missing={missing} /> : null}
          {tab === 'loans' ? <LoansTab state={state} playbook={playbook} /> : null}
          {tab === 'risks' ? <RisksTab state={state} playbook={playbook} /> : null}
          {tab === 'triggers' ? <TriggersTab state={state} playbook={playbook} /> : null}
          {tab === 'report' ? <ReportTab state={state} playbook={playbook} events={events} /> : null}
        </ErrorBoundary>
      </div>
    </div>
  );
}

/** One campaign: progress per unit, the entry forms, and the report, all from the events on this device. */
export function CampaignPage({ id, tab }: { id: string; tab: string | null }) {
  const t = useText(messages);
  const tPlaybook = useText(playbookMessages);
  const view = useCampaign(id);
  const state = view.state?.state ?? null;
  const load = useCampaignPlaybook(state?.started);
  if (view.status === 'failed') return <p role="alert">{view.error}</p>;
  if (view.status === 'loading' || !view.state) return <Loading />;
  if (!state)
    return (
      <>
        <h1>{t('campaign.notFound')}</h1>
        <p>{t('campaign.notFoundHint')}</p>
        <Link href="/campaigns">{t('campaign.back')}</Link>
      </>
    );
  if (load.status === 'loading') return <Loading />;
  if (load.status !== 'ready')
    return (
      <>
        <h1>{state.started.title}</h1>
        <p role="alert">{tPlaybook('reader.missing')}</p>
      </>
    );
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'progress';
  return <CampaignBody state={state} events={view.state.events} playbook={load.playbook} tab={current} />;
}
