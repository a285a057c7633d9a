import { useMemo } from 'react';
import { dutyStreamId } from '../../domain/duty-log';
import type { MusterEvent } from '../../domain/event';
import type { IncidentState } from '../../domain/incident';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { listIncidentStreams, readStream } from '../../storage/events';
import { errorMessage, useAsync, type AsyncState } from '../../ui/use-async';

/** What a report needs besides the incident: the site's duty log and, for a drill, the previous drill. */
export interface ReportSources {
  readonly dutyEvents: readonly MusterEvent[];
  readonly previousDrill: readonly MusterEvent[] | undefined;
  readonly dutySite: string;
}

type SourcesLoad = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & ReportSources);

/**
 * Reads the events a report is built from, on this device only (offline): the duty log of
 * the site this device keeps, and the latest drill of the same playbook declared before this
 * one. Read again when the incident gets a new event or the site changes.
 */
export async function loadReportSources(db: MusterDb, incident: IncidentState, dutySite: string): Promise<ReportSources> {
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

export function useReportSources(incident: IncidentState, dutySite: string, db: MusterDb = appDb()): SourcesLoad {
  // The incident object is new on every render of a live incident: its id and event count say when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key above stands for the objects
  const load = useAsync(() => loadReportSources(db, incident, dutySite), [db, incident.id, incident.eventCount, dutySite]);
  return useMemo(() => sourcesLoad(load), [load]);
}

function sourcesLoad(load: AsyncState<ReportSources>): SourcesLoad {
  if (load.status === 'loading') return { status: 'loading' };
  if (load.status === 'failed') return { status: 'failed', message: errorMessage(load.error) };
  return { status: 'ready', ...load.value };
}
