import type { HeadcountEntry, IncidentState } from './incident';
import { compareFloors, nameKey } from './roster';

/**
 * What the headcount screen shows beyond the totals (incident.ts): people grouped by floor or
 * assembly point, where someone was last seen, the same person reported twice, names that may be
 * one person under two keys, and the visitors and contractors added on the spot. All pure reads
 * of the incident's state, so every device holding the same events shows the same groups and
 * the same warnings, offline or after sync.
 */

export type GroupBy = 'floor' | 'assemblyPoint';

export interface HeadcountGroup {
  /** The floor or assembly point as the roster writes it; null for people the roster gives none. */
  readonly label: string | null;
  /** Person keys: not accounted for first (no report, or reported missing), then injured, then safe; by name within each. */
  readonly keys: readonly string[];
  /** How many of them are not accounted for. */
  readonly missing: number;
}

const STATUS_RANK = { unknown: 0, missing: 0, injured: 1, safe: 2 } as const;
const collator = new Intl.Collator('zh-CN', { numeric: true });

function rank(state: IncidentState, key: string): number {
  return STATUS_RANK[state.headcount[key]?.status ?? 'unknown'];
}

/** Staff on the incident's roster grouped by `by`, groups in building order (floors) or by name, "none given" last. */
export function headcountGroups(state: IncidentState, by: GroupBy): HeadcountGroup[] {
  const groups = new Map<string | null, string[]>();
  for (const key of state.roster) {
    const person = state.people[key];
    if (!person || person.kind !== 'staff') continue;
    const label = (by === 'floor' ? person.floor : person.assemblyPoint)?.trim() || null;
    groups.set(label, [...(groups.get(label) ?? []), key]);
  }
  const name = (key: string) => state.people[key]?.name ?? key;
  return [...groups.entries()]
    .sort(([a], [b]) => (by === 'floor' ? compareFloors(a, b) : a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([label, keys]) => {
      const sorted = [...keys].sort((a, b) => rank(state, a) - rank(state, b) || collator.compare(name(a), name(b)));
      return { label, keys: sorted, missing: sorted.filter((k) => rank(state, k) === 0).length };
    });
}

/** Visitors and contractors added on the spot, in the order they were added. */
export function visitorsAndContractors(state: IncidentState): string[] {
  return state.roster.filter((key) => {
    const kind = state.people[key]?.kind;
    return kind === 'visitor' || kind === 'contractor';
  });
}

/** Where a person was last seen: the latest report that names a floor ("last seen on floor 3"), with who said so and when. */
export function lastSeen(state: IncidentState, key: string): HeadcountEntry | null {
  const reports = state.headcountReports[key] ?? [];
  for (let i = reports.length - 1; i >= 0; i--) {
    const r = reports[i];
    if (r?.floor) return r;
  }
  return null;
}

/**
 * The same person reported at the assembly point more than once, by different people or
 * devices (two counters, each offline, each ticking 王伟): the first report of each reporter.
 * Empty when only one reporter counted them. A "missing" report is not a count and is left out.
 */
export function reportedTwice(state: IncidentState, key: string): HeadcountEntry[] {
  const byReporter = new Map<string, HeadcountEntry>();
  for (const r of state.headcountReports[key] ?? []) {
    if (r.status === 'missing') continue;
    const reporter = `${r.actor}\u0000${r.deviceId}`;
    if (!byReporter.has(reporter)) byReporter.set(reporter, r);
  }
  return byReporter.size >= 2 ? [...byReporter.values()] : [];
}

/**
 * Keys that may be one person counted twice: a name typed (no roster id) that reads the same as
 * another person on the roster ("王伟" typed before the branch roster was linked, and 王伟 from
 * the roster), case and spacing aside. Each key maps to the other keys of the same name.
 */
export function possibleDuplicates(state: IncidentState): Record<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const key of state.roster) {
    const person = state.people[key];
    if (!person) continue;
    const n = nameKey(person.name);
    byName.set(n, [...(byName.get(n) ?? []), key]);
  }
  const out: Record<string, string[]> = {};
  for (const keys of byName.values()) {
    if (keys.length < 2 || keys.every((k) => state.people[k]?.personId !== undefined)) continue; // two linked people may share a name
    for (const key of keys) out[key] = keys.filter((k) => k !== key);
  }
  return out;
}

/**
 * The floors to offer for "last seen on floor …": the playbook's floor labels in building order,
 * then any other floor the roster or an earlier report names.
 */
export function floorChoices(state: IncidentState, playbookFloors: readonly string[] = []): string[] {
  const seen = new Set(playbookFloors);
  const more = new Set<string>();
  for (const key of state.roster) {
    const floor = state.people[key]?.floor?.trim();
    if (floor && !seen.has(floor)) more.add(floor);
    for (const r of state.headcountReports[key] ?? []) if (r.floor && !seen.has(r.floor)) more.add(r.floor);
  }
  return [...playbookFloors, ...[...more].sort(compareFloors)];
}
