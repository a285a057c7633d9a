import type { MusterDb, PlaybookDraft } from './db';

export type { PlaybookDraft };

/** Every draft on this device, the most recently changed first. */
export async function listDrafts(db: MusterDb): Promise<PlaybookDraft[]> {
  return (await db.drafts.orderBy('updatedAt').toArray()).reverse();
}

export async function getDraft(db: MusterDb, draftId: string): Promise<PlaybookDraft | undefined> {
  return db.drafts.get(draftId);
}

/**
 * Saves the draft whole, in one `put`: a killed tab leaves either the previous save or this
 * one, never half of each. The published playbooks are in another table and are not touched.
 */
export async function saveDraft(db: MusterDb, draft: PlaybookDraft): Promise<void> {
  await db.drafts.put(draft);
}

export async function deleteDraft(db: MusterDb, draftId: string): Promise<void> {
  await db.drafts.delete(draftId);
}
