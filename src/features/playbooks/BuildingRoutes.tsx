import { useText } from '../../ui/text';
import type { Playbook } from '../../domain/playbook/schema';
import { routeBuildings, routesForFloor } from '../../domain/playbook/routes';
import { messages } from './messages';

const routeKind: Record<string, keyof typeof messages> = {
  primary: 'reader.route.primary',
  alternate: 'reader.route.alternate',
  accessible: 'reader.route.accessible',
};

/** Buildings, floors and the way out from each floor, as the plan gives them. */
export function BuildingRoutes({ playbook }: { playbook: Playbook }) {
  const t = useText(messages);
  return (
    <>
      {routeBuildings(playbook).map((b) => (
        <article key={b.id} className="building" data-testid={`building-${b.id}`}>
          <h3>{b.name}</h3>
          {b.description ? <p>{b.description}</p> : null}
          <table className="route-table">
            <thead>
              <tr>
                <th scope="col">{t('reader.route.floor')}</th>
                <th scope="col">{t('reader.route.way')}</th>
              </tr>
            </thead>
            <tbody>
              {[...b.floors]
                .sort((x, y) => y.order - x.order)
                .map((f) => (
                  <tr key={f.id} data-testid={`floor-${b.id}-${f.id}`}>
                    <th scope="row">{f.label}</th>
                    <td>
                      {(routesForFloor(playbook, b.id, f.id) ?? []).map(({ route, legs, assemblyPoint }) => (
                        <p key={route.id} className="route-line">
                          {route.kind !== 'primary' ? <span className="badge">{t(routeKind[route.kind] ?? 'reader.route.alternate')}</span> : null}{' '}
                          {route.instruction}
                          {legs.map(({ stairway }) =>
                            stairway ? (
                              <span key={stairway.id} className="route-meta">
                                {' '}
                                · {stairway.name}
                              </span>
                            ) : null,
                          )}
                          {assemblyPoint ? (
                            <span className="route-meta">
                              {' '}
                              · {t('reader.route.assembly')}: {assemblyPoint.name}
                            </span>
                          ) : null}
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </article>
      ))}
      {playbook.assemblyPoints?.length ? (
        <>
          <h3>{t('reader.route.assemblyPoints')}</h3>
          <ul className="cards">
            {playbook.assemblyPoints.map((a) => (
              <li key={a.id} className="card">
                <span className="card-title">{a.name}</span>
                <span className="card-meta">{a.location}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
