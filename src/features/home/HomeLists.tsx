import { Suspense, lazy } from 'react';
import { messages as reportMessages } from '../../domain/report/messages';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { messages } from './messages';
import { dutyLogMessages } from '../duty-log';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { stampTime } from '../../domain/hlc';
import { incidentMessages, useIncidentList, type IncidentSummary } from '../incident';
import { PlaybookList, playbookMessages } from '../playbooks';

// Rounds, drills and campaigns due: their own chunk. They arrive after the lists (they read the
// playbooks), so they come last: arriving above the lists would shift the screen under a thumb.
const BetweenEmergencies = lazy(() => import('./BetweenEmergencies').then((m) => ({ default: m.BetweenEmergencies })));

function IncidentCard({ incident: i }: { incident: IncidentSummary }) {
  const t = useText(messages, reportMessages);
  const tIncident = useText(incidentMessages, reportMessages);
  const language = useSession((s) => s.language);
  return (
    <li>
      <Link className="card card-link" href={`/incidents/${encodeURIComponent(i.id)}`}>
        <span className="card-title">
          <span className={`badge ${i.mode}`}>{tIncident(i.mode === 'drill' ? 'mode.drill' : 'incident.mode.real')}</span> {i.title}
        </span>
        <span className="card-meta">{t('home.incidents.started', { time: formatDateTime(language, stampTime(i.hlc)), actor: i.actor })}</span>
      </Link>
    </li>
  );
}

/**
 * The incident open on this device, newest first, as the biggest button of the home screen: at
 * 2 a.m. the officer who put the phone away comes back to it with one tap. Other open ones are
 * in the list below.
 */
export function ResumeIncident() {
  const t = useText(incidentMessages, reportMessages);
  const language = useSession((s) => s.language);
  const latest = useIncidentList()?.find((i) => !i.closed);
  if (!latest) return null;
  return (
    <Link className="home-resume" href={`/incidents/${encodeURIComponent(latest.id)}`} data-testid="home-resume">
      <span className="home-resume-title">
        <span className={`badge ${latest.mode}`}>{t(latest.mode === 'drill' ? 'mode.drill' : 'incident.mode.real')}</span>{' '}
        {t('incident.start.resume', { title: latest.title })}
      </span>
      <span className="home-resume-meta">{t('incident.start.resumeMeta', { time: formatDateTime(language, stampTime(latest.hlc)), actor: latest.actor })}</span>
    </Link>
  );
}

/** The home screen's lists: open and closed incidents, playbooks (read from IndexedDB). */
export function HomeLists() {
  const t = useText(messages, reportMessages);
  const tIncident = useText(incidentMessages);
  const tDuty = useText(dutyLogMessages);
  const tPlaybook = useText(playbookMessages);
  const all = useIncidentList();
  const incidents = all?.filter((i) => !i.closed);
  const closed = all?.filter((i) => i.closed) ?? [];
  // Head office's way to its overview, only on a device that holds branches: a head-office one
  // (the sync engine drops them when the role is taken away). Its screens load when opened.
  const headOffice = useLiveQuery(async () => (await appDb().branches.count()) > 0);
  return (
    <>
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">{t('home.incidents.title')}</h2>
        {headOffice ? (
          <Link href="/head-office" className="card card-link" data-testid="head-office-entry">
            <span className="card-title">{t('home.headOffice.title')}</span>
            <span className="card-meta">{t('home.headOffice.hint')}</span>
          </Link>
        ) : null}
        <p className="button-row">
          <Link href="/incidents/new" className="button primary" data-testid="new-incident">
            {tIncident('incident.new')}
          </Link>
          <Link href="/duty-log" className="button">
            {tDuty('duty.title')}
          </Link>
        </p>
        {incidents === undefined ? (
          <Loading />
        ) : incidents.length === 0 ? (
          <p className="empty" data-testid="no-incidents">
            {t('home.incidents.empty')}
          </p>
        ) : (
          <ul className="cards" data-testid="incident-list">
            {incidents.map((i) => (
              <IncidentCard key={i.id} incident={i} />
            ))}
          </ul>
        )}
      </section>

      {closed.length ? (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading">{t('home.incidents.closed')}</h2>
          <ul className="cards" data-testid="closed-incidents">
            {closed.map((i) => (
              <IncidentCard key={i.id} incident={i} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="playbooks-heading">
        <h2 id="playbooks-heading">{tPlaybook('library.title')}</h2>
        <PlaybookList />
      </section>

      <Suspense fallback={null}>
        <BetweenEmergencies />
      </Suspense>
    </>
  );
}
