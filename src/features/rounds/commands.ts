import type { EventPayloads } from '../../domain/event';
import { BRANCH_CALENDAR_STREAM } from '../../domain/events/calendar';
import { ROUND_STREAM_PREFIX, type FindingSeverity, type RoundItemResult, type RoundStarted } from '../../domain/events/rounds';
import { uuidv7 } from '../../domain/ids';
import { reduceRound, type RoundRun } from '../../domain/rounds';
import { appDb } from '../../storage';
import { photosAlongside, type TakenPhoto } from '../../storage/photos';
import { record } from '../../ui/record';
import { StreamStore } from '../../ui/stream-store';

/**
 * One command per intent of an inspection round, each one event through `record` (committed to
 * IndexedDB with its outbox row first, shown after; a failed write is shown in the top bar and
 * resolves to null, so the form keeps what was typed). The sync engine pushes the outbox
 * whatever the stream, so a round and its findings travel like an incident's records.
 */

/** A round's state, read from its stream. A round has a few dozen events: each tap reduces it again. */
export const roundStore = new StreamStore<RoundRun | null>({ reduce: (_, events) => reduceRound(events), apply: () => null });

/** The branch calendar (season start dates) as a stream store, so `record` can report commits to it. */
const calendarStore = new StreamStore<null>({ reduce: () => null, apply: () => null });

/** Where time and randomness come from: the device's, or a test's. */
export interface IdSource {
  now: () => number;
  random: (bytes: Uint8Array) => Uint8Array;
}

const deviceIds: IdSource = { now: () => Date.now(), random: (b) => crypto.getRandomValues(b) };

export function newRoundStreamId(ids: IdSource = deviceIds): string {
  return `${ROUND_STREAM_PREFIX}${uuidv7(ids.now(), ids.random(new Uint8Array(10)))}`;
}

export function newFindingId(ids: IdSource = deviceIds): string {
  return `f-${uuidv7(ids.now(), ids.random(new Uint8Array(10)))}`;
}

const withPhotos = (photos: readonly TakenPhoto[], ids: IdSource) => (photos.length > 0 ? photosAlongside(appDb(), photos, ids.now) : undefined);
const photoRefs = (photos: readonly TakenPhoto[]) => (photos.length > 0 ? { photos: photos.map((p) => p.ref) } : {});

/** Starts a round of one area (or of the whole site) in a new stream; resolves to its stream id, or null when the write failed. */
export async function startRound(started: RoundStarted, ids: IdSource = deviceIds): Promise<string | null> {
  const streamId = newRoundStreamId(ids);
  return (await record(roundStore, streamId, 'round.started', started)) ? streamId : null;
}

export const checkItem = (streamId: string, itemId: string, result: RoundItemResult) => record(roundStore, streamId, 'round.itemChecked', { itemId, result });

export interface FindingDraft {
  readonly itemId?: string;
  readonly description: string;
  readonly severity: FindingSeverity;
  readonly owner: string;
  readonly dueDate: string;
  readonly photos: readonly TakenPhoto[];
}

/**
 * A hazard found: the finding with its photos in one transaction, then its item marked
 * "finding". Resolves to the finding's id, or null when the finding could not be stored.
 */
export async function recordFinding(streamId: string, draft: FindingDraft, ids: IdSource = deviceIds): Promise<string | null> {
  const findingId = newFindingId(ids);
  const payload: EventPayloads['finding.recorded'] = {
    findingId,
    ...(draft.itemId !== undefined ? { itemId: draft.itemId } : {}),
    description: draft.description,
    severity: draft.severity,
    ...photoRefs(draft.photos),
    owner: draft.owner,
    dueDate: draft.dueDate,
  };
  if (!(await record(roundStore, streamId, 'finding.recorded', payload, withPhotos(draft.photos, ids)))) return null;
  if (draft.itemId !== undefined) await checkItem(streamId, draft.itemId, 'finding');
  return findingId;
}

export const completeRound = (streamId: string, note?: string) => record(roundStore, streamId, 'round.completed', note ? { note } : {});

export interface ProgressDraft {
  readonly note: string;
  readonly photos: readonly TakenPhoto[];
  /** Set only when they change. */
  readonly owner?: string;
  readonly dueDate?: string;
}

export const updateRectification = (streamId: string, findingId: string, draft: ProgressDraft, ids: IdSource = deviceIds) =>
  record(
    roundStore,
    streamId,
    'rectification.updated',
    {
      findingId,
      note: draft.note,
      ...photoRefs(draft.photos),
      ...(draft.owner !== undefined ? { owner: draft.owner } : {}),
      ...(draft.dueDate !== undefined ? { dueDate: draft.dueDate } : {}),
    },
    withPhotos(draft.photos, ids),
  );

export const closeRectification = (
  streamId: string,
  findingId: string,
  evidence: string,
  closedBy: string,
  photos: readonly TakenPhoto[],
  ids: IdSource = deviceIds,
) => record(roundStore, streamId, 'rectification.closed', { findingId, evidence, ...photoRefs(photos), closedBy }, withPhotos(photos, ids));

export const reopenRectification = (streamId: string, findingId: string, reason: string) =>
  record(roundStore, streamId, 'rectification.reopened', { findingId, reason });

/** The branch's season start ("MM-DD") for a round due before a season; the last one set wins on every device. */
export const setSeasonStart = (playbookId: string, roundId: string, startsOn: string) =>
  record(calendarStore, BRANCH_CALENDAR_STREAM, 'calendar.seasonSet', { playbookId, roundId, startsOn });
