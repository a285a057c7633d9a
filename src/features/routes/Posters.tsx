import { Command } from '../../ui/Command';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { floorPath, floorView } from './floor-view';
import { addressProblem, type AddressProblem } from '../../domain/address';
import { posterBaseAddress } from './poster-address';
import { QrCode } from './QrCode';
import { useSite } from './useSite';
import { messages } from './messages';

/**
 * One A4 poster per floor of a building: the floor in large type, a QR code of the floor's link,
 * the route in brief in the playbook's language and the other. Made on the device, offline.
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
  const floors = [...building.floors].sort((a, b) => b.order - a.order);
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
            const brief = (v: typeof main) => v?.routes[0];
            return (
              <section key={f.id} className="poster" data-testid={`poster-${f.id}`} data-url={url}>
                <p className="poster-building" lang={site.main.language}>
                  {main?.building}
                </p>
                <p className="poster-floor" lang={site.main.language}>
                  {f.label}
                </p>
                <QrCode text={url} size={260} label={url} />
                <p className="poster-scan">{t('routes.posters.scan')}</p>
                <div className="poster-route" lang={site.main.language}>
                  {main?.floorNotes ? <p className="poster-floor-notes">{main.floorNotes.text}</p> : null}
                  <p className="route-instruction">{brief(main)?.instruction}</p>
                  <p>{main?.rules[0]}</p>
                </div>
                {other ? (
                  <div className="poster-route other" lang={site.other?.language}>
                    {other.floorNotes ? <p className="poster-floor-notes">{other.floorNotes.text}</p> : null}
                    <p className="route-instruction">{brief(other)?.instruction}</p>
                    <p>{other.rules[0]}</p>
                  </div>
                ) : null}
              </section>
            );
          })}
        </div>
      )}
    </>
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
