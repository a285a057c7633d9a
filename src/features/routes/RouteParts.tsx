import { telHref, type CallLine, type RouteLine, type RuleLine } from './floor-view';
import './routes.css';

/**
 * The pieces of a route as the floor page, the posters and the playbook reader all show them.
 * No hooks and no storage: the build renders them to static HTML too. Nothing here is ever
 * clipped or collapsed: a rule or a step of a route that does not fit wraps onto more lines.
 */

type Heading = 'h2' | 'h3' | 'h4' | 'h5' | 'p';

/**
 * A marker whose shape tells the severity without colour: an octagon with a bar (danger), a
 * triangle with "!" (warning), a ring (caution). Drawn in SVG so it prints and needs no font.
 */
function RuleMarker({ severity }: { severity: RuleLine['severity'] }) {
  return (
    <svg className="rule-marker" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {severity === 'danger' ? (
        <>
          <polygon points="6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6" fill="currentColor" />
          <rect className="mark" x="4.5" y="8.5" width="11" height="3" />
        </>
      ) : severity === 'warning' ? (
        <>
          <polygon points="10,1 19.5,18.5 0.5,18.5" fill="currentColor" />
          <rect className="mark" x="9" y="7" width="2" height="6" />
          <rect className="mark" x="9" y="14.5" width="2" height="2" />
        </>
      ) : (
        <circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" strokeWidth="3" />
      )}
    </svg>
  );
}

/** Safety rules, most severe first as given, each with its marker and its severity in words. */
export function SafetyRuleList({ title, rules, heading: H = 'p' }: { title: string; rules: readonly RuleLine[]; heading?: Heading }) {
  if (rules.length === 0) return null;
  // Keys are positions: two rules may well read the same, and each must still show.
  return (
    <div className="safety-rules" role="note">
      <H className="safety-rules-title">{title}</H>
      <ul className="rule-list">
        {rules.map((r, i) => (
          <li key={i} className={`safety-rule severity-${r.severity}`} data-severity={r.severity}>
            <span className="rule-severity">
              <RuleMarker severity={r.severity} />
              {r.severityText}
            </span>
            {/* A full-width colon (危险：) carries its own space; "Danger:" needs one. */}
            {r.severityText.endsWith('：') ? null : ' '}
            <span className="rule-text">{r.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Call({ call }: { call: CallLine }) {
  return (
    <li className="stay-call">
      {call.number ? (
        <a className="phone-link" href={telHref(call.number)}>
          <span className="phone-label">{call.label}</span> <span className="phone-number">{call.number}</span>
        </a>
      ) : (
        <span className="phone-link missing">
          <span className="phone-label">{call.label}</span> <span>{call.missing}</span>
        </span>
      )}
      {call.why ? <span className="call-why">{call.why}</span> : null}
    </li>
  );
}

/** One way out, or one place to wait: heading, condition, instruction, legs or refuge, exit, rules. */
export function RouteCard({ route: r, heading: H }: { route: RouteLine; heading: Heading }) {
  return (
    <article className={`route-card kind-${r.kind}`} data-route={r.id}>
      <H className="route-heading">{r.heading}</H>
      {r.when ? <p className="route-when">{r.when}</p> : null}
      <p className="route-instruction">{r.instruction}</p>
      {r.legs.length ? (
        <ol className={r.legs.length > 1 ? 'route-legs' : 'route-legs single'} aria-label={r.legsTitle}>
          {r.legs.map((leg, i) => (
            <li key={i}>
              {leg.text ? <span className="leg-text">{leg.text}</span> : null}
              {leg.text && leg.detail ? ' ' : null}
              {leg.detail ? <span className="leg-detail">{leg.detail}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {r.stay ? (
        <div className="route-stay">
          <p className="stay-refuge">{r.stay.refuge}</p>
          <p className="stay-title">{r.stay.actionsTitle}</p>
          <ol className="stay-actions">
            {r.stay.actions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
          <p className="stay-title">{r.stay.callsTitle}</p>
          <ul className="stay-calls">
            {r.stay.calls.map((c, i) => (
              <Call key={i} call={c} />
            ))}
          </ul>
        </div>
      ) : null}
      {r.exit ? <p className="route-detail">{r.exit}</p> : null}
      {r.assembly ? <p className="route-detail">{r.assembly}</p> : null}
      <SafetyRuleList title={r.rulesTitle} rules={r.rules} />
      {r.notes ? <p className="route-detail route-notes">{r.notes}</p> : null}
    </article>
  );
}
