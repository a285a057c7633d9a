import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import { Loading } from '../../ui/Loading';
import { useLanguage, useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { messages } from './messages';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { afterFirstScreen, markFirstScreenUp } from '../../ui/first-screen';
import { stampTime } from '../../domain/hlc';
import { incidentListMessages, useIncidentList, type IncidentSummary } from '../incident';
import { PlaybookCards, shippedLibrary, usePlaybookLibrary } from '../playbooks';
import { IncidentsSection, NoIncidents, PlaybooksSection } from './HomeSections';

// Rounds, drills and campaigns due: their own chunk, once the first screen is up. They come
// last: arriving above the lists would shift the screen under a thumb.
const BetweenEmergencies = lazy(() => import('./BetweenEmergencies').then((m) => ({ default: m.BetweenEmergencies })));

function IncidentCard({ incident: i }: { incident: IncidentSummary }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  return (
    <li>
      <Link className="card card-link" href={`/incidents/${encodeURIComponent(i.id)}`}>
        <span className="card-title">
          <span className={`badge ${i.mode}`}>{t(i.mode === 'drill' ? 'home.mode.drill' : 'home.mode.real')}</span> {i.title}
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
  const t = useText(messages, incidentListMessages);
  const language = useSession((s) => s.language);
  const latest = useIncidentList()?.find((i) => !i.closed);
  if (!latest) return null;
  return (
    <Link className="home-resume" href={`/incidents/${encodeURIComponent(latest.id)}`} data-testid="home-resume">
      <span className="home-resume-title">
        <span className={`badge ${latest.mode}`}>{t(latest.mode === 'drill' ? 'home.mode.drill' : 'home.mode.real')}</span>{' '}
        {t('incident.start.resume', { title: latest.title })}
      </span>
      <span className="home-resume-meta">{t('incident.start.resumeMeta', { time: formatDateTime(language, stampTime(latest.hlc)), actor: latest.actor })}</span>
    </Link>
  );
}

const NONE: IncidentSummary[] = [];

/**
 * The home screen's lists, read from IndexedDB: open and closed incidents, playbooks, then the
 * inspections, drills and campaigns due. `fresh`: the screen already shows a device with no
 * database (FreshLists), so that is what shows until the first read, not "Loading".
 */
export function HomeLists({ fresh = false }: { fresh?: boolean }) {
  const t = useText(messages);
  const language = useLanguage();
  const all = useIncidentList(fresh ? NONE : undefined);
  const library = usePlaybookLibrary(undefined, fresh ? shippedLibrary() : undefined);
  const incidents = all?.filter((i) => !i.closed);
  const closed = all?.filter((i) => i.closed) ?? [];
  // Head office's way to its overview, only on a device that holds branches (the sync engine
  // drops them when the role is taken away).
  const headOffice = useLiveQuery(async () => (await appDb().branches.count()) > 0);
  // The incidents are on screen: what the person is not waiting for may start now.
  useEffect(() => {
    if (all !== undefined) markFirstScreenUp();
  }, [all]);
  const [later, setLater] = useState(false);
  useEffect(() => afterFirstScreen(() => startTransition(() => setLater(true))), []);
  return (
    <>
      <IncidentsSection headOffice={headOffice === true}>
        {incidents === undefined ? (
          <Loading />
        ) : incidents.length === 0 ? (
          <NoIncidents />
        ) : (
          <ul className="cards" data-testid="incident-list">
            {incidents.map((i) => (
              <IncidentCard key={i.id} incident={i} />
            ))}
          </ul>
        )}
      </IncidentsSection>

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

      <PlaybooksSection>{library === undefined ? <Loading /> : <PlaybookCards library={library} language={language} />}</PlaybooksSection>

      {later ? (
        <Suspense fallback={null}>
          <BetweenEmergencies />
        </Suspense>
      ) : null}
    </>
  );
}
