import { Loading } from '../../ui/Loading';
import { Suspense, lazy, use, useEffect, useState } from 'react';
import { useLanguage, useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { afterFirstScreen } from '../../ui/first-screen';
import { deviceHasData } from '../../storage/db-name';
import { messages } from './messages';
import { FreshLists } from './FreshLists';
import { IncidentsSection, PlaybooksSection } from './HomeSections';
import { PlaybookCards, shippedLibrary } from '../playbooks';
import './home.css';

// The lists read IndexedDB (Dexie): that code loads beside the first screen, not before it, so
// the kind buttons and the evacuation-routes entry are on screen as soon as the app starts.
const lists = () => import('./HomeLists');
const HomeLists = lazy(() => lists().then((m) => ({ default: m.HomeLists })));
const ResumeIncident = lazy(() => lists().then((m) => ({ default: m.ResumeIncident })));

let holdsData: Promise<boolean> | null = null;

/**
 * Starts the home screen's reads with the app's code: whether the device holds a database at
 * all, and if it does, the lists' code. A first visit holds none, so its home screen needs no
 * database code at all before it is complete.
 */
export function prefetchHome(): Promise<boolean> {
  holdsData ??= deviceHasData().then((has) => {
    if (has) void lists().catch(() => undefined); // the screen tries again when it renders
    return has;
  });
  return holdsData;
}

/**
 * The lists: read from the database when the device holds one; otherwise the fresh device's
 * (no incidents, the shipped playbooks), replaced by the read ones once the first screen is up
 * and their code is in, which show the same until something changes.
 */
function Lists() {
  const has = use(prefetchHome());
  const [reading, setReading] = useState(has);
  useEffect(() => {
    if (!has)
      afterFirstScreen(
        () =>
          void lists().then(
            () => setReading(true),
            () => undefined,
          ),
      );
  }, [has]);
  return reading ? <HomeLists fresh={!has} /> : <FreshLists />;
}

/**
 * The kinds of emergency as two big buttons, straight to the start form of that kind (the
 * address the incident's own kind choice uses: /incidents/new?kind=…).
 */
function StartKinds() {
  const t = useText(messages);
  return (
    <section className="home-start" aria-labelledby="home-start-heading">
      <h2 id="home-start-heading">{t('home.start.title')}</h2>
      <div className="home-kinds">
        <Link href="/incidents/new?kind=flood" className="home-kind home-kind-flood" data-testid="home-kind-flood">
          {t('home.start.flood')}
        </Link>
        <Link href="/incidents/new?kind=fire" className="home-kind home-kind-fire" data-testid="home-kind-fire">
          {t('home.start.fire')}
        </Link>
      </div>
    </section>
  );
}

/** The evacuation routes: anyone may need them, so they stay on the first screen. */
function RoutesEntry() {
  const t = useText(messages);
  return (
    <Link href="/routes" className="routes-entry" data-testid="routes-entry">
      <span className="routes-entry-title">{t('home.routes.title')}</span>
      <span className="routes-entry-hint">{t('home.routes.hint')}</span>
    </Link>
  );
}

/** The open incident to resume, on a device that holds any. */
function Resume() {
  return use(prefetchHome()) ? <ResumeIncident /> : null;
}

/**
 * The first screen, at any hour: an open incident to resume first, then flood and fire to start
 * one, then the evacuation routes (anyone may need them: they stay on the first screen), then
 * the incidents and playbooks.
 */
export function Home() {
  return (
    <div className="home">
      <Suspense fallback={null}>
        <Resume />
      </Suspense>
      <StartKinds />
      <RoutesEntry />
      <Suspense fallback={<Loading />}>
        <Lists />
      </Suspense>
    </div>
  );
}

/**
 * The home screen as index.html carries it before any script has run (build/prerender-plugin.ts):
 * the start buttons, the routes and the shipped playbooks as they are; where the incidents go,
 * "Loading" (what this device holds is known only once the app reads it, and "none" must never
 * be said of a phone that has an incident open).
 */
export function HomeSnapshot() {
  const language = useLanguage();
  return (
    <div className="home">
      <StartKinds />
      <RoutesEntry />
      <IncidentsSection headOffice={false}>
        <Loading />
      </IncidentsSection>
      <PlaybooksSection>
        <PlaybookCards library={shippedLibrary()} language={language} />
      </PlaybooksSection>
    </div>
  );
}
