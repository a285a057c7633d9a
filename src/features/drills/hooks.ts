import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { drillDeclarations, drilledPlaybooks, drillHistory, drillsDue, type DrillDeclaration, type DrillDue, type DrillHistory } from '../../domain/drills';
import type { MusterEvent } from '../../domain/event';
import type { Playbook } from '../../domain/playbook/schema';
import { appDb } from '../../storage';
import { listIncidentStreams, readStream } from '../../storage/events';
import { useSession } from '../../ui/session';
import { deviceTimeZone } from '../../ui/time-zone';
import { errorMessage, useAsync } from '../../ui/use-async';
import { loadPlaybook, usePlaybookLibrary } from '../playbooks';

/**
 * What the drill calendar reads: the playbooks on this device (whole: their schedule says the
 * interval), the drills declared on it, and the events of each drill for the history. All from
 * the device's own copy, so it answers offline; a drill synced from another phone counts once
 * it is stored. Time and the time zone are read here, at the edge.
 */

/** The current time, refreshed every `ms`: "due in 3 days" turns into "due today" on a screen left open. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export type Loaded<T> =
  { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly value: T };

/**
 * The drilled playbooks on this device, one per id in the app language (as the start screen
 * offers them), each loaded whole. A playbook that cannot be loaded is left out.
 */
export function useDrilledPlaybooks(): Loaded<readonly Playbook[]> {
  const library = usePlaybookLibrary();
  const language = useSession((s) => s.language);
  const chosen = useMemo(() => (library ? drilledPlaybooks(library, language) : undefined), [library, language]);
  const load = useAsync(async () => {
    if (!chosen) return undefined;
    const db = appDb();
    const loaded = await Promise.all(chosen.map((e) => loadPlaybook(db, e.id, e.language).catch(() => null)));
    return loaded.flatMap((l) => (l ? [l.playbook] : []));
  }, [chosen]);
  // The same object while the load stands, so callers can keep it in their own dependencies.
  return useMemo(() => {
    if (load.status === 'failed') return { status: 'failed', message: errorMessage(load.error) };
    return load.status === 'ready' && load.value ? { status: 'ready', value: load.value } : { status: 'loading' };
  }, [load]);
}

/** The drills declared on this device (one index lookup on the declarations); re-renders when one is added or synced. */
export function useDrillDeclarations(): readonly DrillDeclaration[] | undefined {
  return useLiveQuery(async () => drillDeclarations(await listIncidentStreams(appDb())));
}

/** Every drilled playbook's next drill at `now`, in the device's zone. */
export function useDrillsDue(now: number): Loaded<readonly DrillDue[]> {
  const playbooks = useDrilledPlaybooks();
  const drills = useDrillDeclarations();
  const language = useSession((s) => s.language);
  return useMemo(() => {
    if (playbooks.status !== 'ready' || drills === undefined) return playbooks.status === 'failed' ? playbooks : { status: 'loading' };
    return { status: 'ready', value: drillsDue({ playbooks: playbooks.value, drills, now, timeZone: deviceTimeZone(), language }) };
  }, [playbooks, drills, now, language]);
}

/** The events of the drills of these playbooks, by stream; re-read when any of them gets an event. */
function useDrillStreams(
  drills: readonly DrillDeclaration[] | undefined,
  playbookIds: readonly string[],
): ReadonlyMap<string, readonly MusterEvent[]> | undefined {
  const ids = useMemo(() => {
    const wanted = new Set(playbookIds);
    return (drills ?? []).filter((d) => wanted.has(d.playbookId)).map((d) => d.incidentId);
  }, [drills, playbookIds]);
  const key = ids.join('\u0000');
  return useLiveQuery(async () => {
    const db = appDb();
    const streams = await Promise.all(key ? key.split('\u0000').map(async (id) => [id, await readStream(db, id)] as const) : []);
    return new Map(streams);
  }, [key]);
}

export interface DrillCalendarEntry {
  readonly due: DrillDue;
  readonly playbook: Playbook;
  readonly history: DrillHistory | null;
}

/** The /drills screen's data: each drilled playbook with its next drill and its history (null while the drills' events load). */
export function useDrillCalendar(now: number): Loaded<readonly DrillCalendarEntry[]> {
  const playbooks = useDrilledPlaybooks();
  const drills = useDrillDeclarations();
  const language = useSession((s) => s.language);
  const ready = playbooks.status === 'ready' ? playbooks.value : null;
  const playbookIds = useMemo(() => (ready ?? []).map((p) => p.id), [ready]);
  const streams = useDrillStreams(drills, playbookIds);
  return useMemo(() => {
    if (!ready || drills === undefined) return playbooks.status === 'failed' ? playbooks : { status: 'loading' };
    const due = drillsDue({ playbooks: ready, drills, now, timeZone: deviceTimeZone(), language });
    const byId = new Map(ready.map((p) => [p.id, p]));
    const value = due.flatMap((d): DrillCalendarEntry[] => {
      const playbook = byId.get(d.playbookId);
      if (!playbook) return [];
      const own = new Set(drills.filter((x) => x.playbookId === d.playbookId).map((x) => x.incidentId));
      const mine = streams ? new Map([...streams].filter(([id]) => own.has(id))) : null;
      return [{ due: d, playbook, history: mine ? drillHistory(playbook, mine, now) : null }];
    });
    return { status: 'ready', value };
  }, [ready, playbooks, drills, streams, now, language]);
}
