import type { EventType, MusterEvent } from './event';
import type { PhotoRef } from './events/photo';

/** The event types that may name photos: a note, a finding of a round, a rectification's progress and its evidence. */
export const PHOTO_EVENT_TYPES = ['note.added', 'finding.recorded', 'rectification.updated', 'rectification.closed'] as const satisfies readonly EventType[];

/** The photos an event names (none for an event that carries no photos). */
export function photoRefsOf(e: MusterEvent): readonly PhotoRef[] {
  switch (e.type) {
    case 'note.added':
    case 'finding.recorded':
    case 'rectification.updated':
    case 'rectification.closed':
      return e.payload.photos ?? [];
    default:
      return [];
  }
}
