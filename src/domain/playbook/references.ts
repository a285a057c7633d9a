import { isRecord, type Issue } from '../validation';
import { closest } from './issues';
import { joinPath } from './json-path';
import type { MessageCode, Say } from './messages';
import type { Playbook } from './schema';
import type { PlaybookV1 } from './schema-v1';
import { walkCommand } from './command-tree';
import { REFERENCE_FIELDS, type ReferenceKind } from './schema-common';

/**
 * What the schema cannot say: ids are unique, every reference points at something that
 * exists, every floor has one clear primary route. Runs only on a playbook that passed the
 * schema, so the shapes are known.
 */

interface Located {
  readonly id: string;
  readonly path: string;
}

/** Every id a step owner may name: groups, sub-teams, their posts, and stand-alone roles. */
export function commandIds(playbook: Pick<Playbook, 'command'>): Located[] {
  return walkCommand(playbook.command).map((e) => ({ id: e.id, path: `${e.path}.id` }));
}

function stepIds(playbook: Playbook | PlaybookV1): Located[] {
  return playbook.phases.flatMap((phase, p) => phase.steps.map((step, s) => ({ id: step.id, path: `phases[${p}].steps[${s}].id` })));
}

type DuplicateRule = Extract<MessageCode, `id.duplicate.${string}`>;

function duplicates(items: readonly Located[], rule: DuplicateRule, reported: Set<string>, say: Say): Issue[] {
  const first = new Map<string, string>();
  const issues: Issue[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, item.path);
    else if (!reported.has(item.path)) {
      reported.add(item.path);
      issues.push({ path: item.path, message: say(rule, { id: item.id, earlier }) });
    }
  }
  return issues;
}

/** Calls `visit` on every object in the document with its JSON path. */
function walkObjects(value: unknown, path: string, visit: (obj: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkObjects(v, joinPath(path, i), visit));
  else if (isRecord(value)) {
    visit(value, path);
    for (const [key, v] of Object.entries(value)) walkObjects(v, joinPath(path, key), visit);
  }
}

/** Within any one list, ids differ (floors within a building, routes within a floor, …). */
function listDuplicates(playbook: Playbook | PlaybookV1, reported: Set<string>, say: Say): Issue[] {
  const issues: Issue[] = [];
  walkObjects(playbook, '', (obj, path) => {
    for (const [key, v] of Object.entries(obj)) {
      if (!Array.isArray(v)) continue;
      const located = v.flatMap((item, i) => (isRecord(item) && typeof item.id === 'string' ? [{ id: item.id, path: `${joinPath(path, key)}[${i}].id` }] : []));
      issues.push(...duplicates(located, 'id.duplicate.list', reported, say));
    }
  });
  return issues;
}

/** Where the playbook lists what each kind of reference may name. */
const LISTED_IN: Record<ReferenceKind, string> = {
  person: 'command',
  stairway: 'stairways',
  assemblyPoint: 'assemblyPoints',
  emergencyNumber: 'emergencyNumbers',
};

function unknownReference(kind: ReferenceKind, value: string, known: readonly string[], say: Say): string {
  const list = LISTED_IN[kind];
  if (known.length === 0) return say('reference.unknown.noneListed', { kind, value, list });
  const guess = closest(value, known);
  return guess ? say('reference.unknown.guess', { kind, value, guess }) : say('reference.unknown.list', { kind, value, known, list });
}

function danglingReferences(playbook: Playbook | PlaybookV1, say: Say): Issue[] {
  const known: Record<ReferenceKind, string[]> = {
    person: commandIds(playbook).map((x) => x.id),
    stairway: (playbook.stairways ?? []).map((s) => s.id),
    assemblyPoint: (playbook.assemblyPoints ?? []).map((a) => a.id),
    emergencyNumber: playbook.emergencyNumbers.map((n) => n.id),
  };
  const issues: Issue[] = [];
  walkObjects(playbook, '', (obj, path) => {
    for (const [key, kind] of Object.entries(REFERENCE_FIELDS) as [string, ReferenceKind][]) {
      const value = obj[key];
      const refs =
        typeof value === 'string'
          ? [[joinPath(path, key), value] as const]
          : Array.isArray(value)
            ? value.map((v, i) => [`${joinPath(path, key)}[${i}]`, String(v)] as const)
            : [];
      for (const [at, ref] of refs) {
        if (!known[kind].includes(ref)) issues.push({ path: at, message: unknownReference(kind, ref, known[kind], say) });
      }
    }
  });
  return issues;
}

