import { compareDue, drillDeclarations, drillsDue, type DrillDue } from '../../domain/drills';
import type { MusterEvent } from '../../domain/event';
import type { Playbook } from '../../domain/playbook/schema';

/**
 * The drills due at each branch, for the head-office overview: each branch's drill
 * declarations from head office's copy of its events, against the playbooks this device holds
 * (the organisation's, published to every device), by the drill calendar's own rule
 * (domain/drills.ts). Pure: time and zone come in. Offline it shows what has been pulled; a
 * drill a branch held appears once its declaration reaches head office.
 */

export interface BranchDrills {
  readonly orgId: string;
  readonly name: string;
  /** The branch's plans with a drill overdue or due within 30 days, overdue first. */
  readonly due: readonly DrillDue[];
  readonly overdue: number;
  readonly soon: number;
}

/** The branches with a drill overdue or due soon, the most overdue first; branches whose drills are all on schedule are left out. */
export function branchDrillsDue(
  branches: readonly { readonly orgId: string; readonly name: string }[],
  declarations: readonly (MusterEvent & { readonly orgId: string })[],
  playbooks: readonly Playbook[],
  now: number,
  timeZone: string,
  language: string,
): BranchDrills[] {
  const byBranch = new Map<string, MusterEvent[]>();
  for (const e of declarations) {
    const list = byBranch.get(e.orgId);
    if (list) list.push(e);
    else byBranch.set(e.orgId, [e]);
  }
  const out: BranchDrills[] = [];
  for (const b of branches) {
    const drills = drillDeclarations(byBranch.get(b.orgId) ?? []);
    const due = drillsDue({ playbooks, drills, now, timeZone, language })
      .filter((d) => d.status !== 'ok')
      .sort(compareDue);
    if (due.length === 0) continue;
    out.push({
      orgId: b.orgId,
      name: b.name,
      due,
      overdue: due.filter((d) => d.status === 'overdue').length,
      soon: due.filter((d) => d.status === 'due-soon').length,
    });
  }
  const worst = (b: BranchDrills) => b.due[0]?.daysLeft ?? 0;
  return out.sort((a, b) => worst(a) - worst(b) || a.name.localeCompare(b.name) || a.orgId.localeCompare(b.orgId));
}
