import { Loading } from '../../ui/Loading';
import { useEffect } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { floorView, telHref, type FloorView } from './floor-view';
import { RouteFinder } from './RouteFinder';
import { useSite } from './useSite';
import { messages } from './messages';

function FloorSection({ view, primary }: { view: FloorView; primary: boolean }) {
  const H = primary ? 'h2' : 'h3';
  return (
    <section
      className={primary ? 'floor-route' : 'floor-route other-language'}
      lang={view.language}
      data-testid={primary ? 'floor-route' : 'floor-route-other'}
    >
      {primary ? (
        <h1 className="floor-title">
          <span className="floor-building">{view.building}</span> <span className="floor-label">{view.floor}</span>
        </h1>
      ) : (
        <h2 className="floor-title small">
          <span className="floor-building">{view.building}</span> <span className="floor-label">{view.floor}</span>
        </h2>
      )}
      {view.routes.map((r) => (
        <article key={r.id} className={`route-card kind-${r.kind}`} data-route={r.id}>
          <H className="route-heading">{r.heading}</H>
          <p className="route-instruction">{r.instruction}</p>
          <p className="route-detail">
            {r.direction} · {r.via}
          </p>
          {r.exit ? <p className="route-detail">{r.exit}</p> : null}
          <p className="route-detail">{r.assembly}</p>
        </article>
      ))}
      {view.rules.length ? (
        <div className="rule-banner" role="note">
          <p className="label">{view.rulesTitle}</p>
          <ul>
            {view.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.shelter.length ? (
        <>
          <H>{view.shelterTitle}</H>
          <ul className="shelter-list">
            {view.shelter.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {primary && view.numbers.length ? (
        <>
          <h2>{view.numbersTitle}</h2>
          <ul className="numbers">
            {view.numbers.map((n) => (
              <li key={n.label}>
                {n.number ? (
                  <a className="phone-link" href={telHref(n.number)}>
                    <span className="phone-label">{n.label}</span>
                    <span className="phone-number">{n.number}</span>
                  </a>
                ) : (
                  <span className="phone-link missing">{n.missing}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The route for one floor, from a QR poster or the finder: works offline once the app has been opened. */
export function FloorRoute({ playbookId, buildingId, floorId }: { playbookId: string; buildingId: string; floorId: string }) {
  const t = useText(messages);
  const site = useSite(playbookId);
  const setMyFloor = useSession((s) => s.setMyFloor);
  const main = site ? floorView(site.main, buildingId, floorId) : undefined;
  const other = site?.other ? floorView(site.other, buildingId, floorId) : undefined;
  const label = main ? `${main.building} ${main.floor}` : '';
  useEffect(() => {
    if (label) setMyFloor({ playbookId, buildingId, floorId, label });
  }, [label, playbookId, buildingId, floorId, setMyFloor]);
  if (site === undefined) return <Loading />;
  if (!main)
    return (
      <>
        <p role="alert" className="error-box">
          {t('routes.floorNotFound')}
        </p>
        <RouteFinder />
      </>
    );
  return (
    <>
      <FloorSection view={main} primary />
      {other ? <FloorSection view={other} primary={false} /> : null}
      <p className="button-row">
        <Link className="button" href={`/routes/${encodeURIComponent(playbookId)}/${encodeURIComponent(buildingId)}/posters`}>
          {t('routes.posters')}
        </Link>
        <Link className="button" href="/routes">
          {t('routes.finder.title')}
        </Link>
      </p>
    </>
  );
}
