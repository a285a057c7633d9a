import { attribution, type Attribution } from '../attribution';
import type { FindingSeverity, RoundItemResult, RoundStarted } from '../events/rounds';
import { ROUND_STREAM_PREFIX } from '../events/rounds';
import type { PhotoRef } from '../events/photo';
import { orderForMerge, type HeldEvent } from '../merge-order';

/**
 * One inspection round done on a phone, as state: `reduceRound(events)` of its `round-<uuid>`
 * stream. Item results, a finding's owner and deadline, and whether it is closed are
 * last-writer-wins in merge order (domain/merge-order.ts); lists (rectification history, photos)
 * are the union of events. Two devices holding the same events show the same round whatever
 * order the events arrived in.
 */

export type RoundItemState = Attribution & {
  readonly itemId: string;
  readonly result: RoundItemResult;
  readonly note?: string;
};

/** One entry of a finding's rectification history, in merge order. */
export type RectificationEntry = Attribution &
  (
    | { readonly kind: 'updated'; readonly note: string; readonly photos: readonly PhotoRef[]; readonly owner?: string; readonly dueDate?: string }
    | { readonly kind: 'closed'; readonly evidence: string; readonly photos: readonly PhotoRef[]; readonly closedBy: string }
    | { readonly kind: 'reopened'; readonly reason: string }
  );

/** open → closed (with evidence) → open again when reopened; last-writer-wins between closed and reopened. */
export type FindingStatus = 'open' | 'closed';

export interface FindingState {
  readonly findingId: string;
  /** The round stream it was found in. */
  readonly streamId: string;
  readonly playbookId: string;
  readonly roundId: string;
  readonly areaId?: string;
  readonly areaName?: string;
  readonly itemId?: string;
  readonly description: string;
  readonly severity: FindingSeverity;
  /** Photos taken when it was found. */
  readonly photos: readonly PhotoRef[];
  /** Who must rectify it now: as found, or as a later update changed it (last writer wins). */
  readonly owner: string;
  /** The rectification deadline "YYYY-MM-DD" now (last writer wins). */
  readonly dueDate: string;
  readonly found: Attribution;
  readonly status: FindingStatus;
  /** The closing that holds now, when the status is closed. */
  readonly closed: Extract<RectificationEntry, { kind: 'closed' }> | null;
  readonly history: readonly RectificationEntry[];
}

export interface RoundRun {
  readonly streamId: string;
  readonly started: Attribution & RoundStarted;
  /** Wall time of the start, ms: the window the round counts for. */
  readonly startedAt: number;
  /** Results by item id (last writer wins); an item not here has no result yet. */
  readonly items: ReadonlyMap<string, RoundItemState>;
  /** The first completion (a second device completing too changes nothing). */
  readonly completed: (Attribution & { readonly note?: string }) | null;
  readonly completedAt: number | null;
  readonly findings: readonly FindingState[];
  /** Every photo of the round, findings and rectifications, once each (by hash), in the order first taken. */
  readonly photos: readonly PhotoRef[];
  /** Wall time of the stream's last event. */
  readonly lastAt: number;
}

/** Whether a stream id names a round done (`round-<uuid>`). */
export function isRoundStream(streamId: string): boolean {
  return streamId.startsWith(ROUND_STREAM_PREFIX);
}

interface FindingDraft {
  base: Omit<FindingState, 'owner' | 'dueDate' | 'status' | 'closed' | 'history'>;
  owner: string;
  dueDate: string;
  status: FindingStatus;
  closed: Extract<RectificationEntry, { kind: 'closed' }> | null;
  history: RectificationEntry[];
}

/**
 * The state of one round from the events of its stream (any order, repeats dropped). Null until
 * its `round.started` event is held: a finding that synced before its round's start is kept in
 * the events and shows once the start arrives. Rectification events for a finding this stream
 * does not hold yet are left out the same way. Pure.
 */
