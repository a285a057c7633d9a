import { applyEvent, applyEvents, includesEvent, reduceIncident, type IncidentState } from '../../domain/incident';
import { StreamStore, useStreamView, type StreamView } from '../../ui/stream-store';

export const incidentStore = new StreamStore<IncidentState>({ reduce: reduceIncident, apply: applyEvent, applyMany: applyEvents, includes: includesEvent });

/** The live state of one incident, from the events on this device. */
export function useIncident(id: string): StreamView<IncidentState> {
  return useStreamView(incidentStore, id);
}
