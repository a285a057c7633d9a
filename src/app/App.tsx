import { Loading } from '../ui/Loading';
import { lazy, startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Home, prefetchHome } from '../features/home/Home';
import { useLanguage, useText } from '../ui/text';
import { messages as uiMessages } from '../ui/messages';
import { messages } from './messages';
import { lazyScreen, retryFailedScreens } from '../ui/lazy-screen';
import { ErrorBoundary, ScreenError } from '../ui/ScreenError';
import { OfflineIndicator } from '../features/offline/OfflineIndicator';
import { UpdateBanner } from '../features/offline/UpdateBanner';
import { InsecureBanner } from '../features/offline/InsecureBanner';
import { Link, matchPath, usePath, useQueryString, type Params } from '../ui/router';
import { useSession } from '../ui/session';
import { afterFirstScreen, afterFirstScreenInTurn } from '../ui/first-screen';

// Screens past the home screen load on demand, so the first load stays small on a cheap phone.
const playbookLibrary = lazyScreen(
  () => import('../features/playbooks/PlaybookLibrary'),
  (m) => m.PlaybookLibrary,
);
const playbookReader = lazyScreen(
  () => import('../features/playbooks/PlaybookReader'),
  (m) => m.PlaybookReader,
);
const startIncident = lazyScreen(
  () => import('../features/incident/StartIncident'),
  (m) => m.StartIncident,
);
const incidentModule = () => import('../features/incident/IncidentPage');
const incidentPage = lazyScreen(incidentModule, (m) => m.IncidentPage);
const dutyLog = lazyScreen(
  () => import('../features/duty-log/DutyLog'),
  (m) => m.DutyLog,
);
const floorRoute = lazyScreen(
  () => import('../features/routes/FloorRoute'),
  (m) => m.FloorRoute,
);
const posters = lazyScreen(
  () => import('../features/routes/Posters'),
  (m) => m.Posters,
);
const routeFinder = lazyScreen(
  () => import('../features/routes/RouteFinder'),
  (m) => m.RouteFinder,
);
const settings = lazyScreen(
  () => import('../features/settings/Settings'),
  (m) => m.Settings,
);
const syncPanel = lazyScreen(
  () => import('../features/sync/SyncPanel'),
  (m) => m.SyncScreen,
);
const SyncBadge = lazy(() => import('../features/sync/SyncBadge').then((m) => ({ default: m.SyncBadge })));
const reportViewer = lazyScreen(
  () => import('../features/report/ReportViewer'),
  (m) => m.ReportViewer,
);
const enrol = lazyScreen(
  () => import('../features/sync/Enrol'),
  (m) => m.EnrolScreen,
);
const importPlaybook = lazyScreen(
  () => import('../features/playbooks/ImportPlaybook'),
  (m) => m.ImportPlaybook,
);
const playbookEditor = lazyScreen(
  () => import('../features/editor/Editor'),
  (m) => m.PlaybookEditor,
);
const newPlaybook = lazyScreen(
  () => import('../features/editor/NewPlaybook'),
  (m) => m.NewPlaybook,
);
// Phone to phone with no network: one chunk for sharing and receiving.
const handoverScreens = () => import('../features/handover');
const ShareHandover = lazyScreen(handoverScreens, (m) => m.ShareHandover);
const ReceiveHandover = lazyScreen(handoverScreens, (m) => m.ReceiveHandover);
// Head office's overview and a branch's incident, read only: only a head-office device opens them.
const headOfficeScreens = () => import('../features/head-office/screens');
const headOffice = lazyScreen(headOfficeScreens, (m) => m.HeadOfficeOverview);
// The branch's incident shows the incident page's own checklist, timeline and headcount, from its chunk.
const branchIncident = lazyScreen(
  () => Promise.all([headOfficeScreens(), incidentModule()]),
  ([m, incident]) => m.branchIncidentScreen(incident),
);
// The branch roster, its import, badges and "My check-in code": one chunk.
const rosterScreens = () => import('../features/roster/screens');
const RosterScreen = lazyScreen(rosterScreens, (m) => m.RosterScreen);
const ImportRoster = lazyScreen(rosterScreens, (m) => m.ImportRoster);
const RosterBadges = lazyScreen(rosterScreens, (m) => m.Badges);
const MyCheckIn = lazyScreen(rosterScreens, (m) => m.MyCheckIn);
// Between emergencies: inspection rounds, the drill calendar, campaigns (each its own chunk).
const roundsScreens = () => import('../features/rounds/screens');
const RoundsScreen = lazyScreen(roundsScreens, (m) => m.RoundsScreen);
const RoundPage = lazyScreen(roundsScreens, (m) => m.RoundPage);
const RoundReport = lazyScreen(roundsScreens, (m) => m.RoundReport);
const drillsScreens = () => import('../features/drills/screens');
const DrillsScreen = lazyScreen(drillsScreens, (m) => m.DrillsScreen);
const campaignScreens = () => import('../features/campaign/screens');
const CampaignList = lazyScreen(campaignScreens, (m) => m.CampaignList);
const CampaignPage = lazyScreen(campaignScreens, (m) => m.CampaignPage);
const HeadOffice = headOffice.Component;
const BranchIncident = branchIncident.Component;
const PlaybookEditor = playbookEditor.Component;
const NewPlaybook = newPlaybook.Component;
const PlaybookLibrary = playbookLibrary.Component;
const PlaybookReader = playbookReader.Component;
const StartIncident = startIncident.Component;
const IncidentPage = incidentPage.Component;
const DutyLog = dutyLog.Component;
const ImportPlaybook = importPlaybook.Component;
const Enrol = enrol.Component;
const SyncPanel = syncPanel.Component;
const Settings = settings.Component;
const ReportViewer = reportViewer.Component;
const FloorRoute = floorRoute.Component;
const Posters = posters.Component;
const RouteFinder = routeFinder.Component;

