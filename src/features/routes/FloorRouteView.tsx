import type { ReactNode } from 'react';
import { telHref, type FloorView } from './floor-view';
import { RouteCard, SafetyRuleList } from './RouteParts';

interface FloorRouteViewProps {
  /** The page's language: the reader's in the app, the plan's own in the pre-rendered page. */
  main: FloorView;
  other?: FloorView | undefined;
  /**
   * True for the copy pre-rendered at build time. It has no test ids, so `floor-route` always
   * names the app's own screen: the hand-over in src/app/main.tsx waits for it, and so do the
   * browser tests, which expect the reader's language first (the snapshot has the plan's).
   */
  snapshot?: boolean;
  /**
   * Drawn inside another page (the playbook editor's preview): the floor's title is an h3 and
   * its parts h4, so the page keeps one h1 and its outline.
   */
  nested?: boolean;
  /** Shown between the page's language and the other one (the app's "This is my floor"). */
  afterMain?: ReactNode;
}

/**
 * A floor's way out, in the page's language and then in the other one if the plan has it. No
 * hooks and no storage: the build renders it to static HTML for each floor, so a phone shows
 * the route before any script runs, in the very markup the app then shows.
 * Everything the plan says for the floor is shown in full in both languages (safety rules first,
 * then notes, routes, rules for everyone and numbers): someone reading the second language must
 * not lose anything.
 */
export function FloorRouteView({ main, other, snapshot = false, nested = false, afterMain }: FloorRouteViewProps) {
  return (
    <>
      <FloorSection view={main} primary snapshot={snapshot} nested={nested} />
      {afterMain}
      {other ? <FloorSection view={other} primary={false} snapshot={snapshot} nested={nested} /> : null}
    </>
  );
}

function FloorSection({ view, primary, snapshot, nested }: { view: FloorView; primary: boolean; snapshot: boolean; nested: boolean }) {
  const H = nested ? 'h4' : primary ? 'h2' : 'h3';
  const title = (
    <>
      <span className="floor-building">{view.building}</span> <span className="floor-label">{view.floor}</span>
    </>
  );
  // Keys are positions: two rules or numbers may well read the same, and each must still show.
  return (
    <section
      className={primary ? 'floor-route' : 'floor-route other-language'}
      lang={view.language}
      data-testid={snapshot ? undefined : primary ? 'floor-route' : 'floor-route-other'}
    >
      {nested ? (
        <h3 className={primary ? 'floor-title' : 'floor-title small'}>{title}</h3>
      ) : primary ? (
        <h1 className="floor-title">{title}</h1>
      ) : (
        <h2 className="floor-title small">{title}</h2>
      )}
      <SafetyRuleList title={view.safetyRulesTitle} rules={view.safetyRules} heading={H} />
      {view.floorNotes ? (
        <div className="rule-banner floor-notes" role="note">
          <p className="label">{view.floorNotes.title}</p>
          <p>{view.floorNotes.text}</p>
        </div>
      ) : null}
      {view.routes.map((r, i) => (
        <RouteCard key={i} route={r} heading={H} />
      ))}
      {view.rules.length ? (
        <div className="rule-banner" role="note">
          <p className="label">{view.rulesTitle}</p>
          <ul>
            {view.rules.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.shelter.length ? (
        <>
          <H>{view.shelterTitle}</H>
          <ul className="shelter-list">
            {view.shelter.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {view.numbers.length ? (
        <>
          <H>{view.numbersTitle}</H>
          <ul className="numbers">
            {view.numbers.map((n, i) => (
              <li key={i}>
                {n.number ? (
                  <a className="phone-link" href={telHref(n.number)}>
                    <span className="phone-label">{n.label}</span>
                    <span className="phone-number">{n.number}</span>
                  </a>
                ) : (
                  <span className="phone-link missing">{n.missing ?? n.label}</span>
                )}
                {n.notes ? <p className="number-notes">{n.notes}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
