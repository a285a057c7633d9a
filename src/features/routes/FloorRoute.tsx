import { Loading } from '../../ui/Loading';
import { useEffect } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { floorView } from './floor-view';
import { FloorRouteView } from './FloorRouteView';
import { isSavedFloor, MyFloorChoice } from './MyFloor';
import { RouteFinder } from './RouteFinder';
import { useSite } from './useSite';
import { messages } from './messages';

/** The route for one floor, from a QR poster or the finder: works offline once the app has been opened. */
export function FloorRoute({ playbookId, buildingId, floorId }: { playbookId: string; buildingId: string; floorId: string }) {
  const t = useText(messages);
  const site = useSite(playbookId);
  const myFloor = useSession((s) => s.myFloor);
  const setMyFloor = useSession((s) => s.setMyFloor);
  const main = site ? floorView(site.main, buildingId, floorId) : undefined;
  const other = site?.other ? floorView(site.other, buildingId, floorId) : undefined;
  const label = main ? `${main.building} ${main.floor}` : '';
  const here = { playbookId, buildingId, floorId, label };
  const mine = isSavedFloor(myFloor, here);
  // My own floor, opened in another language: the finder then names it in that language. Any other
  // floor only looked at leaves "my floor" alone (MyFloorChoice is the one way to change it).
  useEffect(() => {
    if (mine && label && myFloor?.label !== label) setMyFloor({ playbookId, buildingId, floorId, label });
  }, [mine, label, myFloor?.label, playbookId, buildingId, floorId, setMyFloor]);
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
      <FloorRouteView main={main} other={other} afterMain={<MyFloorChoice floor={here} saved={myFloor} onSave={setMyFloor} />} />
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