interface Screen {
  pattern: string;
  render: (params: Params, query: URLSearchParams) => ReactNode;
  preload?: () => Promise<unknown>;
  /**
   * A screen few people open (the safety officer's editor): its code is not fetched while the
   * browser is idle, only when it is opened. The service worker still keeps it for offline use.
   */
  rarely?: boolean;
  /** Starts reading the screen's data while its code loads. */
  prefetch?: (params: Params) => void;
}

const screens: Screen[] = [
  // Whether the device holds a database, and then the home lists' code: read before the first render.
  { pattern: '/', render: () => <Home />, preload: prefetchHome },
  { pattern: '/playbooks', render: () => <PlaybookLibrary />, preload: playbookLibrary.preload },
  { pattern: '/playbooks/import', render: () => <ImportPlaybook />, preload: importPlaybook.preload },
  { pattern: '/playbooks/new', render: () => <NewPlaybook />, preload: newPlaybook.preload, rarely: true },
  // Before the reader's pattern, which has as many parts.
  {
    pattern: '/playbooks/:id/edit',
    render: (p, q) => <PlaybookEditor playbookId={p.id ?? ''} language={q.get('lang') ?? ''} section={q.get('section')} />,
    preload: playbookEditor.preload,
    rarely: true,
  },
  { pattern: '/playbooks/:id/:language', render: (p) => <PlaybookReader id={p.id ?? ''} language={p.language ?? ''} />, preload: playbookReader.preload },
  { pattern: '/routes', render: () => <RouteFinder />, preload: routeFinder.preload },
  { pattern: '/routes/:pb/:b/posters', render: (p) => <Posters playbookId={p.pb ?? ''} buildingId={p.b ?? ''} />, preload: posters.preload },
  {
    pattern: '/routes/:pb/:b/:f',
    render: (p) => <FloorRoute playbookId={p.pb ?? ''} buildingId={p.b ?? ''} floorId={p.f ?? ''} />,
    preload: floorRoute.preload,
  },
  {
    pattern: '/incidents/new',
    render: (_, q) => {
      const id = q.get('playbook');
      const language = q.get('lang');
      return <StartIncident {...(id && language ? { preselect: { id, language } } : {})} />;
    },
    preload: startIncident.preload,
  },
  {
    pattern: '/incidents/:id',
    render: (p, q) => <IncidentPage key={p.id} id={p.id ?? ''} tab={q.get('tab')} />,
    preload: incidentPage.preload,
    // Its events and, beside them, the playbook it was declared with: the page needs both before its checklist shows.
    prefetch: (p) => {
      void import('../features/incident/incident-store').then((m) => m.incidentStore.prefetch(p.id ?? ''));
      void import('../features/incident/prefetch-playbook').then((m) => m.prefetchDeclaredPlaybook(p.id ?? ''));
    },
  },
  {
    pattern: '/incidents/:id/handover',
    render: (p) => <ShareHandover.Component key={p.id} incidentId={p.id ?? ''} />,
    preload: ShareHandover.preload,
  },
  { pattern: '/handover', render: () => <ReceiveHandover.Component />, preload: ReceiveHandover.preload },
  { pattern: '/duty-log', render: () => <DutyLog />, preload: dutyLog.preload },
  { pattern: '/settings', render: () => <Settings />, preload: settings.preload },
  { pattern: '/roster', render: () => <RosterScreen.Component />, preload: RosterScreen.preload },
  { pattern: '/roster/import', render: () => <ImportRoster.Component />, preload: ImportRoster.preload },
  { pattern: '/roster/badges', render: () => <RosterBadges.Component />, preload: RosterBadges.preload },
  { pattern: '/check-in', render: () => <MyCheckIn.Component />, preload: MyCheckIn.preload },
  { pattern: '/rounds', render: () => <RoundsScreen.Component />, preload: RoundsScreen.preload },
  { pattern: '/rounds/report', render: () => <RoundReport.Component />, preload: RoundReport.preload },
  { pattern: '/rounds/:id', render: (p) => <RoundPage.Component key={p.id} id={p.id ?? ''} />, preload: RoundPage.preload },
  // Drills twice a year and the campaign once a year: loaded when opened (the service worker keeps them offline).
  { pattern: '/drills', render: () => <DrillsScreen.Component />, preload: DrillsScreen.preload, rarely: true },
  { pattern: '/campaigns', render: () => <CampaignList.Component />, preload: CampaignList.preload, rarely: true },
  {
    pattern: '/campaigns/:id',
    render: (p, q) => <CampaignPage.Component key={p.id} id={p.id ?? ''} tab={q.get('tab')} />,
    preload: CampaignPage.preload,
    rarely: true,
  },
  { pattern: '/enrol', render: () => <Enrol />, preload: enrol.preload },
  { pattern: '/sync', render: () => <SyncPanel />, preload: syncPanel.preload },
  { pattern: '/reports/view', render: () => <ReportViewer />, preload: reportViewer.preload },
  { pattern: '/head-office', render: () => <HeadOffice />, preload: headOffice.preload, rarely: true },
  {
    pattern: '/head-office/:org/incidents/:id',
    render: (p, q) => <BranchIncident key={`${p.org} ${p.id}`} orgId={p.org ?? ''} incidentId={p.id ?? ''} tab={q.get('tab')} />,
    preload: branchIncident.preload,
    rarely: true,
  },
];

