import type { EventPayloads, EventType } from '../../domain/event';
import type { PersonAccounted, PersonKind } from '../../domain/events/people';
import { ROSTER_MAX_PEOPLE, type RosterPerson } from '../../domain/events/roster';
import { rosterPersonOf } from '../../domain/roster';
import { record as recordIn } from '../../ui/record';
import { incidentStore } from './incident-store';

/**
 * The headcount's intents, one event each (the checklist's are in commands.ts): the screen
 * changes only after the write is committed; a failed write resolves to null and is shown.
 */
const record = <K extends EventType>(streamId: string, type: K, payload: EventPayloads[K]) => recordIn(incidentStore, streamId, type, payload);

/**
 * Counts against the branch roster: copies its people into the incident, so the count and the
 * report stay the same if the roster changes later. A roster larger than one event may hold is
 * linked in parts; linking again adds only people not yet linked (the reducer keeps the union).
 */
export async function linkBranchRoster(incidentId: string, people: readonly RosterPerson[]): Promise<boolean> {
  for (let i = 0; i < people.length; i += ROSTER_MAX_PEOPLE) {
    const part = people.slice(i, i + ROSTER_MAX_PEOPLE).map(rosterPersonOf);
    if ((await record(incidentId, 'roster.linked', { people: part })) === null) return false;
  }
  return true;
}

/** Names added by hand: staff typed at the assembly point, or visitors and contractors added on the spot. */
export const addPeople = (incidentId: string, people: string[], kind: PersonKind = 'staff') =>
  record(incidentId, 'roster.added', { people, ...(kind === 'staff' ? {} : { kind }) });

/** A person reported safe, injured or missing (with where they were last seen), from the list or a scanned code. */
export const reportPerson = (incidentId: string, report: PersonAccounted) => record(incidentId, 'person.accounted', report);
