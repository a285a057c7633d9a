import type { Issue } from '../validation';
import { closest, listSome } from './issues';
import { joinPath } from './json-path';
import type { Playbook } from './schema';
import type { Group, Team } from './schema-command';
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
export function commandIds(playbook: Playbook): Located[] {
  const out: Located[] = [];
  const addGroup = (group: Group | Team, path: string): void => {
    out.push({ id: group.id, path: `${path}.id` });
    if (group.leader) out.push({ id: group.leader.id, path: `${path}.leader.id` });
    group.deputies?.forEach((p, i) => out.push({ id: p.id, path: `${path}.deputies[${i}].id` }));
    group.members?.forEach((p, i) => out.push({ id: p.id, path: `${path}.members[${i}].id` }));
    if ('teams' in group) group.teams?.forEach((t, i) => addGroup(t, `${path}.teams[${i}]`));
  };
  addGroup(playbook.command.headquarters, 'command.headquarters');
  playbook.command.groups.forEach((g, i) => addGroup(g, `command.groups[${i}]`));
  playbook.command.roles?.forEach((r, i) => out.push({ id: r.id, path: `command.roles[${i}].id` }));
  return out;
}

function stepIds(playbook: Playbook): Located[] {
  return playbook.phases.flatMap((phase, p) => phase.steps.map((step, s) => ({ id: step.id, path: `phases[${p}].steps[${s}].id` })));
}

function duplicates(items: readonly Located[], rule: string, reported: Set<string>): Issue[] {
  const first = new Map<string, string>();
  const issues: Issue[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, item.path);
    else if (!reported.has(item.path)) {
      reported.add(item.path);
      issues.push({ path: item.path, message: `duplicate id "${item.id}", already used at ${earlier}; ${rule}` });
    }
  }
  return issues;
}

function isRecordLike(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Calls `visit` on every object in the document with its JSON path. */
function walkObjects(value: unknown, path: string, visit: (obj: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkObjects(v, joinPath(path, i), visit));
  else if (isRecordLike(value)) {
    visit(value, path);
    for (const [key, v] of Object.entries(value)) walkObjects(v, joinPath(path, key), visit);
  }
}

/** Within any one list, ids differ (floors within a building, routes within a floor, …). */
function listDuplicates(playbook: Playbook, reported: Set<string>): Issue[] {
  const issues: Issue[] = [];
  walkObjects(playbook, '', (obj, path) => {
    for (const [key, v] of Object.entries(obj)) {
      if (!Array.isArray(v)) continue;
      const located = v.flatMap((item, i) =>
        isRecordLike(item) && typeof item.id === 'string' ? [{ id: item.id, path: `${joinPath(path, key)}[${i}].id` }] : [],
      );
      issues.push(...duplicates(located, 'ids must be unique in this list', reported));
    }
  });
  return issues;
}

const KIND_WORDS: Record<ReferenceKind, { what: string; list: string }> = {
  person: { what: 'role, group, team or position', list: 'command' },
  stairway: { what: 'stairway', list: 'stairways' },
  assemblyPoint: { what: 'assembly point', list: 'assemblyPoints' },
};

function unknownReference(kind: ReferenceKind, value: string, known: readonly string[]): string {
  const words = KIND_WORDS[kind];
  if (known.length === 0) return `unknown ${words.what} "${value}"; "${words.list}" lists none`;
  const guess = closest(value, known);
  return guess
    ? `unknown ${words.what} "${value}"; did you mean "${guess}"?`
    : `unknown ${words.what} "${value}"; expected one of ${listSome(known)} from ${words.list}`;
}

function danglingReferences(playbook: Playbook): Issue[] {
  const known: Record<ReferenceKind, string[]> = {
    person: commandIds(playbook).map((x) => x.id),
    stairway: (playbook.stairways ?? []).map((s) => s.id),
    assemblyPoint: (playbook.assemblyPoints ?? []).map((a) => a.id),
  };
  const issues: Issue[] = [];
  walkObjects(playbook, '', (obj, path) => {
    for (const [key, kind] of Object.entries(REFERENCE_FIELDS) as [string, ReferenceKind][]) {
      const value = obj[key];
      const refs = typeof value === 'string' ? [[joinPath(path, key), value] as const] : Array.isArray(value) ? value.map((v, i) => [`${joinPath(path, key)}[${i}]`, String(v)] as const) : [];
      for (const [at, ref] of refs) {
        if (!known[kind].includes(ref)) issues.push({ path: at, message: unknownReference(kind, ref, known[kind]) });
      }
    }
  });
  return issues;
}

function floorRules(playbook: Playbook): Issue[] {
  const issues: Issue[] = [];
  playbook.buildings?.forEach((building, b) => {
    const labels = new Map<string, string>();
    building.floors.forEach((floor, f) => {
      const at = `buildings[${b}].floors[${f}]`;
      const earlier = labels.get(floor.label);
      if (earlier) issues.push({ path: `${at}.label`, message: `duplicate floor label "${floor.label}", already used at ${earlier}; staff pick their floor by it` });
      else labels.set(floor.label, `${at}.label`);

      const primaries = floor.routes.flatMap((r, i) => (r.kind === 'primary' ? [`routes[${i}]`] : []));
      if (primaries.length !== 1) {
        issues.push({
          path: `${at}.routes`,
          message: `expected exactly one route of kind "primary", found ${primaries.length === 0 ? 'none' : `${primaries.length} (${primaries.join(', ')})`}`,
        });
      }
      floor.routes.forEach((route, r) => {
        if (route.stairway !== undefined && route.nearest !== undefined) {
          issues.push({ path: `${at}.routes[${r}]`, message: 'expected either "stairway" or "nearest", got both' });
        } else if (route.stairway === undefined && route.nearest === undefined) {
          issues.push({ path: `${at}.routes[${r}]`, message: 'missing the way out: expected "stairway" (a stairway id) or "nearest" ("stairs" or "exit")' });
        }
      });
    });
  });
  return issues;
}

export function checkReferences(playbook: Playbook): Issue[] {
  const reported = new Set<string>();
  return [
    ...duplicates(commandIds(playbook), 'roles, groups, teams and positions share one set of ids', reported),
    ...duplicates(stepIds(playbook), 'step ids must be unique in the whole playbook', reported),
    ...listDuplicates(playbook, reported),
    ...danglingReferences(playbook),
    ...floorRules(playbook),
  ];
}
