import { useEffect, useState } from 'react';
import { dutyStreamId } from '../../domain/duty-log';
import type { MusterEvent } from '../../domain/event';
import type { IncidentState } from '../../domain/incident';
import { appDb } from '../../storage';
import { listIncidentStreams, readStream } from '../../storage/events';

/** What a report needs besides the incident: the site's duty log and, for a drill, the previous drill. */
export interface ReportSources {
  readonly dutyEvents: readonly MusterEvent[];
  readonly previousDrill: readonly MusterEvent[] | undefined;
  readonly dutySite: string;
}

export type SourcesLoad = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & ReportSources);

/**
 * Reads the events a report is built from, on this device only (offline): the duty log of
 * the site this device keeps, and the latest drill of the same playbook declared before this
 * one. Read again when the incident gets a new event or the site changes.
 */
export async function loadReportSources(incident: IncidentState, dutySite: string): Promise<ReportSources> {
  const db = appDb();
  const dutyEvents = dutySite ? await readStream(db, dutyStreamId(dutySite)) : [];
  const declared = incident.declared;
  let previousDrill: MusterEvent[] | undefined;
  if (declared?.mode === 'drill') {
    // Newest first: the first earlier drill of the same playbook is the previous one.
    const earlier = (await listIncidentStreams(db)).find(
      (e) => e.streamId !== incident.id && e.payload.mode === 'drill' && e.payload.playbookId === declared.playbookId && e.hlc < declared.hlc,
    );
    if (earlier) previousDrill = await readStream(db, earlier.streamId);
  }
  return { dutyEvents, previousDrill, dutySite };
}

export function useReportSources(incident: IncidentState, dutySite: string): SourcesLoad {
  const [state, setState] = useState<SourcesLoad & { key: string }>({ status: 'loading', key: '' });
  const key = `${incident.id}\u0000${incident.eventCount}\u0000${dutySite}`;
  useEffect(() => {
    let live = true;
    loadReportSources(incident, dutySite).then(
      (sources) => live && setState({ status: 'ready', ...sources, key }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e), key }),
    );
    return () => {
      live = false;
    };
    // The key says when the inputs changed; the incident object itself is new on every render of a live incident.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state : { status: 'loading' };
}
