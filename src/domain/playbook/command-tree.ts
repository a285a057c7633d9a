import type { Command, Group, Position, Role, Team } from './schema-command';

/** One thing the command structure names, with the JSON path to it (issues point there). */
type CommandEntry =
  | { readonly kind: 'group'; readonly id: string; readonly group: Group | Team; readonly path: string }
  | { readonly kind: 'post'; readonly id: string; readonly post: Position; readonly group: Group | Team; readonly path: string }
  | { readonly kind: 'role'; readonly id: string; readonly role: Role; readonly path: string };

/** The posts of a group or team in chart order (leader, deputies, members), each with its path inside the group. */
export function postsOf(group: Group | Team): { readonly post: Position; readonly path: string }[] {
  return [
    ...(group.leader ? [{ post: group.leader, path: 'leader' }] : []),
    ...(group.deputies ?? []).map((post, i) => ({ post, path: `deputies[${i}]` })),
    ...(group.members ?? []).map((post, i) => ({ post, path: `members[${i}]` })),
  ];
}

/**
 * Everything the command structure names, in chart order: the headquarters, then each group,
 * each followed by its posts and then its sub-teams; the stand-alone roles last. The only walk
 * of the structure: the id checks, the display names and the roles panel all read this, so
 * none of them can forget the deputies or a sub-team's posts.
 */
export function walkCommand(command: Command): CommandEntry[] {
  const out: CommandEntry[] = [];
  const visit = (group: Group | Team, path: string): void => {
    out.push({ kind: 'group', id: group.id, group, path });
    for (const p of postsOf(group)) out.push({ kind: 'post', id: p.post.id, post: p.post, group, path: `${path}.${p.path}` });
    if ('teams' in group) group.teams?.forEach((team, i) => visit(team, `${path}.teams[${i}]`));
  };
  visit(command.headquarters, 'command.headquarters');
  command.groups.forEach((g, i) => visit(g, `command.groups[${i}]`));
  command.roles?.forEach((role, i) => out.push({ kind: 'role', id: role.id, role, path: `command.roles[${i}]` }));
  return out;
}

/** A post an incident can record someone in: its id, the group it belongs to, and its title. */
export interface AssignablePost {
  readonly id: string;
  /** The name of the group or team the post is in; empty for a stand-alone role or a team standing for itself. */
  readonly group: string;
  readonly title: string;
}

/**
 * Everything an incident can put a person in, in chart order: every post of every group and
 * team, every stand-alone role, and every group or team that names no leader post (the
 * evacuation team, the vault team), by its own id and name, so nobody is left unassignable.
 */
export function assignablePosts(command: Command): AssignablePost[] {
  return walkCommand(command).flatMap((e): AssignablePost[] => {
    if (e.kind === 'post') return [{ id: e.id, group: e.group.name, title: e.post.heldBy ? `${e.post.title} (${e.post.heldBy})` : e.post.title }];
    if (e.kind === 'role') return [{ id: e.id, group: '', title: e.role.title }];
    return e.group.leader ? [] : [{ id: e.id, group: '', title: e.group.name }];
  });
}