/** Loads the code of the screen at `path` (before the first render), then the rest once it is up. */
export async function preloadScreens(path: string): Promise<void> {
  const first = screens.find((s) => matchPath(s.pattern, path));
  const params = first ? matchPath(first.pattern, path) : null;
  if (first?.prefetch && params) first.prefetch(params);
  await first?.preload?.().catch(() => undefined); // the screen tries again when it renders, and says so if it still fails
  // On a first visit the service worker is about to download every screen into its precache:
  // fetching them from the page as well would take the same bytes twice over a weak signal.
  // Once it controls the page, loading them ahead comes from the phone's own cache.
  const precaching = 'serviceWorker' in navigator && !navigator.serviceWorker.controller && import.meta.env.PROD;
  if (precaching) return;
  afterFirstScreenInTurn(screens.flatMap((s) => (s.rarely || !s.preload ? [] : [s.preload])));
}

const navItems: { href: string; label: keyof typeof messages }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/playbooks', label: 'nav.playbooks' },
  { href: '/routes', label: 'nav.routes' },
  { href: '/settings', label: 'nav.settings' },
];

/** A status line that fails is left out rather than taking the shell down with it. */
const quiet = () => null;

function NotFound() {
  const t = useText(messages);
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link href="/">{t('notFound.back')}</Link>
    </>
  );
}