interface FloorShape {
  readonly label: string;
  readonly routes: readonly { readonly kind: string }[];
}

/** Rules every floor keeps in every version: a label of its own and exactly one primary route. */
function floorBasics(buildings: readonly { readonly floors: readonly FloorShape[] }[] | undefined, say: Say): Issue[] {
  const issues: Issue[] = [];
  buildings?.forEach((building, b) => {
    const labels = new Map<string, string>();
    building.floors.forEach((floor, f) => {
      const at = `buildings[${b}].floors[${f}]`;
      const earlier = labels.get(floor.label);
      if (earlier) issues.push({ path: `${at}.label`, message: say('floor.duplicateLabel', { label: floor.label, earlier }) });
      else labels.set(floor.label, `${at}.label`);
      const primaries = floor.routes.flatMap((r, i) => (r.kind === 'primary' ? [`routes[${i}]`] : []));
      if (primaries.length !== 1) {
        issues.push({ path: `${at}.routes`, message: primaries.length === 0 ? say('floor.primary.none') : say('floor.primary.many', { routes: primaries }) });
      }
    });
  });
  return issues;
}

/** Version 1: a route goes by a named stairway or the nearest one, never both. */
function routeRulesV1(playbook: PlaybookV1, say: Say): Issue[] {
  const issues: Issue[] = [];
  playbook.buildings?.forEach((building, b) =>
    building.floors.forEach((floor, f) =>
      floor.routes.forEach((route, r) => {
        const at = `buildings[${b}].floors[${f}].routes[${r}]`;
        if (route.stairway !== undefined && route.nearest !== undefined) issues.push({ path: at, message: say('route.stairwayAndNearest') });
        else if (route.stairway === undefined && route.nearest === undefined) issues.push({ path: at, message: say('route.noWayOut') });
      }),
    ),
  );
  return issues;
}

/**
 * Version 2: a route is a way out in legs or a place to stay, never both and never neither;
 * only a step-free route may say "stay"; a stairs leg names its stairs; a call names whom.
 */
function routeRulesV2(playbook: Playbook, say: Say): Issue[] {
  const issues: Issue[] = [];
  playbook.buildings?.forEach((building, b) =>
    building.floors.forEach((floor, f) =>
      floor.routes.forEach((route, r) => {
        const at = `buildings[${b}].floors[${f}].routes[${r}]`;
        if (route.legs && route.stay) issues.push({ path: at, message: say('route.legsAndStay') });
        else if (!route.legs && !route.stay) issues.push({ path: at, message: say('route.noLegsNorStay') });
        if (route.stay && route.kind !== 'step-free') issues.push({ path: `${at}.kind`, message: say('route.stayNotStepFree') });
        route.legs?.forEach((leg, l) => {
          if (leg.stairway !== undefined && leg.nearest !== undefined) issues.push({ path: `${at}.legs[${l}]`, message: say('leg.stairwayAndNearest') });
          else if (leg.kind === 'stairs' && leg.stairway === undefined && leg.nearest !== 'stairs')
            issues.push({ path: `${at}.legs[${l}]`, message: say('leg.stairsWithoutStairway') });
        });
        route.stay?.call.forEach((call, c) => {
          if (call.role !== undefined && call.emergencyNumber !== undefined) issues.push({ path: `${at}.stay.call[${c}]`, message: say('call.both') });
          else if (call.role === undefined && call.emergencyNumber === undefined)
            issues.push({ path: `${at}.stay.call[${c}]`, message: say('call.noneNamed') });
        });
      }),
    ),
  );
  return issues;
}

/** Every id and reference problem of a schema-valid playbook, worded by `say`. */
export function checkReferences(doc: { version: 2; playbook: Playbook } | { version: 1; playbook: PlaybookV1 }, say: Say): Issue[] {
  const reported = new Set<string>();
  const { playbook } = doc;
  return [
    ...duplicates(commandIds(playbook), 'id.duplicate.command', reported, say),
    ...duplicates(stepIds(playbook), 'id.duplicate.step', reported, say),
    ...listDuplicates(playbook, reported, say),
    ...danglingReferences(playbook, say),
    ...floorBasics(playbook.buildings, say),
    ...(doc.version === 2 ? routeRulesV2(doc.playbook, say) : routeRulesV1(doc.playbook, say)),
  ];
}
