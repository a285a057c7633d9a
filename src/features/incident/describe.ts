import type { Language } from '../../domain/text';
import { describeEvent as describeForReport, tagText } from '../../domain/report/describe';
import { reportLabels } from '../../domain/report/labels';
import type { MusterEvent } from '../../domain/event';

export type TimelineKind = 'steps' | 'command' | 'notes' | 'people' | 'losses' | 'ending';

export const TIMELINE_KINDS: readonly TimelineKind[] = ['steps', 'command', 'notes', 'people', 'losses', 'ending'];

/** Which filter an event belongs to. */
export function timelineKind(e: MusterEvent): TimelineKind {
  switch (e.type) {
    case 'step.started':
    case 'step.done':
    case 'step.skipped':
    case 'step.reopened':
    case 'step.itemChecked':
      return 'steps';
    case 'incident.declared':
    case 'role.assigned':
    case 'command.handedOver':
      return 'command';
    case 'roster.added':
    case 'person.accounted':
      return 'people';
    case 'loss.recorded':
    case 'supplies.used':
    case 'supplies.toReplenish':
      return 'losses';
    case 'end.confirmed':
    case 'closure.approved':
    case 'afterAction.set':
    case 'improvement.added':
    case 'planRevision.added':
      return 'ending';
    default:
      return 'notes';
  }
}

/**
 * One line of plain text saying what an event recorded, in the reader's language (never HTML).
 * The same wording as the after-action report: both come from the domain's describer.
 */
export function describeEvent(e: MusterEvent, language: Language, names: ReadonlyMap<string, string>): string {
  return describeForReport(e, reportLabels(language), names, new Map());
}

/** A quick tag's label in the reader's language (a tag the app does not know stays as typed). */
export function tagLabel(tag: string, language: Language): string {
  return tagText(tag, reportLabels(language));
}