/**
 * The app's frame: skip link, top bar (name, `badge`, language switch), `banners`, the screen in
 * `main`, the tab bar. The same markup for the running app and for the home screen written into
 * index.html at build time (src/app/snapshot.tsx), so the one can replace the other unseen.
 */
export function Frame({ path, badge, banners, children }: { path: string; badge?: ReactNode; banners?: ReactNode; children: ReactNode }) {
  const t = useText(messages);
  const language = useLanguage();
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        {/* Badge and switch wrap together, below the name, when the three do not fit on one line. */}
        <div className="topbar-end">
          {badge}
          <button
            type="button"
            className="lang-toggle"
            lang={language === 'en' ? 'zh-CN' : 'en'}
            aria-label={`${t('language.switch')} – ${t('language.switchLabel')}`}
            data-testid="language-toggle"
            onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
          >
            {t('language.switch')}
          </button>
        </div>
      </header>
      {banners}
      <main id="main" tabIndex={-1}>
        {path === '/' && <h1 className="visually-hidden">{t('app.tagline')}</h1>}
        {children}
      </main>
      <nav className="tabbar" aria-label={t('nav.label')}>
        {navItems.map((n) => (
          <Link key={n.href} href={n.href} aria-current={n.href === path || (n.href !== '/' && path.startsWith(`${n.href}/`)) ? 'page' : undefined}>
            {t(n.label)}
          </Link>
        ))}
      </nav>
    </div>
  );
}

export function App() {
  const t = useText(messages);
  const common = useText(uiMessages);
  const path = usePath();
  const search = useQueryString();
  const writeError = useSession((s) => s.writeError);
  const setWriteError = useSession((s) => s.setWriteError);
  const language = useSession((s) => s.language);
  // The sync badge (and the sync code it needs) once the first screen is up.
  const [later, setLater] = useState(false);
  useEffect(() => afterFirstScreen(() => startTransition(() => setLater(true))), []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  let content: ReactNode = <NotFound />;
  for (const s of screens) {
    const params = matchPath(s.pattern, path);
    if (params) {
      content = s.render(params, new URLSearchParams(search));
      break;
    }
  }

  const badge = later ? (
    <ErrorBoundary fallback={quiet}>
      <Suspense fallback={null}>
        <SyncBadge />
      </Suspense>
    </ErrorBoundary>
  ) : null;
  const banners = (
    <>
      <ErrorBoundary fallback={quiet}>
        <InsecureBanner />
        <OfflineIndicator />
        <UpdateBanner />
      </ErrorBoundary>
      {writeError ? (
        <div className="write-error" role="alert" data-testid="write-error">
          <p>{writeError}</p>
          <button type="button" className="button" onClick={() => setWriteError(null)}>
            {common('record.writeFailed.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
  return (
    <Frame path={path} badge={badge} banners={banners}>
      {/* Another path is another screen: it gets a fresh try, so the tabs are the way out. */}
      <ErrorBoundary resetKey={path} fallback={(error) => <ScreenError error={error} />} onError={retryFailedScreens}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </ErrorBoundary>
    </Frame>
  );
}
