import { applyEvent, reduceIncident, type IncidentState } from '../../domain/incident';
import { reduceDutyLog, type DutyLogState } from '../../domain/duty-log';
import { StreamStore, useStreamView, type StreamView } from '../../ui/stream-store';

export const incidentStore = new StreamStore<IncidentState>({ reduce: reduceIncident, apply: applyEvent });

// The duty log is short-lived per screen and small: reducing it again on each entry is enough.
export const dutyLogStore = new StreamStore<DutyLogState>({ reduce: reduceDutyLog, apply: () => null });

/** The live state of one incident, from the events on this device. */
export function useIncident(id: string): StreamView<IncidentState> {
  return useStreamView(incidentStore, id);
}

export function useDutyLog(streamId: string): StreamView<DutyLogState> {
  return useStreamView(dutyLogStore, streamId);
}
