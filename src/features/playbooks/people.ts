import type { Playbook } from '../../domain/playbook/schema';
import type { Group, Position, Team } from '../../domain/playbook/schema-command';

/**
 * Display names for every id a step or item can name as responsible: a group ("疏散引导组"),
 * a post in it ("疏散引导组 · 组长（副行长）") or a stand-alone role. Pure.
 */
export function commandNames(playbook: Playbook): Map<string, string> {
  const names = new Map<string, string>();
  const post = (groupName: string, p: Position) => names.set(p.id, `${groupName} · ${p.title}${p.heldBy ? ` (${p.heldBy})` : ''}`);
  const addGroup = (g: Group | Team) => {
    names.set(g.id, g.name);
    if (g.leader) post(g.name, g.leader);
    g.deputies?.forEach((p) => post(g.name, p));
    g.members?.forEach((p) => post(g.name, p));
    if ('teams' in g) g.teams?.forEach(addGroup);
  };
  addGroup(playbook.command.headquarters);
  playbook.command.groups.forEach(addGroup);
  playbook.command.roles?.forEach((r) => names.set(r.id, r.title));
  return names;
}
