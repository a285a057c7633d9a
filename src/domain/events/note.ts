import { FieldChecker, type Issue } from '../validation';
import { TEXT_LIMITS } from './limits';
import { checkPhotoList, type PhotoRef } from './photo';

/** A free note on the timeline, with quick tags (people evacuated, power cut, …). */
export interface NoteAdded {
  readonly text: string;
  readonly tags?: readonly string[];
  /** Photos taken with the note (events/photo.ts); the images travel as blobs beside the event. */
  readonly photos?: readonly PhotoRef[];
}

/**
 * A correction: an earlier entry (note, duty entry, loss, supplies, improvement…) is struck
 * through. Nothing is edited in place; the original stays visible, and the corrected text,
 * if any, is a new entry.
 */
export interface EntryStruck {
  readonly targetId: string;
  readonly reason?: string;
}

export const NOTE_TAGS = [
  'people-evacuated',
  'power-cut',
  'fire-brigade-arrived',
  'water-level',
  'injury',
  'property-moved',
  'leader-arrived',
  'other',
] as const;

export function checkNoteAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('text', { min: 1, max: TEXT_LIMITS.entry });
  c.stringList('tags', { optional: true, maxItems: 20, maxLength: TEXT_LIMITS.tag });
  c.noOtherKeys(['text', 'tags', 'photos']);
  return [...c.issues, ...checkPhotoList(p, 'photos', 'payload')];
}

export function checkEntryStruck(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('targetId', { min: 1, max: 64 });
  c.string('reason', { optional: true, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['targetId', 'reason']);
  return c.issues;
}
