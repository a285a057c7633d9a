import type { Playbook, Step } from '../playbook/schema';
import type { Group, Position, Team } from '../playbook/schema-command';

/**
 * What the report calls every id an event or a step can name: groups, posts, roles, steps,
 * sub-items (`stepId itemId`) and aftermath items, in the playbook's own words. Pure.
 */
export function playbookNames(playbook: Playbook): Map<string, string> {
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
  for (const phase of playbook.phases) {
    for (const s of phase.steps) {
      names.set(s.id, s.text);
      for (const item of s.items ?? []) names.set(`${s.id} ${item.id}`, item.text);
    }
  }
  for (const a of playbook.aftermath) names.set(a.id, a.text);
  return names;
}

/** The plan's phases and, last, its aftermath as one more phase: what an incident checks off. */
export function plannedPhases(playbook: Playbook, aftermathTitle: string): { id: string; title: string; steps: Step[]; aftermath: boolean }[] {
  return [
    ...playbook.phases.map((p) => ({ id: p.id, title: p.title, steps: p.steps, aftermath: false })),
    ...(playbook.aftermath.length
      ? [{ id: 'phase.aftermath', title: aftermathTitle, aftermath: true, steps: playbook.aftermath.map((a): Step => ({ id: a.id, text: a.text, owner: a.owner ?? playbook.command.headquarters.id })) }]
      : []),
  ];
}
