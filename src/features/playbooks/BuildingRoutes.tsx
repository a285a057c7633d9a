import { useLanguage, useText } from '../../ui/text';
import type { Playbook } from '../../domain/playbook/schema';
import { floorsInOrder, routeBuildings } from '../../domain/playbook/routes';
import { floorView, ruleLines, RouteCard, SafetyRuleList } from '../routes';
import { messages } from './messages';

/**
 * Buildings, floors and the ways out of each floor, as the plan gives them: the building's
 * safety rules first, then each floor from the bottom up (the finder's order) with its own
 * rules, notes and routes, worded and drawn as on the floor's own page.
 */
export function BuildingRoutes({ playbook }: { playbook: Playbook }) {
  const t = useText(messages);
  const ui = useLanguage();
  return (
    <>
      {routeBuildings(playbook).map((b) => (
        <article key={b.id} className="building" data-testid={`building-${b.id}`}>
          <h3>{b.name}</h3>
          {b.description ? <p>{b.description}</p> : null}
          <SafetyRuleList title={t('reader.route.buildingRules')} rules={ruleLines(b.rules, playbook.language, ui)} heading="h4" />
          {floorsInOrder(b).map((f) => {
            const view = floorView(playbook, b.id, f.id, ui);
            return (
              // A div, not a section: two buildings both have a "1F", and regions must be named apart.
              <div key={f.id} className="reader-floor" data-testid={`floor-${b.id}-${f.id}`}>
                <h4 className="reader-floor-label">{f.label}</h4>
                <SafetyRuleList title={t('reader.route.floorRules')} rules={ruleLines(f.rules, playbook.language, ui)} />
                {f.notes ? <p className="reader-floor-notes">{f.notes}</p> : null}
                {view?.routes.map((r, i) => (
                  <RouteCard key={i} route={r} heading="h5" />
                ))}
              </div>
            );
          })}
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
