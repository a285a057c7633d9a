import { useMemo } from 'react';
import type { MusterEvent } from '../../domain/event';
import type { IncidentState } from '../../domain/incident';
import type { HandedOver, PhotoData } from '../../domain/report';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { listIncidentStreams, readStream } from '../../storage/events';
import { readPhotos } from '../../storage/photos';
import { originsOf } from '../../storage/handover';
import { errorMessage, useAsync, type AsyncState } from '../../ui/use-async';

/** What a report needs besides the incident: the duty logs and, for a drill, the previous drill. */
export interface ReportSources {
  readonly dutyEvents: readonly MusterEvent[];
  readonly previousDrill: readonly MusterEvent[] | undefined;
  /**
   * Whose duty log this is, as a person would name it: this device's site (empty when none is
   * set), or the branch head office reads. Said only; the duty events come from every book.
   */
  readonly dutySite: string;
  /** The events this device received by hand, from whom and how (the report says so on each). */
  readonly handedOver?: ReadonlyMap<string, HandedOver>;
}

type SourcesLoad = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & ReportSources);

/** The duty-log events a report covers (entries, shift handovers and their corrections), as they are typed. */
const DUTY_TYPES = ['duty.entry', 'shift.handedOver', 'entry.struck'] as const;
/** Every duty log's stream id starts so (domain/duty-log.ts `dutyStreamId`). */
const isDutyStream = (streamId: string) => streamId.startsWith('duty-');

/**
 * Every duty-log event on this device, whichever site's book it is in: the report keeps those
 * written during the incident (domain/report/events.ts). Not only this device's own site: a
 * phone with no site set, or one that moved sites, still has the books it synced, and the
 * entries written during the incident belong in its report (issue 18: a phone with no site set
 * exported a report with no duty-log entries at all). One index lookup per type.
 */
export async function readDutyEvents(db: MusterDb): Promise<MusterEvent[]> {
  const rows = await db.events
    .where('type')
    .anyOf([...DUTY_TYPES])
    .toArray();
  return rows.filter((e) => isDutyStream(e.streamId));
}

/**
 * Reads the events a report is built from, on this device only (offline): every duty log it
 * holds, and the latest drill of the same playbook declared before this one. Read again when
 * the incident gets a new event.
 */
export async function loadReportSources(db: MusterDb, incident: IncidentState, dutySite = ''): Promise<ReportSources> {
  const dutyEvents = await readDutyEvents(db);
  const declared = incident.declared;
  let previousDrill: MusterEvent[] | undefined;
  if (declared?.mode === 'drill') {
    // Newest first: the first earlier drill of the same playbook is the previous one.
    const earlier = (await listIncidentStreams(db)).find(
      (e) => e.streamId !== incident.id && e.payload.mode === 'drill' && e.payload.playbookId === declared.playbookId && e.hlc < declared.hlc,
    );
    if (earlier) previousDrill = await readStream(db, earlier.streamId);
  }
  const handedOver = new Map<string, HandedOver>();
  for (const [eventId, b] of await originsOf(db, incident.id)) handedOver.set(eventId, { sender: b.sender.label, via: b.via, receivedAt: b.receivedAt });
  return { dutyEvents, previousDrill, dutySite, handedOver };
}

/** A Blob's bytes as base64, in chunks (one String.fromCharCode call per 32 KB keeps clear of the argument limit). */
async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The hashes of the photos the notes among `events` carry, in order (a report file's, or an incident's timeline). */
export function photoHashesOf(events: readonly MusterEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'note.added' ? (e.payload.photos ?? []).map((p) => p.hash) : []));
}

/**
 * The photos among `hashes` this device holds, as the printable report embeds them. Only for
 * the HTML export, printing and the viewer's page: the other exports name photos by hash and
 * never load them (an incident may hold 50 MB of photos). A photo not held is simply absent:
 * the report lists it as not on this device. Offline: reads this device's photo store only.
 */
export async function loadReportPhotos(hashes: readonly string[], db: MusterDb = appDb()): Promise<Map<string, PhotoData>> {
  if (hashes.length === 0) return new Map();
  const rows = await readPhotos(db, hashes);
  const out = new Map<string, PhotoData>();
  for (const [hash, row] of rows) out.set(hash, { type: row.type, base64: await base64Of(row.blob) });
  return out;
}

const NONE: ReportSources = { dutyEvents: [], previousDrill: undefined, dutySite: '' };

/** This device's sources for the report; `enabled` false when they come from elsewhere (head office passes the branch's). */
export function useReportSources(incident: IncidentState, enabled: boolean, dutySite: string, db: MusterDb = appDb()): SourcesLoad {
  // The incident object is new on every render of a live incident: its id and event count say when it changed.
  const load = useAsync(
    () => (enabled ? loadReportSources(db, incident, dutySite) : Promise.resolve(NONE)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key above stands for the objects
    [db, incident.id, incident.eventCount, enabled, dutySite],
  );
  return useMemo(() => sourcesLoad(load), [load]);
}

function sourcesLoad(load: AsyncState<ReportSources>): SourcesLoad {
  if (load.status === 'loading') return { status: 'loading' };
  if (load.status === 'failed') return { status: 'failed', message: errorMessage(load.error) };
  return { status: 'ready', ...load.value };
}
