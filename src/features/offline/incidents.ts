import { useLiveQuery } from 'dexie-react-hooks';
import type { MusterDb } from '../../storage/db';
import { closedStreamIds, listIncidentStreams } from '../../storage/events';
import { appDb } from '../../storage';

/** The event that ends an incident (the closure approved by the commander). */
export const CLOSURE_APPROVED = 'closure.approved';

/**
 * Whether any incident is open on this device: a stream with an `incident.declared` event and
 * no `closure.approved` event. Reads only the device's own copy, so it answers offline; a
 * closure pulled from another device counts as soon as it is stored.
 */
export async function hasOpenIncident(db: MusterDb): Promise<boolean> {
  const declared = await listIncidentStreams(db);
  if (declared.length === 0) return false;
  const closed = await closedStreamIds(db);
  return declared.some((e) => !closed.has(e.streamId));
}

/** `hasOpenIncident` as a live value (undefined while loading); re-renders when it changes. */
export function useHasOpenIncident(): boolean | undefined {
  return useLiveQuery(() => hasOpenIncident(appDb()));
}
