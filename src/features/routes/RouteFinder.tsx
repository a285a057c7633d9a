import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { Link, useQueryString } from '../../ui/router';
import { useSession } from '../../ui/session';
import { routeBuildings } from '../../domain/playbook/routes';
import { appDb } from '../../storage';
import { useAsync } from '../../ui/use-async';
import { loadPlaybook, usePlaybookLibrary } from '../playbooks';
import { floorPath } from './floor-view';
import { floorChoices, sitesWithRoutes } from './sites';
import { useSite } from './useSite';
import { messages } from './messages';

function Sites() {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const db = appDb();
  const library = usePlaybookLibrary(db);
  const load = useAsync(
    async () => (library ? sitesWithRoutes(library, language, async (p) => (await loadPlaybook(db, p.id, p.language))?.playbook ?? null) : undefined),
    [db, library, language],
  );
  // To the screen's error boundary, which offers a reload (a shipped playbook is a chunk that can fail to load).
  if (load.status === 'failed') throw load.error;
  const sites = load.value;
  if (sites === undefined) return <Loading />;
  if (sites.length === 0) return <p className="empty">{t('routes.none')}</p>;
  return (
    <>
      <h2>{t('routes.pickSite')}</h2>
      <ul className="cards">
        {sites.map((p) => (
          <li key={p.id}>
            <Link className="card card-link" href={`/routes?site=${encodeURIComponent(p.id)}`} lang={p.language}>
              <span className="card-title">{p.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function Buildings({ siteId, buildingId }: { siteId: string; buildingId: string | null }) {
  const t = useText(messages);
  const site = useSite(siteId);
  if (site === undefined) return <Loading />;
  const buildings = site ? routeBuildings(site.main) : [];
  if (!site || buildings.length === 0) return <p className="empty">{t('routes.none')}</p>;
  const chosen = buildings.find((b) => b.id === buildingId) ?? (buildings.length === 1 ? buildings[0] : undefined);
  return (
    <>
      <h2>{t('routes.pickBuilding')}</h2>
      <ul className="choice-grid" lang={site.main.language}>
        {buildings.map((b) => (
          <li key={b.id}>
            <Link
              className="big-choice"
              aria-current={chosen?.id === b.id ? 'true' : undefined}
              href={`/routes?site=${encodeURIComponent(siteId)}&building=${encodeURIComponent(b.id)}`}
            >
              {b.name}
            </Link>
          </li>
        ))}
      </ul>
      {chosen ? (
        <>
          <h2>{t('routes.pickFloor')}</h2>
          <ul className="floor-grid" lang={site.main.language} data-testid="floor-grid">
            {floorChoices(chosen).map((f) => (
              <li key={f.id}>
                <Link className="big-choice" href={floorPath(siteId, chosen.id, f.id)}>
                  {f.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Pick the site, the building and the floor; "my floor" first, and the rule for everyone always on top. */
export function RouteFinder() {
  const t = useText(messages);
  const query = new URLSearchParams(useQueryString());
  const myFloor = useSession((s) => s.myFloor);
  const siteId = query.get('site');
  return (
    <>
      <h1>{t('routes.finder.title')}</h1>
      <p className="rule-banner" role="note">
        {t('routes.never')}
      </p>
      {myFloor ? (
        <Link className="routes-entry" href={floorPath(myFloor.playbookId, myFloor.buildingId, myFloor.floorId)} data-testid="my-floor">
          <span className="routes-entry-title">{t('routes.myFloor')}</span>
          <span className="routes-entry-hint">{myFloor.label}</span>
        </Link>
      ) : null}
      {siteId ? <Buildings siteId={siteId} buildingId={query.get('building')} /> : <Sites />}
    </>
  );
}
