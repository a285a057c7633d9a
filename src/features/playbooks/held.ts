import { appDb } from '../../storage';
import { deviceHasData } from '../../storage/db-name';
import { refreshHeldPlaybooks } from '../../storage/held-playbooks';

/**
 * Lists the playbooks this device keeps a copy of for the pre-rendered reader pages' script
 * (src/storage/held-playbooks.ts), from the database: once per start, after the first screen, so
 * a device that held copies before the list existed, or lost a write of it, is listed rightly.
 * A device with no database holds none and is left without one.
 */
export async function listHeldPlaybooksForPages(): Promise<void> {
  if (await deviceHasData()) await refreshHeldPlaybooks(appDb());
}
