import { useLiveQuery } from 'dexie-react-hooks';
import type { MusterDb } from '../../storage/db';
import { openIncidentIds } from '../../storage/events';
import { appDb } from '../../storage';

/** The event that ends an incident (the closure approved by the commander). */
export const CLOSURE_APPROVED = 'closure.approved';

/** Whether any incident is open on this device (as `openIncidentIds`, offline too). */
export async function hasOpenIncident(db: MusterDb): Promise<boolean> {
  return (await openIncidentIds(db)).length > 0;
}

/** `hasOpenIncident` as a live value (undefined while loading); re-renders when it changes. */
export function useHasOpenIncident(): boolean | undefined {
  return useLiveQuery(() => hasOpenIncident(appDb()));
}
