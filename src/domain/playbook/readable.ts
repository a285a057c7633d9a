import { isRecord } from '../validation';
import type { Command } from './schema-command';

/**
 * Reading a playbook file that may be wrong in places: the checks that run beside the schema
 * (references.ts, warnings.ts) read what can be read and pass over the rest, which the schema
 * reports. Nothing here throws on a value of the wrong type.
 */

export type JsonObject = Record<string, unknown>;

/** The list at `obj[key]`, or an empty one when there is none. */
export function listIn(obj: unknown, key: string): readonly unknown[] {
  const value = isRecord(obj) ? obj[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** The objects of the list at `obj[key]` with their index in it; other entries are left out. */
export function objectsIn(obj: unknown, key: string): { readonly item: JsonObject; readonly index: number }[] {
  return listIn(obj, key).flatMap((item, index) => (isRecord(item) ? [{ item, index }] : []));
}

export function textIn(obj: unknown, key: string): string | undefined {
  const value = isRecord(obj) ? obj[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function numberIn(obj: unknown, key: string): number | undefined {
  const value = isRecord(obj) ? obj[key] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const objectOr = (x: unknown): JsonObject => (isRecord(x) ? x : {});
const listOfObjects = (x: unknown): JsonObject[] => (Array.isArray(x) ? x.map(objectOr) : []);

function readableGroup(raw: unknown, withTeams: boolean): JsonObject {
  const g = objectOr(raw);
  return {
    id: g.id,
    ...(g.leader !== undefined && { leader: objectOr(g.leader) }),
    deputies: listOfObjects(g.deputies),
    members: listOfObjects(g.members),
    ...(withTeams && { teams: (Array.isArray(g.teams) ? g.teams : []).map((t) => readableGroup(t, false)) }),
  };
}

/**
 * The command structure of a file as command-tree.ts can walk it, whatever its shape: a group,
 * post or role that is not an object stays in its place as an empty one (so every path keeps
 * its index), and its `id` is then not a text. Callers look at each id before trusting it.
 */
export function readableCommand(doc: unknown): Command {
  const c = objectOr(isRecord(doc) ? doc.command : undefined);
  const command = {
    headquarters: readableGroup(c.headquarters, true),
    groups: (Array.isArray(c.groups) ? c.groups : []).map((g) => readableGroup(g, true)),
    roles: listOfObjects(c.roles),
  };
  // Only the ids and the nesting are read from it (walkCommand); their types are checked there.
  return command as unknown as Command;
}
