import { isRecord } from '../validation';
import { walkCommand } from './command-tree';
import type { Finding, ShapeReport } from './findings';
import { closest } from './issues';
import { formatPath, type PathSegment } from './json-path';
import type { MessageCode, Say } from './messages';
import { type JsonObject, listIn, objectsIn, readableCommand, textIn } from './readable';
import type { Playbook } from './schema';
import { REFERENCE_FIELDS, type ReferenceKind } from './schema-common';

/**
 * What the schema cannot say: ids are unique, every reference points at something that
 * exists, every floor has one clear primary route, a route is a way out or a place to wait.
 * These checks run on the file as it is, beside the schema rather than after it, so one pass
 * names every problem; what the schema already reported (a value of the wrong type, a field it
 * does not know, perhaps the one a rule looks for) is passed over, so no problem is reported
 * twice, once as itself and once as a consequence.
 */

type Path = readonly PathSegment[];

interface Located {
  readonly id: string;
  readonly at: Path;
}

/** Every id a step owner may name: groups, sub-teams, their posts, and stand-alone roles. */
export function commandIds(playbook: Pick<Playbook, 'command'>): { id: string; path: string }[] {
  return walkCommand(playbook.command).map((e) => ({ id: e.id, path: `${e.path}.id` }));
}

/** A path as command-tree.ts writes it (`command.groups[0].leader`), in segments. */
function segmentsOf(path: string): PathSegment[] {
  return path.split('.').flatMap((part) => {
    const [name = '', ...indexes] = part.split('[');
    return [name, ...indexes.map((i) => Number(i.slice(0, -1)))];
  });
}

/** The ids of the command structure that can be read, and whether any could not be. */
function commandEntries(doc: unknown): { ids: Located[]; complete: boolean } {
  const entries = walkCommand(readableCommand(doc));
  const ids = entries.flatMap((e) => (typeof e.id === 'string' ? [{ id: e.id, at: [...segmentsOf(e.path), 'id'] }] : []));
  return { ids, complete: isRecord(doc) && isRecord(doc.command) && ids.length === entries.length };
}

function stepIds(doc: unknown): Located[] {
  return objectsIn(doc, 'phases').flatMap(({ item: phase, index: p }) =>
    objectsIn(phase, 'steps').flatMap(({ item: step, index: s }) => {
      const id = textIn(step, 'id');
      return id === undefined ? [] : [{ id, at: ['phases', p, 'steps', s, 'id'] }];
    }),
  );
}

type DuplicateRule = Extract<MessageCode, `id.duplicate.${string}`>;

function duplicates(items: readonly Located[], rule: DuplicateRule, reported: Set<string>, say: Say): Finding[] {
  const first = new Map<string, Path>();
  const findings: Finding[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    const key = formatPath(item.at);
    if (earlier === undefined) first.set(item.id, item.at);
    else if (!reported.has(key)) {
      reported.add(key);
      findings.push({ at: item.at, severity: 'error', message: say(rule, { id: item.id, earlier: formatPath(earlier) }) });
    }
  }
  return findings;
}

/**
 * Calls `visit` on every object of the document with its path, leaving out what the schema
 * already refused at its root (a field it does not know, a value of the wrong type).
 */
function walkObjects(value: unknown, at: Path, shape: ShapeReport, visit: (obj: JsonObject, at: Path) => void): void {
  if (at.length > 0 && shape.at(at)) return;
  if (Array.isArray(value)) value.forEach((v, i) => walkObjects(v, [...at, i], shape, visit));
  else if (isRecord(value)) {
    visit(value, at);
    for (const [key, v] of Object.entries(value)) walkObjects(v, [...at, key], shape, visit);
  }
}

