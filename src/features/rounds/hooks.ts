import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { HeldEvent } from '../../domain/merge-order';
import type { Playbook } from '../../domain/playbook/schema';
// The modules themselves, not the rounds domain's index: the home card loads these and not the report builders.
import { roundsDue, summariseRuns, type RoundDueRow } from '../../domain/rounds/due';
import { endOfYmd, ymdAt } from '../../domain/rounds/recurrence';
import { reduceRound, type FindingState, type RoundRun } from '../../domain/rounds/round';
import { languageOfTag, type Language } from '../../domain/text';
import { appDb } from '../../storage';
import { readCalendar, readRoundOverview } from '../../storage/rounds';
import { useSession } from '../../ui/session';
import { useAsync, type AsyncState } from '../../ui/use-async';
import { loadPlaybook, usePlaybookLibrary, type LibraryEntry } from '../playbooks';
import { seasonsFrom } from './calendar';

/** The current time, read here at the edge (never in the domain), refreshed every `ms`. */
export function useClock(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** One library entry per playbook id: the twin in `language` when the device holds it, else the first. */
export function oneEntryPerId(library: readonly LibraryEntry[], language: Language): LibraryEntry[] {
  const chosen = new Map<string, LibraryEntry>();
  for (const e of library) {
    const held = chosen.get(e.id);
    if (!held || (languageOfTag(held.language) !== language && languageOfTag(e.language) === language)) chosen.set(e.id, e);
  }
  return [...chosen.values()];
}

/**
 * The playbooks on this device that define inspection rounds, one language twin per id (the
 * app's language where held). Undefined while loading. Offline: shipped playbooks are
 * precached, imported and published ones are in IndexedDB.
 */
export function useRoundPlaybooks(): AsyncState<Playbook[]> {
  const language = useSession((s) => s.language);
  const library = usePlaybookLibrary();
  const entries = useMemo(() => (library ? oneEntryPerId(library, language) : null), [library, language]);
  // One key for what decides the load, so a re-read library with the same entries loads nothing again.
  const key = entries ? entries.map((e) => `${e.id}/${e.language}/${e.version}/${e.source}`).join('|') : null;
  return useAsync(async () => {
    if (entries === null || key === null) return new Promise<Playbook[]>(() => undefined);
    const loaded = await Promise.all(entries.map((e) => loadPlaybook(appDb(), e.id, e.language)));
    return loaded.flatMap((l) => (l && (l.playbook.preparation?.rounds?.length ?? 0) > 0 ? [l.playbook] : []));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `entries`
  }, [key]);
}

/** Rounds held on this device (start, completion, findings and their rectification) and the branch's season dates. */
export interface RoundsHeld {
  readonly runs: readonly RoundRun[];
  readonly seasons: ReadonlyMap<string, string>;
  /** When the branch began doing rounds on the devices this one has heard from: windows before it are not counted as missed. */
  readonly since: number | undefined;
}

/** The rounds held, from the overview events of each round stream and the branch calendar. Pure. */
export function roundsHeldFrom(overview: ReadonlyMap<string, readonly HeldEvent[]>, calendar: readonly HeldEvent[]): RoundsHeld {
  const runs = [...overview.values()].map((events) => reduceRound(events)).filter((r): r is RoundRun => r !== null);
  const since = runs.reduce<number | undefined>((a, r) => (a === undefined || r.startedAt < a ? r.startedAt : a), undefined);
  return { runs, seasons: seasonsFrom(calendar), since };
}

/** Re-renders when a round, a finding or a season date is recorded here or pulled by sync. */
export function useRoundsHeld(): RoundsHeld | undefined {
  return useLiveQuery(async () => {
    const db = appDb();
    const [overview, calendar] = await Promise.all([readRoundOverview(db), readCalendar(db)]);
    return roundsHeldFrom(overview, calendar);
  });
}

export interface RoundsToday {
  readonly rows: readonly RoundDueRow[];
  /** Open findings with the title of the round that found them, overdue first, then by deadline. */
  readonly findings: readonly { readonly finding: FindingState; readonly roundTitle: string }[];
  readonly today: string;
  readonly seasons: ReadonlyMap<string, string>;
  /** Rows due by the end of today, and overdue rows. */
  readonly dueToday: number;
  readonly overdue: number;
}

/** What is due, from the playbooks and the rounds held, at `now` in `timeZone`. Pure. */
export function roundsToday(playbooks: readonly Playbook[], held: RoundsHeld, now: number, timeZone: string, language: Language): RoundsToday {
  const rows = roundsDue({
    playbooks,
    runs: summariseRuns(held.runs),
    seasons: held.seasons,
    now,
    timeZone,
    language,
    // A device that holds no round yet counts nothing as missed: the branch starts from today.
    since: held.since ?? now,
  });
  const today = ymdAt(now, timeZone);
  const endOfToday = endOfYmd(today, timeZone);
  const findings = held.runs
    .flatMap((r) => r.findings.filter((f) => f.status === 'open').map((finding) => ({ finding, roundTitle: r.started.title })))
    .sort(({ finding: a }, { finding: b }) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.found.at - b.found.at));
  return {
    rows,
    findings,
    today,
    seasons: held.seasons,
    dueToday: rows.filter((r) => r.status === 'due' && r.deadline !== null && r.deadline <= endOfToday).length,
    overdue: rows.filter((r) => r.status === 'overdue').length,
  };
}
