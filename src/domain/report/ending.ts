import type { HandoverBriefing } from '../events/command';
import type { IncidentState } from '../incident';
import { formatDateTime } from './format';
import { fill, type ReportLabels } from './labels';
import type { ReportBriefing, ReportEndOverride } from './types';

/**
 * What an end confirmed over its blockers recorded, in the report's words: how many people were
 * unaccounted for and how many critical steps open (or that no headcount was taken), the
 * reason, who and when; then the names and the steps in full. Null for an end without an
 * override. Pure.
 */
export function reportOverride(incident: IncidentState, labels: ReportLabels, names: ReadonlyMap<string, string>, offset: number): ReportEndOverride | null {
  const end = incident.endConfirmed;
  const o = end?.override;
  if (!end || !o) return null;
  const when = formatDateTime(end.at, offset);
  const openSteps = o.openSteps.map((id) => names.get(id) ?? id);
  return {
    text: fill(labels['ending.override'], { what: overrideWhat(o, labels), reason: o.reason, actor: end.actor, time: when }),
    reason: o.reason,
    by: end.actor,
    at: end.at,
    when,
    unaccounted: o.unaccounted,
    unaccountedText: o.unaccounted.length ? fill(labels['ending.override.unaccounted'], { people: o.unaccounted.join(labels.listSeparator) }) : null,
    openSteps,
    openStepsText: openSteps.length ? fill(labels['ending.override.openSteps'], { steps: openSteps.join(labels.listSeparator) }) : null,
    noHeadcount: o.noHeadcount === true,
    noHeadcountText: o.noHeadcount ? labels['ending.override.noHeadcount'] : null,
  };
}

/** "2 people not accounted for and 1 critical step open", or "no headcount taken and …". */
export function overrideWhat(
  o: { readonly unaccounted: readonly string[]; readonly openSteps: readonly string[]; readonly noHeadcount?: boolean },
  labels: ReportLabels,
): string {
  const parts: string[] = [];
  const n = o.unaccounted.length;
  const m = o.openSteps.length;
  if (o.noHeadcount) parts.push(labels['ending.override.noCount']);
  else if (n > 0) parts.push(fill(labels[n === 1 ? 'ending.override.person' : 'ending.override.people'], { count: n }));
  if (m > 0) parts.push(fill(labels[m === 1 ? 'ending.override.step' : 'ending.override.steps'], { count: m }));
  return parts.length ? parts.join(labels['ending.override.and']) : labels['ending.override.nothing'];
}

/** The ICS 201 parts of a handover briefing, each with its heading; an empty part says none. */
export function reportBriefing(b: HandoverBriefing, person: string, when: string, labels: ReportLabels): ReportBriefing {
  const part = (label: string, items: readonly string[]) => ({ label, items: items.length ? items : [labels.none] });
  const people = [fill(labels['briefing.accounted'], { count: b.accounted })];
  if (b.missing.length) people.push(fill(labels['briefing.missing'], { people: b.missing.join(labels.listSeparator) }));
  return {
    title: fill(labels['briefing.title'], { person, time: when }),
    parts: [
      part(labels['briefing.situation'], b.situation),
      part(labels['briefing.objectives'], b.objectives),
      part(labels['briefing.done'], b.done),
      part(labels['briefing.open'], b.open),
      part(labels['briefing.people'], people),
      part(labels['briefing.resources'], b.resources),
      part(labels['briefing.losses'], b.losses),
      part(labels['briefing.messages'], b.messages),
    ],
  };
}