/** Within any one list, ids differ (floors within a building, routes within a floor, …). */
function listDuplicates(doc: unknown, shape: ShapeReport, reported: Set<string>, say: Say): Finding[] {
  const findings: Finding[] = [];
  walkObjects(doc, [], shape, (obj, at) => {
    for (const [key, v] of Object.entries(obj)) {
      if (!Array.isArray(v)) continue;
      const located = v.flatMap((item, i) => (isRecord(item) && typeof item.id === 'string' ? [{ id: item.id, at: [...at, key, i, 'id'] }] : []));
      findings.push(...duplicates(located, 'id.duplicate.list', reported, say));
    }
  });
  return findings;
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

/**
 * The ids a list offers for references, or undefined when some could not be read (the list or
 * an entry of the wrong type): a reference that seems unknown may then be a consequence.
 */
function listedIds(doc: unknown, list: string): string[] | undefined {
  const value = isRecord(doc) ? doc[list] : undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const ids = value.map((entry) => textIn(entry, 'id'));
  return ids.every((id) => id !== undefined) ? ids : undefined;
}

function danglingReferences(doc: unknown, shape: ShapeReport, say: Say): Finding[] {
  const people = commandEntries(doc);
  const known: Record<ReferenceKind, string[] | undefined> = {
    person: people.complete ? people.ids.map((x) => x.id) : undefined,
    stairway: listedIds(doc, 'stairways'),
    assemblyPoint: listedIds(doc, 'assemblyPoints'),
    emergencyNumber: listedIds(doc, 'emergencyNumbers'),
  };
  const findings: Finding[] = [];
  walkObjects(doc, [], shape, (obj, at) => {
    for (const [key, kind] of Object.entries(REFERENCE_FIELDS) as [string, ReferenceKind][]) {
      const value = obj[key];
      const ids = known[kind];
      if (ids === undefined || value === undefined || shape.at([...at, key])) continue;
      const refs: [Path, unknown][] = Array.isArray(value) ? value.map((v, i) => [[...at, key, i], v]) : [[[...at, key], value]];
      for (const [where, ref] of refs) {
        if (typeof ref !== 'string' || ids.includes(ref) || shape.at(where)) continue;
        findings.push({ at: where, severity: 'error', message: unknownReference(kind, ref, ids, say) });
      }
    }
  });
  return findings;
}

/** Every floor of every building, with its path: what the floor and route rules look at. */
function floorsOf(doc: unknown): { floor: JsonObject; at: Path; building: JsonObject }[] {
  return objectsIn(doc, 'buildings').flatMap(({ item: building, index: b }) =>
    objectsIn(building, 'floors').map(({ item: floor, index: f }) => ({ floor, building, at: ['buildings', b, 'floors', f] })),
  );
}

/** Rules every floor keeps in every version: a label of its own and exactly one primary route. */
function floorBasics(doc: unknown, shape: ShapeReport, say: Say): Finding[] {
  const findings: Finding[] = [];
  const labels = new Map<JsonObject, Map<string, Path>>();
  for (const { floor, building, at } of floorsOf(doc)) {
    const seen = labels.get(building) ?? new Map<string, Path>();
    labels.set(building, seen);
    const label = textIn(floor, 'label');
    const earlier = label === undefined ? undefined : seen.get(label);
    if (label !== undefined && earlier)
      findings.push({ at: [...at, 'label'], severity: 'error', message: say('floor.duplicateLabel', { label, earlier: formatPath(earlier) }) });
    else if (label !== undefined) seen.set(label, [...at, 'label']);
    // With a route the schema refused, or a kind it refused, the count would say more than the file.
    const routes = listIn(floor, 'routes');
    const readable = routes.length > 0 && !shape.at([...at, 'routes']) && routes.every((r, i) => isRecord(r) && !shape.at([...at, 'routes', i, 'kind']));
    if (!readable) continue;
    const primaries = routes.flatMap((r, i) => (textIn(r, 'kind') === 'primary' ? [`routes[${i}]`] : []));
    if (primaries.length !== 1) {
      findings.push({
        at: [...at, 'routes'],
        severity: 'error',
        message: primaries.length === 0 ? say('floor.primary.none') : say('floor.primary.many', { routes: primaries }),
      });
    }
  }
  return findings;
}

/** Every route of every floor, with its path. */
function routesOf(doc: unknown): { route: JsonObject; at: Path }[] {
  return floorsOf(doc).flatMap(({ floor, at }) => objectsIn(floor, 'routes').map(({ item: route, index }) => ({ route, at: [...at, 'routes', index] })));
}

/** Version 1: a route goes by a named stairway or the nearest one, never both. */
function routeRulesV1(doc: unknown, shape: ShapeReport, say: Say): Finding[] {
  const findings: Finding[] = [];
  for (const { route, at } of routesOf(doc)) {
    if (route.stairway !== undefined && route.nearest !== undefined) findings.push({ at, severity: 'error', message: say('route.stairwayAndNearest') });
    else if (route.stairway === undefined && route.nearest === undefined && !shape.hasUnknownField(at))
      findings.push({ at, severity: 'error', message: say('route.noWayOut') });
  }
  return findings;
}

/**
 * Version 2: a route is a way out in legs or a place to stay, never both and never neither;
 * only a step-free route may say "stay"; a stairs leg names its stairs; a call names whom.
 */
function routeRulesV2(doc: unknown, shape: ShapeReport, say: Say): Finding[] {
  const findings: Finding[] = [];
  const error = (at: Path, message: string) => findings.push({ at, severity: 'error', message });
  for (const { route, at } of routesOf(doc)) {
    if (route.legs !== undefined && route.stay !== undefined) error(at, say('route.legsAndStay'));
    else if (route.legs === undefined && route.stay === undefined && !shape.hasUnknownField(at)) error(at, say('route.noLegsNorStay'));
    if (route.stay !== undefined && route.kind !== 'step-free' && !shape.at([...at, 'kind'])) error([...at, 'kind'], say('route.stayNotStepFree'));
    for (const { item: leg, index } of objectsIn(route, 'legs')) {
      const legAt = [...at, 'legs', index];
      if (leg.stairway !== undefined && leg.nearest !== undefined) error(legAt, say('leg.stairwayAndNearest'));
      else if (
        leg.kind === 'stairs' &&
        leg.stairway === undefined &&
        leg.nearest !== 'stairs' &&
        !shape.hasUnknownField(legAt) &&
        !shape.at([...legAt, 'nearest'])
      )
        error(legAt, say('leg.stairsWithoutStairway'));
    }
    for (const { item: call, index } of objectsIn(route.stay, 'call')) {
      const callAt = [...at, 'stay', 'call', index];
      if (call.role !== undefined && call.emergencyNumber !== undefined) error(callAt, say('call.both'));
      else if (call.role === undefined && call.emergencyNumber === undefined && !shape.hasUnknownField(callAt)) error(callAt, say('call.noneNamed'));
    }
  }
  return findings;
}

/**
 * Every id and reference problem of a playbook file of schema `version`, worded by `say`, read
 * from the file as it is: `shape` is what the schema found, so its problems are not said twice.
 */
export function checkReferences(doc: unknown, version: 1 | 2, shape: ShapeReport, say: Say): Finding[] {
  const reported = new Set<string>();
  return [
    ...duplicates(commandEntries(doc).ids, 'id.duplicate.command', reported, say),
    ...duplicates(stepIds(doc), 'id.duplicate.step', reported, say),
    ...listDuplicates(doc, shape, reported, say),
    ...danglingReferences(doc, shape, say),
    ...floorBasics(doc, shape, say),
    ...(version === 2 ? routeRulesV2(doc, shape, say) : routeRulesV1(doc, shape, say)),
  ];
}
