import { useEffect, useState } from 'react';
import { appDb } from '../../storage';
import { originsOf, type ReceivedBundle } from '../../storage/handover';

const NONE: ReadonlyMap<string, ReceivedBundle> = new Map();

/**
 * Which of an incident's events this phone received by hand (scan or file), and from whom: read
 * again whenever the incident gains events, since a handover is one way they arrive. Most phones
 * have received none, and the read is two small index lookups then.
 */
export function useHandoverOrigins(incidentId: string, eventCount: number): ReadonlyMap<string, ReceivedBundle> {
  const [origins, setOrigins] = useState<ReadonlyMap<string, ReceivedBundle>>(NONE);
  useEffect(() => {
    let live = true;
    originsOf(appDb(), incidentId).then(
      (found) => live && setOrigins(found.size === 0 ? NONE : found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [incidentId, eventCount]);
  return origins;
}
