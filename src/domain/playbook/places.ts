import { isRecord } from '../validation';
import type { PathSegment } from './json-path';
import type { PlaceDetail, PlacePart, PlaceThing } from './message-words';
import { textIn } from './readable';

/**
 * Where an issue is, in the file's own words: a path such as `buildings[0].floors[3].routes[1]`
 * becomes building "Riverside main building", floor "B1", route "alternate" (alternate). A
 * safety officer knows the building by its name and the floor by the label on its wall, not by
 * a list index. Read from the file as written, so it works on a file the schema refuses.
 */

/** How many characters of a text stand for it in a place: enough to recognise a step. */
const TEXT_START = 32;

function textStart(text: string | undefined): PlaceDetail | undefined {
  if (text === undefined) return undefined;
  const chars = Array.from(text);
  return { kind: 'text', value: chars.length > TEXT_START ? `${chars.slice(0, TEXT_START).join('')}…` : text };
}

interface ThingInList {
  readonly thing: PlaceThing;
  /** The fields that name it, the first that is a text wins; none: it goes by its position. */
  readonly labels: readonly string[];
  readonly detail?: (item: unknown) => PlaceDetail | undefined;
}

const routeKind = (route: unknown): PlaceDetail | undefined => {
  const kind = textIn(route, 'kind');
  return kind === undefined ? undefined : { kind: 'routeKind', value: kind };
};
const text = (item: unknown) => textStart(textIn(item, 'text'));

/**
 * The lists whose entries a place names, by the field that holds the list. A field name means
 * the same thing wherever it appears in a playbook (`floors` are always a building's floors).
 */
const LISTS: Readonly<Record<string, ThingInList>> = {
  buildings: { thing: 'building', labels: ['name', 'id'] },
  floors: { thing: 'floor', labels: ['label', 'id'] },
  routes: { thing: 'route', labels: ['id'], detail: routeKind },
  legs: { thing: 'leg', labels: [], detail: text },
  rules: { thing: 'rule', labels: ['id'], detail: text },
  call: { thing: 'call', labels: ['role', 'emergencyNumber'] },
  phases: { thing: 'phase', labels: ['title', 'id'] },
  steps: { thing: 'step', labels: ['id'], detail: text },
  items: { thing: 'item', labels: ['id'], detail: text },
  groups: { thing: 'group', labels: ['name', 'id'] },
  teams: { thing: 'team', labels: ['name', 'id'] },
  roles: { thing: 'role', labels: ['title', 'id'] },
  deputies: { thing: 'post', labels: ['title', 'id'] },
  members: { thing: 'post', labels: ['title', 'id'] },
  emergencyNumbers: { thing: 'emergencyNumber', labels: ['label', 'id'] },
  stairways: { thing: 'stairway', labels: ['name', 'id'] },
  assemblyPoints: { thing: 'assemblyPoint', labels: ['name', 'id'] },
  aftermath: { thing: 'aftermath', labels: ['id'], detail: text },
  schedule: { thing: 'check', labels: ['id'], detail: text },
  areas: { thing: 'area', labels: ['name', 'id'] },
  principles: { thing: 'principle', labels: ['id'] },
  rulesForEveryone: { thing: 'everyoneRule', labels: ['id'] },
  shelterInPlace: { thing: 'shelter', labels: ['id'] },
  tasks: { thing: 'task', labels: ['id'] },
  requirements: { thing: 'requirement', labels: ['id'] },
};

/** Things that are not in a list but are named all the same: the headquarters and a group's leader. */
const SINGLE: Readonly<Record<string, ThingInList>> = {
  headquarters: { thing: 'group', labels: ['name', 'id'] },
  leader: { thing: 'post', labels: ['title', 'id'] },
};

function labelOf(item: unknown, list: ThingInList): string | undefined {
  for (const field of list.labels) {
    const label = textIn(item, field);
    if (label !== undefined && label.trim() !== '') return label;
  }
  return undefined;
}

function partOf(item: unknown, list: ThingInList, index: number | undefined): PlacePart {
  const label = labelOf(item, list);
  const detail = list.detail?.(item);
  return {
    thing: list.thing,
    ...(label !== undefined ? { label } : { number: (index ?? 0) + 1 }),
    ...(detail && { detail }),
  };
}

/** What the entries of the list at `field` are, when a place names them: floors, routes, steps. */
export function thingOfList(field: PathSegment | undefined): PlaceThing | undefined {
  return typeof field === 'string' ? LISTS[field]?.thing : undefined;
}

/** An entry's label as a place gives it ("B1", "step.alarm.report"), or its 1-based position. */
export function entryLabel(list: unknown, field: PathSegment | undefined, index: number): string {
  const entry: unknown = Array.isArray(list) ? (list as readonly unknown[])[index] : undefined;
  const known = typeof field === 'string' ? LISTS[field] : undefined;
  return (known && labelOf(entry, known)) ?? String(index + 1);
}

/** The value at `at` in `doc`, or undefined when the path leaves the document. */
export function valueAt(doc: unknown, at: readonly PathSegment[]): unknown {
  let value = doc;
  for (const seg of at) {
    if (typeof seg === 'number' ? !Array.isArray(value) : !isRecord(value)) return undefined;
    value = typeof seg === 'number' ? (value as readonly unknown[])[seg] : (value as Record<string, unknown>)[String(seg)];
  }
  return value;
}

/**
 * The named things along `at` in `doc`, outermost first; empty when the path passes none
 * (`version`, `command.description`). An entry that is not an object still gets its position.
 */
export function placeOf(doc: unknown, at: readonly PathSegment[]): PlacePart[] {
  const parts: PlacePart[] = [];
  let value = doc;
  at.forEach((seg, i) => {
    const parent = value;
    value = valueAt(parent, [seg]);
    const field = at[i - 1];
    if (typeof seg === 'number' && Array.isArray(parent) && typeof field === 'string' && LISTS[field]) parts.push(partOf(value, LISTS[field], seg));
    else if (typeof seg === 'string' && isRecord(value) && SINGLE[seg]) parts.push(partOf(value, SINGLE[seg], undefined));
  });
  return parts;
}
