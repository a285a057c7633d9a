import { orderEvents, type MusterEvent } from '../event';
import { stampTime } from '../hlc';
import { reduceIncident, type IncidentState } from '../incident';
import { envelopeOf, type HeldEvent } from '../merge-order';
import { hashChain, type ChainLink } from './chain';

/**
 * The events a report covers, in (hlc, id) order: every event of the incident's stream, and
 * from the site's duty log the entries and shift handovers written while the incident was open
 * (from its declaration to the approval of its closure, or to the end of the record while it
 * is open), with any correction of those entries whenever it was made. The JSON export and
 * its hash chain hold exactly these, so a report rebuilt from the file is the same report.
 * Pure and deterministic: the same events on any device give the same list.
 */
export function reportEvents(
  incidentId: string,
  events: readonly MusterEvent[],
  dutyEvents: readonly MusterEvent[] = [],
  until = Number.POSITIVE_INFINITY,
): MusterEvent[] {
  return coveredEvents(incidentId, events, dutyEvents, until).events;
}

/** As `reportEvents`, with the incident's state, reduced once for both. */
function coveredEvents(
  incidentId: string,
  events: readonly MusterEvent[],
  dutyEvents: readonly MusterEvent[] = [],
  until = Number.POSITIVE_INFINITY,
): { events: MusterEvent[]; incident: IncidentState } {
  const own = orderEvents(events.filter((e) => e.streamId === incidentId));
  const state = reduceIncident(incidentId, own);
  const from = state.declared?.at ?? Number.NEGATIVE_INFINITY;
  const to = state.closure?.at ?? until;
  const duty = orderEvents(dutyEvents.filter((e) => e.streamId !== incidentId));
  const during = duty.filter((e) => (e.type === 'duty.entry' || e.type === 'shift.handedOver') && stampTime(e.hlc) >= from && stampTime(e.hlc) <= to);
  const ids = new Set(during.map((e) => e.id));
  const corrections = duty.filter((e) => e.type === 'entry.struck' && ids.has(e.payload.targetId));
  return { events: corrections.length || during.length ? orderEvents([...own, ...during, ...corrections]) : own, incident: state };
}

/** The events a report covers, the incident they make, and the hash chain over them: worked out once per export. */
export interface CoveredRecord {
  /** Envelopes only, as their authors made them: what the chain covers and the JSON export holds. */
  readonly events: readonly MusterEvent[];
  /** The label of the device token that delivered each event to the server, by event id (events not yet synced are absent). */
  readonly deliveredBy: Readonly<Record<string, string>>;
  readonly incident: IncidentState;
  readonly links: readonly ChainLink[];
  readonly finalHash: string;
}

export function coveredRecord(
  incidentId: string,
  events: readonly MusterEvent[],
  dutyEvents: readonly MusterEvent[] = [],
  until = Number.POSITIVE_INFINITY,
): CoveredRecord {
  const covered = coveredEvents(incidentId, events, dutyEvents, until);
  const deliveredBy: Record<string, string> = {};
  for (const e of covered.events as readonly HeldEvent[]) if (typeof e.deliveredBy === 'string') deliveredBy[e.id] = e.deliveredBy;
  const envelopes = covered.events.map(envelopeOf);
  return { events: envelopes, incident: covered.incident, deliveredBy, ...hashChain(envelopes) };
}
