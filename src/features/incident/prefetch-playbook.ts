import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { incidentDeclaration } from '../../storage/incident-list';
import { loadPlaybook, type LoadedPlaybook } from '../playbooks';

/**
 * Loads the playbook an incident was declared with, while the incident's events are read (the
 * route's prefetch, app/App.tsx): the incident page needs both before its checklist shows, and
 * otherwise asks for the playbook only once the events are in. A shipped playbook's chunk is then
 * loaded already when the page asks (the module is kept); a stored one is read again, from the
 * device. Resolves with what it loaded (null: no declaration here yet, or no such playbook on the
 * device; the page says which); never rejects, as the page reports its own failures.
 */
export async function prefetchDeclaredPlaybook(streamId: string, db: MusterDb = appDb()): Promise<LoadedPlaybook | null> {
  try {
    const declared = await incidentDeclaration(db, streamId);
    // Declared before the language was recorded: the page picks one from the person's language.
    const language = declared?.payload.playbookLanguage;
    if (declared === undefined || language === undefined) return null;
    return await loadPlaybook(db, declared.payload.playbookId, language);
  } catch {
    return null;
  }
}
