import type { Playbook } from '../domain/playbook/schema';
import type { MusterDb, StoredPlaybook } from './db';

/** The imported playbooks kept on this device (shipped ones come with the build). */
export async function listStoredPlaybooks(db: MusterDb): Promise<StoredPlaybook[]> {
  return db.playbooks.toArray();
}

export async function getStoredPlaybook(db: MusterDb, id: string, language: string): Promise<StoredPlaybook | undefined> {
  return db.playbooks.get([id, language]);
}

/**
 * Keeps a validated playbook on the device, replacing the one with the same id and language.
 * One `put`: the old version stays whole until the new one is committed.
 */
export async function storePlaybook(db: MusterDb, playbook: Playbook, now: number): Promise<void> {
  await db.playbooks.put({
    id: playbook.id,
    language: playbook.language,
    version: playbook.version,
    kind: playbook.kind,
    title: playbook.title,
    source: 'imported',
    body: playbook,
    storedAt: now,
  });
}
