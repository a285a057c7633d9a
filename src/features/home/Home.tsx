import { Loading } from '../../ui/Loading';
import { Suspense, lazy } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { messages } from './messages';

// The lists read IndexedDB (Dexie): that code loads beside the first screen, not before it, so
// the evacuation-routes entry is on screen as soon as the app starts.
const HomeLists = lazy(() => import('./HomeLists').then((m) => ({ default: m.HomeLists })));

/** The first screen: evacuation routes first (anyone may need them), then incidents, then playbooks. */
export function Home() {
  const t = useText(messages);
  return (
    <>
      <Link href="/routes" className="routes-entry" data-testid="routes-entry">
        <span className="routes-entry-title">{t('home.routes.title')}</span>
        <span className="routes-entry-hint">{t('home.routes.hint')}</span>
      </Link>
      <Suspense fallback={<Loading />}>
        <HomeLists />
      </Suspense>
    </>
  );
}
