import { orderEvents, type MusterEvent } from './event';
import { stampTime } from './hlc';

export type StepStatus = 'open' | 'done' | 'skipped';

/** Who did what and when: the person as entered on the device, the device, the clock stamp. */
export interface Attribution {
  readonly actor: string;
  readonly deviceId: string;
  readonly hlc: string;
  /** Wall time of the stamp, in ms since the epoch. */
  readonly at: number;
}

export interface StepState extends Attribution {
  readonly status: StepStatus;
  readonly reason?: string;
}

export interface TimelineNote extends Attribution {
  readonly eventId: string;
  readonly text: string;
  readonly tags: readonly string[];
}

export interface IncidentState {
  readonly id: string;
  readonly declared: (Attribution & {
    readonly playbookId: string;
    readonly playbookVersion: string;
    readonly mode: 'real' | 'drill';
    readonly title: string;
    readonly place: string;
  }) | null;
  /** Current status of every step anyone touched; a step not here is open. */
  readonly steps: Readonly<Record<string, StepState>>;
  readonly notes: readonly TimelineNote[];
  /** The newest clock stamp seen in the stream, or null for an empty stream. */
  readonly lastHlc: string | null;
  readonly eventCount: number;
}

function attribution(e: MusterEvent): Attribution {
  return { actor: e.actor, deviceId: e.deviceId, hlc: e.hlc, at: stampTime(e.hlc) };
}

/**
 * Turns an incident's events into its state. Deterministic: the events are put in
 * (hlc, id) order and repeats dropped first, so any two devices holding the same set of
 * events compute the same state whatever order they arrived in (sync-safe, offline-safe).
 * Step status is last-writer-wins by stamp; notes are the union; the first declaration counts.
 */
export function reduceIncident(streamId: string, events: readonly MusterEvent[]): IncidentState {
  let declared: IncidentState['declared'] = null;
  const steps: Record<string, StepState> = {};
  const notes: TimelineNote[] = [];
  const ordered = orderEvents(events.filter((e) => e.streamId === streamId));
  for (const e of ordered) {
    switch (e.type) {
      case 'incident.declared':
        declared ??= { ...attribution(e), ...e.payload };
        break;
      case 'step.done':
        steps[e.payload.stepId] = { ...attribution(e), status: 'done' };
        break;
      case 'step.skipped':
        steps[e.payload.stepId] = { ...attribution(e), status: 'skipped', reason: e.payload.reason };
        break;
      case 'step.reopened':
        steps[e.payload.stepId] = { ...attribution(e), status: 'open', ...(e.payload.reason ? { reason: e.payload.reason } : {}) };
        break;
      case 'note.added':
        notes.push({ ...attribution(e), eventId: e.id, text: e.payload.text, tags: e.payload.tags ?? [] });
        break;
    }
  }
  const last = ordered[ordered.length - 1];
  return { id: streamId, declared, steps, notes, lastHlc: last ? last.hlc : null, eventCount: ordered.length };
}

/** The status of one step (open when nobody has touched it). */
export function stepStatus(state: IncidentState, stepId: string): StepStatus {
  return state.steps[stepId]?.status ?? 'open';
}