export function reduceRound(events: readonly HeldEvent[]): RoundRun | null {
  const ordered = orderForMerge(events);
  let started: (Attribution & RoundStarted) | null = null;
  for (const e of ordered) {
    if (e.type === 'round.started') {
      started = { ...attribution(e), ...e.payload };
      break;
    }
  }
  if (!started) return null;
  const streamId = ordered[0]?.streamId ?? '';
  const items = new Map<string, RoundItemState>();
  const findings = new Map<string, FindingDraft>();
  const photos = new Map<string, PhotoRef>();
  const addPhotos = (list: readonly PhotoRef[] | undefined) => {
    for (const p of list ?? []) if (!photos.has(p.hash)) photos.set(p.hash, p);
  };
  let completed: RoundRun['completed'] = null;
  // Rectifications are applied after every finding is known, so one that sorts before its finding (a wrong clock) still counts.
  const rectifications: HeldEvent[] = [];
  for (const e of ordered) {
    switch (e.type) {
      case 'round.itemChecked':
        items.set(e.payload.itemId, { ...attribution(e), ...e.payload });
        break;
      case 'round.completed':
        completed ??= { ...attribution(e), ...(e.payload.note !== undefined ? { note: e.payload.note } : {}) };
        break;
      case 'finding.recorded': {
        const p = e.payload;
        if (findings.has(p.findingId)) break;
        addPhotos(p.photos);
        findings.set(p.findingId, {
          base: {
            findingId: p.findingId,
            streamId,
            playbookId: started.playbookId,
            roundId: started.roundId,
            ...(started.areaId !== undefined ? { areaId: started.areaId } : {}),
            ...(started.areaName !== undefined ? { areaName: started.areaName } : {}),
            ...(p.itemId !== undefined ? { itemId: p.itemId } : {}),
            description: p.description,
            severity: p.severity,
            photos: p.photos ?? [],
            found: attribution(e),
          },
          owner: p.owner,
          dueDate: p.dueDate,
          status: 'open',
          closed: null,
          history: [],
        });
        break;
      }
      case 'rectification.updated':
      case 'rectification.closed':
      case 'rectification.reopened':
        rectifications.push(e);
        break;
      default:
        break;
    }
  }
  for (const e of rectifications) {
    if (e.type !== 'rectification.updated' && e.type !== 'rectification.closed' && e.type !== 'rectification.reopened') continue;
    const f = findings.get(e.payload.findingId);
    if (!f) continue;
    const at = attribution(e);
    if (e.type === 'rectification.updated') {
      const p = e.payload;
      addPhotos(p.photos);
      f.history.push({
        ...at,
        kind: 'updated',
        note: p.note,
        photos: p.photos ?? [],
        ...(p.owner !== undefined ? { owner: p.owner } : {}),
        ...(p.dueDate !== undefined ? { dueDate: p.dueDate } : {}),
      });
      if (p.owner !== undefined) f.owner = p.owner;
      if (p.dueDate !== undefined) f.dueDate = p.dueDate;
    } else if (e.type === 'rectification.closed') {
      const p = e.payload;
      addPhotos(p.photos);
      const entry = { ...at, kind: 'closed' as const, evidence: p.evidence, photos: p.photos ?? [], closedBy: p.closedBy };
      f.history.push(entry);
      f.status = 'closed';
      f.closed = entry;
    } else {
      f.history.push({ ...at, kind: 'reopened', reason: e.payload.reason });
      f.status = 'open';
      f.closed = null;
    }
  }
  const last = ordered[ordered.length - 1];
  return {
    streamId,
    started,
    startedAt: started.at,
    items,
    completed,
    completedAt: completed?.at ?? null,
    findings: [...findings.values()].map((f) => ({ ...f.base, owner: f.owner, dueDate: f.dueDate, status: f.status, closed: f.closed, history: f.history })),
    photos: [...photos.values()],
    lastAt: last ? attribution(last).at : started.at,
  };
}

export type RectificationStatus = 'open' | 'overdue' | 'closed';

/**
 * Where a finding's rectification stands on a calendar day ("YYYY-MM-DD" in the branch time
 * zone): closed, overdue once its due date has passed (the due date itself is still in time),
 * or open. Pure.
 */
export function rectificationStatus(finding: Pick<FindingState, 'status' | 'dueDate'>, todayYmd: string): RectificationStatus {
  if (finding.status === 'closed') return 'closed';
  return todayYmd > finding.dueDate ? 'overdue' : 'open';
}
