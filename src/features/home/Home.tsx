import { Loading } from '../../ui/Loading';
import { startTransition, useEffect, useState } from 'react';
import { useLanguage, useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { afterFirstScreen } from '../../ui/first-screen';
import { deviceHasData } from '../../storage/db-name';
import { messages } from './messages';
import { FreshLists } from './FreshLists';
import { IncidentsSection, PlaybooksSection } from './HomeSections';
import { PlaybookCards, shippedLibrary } from '../playbooks';
import './home.css';
import type * as HomeListsModule from './HomeLists';

// The lists read IndexedDB (Dexie): that code loads beside the first screen, not before it, so
// the kind buttons and the evacuation-routes entry are on screen as soon as the app starts.
type ListsModule = typeof HomeListsModule;
const lists = (): Promise<ListsModule> => import('./HomeLists');

/** What the home screen knows before it renders: whether the device holds a database, and if so the lists' code. */
interface HomeStart {
  readonly has: boolean;
  readonly module: ListsModule | null;
}

let started: HomeStart | null = null;
let starting: Promise<HomeStart> | null = null;

/**
 * Reads, with the app's code and before the home screen's first render, whether the device
 * holds a database at all, and if it does, loads the lists' code: the screen then renders its
 * lists at once. (Suspending instead would let React hold the lists back: it reveals suspended
 * content no sooner than 300 ms after the fallback showed, time a phone offline waits for
 * nothing.) A first visit holds none, so its home screen needs no database code at all before
 * it is complete.
 */
export function prefetchHome(): Promise<HomeStart> {
  starting ??= deviceHasData()
    .then(async (has) => ({ has, module: has ? await lists().catch(() => null) : null }))
    .then((start) => (started = start));
  return starting;
}

/** The home screen's start, as soon as it is known (at once when the app read it before rendering). */
function useHomeStart(): HomeStart | null {
  const [start, setStart] = useState(started);
  useEffect(() => {
    if (start === null) void prefetchHome().then(setStart);
  }, [start]);
  return start;
}

/** The lists' code, once it is in: loaded after the first screen on a device with no database. */
function useListsModule(start: HomeStart | null): ListsModule | null {
  const [module, setModule] = useState(start?.module ?? null);
  useEffect(() => {
    if (module !== null || start === null) return;
    const load = () =>
      void lists().then(
        (m) => startTransition(() => setModule(() => m)),
        () => undefined, // the fresh lists stay; nothing is lost
      );
    if (start.has) load();
    else afterFirstScreen(load);
  }, [module, start]);
  return module;
}

/**
 * The lists: read from the database when the device holds one; otherwise the fresh device's
 * (no incidents, the shipped playbooks), replaced by the read ones once the first screen is up
 * and their code is in, which show the same until something changes.
 */
function Lists() {
  const start = useHomeStart();
  const module = useListsModule(start);
  if (start === null) return <Loading />;
  if (module !== null) return <module.HomeLists fresh={!start.has} />;
  return start.has ? <Loading /> : <FreshLists />;
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
  const start = useHomeStart();
  const module = useListsModule(start);
  // Also once the lists' code is in on a device that seemed to hold nothing: it says nothing when no incident is open.
  return module !== null ? <module.ResumeIncident /> : null;
}

/**
 * The first screen, at any hour: an open incident to resume first, then flood and fire to start
 * one, then the evacuation routes (anyone may need them: they stay on the first screen), then
 * the incidents and playbooks.
 */
export function Home() {
  return (
    <div className="home">
      <Resume />
      <StartKinds />
      <RoutesEntry />
      <Lists />
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
