import { Command } from '../../ui/Command';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { floorsInOrder } from '../../domain/playbook/routes';
import { floorPath, floorView, type FloorView } from './floor-view';
import { RouteCard, SafetyRuleList } from './RouteParts';
import { addressProblem, type AddressProblem } from '../../domain/address';
import { posterBaseAddress } from './poster-address';
import { QrCode } from './QrCode';
import { useSite } from './useSite';
import { messages } from './messages';

/**
 * One A4 poster per floor of a building, bottom up as the finder lists them: the floor in large
 * type, a QR code of the floor's link, then in the playbook's language and the other the
 * floor's safety rules, the way out and the way for someone who cannot use stairs. Made on
 * the device, offline.
 * The links start with the address phones use (see poster-address.ts); when that is an address
 * a phone cannot use, there are no posters, only what to do about it.
 */
export function Posters({ playbookId, buildingId }: { playbookId: string; buildingId: string }) {
  const t = useText(messages);
  const site = useSite(playbookId);
  const base = useAsync(() => posterBaseAddress(), []);
  if (site === undefined || base.status === 'loading') return <Loading />;
  const building = site?.main.buildings?.find((b) => b.id === buildingId);
  if (!site || !building) return <p role="alert">{t('routes.floorNotFound')}</p>;
  // Bottom up, as the finder lists them.
  const floors = floorsInOrder(building);
  // posterBaseAddress never rejects; this is only for the type.
  const address = base.value ?? window.location.origin;
  const problem = addressProblem(address);
  return (
    <>
      <div className="no-print">
        <h1>{t('routes.posters.title', { building: building.name })}</h1>
        {problem ? (
          <PosterAddressRefusal address={address} problem={problem} />
        ) : (
          <>
            <p>{t('routes.posters.hint')}</p>
            <p className="poster-address" data-testid="poster-address">
              {t('routes.posters.address', { address })}
            </p>
            <button type="button" className="button primary" onClick={() => window.print()}>
              {t('routes.posters.print')}
            </button>
          </>
        )}
      </div>
      {problem ? null : (
        <div className="posters">
          {floors.map((f) => {
            const main = floorView(site.main, buildingId, f.id);
            const other = site.other ? floorView(site.other, buildingId, f.id) : undefined;
            const url = `${address}${floorPath(playbookId, buildingId, f.id)}`;
            return (
              <section key={f.id} className="poster" data-testid={`poster-${f.id}`} data-url={url}>
                <div className="poster-head">
                  <div className="poster-name">
                    <p className="poster-building" lang={site.main.language}>
                      {main?.building}
                    </p>
                    <p className="poster-floor" lang={site.main.language}>
                      {f.label}
                    </p>
                    <p className="poster-scan">{t('routes.posters.scan')}</p>
                  </div>
                  <QrCode text={url} size={260} label={url} />
                </div>
                <div className="poster-routes">
                  {main ? <PosterRoute view={main} /> : null}
                  {other ? <PosterRoute view={other} other /> : null}
                </div>
              </section>
            );
          })}
        </div>
      )}
    </>
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

/** Says which address the codes would carry, why a phone could not use it, and how to fix that. */
function PosterAddressRefusal({ address, problem }: { address: string; problem: AddressProblem }) {
  const t = useText(messages);
  const why = {
    loopback: t('routes.posters.refused.loopback'),
    insecure: t('routes.posters.refused.insecure'),
    invalid: t('routes.posters.refused.invalid'),
  }[problem];
  return (
    <div role="alert" className="screen-error poster-address-problem" data-testid="poster-address-problem">
      <h2>{t('routes.posters.refused.title')}</h2>
      <p className="poster-address">{t('routes.posters.refused.address', { address })}</p>
      <p>{why}</p>
      <p>{t('routes.posters.refused.fix')}</p>
      <p>
        <Command text={t('routes.posters.refused.command')} />
      </p>
    </div>
  );
}
