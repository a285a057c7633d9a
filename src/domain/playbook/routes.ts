import type { Playbook } from './schema';
import type { AssemblyPoint, Building, Floor, Route, Stairway } from './schema-evacuation';

/** One way out of a floor with the stairway and assembly point it names, looked up. */
export interface FloorRoute {
  readonly building: Building;
  readonly floor: Floor;
  readonly route: Route;
  /** Undefined when the route says "nearest stairs/exit" (`route.nearest`). */
  readonly stairway?: Stairway;
  /** Undefined when the playbook sets no assembly point for this route. */
  readonly assemblyPoint?: AssemblyPoint;
}

/** The buildings that have floors to leave from: what the routes screen lists for a playbook. */
export function routeBuildings(playbook: Pick<Playbook, 'buildings'>): Building[] {
  return (playbook.buildings ?? []).filter((b) => b.floors.length > 0);
}

/**
 * Whether a playbook has evacuation routes to offer. Decided by what it maps, never by its
 * kind: a flood plan may map its buildings too, and a fire plan may not have been mapped yet.
 */
export function hasRoutes(playbook: Pick<Playbook, 'buildings'>): boolean {
  return routeBuildings(playbook).length > 0;
}

const KIND_ORDER: Record<Route['kind'], number> = { primary: 0, alternate: 1, accessible: 2 };

/**
 * The evacuation routes of one floor, primary first, then alternate, then accessible (in the
 * playbook's order within a kind), each with its stairway and assembly point resolved.
 * Undefined when the building or floor is not in the playbook (an old QR code, say). Pure and
 * offline: it reads only the playbook passed in.
 */
export function routesForFloor(playbook: Playbook, buildingId: string, floorId: string): FloorRoute[] | undefined {
  const building = playbook.buildings?.find((b) => b.id === buildingId);
  const floor = building?.floors.find((f) => f.id === floorId);
  if (!building || !floor) return undefined;
  const stairways = new Map((playbook.stairways ?? []).map((s) => [s.id, s]));
  const assemblyPoints = new Map((playbook.assemblyPoints ?? []).map((a) => [a.id, a]));
  return floor.routes
    .map((route, index) => ({ route, index }))
    .sort((x, y) => KIND_ORDER[x.route.kind] - KIND_ORDER[y.route.kind] || x.index - y.index)
    .map(({ route }) => {
      const stairway = route.stairway === undefined ? undefined : stairways.get(route.stairway);
      const assemblyPoint = route.assemblyPoint === undefined ? undefined : assemblyPoints.get(route.assemblyPoint);
      return { building, floor, route, ...(stairway && { stairway }), ...(assemblyPoint && { assemblyPoint }) };
    });
}
