import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { Home } from '../features/home/Home';
import { RoutesHome } from '../features/routes/RoutesHome';
import { Settings } from '../features/settings/Settings';
import { useT } from './i18n';
import type { MessageKey } from './messages';
import { Link, matchPath, usePath, useQueryString, type Params } from './router';
import { useSession } from './session';

// Screens past the home screen load on demand, so the first load stays small on a cheap phone.
const PlaybookLibrary = lazy(() => import('../features/playbooks/PlaybookLibrary').then((m) => ({ default: m.PlaybookLibrary })));
const PlaybookReader = lazy(() => import('../features/playbooks/PlaybookReader').then((m) => ({ default: m.PlaybookReader })));
const StartIncident = lazy(() => import('../features/incident/StartIncident').then((m) => ({ default: m.StartIncident })));
const IncidentPage = lazy(() => import('../features/incident/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const DutyLog = lazy(() => import('../features/duty-log/DutyLog').then((m) => ({ default: m.DutyLog })));
const ImportPlaybook = lazy(() => import('../features/playbooks/ImportPlaybook').then((m) => ({ default: m.ImportPlaybook })));

interface Screen {
  pattern: string;
  render: (params: Params, query: URLSearchParams) => ReactNode;
}

const screens: Screen[] = [
  { pattern: '/', render: () => <Home /> },
  { pattern: '/playbooks', render: () => <PlaybookLibrary /> },
  { pattern: '/playbooks/import', render: () => <ImportPlaybook /> },
  { pattern: '/playbooks/:id/:language', render: (p) => <PlaybookReader id={p.id ?? ''} language={p.language ?? ''} /> },
  { pattern: '/routes', render: () => <RoutesHome /> },
  {
    pattern: '/incidents/new',
    render: (_, q) => {
      const id = q.get('playbook');
      const language = q.get('lang');
      return <StartIncident {...(id && language ? { preselect: { id, language } } : {})} />;
    },
  },
  { pattern: '/incidents/:id', render: (p, q) => <IncidentPage key={p.id} id={p.id ?? ''} tab={q.get('tab')} /> },
  { pattern: '/duty-log', render: () => <DutyLog /> },
  { pattern: '/settings', render: () => <Settings /> },
];

const navItems: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/playbooks', label: 'nav.playbooks' },
  { href: '/routes', label: 'nav.routes' },
  { href: '/settings', label: 'nav.settings' },
];

function NotFound() {
  const t = useT();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link href="/">{t('notFound.back')}</Link>
    </>
  );
}

export function App() {
  const t = useT();
  const path = usePath();
  const search = useQueryString();
  const writeError = useSession((s) => s.writeError);
  const setWriteError = useSession((s) => s.setWriteError);
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);

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

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <button
          type="button"
          className="lang-toggle"
          lang={language === 'en' ? 'zh-CN' : 'en'}
          aria-label={t('language.switchLabel')}
          data-testid="language-toggle"
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('language.switch')}
        </button>
      </header>
      {writeError ? (
        <div className="write-error" role="alert" data-testid="write-error">
          <p>{writeError}</p>
          <button type="button" className="button" onClick={() => setWriteError(null)}>
            {t('incident.writeFailed.dismiss')}
          </button>
        </div>
      ) : null}
      <main id="main" tabIndex={-1}>
        {path === '/' && <h1 className="visually-hidden">{t('app.tagline')}</h1>}
        <Suspense fallback={<p className="empty">{t('loading')}</p>}>{content}</Suspense>
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
