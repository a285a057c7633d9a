import type { Playbook } from '../../domain/playbook/schema';
import { useText } from '../../ui/text';
import { floorPath, floorView, type FloorView } from './floor-view';
import { QrCode } from './QrCode';
import { RouteCard, SafetyRuleList } from './RouteParts';
import { messages } from './messages';

/**
 * One floor's A4 poster: the floor in large type, a QR code of the floor's link, then in the
 * playbook's language and the other the floor's safety rules and every way out. The posters
 * screen prints one per floor; the playbook editor previews the one being edited with this same
 * component, so the preview is the poster.
 */
export function FloorPoster({
  main,
  other,
  playbookId,
  buildingId,
  floorId,
  address,
}: {
  main: Playbook;
  other?: Playbook | undefined;
  playbookId: string;
  buildingId: string;
  floorId: string;
  address: string;
}) {
  const t = useText(messages);
  const view = floorView(main, buildingId, floorId);
  const otherView = other ? floorView(other, buildingId, floorId) : undefined;
  if (!view) return null;
  const url = `${address}${floorPath(playbookId, buildingId, floorId)}`;
  return (
    <section className="poster" data-testid={`poster-${floorId}`} data-url={url}>
      <div className="poster-head">
        <div className="poster-name">
          <p className="poster-building" lang={main.language}>
            {view.building}
          </p>
          <p className="poster-floor" lang={main.language}>
            {view.floor}
          </p>
          <p className="poster-scan">{t('routes.posters.scan')}</p>
        </div>
        <QrCode text={url} size={260} label={url} />
      </div>
      <div className="poster-routes">
        <PosterRoute view={view} />
        {otherView ? <PosterRoute view={otherView} other /> : null}
      </div>
    </section>
  );
}

/**
 * What a poster says in one language: the floor's safety rules first, its notes, then every
 * route with its legs and condition — the way out, the way when that is blocked or flooded, and
 * the way for someone who cannot use stairs — and the rules for everyone. In full: the print
 * layout lets a long poster run on rather than cut a route or a rule off.
 */
function PosterRoute({ view, other = false }: { view: FloorView; other?: boolean }) {
  return (
    <div className={other ? 'poster-route other' : 'poster-route'} lang={view.language}>
      <SafetyRuleList title={view.safetyRulesTitle} rules={view.safetyRules} />
      {view.floorNotes ? <p className="poster-floor-notes">{view.floorNotes.text}</p> : null}
      {view.routes.map((r, i) => (
        <RouteCard key={i} route={r} heading="h2" />
      ))}
      {view.rules.map((rule, i) => (
        <p key={i} className="poster-rule">
          {rule}
        </p>
      ))}
    </div>
  );
}
