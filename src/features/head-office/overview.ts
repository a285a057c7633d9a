import type { MusterEvent } from '../../domain/event';
import { currentCommander, missingPeople, reduceIncident, stepClock, stepStatus, type IncidentPhase, type IncidentState } from '../../domain/incident';
import { effectiveTime } from '../../domain/merge-order';
import { plannedPhases } from '../../domain/playbook/names';
import type { Playbook } from '../../domain/playbook/schema';

/**
 * The head-office overview, derived: each branch's incidents reduced by the same reducer as
 * the incident screen and the report (`reduceIncident`), their steps judged by the same
 * clocks (`stepClock`, as the checklist and the report's step table judge them), their
 * people by the same rule as the headcount (`missingPeople`). Pure: time comes in, so the
 * same events give the same rows on any device, online or offline.
 */

/** Closed incidents are listed this long after their closure was approved. */
export const CLOSED_SHOWN_MS = 90 * 24 * 60 * 60_000;

/** What the overview knows of a branch from the server's last list. */
export interface BranchStatus {
  readonly orgId: string;
  readonly name: string;
  /** A device of the branch was in touch lately (BranchSummary.live) when the list was read. */
  readonly live: boolean;
  /** When one of its devices was last in touch (ISO); null: never. */
  readonly lastContactAt: string | null;
  /** When this device read the list that said so (ms): `live` holds until `knownAt + liveForMs`. */
  readonly knownAt: number;
  readonly liveForMs: number;
}

/** One incident's figures that do not depend on the time it is looked at. */
export interface IncidentFacts {
  readonly orgId: string;
  readonly incidentId: string;
  readonly title: string;
  readonly place: string;
  readonly mode: 'real' | 'drill';
  /** The playbook's kind ('flood', 'fire'…); null when the playbook is not on this device. */
  readonly kind: string | null;
  readonly startedAt: number;
  readonly commander: string | null;
  readonly phase: IncidentPhase;
  readonly closedAt: number | null;
  /** Planned steps done and skipped (every step recorded when the playbook is not here). */
  readonly done: number;
  readonly skipped: number;
  /** Planned steps in all; null when the playbook is not on this device. */
  readonly total: number | null;
  /**
   * When each step still open runs past its target (ms); null when the playbook is not on this
   * device, so overdue steps cannot be counted (said as unknown, never as 0).
   */
  readonly dueTimes: readonly number[] | null;
  /** People on the roster not yet reported safe or injured, or reported missing; null: no roster taken (unknown). */
  readonly unaccounted: number | null;
  /** When the latest event happened (its stamp, capped at its arrival on the server). */
  readonly lastUpdateAt: number;
}

export interface OverviewRow extends IncidentFacts {
  readonly branch: BranchStatus;
  /** Steps past their target now; null: unknown (the playbook is not on this device). */
  readonly overdue: number | null;
  /** Whether the branch is silent (no device in touch) while its incident is open. */
  readonly silent: boolean;
}

/** The incidents among a branch's streams, each reduced on its own. Streams without a declaration (duty logs) are left out. */
export function branchIncidents(streams: ReadonlyMap<string, readonly MusterEvent[]>): IncidentState[] {
  const out: IncidentState[] = [];
  for (const [streamId, events] of streams) {
    if (!events.some((e) => e.type === 'incident.declared')) continue;
    out.push(reduceIncident(streamId, events));
  }
  return out;
}

/**
 * An incident's figures, with its playbook when this device holds it (the playbook says the
 * kind, the planned steps and their targets). Null for a stream with no declaration.
 */
export function incidentFacts(orgId: string, state: IncidentState, playbook: Playbook | null): IncidentFacts | null {
  const declared = state.declared;
  if (!declared) return null;
  // Held events keep the server's receipt: the last one's time is capped as the reducer orders it.
  const last = state.timeline[state.timeline.length - 1];
  let done = 0;
  let skipped = 0;
  let total: number | null = null;
  let dueTimes: number[] | null = null;
  if (playbook) {
    // The aftermath counts as the checklist shows it: one more phase of steps.
    const steps = plannedPhases(playbook, '').flatMap((p) => p.steps);
    total = steps.length;
    dueTimes = [];
    for (const step of steps) {
      const status = stepStatus(state, step.id);
      if (status === 'done') done++;
      else if (status === 'skipped') skipped++;
      else {
        const due = stepClock(state, step)?.dueAt ?? null;
        if (due !== null) dueTimes.push(due);
      }
    }
  } else {
    for (const s of Object.values(state.steps)) {
      if (s.status === 'done') done++;
      else if (s.status === 'skipped') skipped++;
    }
  }
  return {
    orgId,
    incidentId: state.id,
    title: declared.title,
    place: declared.place,
    mode: declared.mode,
    kind: playbook?.kind ?? null,
    startedAt: declared.at,
    commander: currentCommander(state)?.person ?? null,
    phase: state.phase,
    closedAt: state.closure?.at ?? null,
    done,
    skipped,
    total,
    dueTimes,
    unaccounted: state.roster.length === 0 ? null : missingPeople(state).length,
    lastUpdateAt: last ? effectiveTime(last) : declared.at,
  };
}

/** Steps past their target at `now`: as the checklist marks them (open or under way, and `now` past the due time). */
export function overdueAt(facts: IncidentFacts, now: number): number | null {
  return facts.dueTimes === null ? null : facts.dueTimes.filter((due) => now > due).length;
}

/** Whether a row asks for head office's attention first. */
export function needsAttention(row: OverviewRow): boolean {
  return (row.unaccounted ?? 0) > 0 || (row.overdue ?? 0) > 0 || row.silent;
}

/**
 * What needs attention first: people unaccounted, then overdue steps, then a silent branch;
 * then real before drill, more people and more steps before fewer, the latest news first.
 */
export function compareForAttention(a: OverviewRow, b: OverviewRow): number {
  const keys = (r: OverviewRow): number[] => [
    (r.unaccounted ?? 0) > 0 ? 0 : 1,
    (r.overdue ?? 0) > 0 ? 0 : 1,
    r.silent ? 0 : 1,
    r.mode === 'real' ? 0 : 1,
    -(r.unaccounted ?? 0),
    -(r.overdue ?? 0),
    -r.lastUpdateAt,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] ?? 0) - (kb[i] ?? 0);
  return a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0;
}

/**
 * The overview at `now`: incidents still open (ending counts as open: its closure is not yet
 * approved), what needs attention first; then those closed within CLOSED_SHOWN_MS, the latest
 * closed first. An incident of a branch head office no longer lists is left out.
 */
export function overviewAt(branches: readonly BranchStatus[], facts: readonly IncidentFacts[], now: number): { open: OverviewRow[]; closed: OverviewRow[] } {
  const byId = new Map(branches.map((b) => [b.orgId, b]));
  const open: OverviewRow[] = [];
  const closed: OverviewRow[] = [];
  for (const f of facts) {
    const branch = byId.get(f.orgId);
    if (!branch) continue;
    if (f.phase === 'closed') {
      if (f.closedAt !== null && now - f.closedAt <= CLOSED_SHOWN_MS) closed.push({ ...f, branch, overdue: null, silent: false });
      continue;
    }
    open.push({ ...f, branch, overdue: overdueAt(f, now), silent: !branch.live });
  }
  open.sort(compareForAttention);
  closed.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return { open, closed };
}
