import { currentCommander, type IncidentState } from '../../domain/incident';
import { telHref } from '../../domain/phone';
import { assignablePosts, walkCommand } from '../../domain/playbook/command-tree';
import type { Playbook } from '../../domain/playbook/schema';

/** One number on the call bar, with what the screen says about it. */
export type CallEntry = { readonly number: string } & (
  | { readonly kind: 'fire' | 'police' | 'ambulance' | 'duty' }
  | { readonly kind: 'emergency'; readonly label: string }
  | { readonly kind: 'commander'; readonly person: string }
  | { readonly kind: 'post'; readonly person: string; readonly roleId: string }
);

/** The public emergency numbers of mainland China, on every incident whatever its playbook lists. */
const PUBLIC_SERVICES = [
  { kind: 'fire', number: '119' },
  { kind: 'police', number: '110' },
  { kind: 'ambulance', number: '120' },
] as const;

/** The phone the playbook gives a post, group or role of its command structure. */
function playbookPhone(playbook: Playbook, id: string): string | undefined {
  const entry = walkCommand(playbook.command).find((e) => e.id === id);
  if (!entry) return undefined;
  if (entry.kind === 'post') return entry.post.phone;
  if (entry.kind === 'role') return entry.role.phone;
  return entry.group.phone;
}

/**
 * The commander's number: the holder of the commander's post when that is the commander, then
 * any post the commander was recorded in with a phone, then the phone the playbook gives the post.
 */
function commanderPhone(incident: IncidentState, playbook: Playbook): string | undefined {
  const commander = currentCommander(incident);
  if (!commander) return undefined;
  const held = commander.role ? incident.roles[commander.role] : undefined;
  if (held?.phone && held.person === commander.person) return held.phone;
  const other = Object.values(incident.roles).find((r) => r.person === commander.person && r.phone);
  if (other?.phone) return other.phone;
  return commander.role ? playbookPhone(playbook, commander.role) : undefined;
}

/**
 * Everyone the officer may need to call, most urgent first: 119, 110 and 120, the commander,
 * the duty phone, the playbook's other numbers, then each post holder recorded with a phone in
 * chart order. A number is listed once (the first, most urgent, name wins); a number the plan
 * leaves blank is not a call. Pure: every device holding the same events shows the same bar.
 */
export function callList(incident: IncidentState, playbook: Playbook): CallEntry[] {
  const seen = new Set<string>();
  const out: CallEntry[] = [];
  const add = (entry: CallEntry) => {
    const key = telHref(entry.number);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  for (const service of PUBLIC_SERVICES) add(service);
  const commander = currentCommander(incident);
  const phone = commanderPhone(incident, playbook);
  if (commander && phone) add({ kind: 'commander', person: commander.person, number: phone });
  if (playbook.dutyPhone) add({ kind: 'duty', number: playbook.dutyPhone });
  for (const n of playbook.emergencyNumbers) if (n.number) add({ kind: 'emergency', label: n.label, number: n.number });
  const chartOrder = assignablePosts(playbook.command).map((p) => p.id);
  const roleIds = [...chartOrder.filter((id) => incident.roles[id]), ...Object.keys(incident.roles).filter((id) => !chartOrder.includes(id))];
  for (const roleId of roleIds) {
    const holder = incident.roles[roleId];
    if (holder?.phone) add({ kind: 'post', person: holder.person, roleId, number: holder.phone });
  }
  return out;
}
