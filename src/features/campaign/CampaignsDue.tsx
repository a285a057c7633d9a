import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { campaignOrder, todayOnDevice } from './dates';
import { Deadline } from './Deadline';
import { messages } from './due.messages';
import { useCampaignList } from './listing';

/**
 * On the home screen: the campaigns still open on this device, the nearest deadline first, each
 * with its days left (overdue in alarm style). Nothing at all when none is open.
 */
export function CampaignsDue() {
  const t = useText(messages);
  const open = campaignOrder(useCampaignList() ?? []).filter((c) => !c.submitted);
  if (open.length === 0) return null;
  const today = todayOnDevice();
  return (
    <section className="campaigns-due" aria-labelledby="campaigns-due-h" data-testid="campaigns-due">
      <h2 id="campaigns-due-h">{t('campaignDue.open')}</h2>
      <ul className="cards">
        {open.map((c) => (
          <li key={c.streamId}>
            <Link className="card card-link kind-campaign" href={`/campaigns/${encodeURIComponent(c.streamId)}`} data-testid={`campaign-due-${c.streamId}`}>
              <span className="card-title">{c.started.title}</span>
              <Deadline deadline={c.started.deadline} today={today} submitted={false} />
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/campaigns">{t('campaignDue.all')}</Link>
      </p>
    </section>
  );
}
