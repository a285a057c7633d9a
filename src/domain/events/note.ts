import { FieldChecker, type Issue } from '../validation';

/** A free note on the timeline, with quick tags (people evacuated, power cut, …). */
export interface NoteAdded {
  readonly text: string;
  readonly tags?: readonly string[];
}

export function checkNoteAdded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('text', { min: 1, max: 4000 });
  c.stringList('tags', { optional: true, maxItems: 20, maxLength: 40 });
  c.noOtherKeys(['text', 'tags']);
  return c.issues;
}
