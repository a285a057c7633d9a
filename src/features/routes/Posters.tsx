import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { floorPath, floorView } from './floor-view';
import { QrCode } from './QrCode';
import { useSite } from './useSite';
import { messages } from './messages';

/**
 * One A4 poster per floor of a building: the floor in large type, a QR code of the floor's link,
 * the route in brief in the playbook's language and the other. Made on the device, offline.
 */
export function Posters({ playbookId, buildingId }: { playbookId: string; buildingId: string }) {
  const t = useText(messages);
  const site = useSite(playbookId);
  if (site === undefined) return <Loading />;
  const building = site?.main.buildings?.find((b) => b.id === buildingId);
  if (!site || !building) return <p role="alert">{t('routes.floorNotFound')}</p>;
  const floors = [...building.floors].sort((a, b) => (b.level ?? 0) - (a.level ?? 0));
  return (
    <>
      <div className="no-print">
        <h1>{t('routes.posters.title', { building: building.name })}</h1>
        <p>{t('routes.posters.hint')}</p>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('routes.posters.print')}
        </button>
      </div>
      <div className="posters">
        {floors.map((f) => {
          const main = floorView(site.main, buildingId, f.id);
          const other = site.other ? floorView(site.other, buildingId, f.id) : undefined;
          const url = `${window.location.origin}${floorPath(playbookId, buildingId, f.id)}`;
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
                <p className="route-instruction">{brief(main)?.instruction}</p>
                <p>{main?.rules[0]}</p>
              </div>
              {other ? (
                <div className="poster-route other" lang={site.other?.language}>
                  <p className="route-instruction">{brief(other)?.instruction}</p>
                  <p>{other.rules[0]}</p>
                </div>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
