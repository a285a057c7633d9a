import { useLiveQuery } from 'dexie-react-hooks';
import { listIncidentStreams } from '../../storage/events';
import { appDb } from '../../storage';

export interface IncidentSummary {
  id: string;
  title: string;
  place: string;
  mode: 'real' | 'drill';
  playbookId: string;
  actor: string;
  hlc: string;
}

/** The incidents declared on this device, newest first; re-renders when one is added. */
export function useOpenIncidents(): IncidentSummary[] | undefined {
  return useLiveQuery(async () => {
    const declared = await listIncidentStreams(appDb());
    return declared.map((e) => ({ id: e.streamId, title: e.payload.title, place: e.payload.place, mode: e.payload.mode, playbookId: e.payload.playbookId, actor: e.actor, hlc: e.hlc }));
  });
}
