import { isRecord } from '../validation';
import type { Finding } from './findings';
import { formatPath, type PathSegment } from './json-path';
import type { Say } from './messages';
import { type JsonObject, listIn, numberIn, objectsIn, textIn } from './readable';

/**
 * What lets a file in but may mislead staff, or leave them without words, on the day:
 *
 * - Two floors of a building with the same `order` (`level` in version 1): the app cannot tell
 *   which is higher, so floor lists and pages may show them the wrong way round.
 * - A floor without a way out that holds at all times. The schema already refuses a floor with
 *   no route at all, and a primary route must be a way out, so we read "a floor with no route"
 *   as the gap the schema lets through: every route of the floor either waits in a refuge
 *   (`stay`) or applies only under a condition (`when`), so on some days nothing says how to
 *   leave.
 * - A floor with no step-free route where another floor of the same building has one: the plan
 *   knows someone may not manage the stairs, and this floor tells them nothing. The ground
 *   floor (level 1, or order 1 where no level is given) is left by its doors and needs none.
 * - Fields the schema accepts but no screen shows (`UNSHOWN_FIELDS`), once per field with how
 *   many places have it, so the author knows those words reach nobody.
 *
 * Read from the file as written, whatever its version and even where the schema refuses parts
 * of it; pure, like every check of the validator.
 */

type Path = readonly PathSegment[];

/**
 * Fields a playbook may hold that no screen of the app shows today (a survey of src/features:
 * the reader, the floor pages and posters, the checklist, the roles panel; and of the report),
 * by where they sit: `*` stands for any list index. Only words an author writes for people to
 * read are listed; ids, kinds, numbers and `$schema` are for the app and for editors. When a
 * screen starts to show one of these, take it off the list: test/playbooks/unshown-fields.test.ts
 * fails until then. Inside a listed field nothing more is said, should a listed field ever hold others.
 */
export const UNSHOWN_FIELDS: readonly { readonly field: string; readonly where: RegExp }[] = [
  // Where in the source plan a line comes from: for the editors of the file, on every kind of line.
  { field: 'source', where: /\.source$/ },
];

const LISTED_NAMES = new Set(UNSHOWN_FIELDS.map((f) => f.field));

/** Every field of the file that is on the list, each once: inside one that is, nothing more is said. */
function unshownFields(doc: unknown): Finding[] {
  const found: Finding[] = [];
  // `pattern` is the path with list indexes as "*" ("emergencyNumbers.*.notes"), built on the way down.
  const visit = (value: unknown, at: Path, pattern: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i], pattern === '' ? '*' : `${pattern}.*`));
    else if (isRecord(value)) {
      for (const [key, v] of Object.entries(value)) {
        const here = pattern === '' ? key : `${pattern}.${key}`;
        const entry = LISTED_NAMES.has(key) ? UNSHOWN_FIELDS.find((f) => f.where.test(here)) : undefined;
        if (entry) found.push({ at: [...at, key], severity: 'warning', message: '', unshownField: entry.field });
        else visit(v, [...at, key], here);
      }
    }
  };
  visit(doc, [], '');
  return found;
}

/** Said once per field name, at its first place, with how many places have it. */
export function sayUnshownFields(findings: readonly Finding[], say: Say): Finding[] {
  const byField = new Map<string, Finding[]>();
  for (const f of findings) if (f.unshownField !== undefined) byField.set(f.unshownField, [...(byField.get(f.unshownField) ?? []), f]);
  return findings.flatMap((f) => {
    if (f.unshownField === undefined) return [f];
    const all = byField.get(f.unshownField) ?? [];
    return all[0] === f ? [{ at: f.at, severity: f.severity, message: say('field.notShown', { field: f.unshownField, count: all.length }) }] : [];
  });
}

interface FloorSeen {
  readonly floor: JsonObject;
  readonly at: Path;
  readonly label: string;
  /** Where the floor sits from the bottom up, as migrate.ts and the screens read it. */
  readonly order: number | undefined;
}

function floorsOf(building: JsonObject, buildingAt: Path, version: 1 | 2): FloorSeen[] {
  return objectsIn(building, 'floors').map(({ item: floor, index }) => ({
    floor,
    at: [...buildingAt, 'floors', index],
    label: textIn(floor, 'label') ?? textIn(floor, 'id') ?? `#${index + 1}`,
    // Version 1 had no order: a floor's level, or its place in the list (migrate.ts).
    order: version === 2 ? numberIn(floor, 'order') : (numberIn(floor, 'level') ?? (floor.level === undefined ? index : undefined)),
  }));
}

function tiedOrders(floors: readonly FloorSeen[], version: 1 | 2, say: Say): Finding[] {
  const field = version === 2 ? 'order' : 'level';
  const first = new Map<number, FloorSeen>();
  const findings: Finding[] = [];
  for (const f of floors) {
    if (f.order === undefined) continue;
    const other = first.get(f.order);
    if (!other) first.set(f.order, f);
    // A version 1 floor without a level takes its place in the list: nothing in the file to point at.
    else if (version === 2 || f.floor.level !== undefined)
      findings.push({
        at: [...f.at, field],
        severity: 'warning',
        message: say('floor.orderTied', { field, value: f.order, other: other.label, at: formatPath(other.at) }),
      });
  }
  return findings;
}

const STEP_FREE = new Set(['step-free', 'accessible']);

function isStepFree(route: unknown): boolean {
  return STEP_FREE.has(textIn(route, 'kind') ?? '');
}

/** A way out that holds at all times: legs to follow, no refuge and no condition. */
function isWayOutAlways(route: unknown, version: 1 | 2): boolean {
  if (version === 1) return true;
  return isRecord(route) && listIn(route, 'legs').length > 0 && route.stay === undefined && route.when === undefined;
}

function atGroundLevel(f: FloorSeen): boolean {
  const level = numberIn(f.floor, 'level');
  return level === 1 || (f.floor.level === undefined && f.order === 1);
}

function floorWarnings(floors: readonly FloorSeen[], version: 1 | 2, say: Say): Finding[] {
  const findings: Finding[] = [];
  const stepFree = floors.filter((f) => listIn(f.floor, 'routes').some(isStepFree)).map((f) => f.label);
  for (const f of floors) {
    const routes = listIn(f.floor, 'routes');
    if (routes.length === 0) continue;
    if (!routes.some((r) => isWayOutAlways(r, version))) findings.push({ at: f.at, severity: 'warning', message: say('floor.noWayOutAlways') });
    if (stepFree.length > 0 && !routes.some(isStepFree) && !atGroundLevel(f))
      findings.push({ at: f.at, severity: 'warning', message: say('floor.noStepFree', { floors: stepFree }) });
  }
  return findings;
}

/**
 * The warnings of a playbook file of schema `version`, worded by `say`; fields no screen shows
 * come one per place, for `sayUnshownFields` to count once the warnings that only repeat an
 * error have been left out.
 */
export function findWarnings(doc: unknown, version: 1 | 2, say: Say): Finding[] {
  const findings: Finding[] = [];
  for (const { item: building, index } of objectsIn(doc, 'buildings')) {
    const floors = floorsOf(building, ['buildings', index], version);
    findings.push(...tiedOrders(floors, version, say), ...floorWarnings(floors, version, say));
  }
  return [...findings, ...unshownFields(doc)];
}
