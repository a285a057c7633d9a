import { playbooksForKind } from '../../domain/playbook-choice';
import { stampTime } from '../../domain/hlc';
import { formatDateTime } from '../../ui/date-time';
import { Loading } from '../../ui/Loading';
import { Link, useQueryString } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { playbookMessages, usePlaybookLibrary } from '../playbooks';
import { campaignOrder, todayOnDevice } from './dates';
import { Deadline } from './Deadline';
import { messages as dueMessages } from './due.messages';
import { useCampaignList } from './listing';
import { messages } from './messages';
import { StartCampaign } from './StartCampaign';
import './campaign.css';

/** The address of the start form for one campaign playbook: a real link, so Back returns to the list. */
export const startHref = (playbookId: string, language: string) => `/campaigns?start=${encodeURIComponent(playbookId)}&lang=${encodeURIComponent(language)}`;

/** The campaign playbooks on this device, each a way to start one (a campaign is not an emergency: it is never started from "start an incident"). */
function StartChoices() {
  const t = useText(messages);
  const tPlaybook = useText(playbookMessages);
  const ui = useSession((s) => s.language);
  const library = usePlaybookLibrary();
  if (library === undefined) return <Loading />;
  const offers = playbooksForKind(library, 'campaign', ui);
  return (
    <section aria-labelledby="campaign-start-h">
      <h2 id="campaign-start-h">{t('campaign.list.start')}</h2>
      {offers.length === 0 ? (
        <>
          <p className="empty">{t('campaign.list.noPlaybook')}</p>
          <Link href="/playbooks/import" className="button">
            {tPlaybook('library.import')}
          </Link>
        </>
      ) : (
        <ul className="cards">
          {offers.map((o) => (
            <li key={o.plan.id}>
              <Link className="card card-link kind-campaign" href={startHref(o.plan.id, o.plan.language)} data-testid={`start-campaign-${o.plan.id}`}>
                <span className="card-title" lang={o.plan.language}>
                  {o.plan.title}
                </span>
                <span className="card-meta">{t('campaign.list.startWith')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Campaigns() {
  const t = useText(messages, dueMessages);
  const language = useSession((s) => s.language);
  const list = useCampaignList();
  if (list === undefined) return <Loading />;
  const today = todayOnDevice();
  return (
    <div className="stack">
      <h1>{t('campaignDue.title')}</h1>
      {list.length === 0 ? (
        <p className="empty">{t('campaign.list.empty')}</p>
      ) : (
        <ul className="cards" data-testid="campaign-list">
          {campaignOrder(list).map((c) => (
            <li key={c.streamId}>
              <Link className="card card-link kind-campaign" href={`/campaigns/${encodeURIComponent(c.streamId)}`} data-testid={`campaign-${c.streamId}`}>
                <span className="card-title">{c.started.title}</span>
                <Deadline deadline={c.started.deadline} today={today} submitted={c.submitted} />
                <span className="card-meta">
                  {t('campaign.window', { start: c.started.windowStart, end: c.started.windowEnd })} ·{' '}
                  {t('campaign.list.startedBy', { actor: c.actor, time: formatDateTime(language, stampTime(c.hlc)) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <StartChoices />
    </div>
  );
}

/** /campaigns: the campaigns on this device, open ones first, and starting one from a campaign playbook (`?start=<id>&lang=<language>`). */
export function CampaignList() {
  const query = new URLSearchParams(useQueryString());
  const start = query.get('start');
  const language = query.get('lang');
  if (start && language) return <StartCampaign key={`${start} ${language}`} playbookId={start} language={language} />;
  return <Campaigns />;
}
