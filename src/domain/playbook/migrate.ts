import { isRecord } from '../validation';
import type { Playbook, Step } from './schema';
import { SCHEMA_VERSION } from './schema-version';
import type { Floor, Leg, Route, Stairway } from './schema-evacuation';
import type { FloorV1, PlaybookV1, RouteV1, StepV1 } from './schema-v1';

/**
 * Version 1 playbooks, read as version 2. Nothing a v1 file says is lost or reworded: a route
 * becomes a route of one leg (its stairway or "nearest", its direction, its instruction), an
 * "accessible" route a "step-free" one, a floor's `level` its `order`, a step's `targetMinutes`
 * a target counted from the start of the incident. Pure; the same file always gives the same
 * playbook, so two phones that migrate it agree.
 */

function stepV2(step: StepV1): Step {
  const { targetMinutes, ...rest } = step;
  return { ...rest, ...(targetMinutes !== undefined && { target: { minutes: targetMinutes, from: 'incident' as const } }) };
}

function legOf(route: RouteV1, stairways: ReadonlyMap<string, Stairway>): Leg {
  const named = route.stairway === undefined ? undefined : stairways.get(route.stairway);
  const door = route.nearest === 'exit' || named?.kind === 'exit';
  return {
    kind: door ? 'door' : 'stairs',
    ...(route.stairway !== undefined && { stairway: route.stairway }),
    ...(route.nearest !== undefined && { nearest: route.nearest }),
    direction: route.direction,
    text: route.instruction,
  };
}

function routeV2(route: RouteV1, stairways: ReadonlyMap<string, Stairway>): Route {
  return {
    id: route.id,
    kind: route.kind === 'accessible' ? 'step-free' : route.kind,
    instruction: route.instruction,
    legs: [legOf(route, stairways)],
    ...(route.exit !== undefined && { exit: route.exit }),
    ...(route.assemblyPoint !== undefined && { assemblyPoint: route.assemblyPoint }),
    ...(route.notes !== undefined && { notes: route.notes }),
    ...(route.source !== undefined && { source: route.source }),
  };
}

function floorV2(floor: FloorV1, index: number, stairways: ReadonlyMap<string, Stairway>): Floor {
  return {
    id: floor.id,
    label: floor.label,
    // A v1 floor without a level keeps its place in the file.
    order: floor.level ?? index,
    ...(floor.level !== undefined && { level: floor.level }),
    routes: floor.routes.map((r) => routeV2(r, stairways)),
    ...(floor.notes !== undefined && { notes: floor.notes }),
  };
}

/** A version 1 playbook (already checked against the v1 schema) as version 2. */
export function migrateV1(v1: PlaybookV1): Playbook {
  const { schemaVersion: _version, phases, buildings, ...plan } = v1;
  const stairways = new Map((v1.stairways ?? []).map((s) => [s.id, s]));
  return {
    ...plan,
    schemaVersion: SCHEMA_VERSION,
    phases: phases.map((p) => ({ ...p, steps: p.steps.map(stepV2) })),
    ...(buildings && {
      buildings: buildings.map((b) => ({ ...b, floors: b.floors.map((f, i) => floorV2(f, i, stairways)) })),
    }),
  };
}

/** The schema version a parsed file says it is written in: 1 when it says nothing. */
export function schemaVersionOf(doc: unknown): unknown {
  return isRecord(doc) && 'schemaVersion' in doc ? doc.schemaVersion : 1;
}

/**
 * A playbook document that was checked when it came in (a shipped file, a stored import, the
 * copy in a report), as the current version. Version 2 comes back as it is.
 */
export function currentPlaybook(doc: Playbook | PlaybookV1): Playbook {
  return schemaVersionOf(doc) === SCHEMA_VERSION ? (doc as Playbook) : migrateV1(doc as PlaybookV1);
}
