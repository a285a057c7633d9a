import { orderEvents } from '../domain/event-order';
import type { MusterEvent } from '../domain/event';
import type { MusterDb } from './db';

/*
 * The incidents on this device, read from the `type` index. Apart from events.ts (the write
 * path, with every event's checks) so the home screen's list loads only what it reads with.
 */

/** Ids of every stream that holds an incident declaration, newest first. */
export async function listIncidentStreams(db: MusterDb): Promise<MusterEvent<'incident.declared'>[]> {
  const rows = (await db.events.where('type').equals('incident.declared').toArray()) as MusterEvent<'incident.declared'>[];
  const firstPerStream = new Map<string, MusterEvent<'incident.declared'>>();
  for (const e of orderEvents(rows)) if (!firstPerStream.has(e.streamId)) firstPerStream.set(e.streamId, e);
  return [...firstPerStream.values()].reverse();
}

/**
 * The declaration of one incident (the first by merge order, as the incident's state takes it),
 * from the `type` index: a read of the few declarations on the device, not of the incident's events.
 */
export async function incidentDeclaration(db: MusterDb, streamId: string): Promise<MusterEvent<'incident.declared'> | undefined> {
  return (await listIncidentStreams(db)).find((e) => e.streamId === streamId);
}

/**
 * The ids of the incidents open on this device, newest first: streams with an
 * `incident.declared` event and no `closure.approved` event. Reads only the device's own copy,
 * so it answers offline; a closure pulled from another device counts as soon as it is stored.
 */
export async function openIncidentIds(db: MusterDb): Promise<string[]> {
  const declared = await listIncidentStreams(db);
  if (declared.length === 0) return [];
  const closed = await closedStreamIds(db);
  return declared.filter((e) => !closed.has(e.streamId)).map((e) => e.streamId);
}

/** Ids of the streams whose closure was approved (one index lookup on `type`). */
export async function closedStreamIds(db: MusterDb): Promise<Set<string>> {
  const closed = new Set<string>();
  await db.events
    .where('type')
    .equals('closure.approved')
    .each((e) => {
      closed.add(e.streamId);
    });
  return closed;
}
