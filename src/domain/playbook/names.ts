import { walkCommand } from './command-tree';
import type { Playbook, Step } from './schema';

/**
 * Display names for every id a step or item can name as responsible: a group ("疏散引导组"),
 * a post in it ("疏散引导组 · 组长 (副行长)") or a stand-alone role, in the playbook's words. Pure.
 */
export function commandNames(playbook: Playbook): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of walkCommand(playbook.command)) {
    if (e.kind === 'group') names.set(e.id, e.group.name);
    else if (e.kind === 'post') names.set(e.id, `${e.group.name} · ${e.post.title}${e.post.heldBy ? ` (${e.post.heldBy})` : ''}`);
    else names.set(e.id, e.role.title);
  }
  return names;
}

/**
 * What every id an event can name is called: the command structure, steps, sub-items
 * (`stepId itemId`) and aftermath items. Used by the timeline and by the report. Pure.
 */
export function playbookNames(playbook: Playbook): Map<string, string> {
  const names = commandNames(playbook);
  for (const phase of playbook.phases) {
    for (const s of phase.steps) {
      names.set(s.id, s.text);
      for (const item of s.items ?? []) names.set(`${s.id} ${item.id}`, item.text);
    }
  }
  for (const a of playbook.aftermath) names.set(a.id, a.text);
  for (const m of playbook.measurements ?? []) names.set(m.id, m.label);
  return names;
}

/** The plan's phases and, last, its aftermath as one more phase: what an incident checks off. */
export function plannedPhases(playbook: Playbook, aftermathTitle: string): { id: string; title: string; steps: Step[]; aftermath: boolean }[] {
  return [
    ...playbook.phases.map((p) => ({ id: p.id, title: p.title, steps: p.steps, aftermath: false })),
    ...(playbook.aftermath.length
      ? [
          {
            id: 'phase.aftermath',
            title: aftermathTitle,
            aftermath: true,
            steps: playbook.aftermath.map((a): Step => ({ id: a.id, text: a.text, owner: a.owner ?? playbook.command.headquarters.id })),
          },
        ]
      : []),
  ];
}
