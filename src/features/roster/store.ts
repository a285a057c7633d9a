import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { BRANCH_ROSTER_STREAM, type RosterPerson } from '../../domain/events/roster';
import { reduceRoster, rosterPersonOf, type RosterState } from '../../domain/roster';
import type { RosterImportPlan } from '../../domain/roster-csv';
import { record } from '../../ui/record';
import { StreamStore, useStreamView, type StreamView } from '../../ui/stream-store';

// The roster is small (a branch's staff) and changes rarely: reducing it again on each change is enough.
const rosterStore = new StreamStore<RosterState>({ reduce: (_, events) => reduceRoster(events), apply: () => null });

/** The branch roster as this device holds it (pulled by sync like any stream, so it is here offline). */
export function useBranchRoster(): StreamView<RosterState> {
  return useStreamView(rosterStore, BRANCH_ROSTER_STREAM);
}

/**
 * A new roster id: short, so the check-in QR code stays small and scans from further away.
 * 10 characters of 32 (50 bits) from the device's random source; ids are made on one device at
 * a time for one branch, so a clash is as likely as two people guessing the same 50 bits, and
 * the import refuses an id already on the roster anyway.
 */
export function newPersonId(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `p-${[...bytes].map((b) => alphabet[b % 32]).join('')}`;
}

/** Each roster intent is one event in the branch's roster stream; see `record` for what a failed write does. */
export const setRosterPerson = (p: RosterPerson) => record(rosterStore, BRANCH_ROSTER_STREAM, 'roster.personSet', rosterPersonOf(p));
export const removeRosterPerson = (personId: string) => record(rosterStore, BRANCH_ROSTER_STREAM, 'roster.personRemoved', { personId });

/**
 * Writes what an import plan adds and changes (and, when asked, removes): one event per person.
 * The recording API writes one event per transaction, so a write that fails part-way (storage
 * full) leaves the people before it written; the result says how many, and importing the same
 * file again finishes the job without duplicates, since a written person is matched by name and
 * phone. Stops at the first failure (the reason is already in the top bar).
 */
export async function applyRosterImport(plan: RosterImportPlan, removeMissing: boolean): Promise<{ written: number; total: number }> {
  const writes: (() => Promise<unknown>)[] = [
    ...plan.add.map((r) => () => setRosterPerson(r.person)),
    ...plan.change.map((r) => () => setRosterPerson(r.person)),
    ...(removeMissing ? plan.remove.map((p) => () => removeRosterPerson(p.personId)) : []),
  ];
  let written = 0;
  for (const write of writes) {
    if ((await write()) === null) break;
    written += 1;
  }
  return { written, total: writes.length };
}

/** Who this device's owner is on the roster, for "My check-in code": chosen once, kept on the device. */
interface CheckInIdentity {
  personId: string | null;
  setPersonId: (personId: string | null) => void;
}

export const useMyCheckIn = create<CheckInIdentity>()(
  persist((set) => ({ personId: null, setPersonId: (personId) => set({ personId }) }), {
    name: 'muster.checkin',
    partialize: (s) => ({ personId: s.personId }),
  }),
);
