import { Loading } from '../../ui/Loading';
import { Suspense, lazy } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { messages } from './messages';
import './home.css';

// The lists read IndexedDB (Dexie): that code loads beside the first screen, not before it, so
// the kind buttons and the evacuation-routes entry are on screen as soon as the app starts.
const lists = () => import('./HomeLists');
const HomeLists = lazy(() => lists().then((m) => ({ default: m.HomeLists })));
const ResumeIncident = lazy(() => lists().then((m) => ({ default: m.ResumeIncident })));

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

/**
 * The first screen, at any hour: an open incident to resume first, then flood and fire to start
 * one, then the evacuation routes (anyone may need them: they stay on the first screen), then
 * the incidents and playbooks.
 */
export function Home() {
  const t = useText(messages);
  return (
    <div className="home">
      <Suspense fallback={null}>
        <ResumeIncident />
      </Suspense>
      <StartKinds />
      <Link href="/routes" className="routes-entry" data-testid="routes-entry">
        <span className="routes-entry-title">{t('home.routes.title')}</span>
        <span className="routes-entry-hint">{t('home.routes.hint')}</span>
      </Link>
      <Suspense fallback={<Loading />}>
        <HomeLists />
      </Suspense>
    </div>
  );
}
