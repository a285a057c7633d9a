import { walkCommand } from './command-tree';
import type { Playbook } from './schema';
import type { AssemblyPoint, Building, CallRef, Floor, Leg, Route, SafetyRule, Stairway } from './schema-evacuation';

/** One stretch of a route with the stairway it names, looked up. */
export interface FloorLeg {
  readonly leg: Leg;
  /** Undefined when the leg names none (a corridor, "the nearest stairs"). */
  readonly stairway?: Stairway;
}

/** Whom to call from a refuge: the post or emergency number named, with its phone number. */
export interface FloorCall {
  readonly call: CallRef;
  /** The post's title or the emergency number's label, as the playbook words it. */
  readonly name: string;
  /** Undefined where the playbook leaves the number blank: the screens say so. */
  readonly phone?: string;
}

/** One way out of a floor (or one place to wait in it) with everything it names, looked up. */
export interface FloorRoute {
  readonly building: Building;
  readonly floor: Floor;
  readonly route: Route;
  readonly legs: readonly FloorLeg[];
  /** Undefined when the playbook sets no assembly point for this route. */
  readonly assemblyPoint?: AssemblyPoint;
  /** For a "stay and wait" route: whom to call. Empty otherwise. */
  readonly calls: readonly FloorCall[];
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

/**
 * A building's floors from the bottom up (B2, B1, 1, 2M, 2, …), by their `order`; floors with
 * the same order keep the playbook's order. A new list: the building is not changed.
 */
export function floorsInOrder(building: Pick<Building, 'floors'>): Floor[] {
  return building.floors
    .map((floor, index) => ({ floor, index }))
    .sort((a, b) => a.floor.order - b.floor.order || a.index - b.index)
    .map(({ floor }) => floor);
}

const SEVERITY_ORDER: Record<SafetyRule['severity'], number> = { danger: 0, warning: 1, caution: 2 };

/** Rules, the most severe first; rules of one severity keep the order they were given in. */
export function bySeverity(rules: readonly SafetyRule[]): SafetyRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] || a.index - b.index)
    .map(({ rule }) => rule);
}

/** The safety rules for everyone on a floor: the building's and the floor's own, most severe first. */
export function floorSafetyRules(building: Building, floor: Floor): SafetyRule[] {
  return bySeverity([...(building.rules ?? []), ...(floor.rules ?? [])]);
}

const KIND_ORDER: Record<Route['kind'], number> = { primary: 0, alternate: 1, 'step-free': 2 };

function phoneBook(playbook: Playbook): (call: CallRef) => FloorCall {
  const people = new Map<string, { name: string; phone?: string }>();
  for (const entry of walkCommand(playbook.command)) {
    if (entry.kind === 'group') people.set(entry.id, { name: entry.group.name, ...(entry.group.phone && { phone: entry.group.phone }) });
    else if (entry.kind === 'post')
      people.set(entry.id, { name: `${entry.group.name} ${entry.post.title}`, ...(entry.post.phone && { phone: entry.post.phone }) });
    else people.set(entry.id, { name: entry.role.title, ...(entry.role.phone && { phone: entry.role.phone }) });
  }
  const numbers = new Map(playbook.emergencyNumbers.map((n) => [n.id, { name: n.label, ...(n.number && { phone: n.number }) }]));
  return (call) => {
    const found = call.role !== undefined ? people.get(call.role) : call.emergencyNumber !== undefined ? numbers.get(call.emergencyNumber) : undefined;
    return { call, name: found?.name ?? call.role ?? call.emergencyNumber ?? '', ...(found?.phone && { phone: found.phone }) };
  };
}

/**
 * The evacuation routes of one floor, primary first, then alternate, then step-free (in the
 * playbook's order within a kind), each with its stairways, assembly point and calls resolved.
 * Undefined when the building or floor is not in the playbook (an old QR code, say). Pure and
 * offline: it reads only the playbook passed in.
 */
export function routesForFloor(playbook: Playbook, buildingId: string, floorId: string): FloorRoute[] | undefined {
  const building = playbook.buildings?.find((b) => b.id === buildingId);
  const floor = building?.floors.find((f) => f.id === floorId);
  if (!building || !floor) return undefined;
  const stairways = new Map((playbook.stairways ?? []).map((s) => [s.id, s]));
  const assemblyPoints = new Map((playbook.assemblyPoints ?? []).map((a) => [a.id, a]));
  const callOf = phoneBook(playbook);
  return floor.routes
    .map((route, index) => ({ route, index }))
    .sort((x, y) => KIND_ORDER[x.route.kind] - KIND_ORDER[y.route.kind] || x.index - y.index)
    .map(({ route }) => {
      const legs = (route.legs ?? []).map((leg) => {
        const stairway = leg.stairway === undefined ? undefined : stairways.get(leg.stairway);
        return { leg, ...(stairway && { stairway }) };
      });
      const assemblyPoint = route.assemblyPoint === undefined ? undefined : assemblyPoints.get(route.assemblyPoint);
      return { building, floor, route, legs, calls: (route.stay?.call ?? []).map(callOf), ...(assemblyPoint && { assemblyPoint }) };
    });
}
