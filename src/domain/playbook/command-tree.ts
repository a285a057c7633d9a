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
