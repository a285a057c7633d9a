import { Command } from '../../ui/Command';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { floorsInOrder } from '../../domain/playbook/routes';
import { FloorPoster } from './FloorPoster';
import { addressProblem, type AddressProblem } from '../../domain/address';
import { posterBaseAddress } from './poster-address';
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
          {floors.map((f) => (
            <FloorPoster key={f.id} main={site.main} other={site.other} playbookId={playbookId} buildingId={buildingId} floorId={f.id} address={address} />
          ))}
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
