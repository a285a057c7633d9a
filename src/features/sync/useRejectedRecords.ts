import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { rejectedEvents, type RejectedEvent } from '../../storage/sync-state';

/** Records the server refused (or this app cannot read), newest first; live. */
export function useRejectedRecords(db: MusterDb = appDb()): RejectedEvent[] | undefined {
  return useLiveQuery(() => rejectedEvents(db).orderBy('at').reverse().toArray(), [db]);
}
