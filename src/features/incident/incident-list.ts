import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import { closedStreamIds, listIncidentStreams } from '../../storage/incident-list';

export interface IncidentSummary {
  id: string;
  title: string;
  place: string;
  mode: 'real' | 'drill';
  playbookId: string;
  actor: string;
  hlc: string;
  closed: boolean;
}

/**
 * The incidents declared on this device, newest first, open ones marked; re-renders when one is
 * added or closed. `initial` is shown until the first read (a screen that already says "none").
 */
export function useIncidentList(initial?: IncidentSummary[]): IncidentSummary[] | undefined {
  return useLiveQuery(
    async () => {
      const db = appDb();
      const declared = await listIncidentStreams(db);
      const closed = await closedStreamIds(db);
      return declared.map((e) => ({
        id: e.streamId,
        title: e.payload.title,
        place: e.payload.place,
        mode: e.payload.mode,
        playbookId: e.payload.playbookId,
        actor: e.actor,
        hlc: e.hlc,
        closed: closed.has(e.streamId),
      }));
    },
    [],
    initial,
  );
}
