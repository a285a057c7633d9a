import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { reduceIncident, type IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { LANGUAGES } from '../../domain/text';
import { appDb } from '../../storage';
import {
  listBranches,
  readBranch,
  readBranchDeclarations,
  readBranchIncidents,
  readBranchReportSources,
  readBranchStream,
  readHeadOffice,
  type BranchRow,
} from '../../storage/branches';
import type { MusterDb } from '../../storage/db';
import { loadPlaybook } from '../playbooks';
import { useDrilledPlaybooks } from '../drills';
import { deviceTimeZone } from '../../ui/time-zone';
import { BranchIncidentCache } from './branch-cache';
import { branchDrillsDue, type BranchDrills } from './branch-drills';
import { CLOSED_SHOWN_MS, overviewAt, type BranchStatus, type IncidentFacts, type OverviewRow } from './overview';

/**
 * What the head-office screens read: the branches and their incidents from this device's own
 * copy (storage/branches.ts), so they answer offline, and re-render when a sync round or a
 * branch's hint stores something new. Time is read here, at the edge.
 */

/** The current time, refreshed every `ms` (as the incident page's clock: overdue steps turn as time passes). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** One cache per database, kept across visits: coming back to the overview re-reads only branches that moved. */
const caches = new WeakMap<MusterDb, BranchIncidentCache>();
function cacheOf(db: MusterDb): BranchIncidentCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new BranchIncidentCache()));
  return cache;
}

/** Playbooks by id and language, as this device runs them (null: not on this device). */
const heldPlaybooks = new Map<string, Playbook | null>();
const playbookKey = (id: string, language: string) => `${id}\u0000${language}`;

/** The playbook an incident runs, in its recorded language or, failing that, a twin this device holds. */
function playbookOf(incident: IncidentState, held: ReadonlyMap<string, Playbook | null>): Playbook | null {
  const declared = incident.declared;
  if (!declared) return null;
  for (const language of languagesOf(declared.playbookLanguage)) {
    const playbook = held.get(playbookKey(declared.playbookId, language));
    if (playbook) return playbook;
  }
  return null;
}

function languagesOf(recorded: string | undefined): string[] {
  return [...new Set([...(recorded ? [recorded] : []), ...LANGUAGES])];
}

export interface HeadOfficeOverview {
  readonly status: 'loading' | 'ready';
  readonly head: Awaited<ReturnType<typeof readHeadOffice>>;
  readonly branches: readonly BranchRow[];
  readonly open: readonly OverviewRow[];
  readonly closed: readonly OverviewRow[];
  /** Branches whose records are still being read into the overview. */
  readonly reading: number;
  readonly now: number;
  /** Why this device's own copy could not be read (its storage failed), or null. */
  readonly readError: string | null;
}

/**
 * The overview: every listed branch's incidents, open ones first by what needs attention.
 * A branch is read and reduced again only when its revision moved (BranchIncidentCache).
 */
export function useHeadOfficeOverview(db: MusterDb = appDb()): HeadOfficeOverview {
  const cache = cacheOf(db);
  const stored = useLiveQuery(async () => {
    const [branches, head] = await Promise.all([listBranches(db), readHeadOffice(db)]);
    return { branches, head };
  }, [db]);
  const [incidents, setIncidents] = useState(() => cache.incidents());
  const [readError, setReadError] = useState<string | null>(null);
  const [playbooks, setPlaybooks] = useState<ReadonlyMap<string, Playbook | null>>(() => new Map(heldPlaybooks));
  const now = useNow(30_000);

  useEffect(() => {
    if (!stored) return;
    const revisions = stored.branches.map((b) => ({ orgId: b.orgId, rev: b.rev }));
    void cache
      .update(revisions, (orgId) => readBranchIncidents(db, orgId, Date.now() - CLOSED_SHOWN_MS))
      .then(
        (changed) => {
          setReadError(null);
          if (changed) setIncidents(cache.incidents());
        },
        (error: unknown) => setReadError(error instanceof Error ? error.message : String(error)),
      );
  }, [stored, cache, db]);

  // The playbooks the incidents run, each loaded once; the figures that need them follow.
  useEffect(() => {
    const wanted = new Set<string>();
    for (const { incident } of incidents) {
      const declared = incident.declared;
      if (!declared) continue;
      for (const language of languagesOf(declared.playbookLanguage)) wanted.add(playbookKey(declared.playbookId, language));
    }
    const missing = [...wanted].filter((k) => !heldPlaybooks.has(k));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map(async (key) => {
        const [id = '', language = ''] = key.split('\u0000');
        const loaded = await loadPlaybook(db, id, language).catch(() => null);
        heldPlaybooks.set(key, loaded?.playbook ?? null);
      }),
    ).then(() => setPlaybooks(new Map(heldPlaybooks)));
  }, [incidents, db]);

  const facts = useMemo(
    () =>
      incidents.flatMap(({ orgId, incident }): IncidentFacts[] => {
        const f = cache.factsOf(orgId, incident, playbookOf(incident, playbooks));
        return f ? [f] : [];
      }),
    [incidents, playbooks, cache],
  );
  const statuses = useMemo(
    () =>
      (stored?.branches ?? []).map((b): BranchStatus => ({
        orgId: b.orgId,
        name: b.name,
        live: b.live,
        lastContactAt: b.lastContactAt,
        knownAt: stored?.head.state?.listedAt ?? 0,
        liveForMs: stored?.head.state?.silentAfterMs ?? 0,
      })),
    [stored],
  );
  const view = useMemo(() => overviewAt(statuses, facts, now), [statuses, facts, now]);
  const reading = stored ? stored.branches.filter((b) => !cache.has([{ orgId: b.orgId, rev: b.rev }])).length : 0;
  return {
    status: stored ? 'ready' : 'loading',
    head: stored?.head ?? { state: null, problem: null },
    branches: stored?.branches ?? [],
    open: view.open,
    closed: view.closed,
    reading,
    now,
    readError,
  };
}

export interface BranchIncidentView {
  readonly status: 'loading' | 'ready';
  readonly branch: BranchRow | undefined;
  readonly incident: IncidentState | null;
  readonly head: Awaited<ReturnType<typeof readHeadOffice>>;
}

/** One branch's incident, reduced by the incident screen's reducer from head office's copy of its events. */
export function useBranchIncident(orgId: string, incidentId: string, db: MusterDb = appDb()): BranchIncidentView {
  const stored = useLiveQuery(async () => {
    const [branch, events, head] = await Promise.all([readBranch(db, orgId), readBranchStream(db, orgId, incidentId), readHeadOffice(db)]);
    return { branch, events, head };
  }, [db, orgId, incidentId]);
  const events = stored?.events;
  const incident = useMemo(() => (events && events.length > 0 ? reduceIncident(incidentId, events) : null), [events, incidentId]);
  return { status: stored ? 'ready' : 'loading', branch: stored?.branch, incident, head: stored?.head ?? { state: null, problem: null } };
}

/**
 * What a branch incident's report is built from besides the incident: the branch's own duty logs
 * and previous drill, from head office's copy, never head office's own (its duty log is not the
 * branch's). Undefined while loading; read again as the incident gets events.
 */
export function useBranchReportSources(
  orgId: string,
  branchName: string,
  incident: IncidentState | null,
  db: MusterDb = appDb(),
): { dutyEvents: readonly HeldEventLike[]; previousDrill: readonly HeldEventLike[] | undefined; dutySite: string } | undefined {
  const loaded = useLiveQuery(
    () => (incident ? readBranchReportSources(db, orgId, incident) : undefined),
    // The incident object is new with every event: its id and count say when it changed.
    [db, orgId, incident?.id, incident?.eventCount],
  );
  return useMemo(() => (loaded ? { ...loaded, dutySite: branchName } : undefined), [loaded, branchName]);
}

type HeldEventLike = Awaited<ReturnType<typeof readBranchReportSources>>['dutyEvents'][number];

/** What the overview's drills section shows: null while loading; `noPlaybooks` when this device holds none to judge by. */
export type BranchDrillsView =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly rows: readonly BranchDrills[]; readonly noPlaybooks: boolean };

/**
 * Each listed branch's drills overdue or due within 30 days, from head office's copy of the
 * branches' declarations (one index lookup for all branches) and the playbooks on this device.
 * Read only; re-read when a branch's events arrive.
 */
export function useBranchDrills(branches: readonly BranchRow[], now: number, language: string, db: MusterDb = appDb()): BranchDrillsView {
  const playbooks = useDrilledPlaybooks();
  const orgIds = branches.map((b) => b.orgId).join('\u0000');
  const declarations = useLiveQuery(() => readBranchDeclarations(db, orgIds ? orgIds.split('\u0000') : []), [db, orgIds]);
  return useMemo((): BranchDrillsView => {
    if (declarations === undefined || playbooks.status === 'loading') return { status: 'loading' };
    const held = playbooks.status === 'ready' ? playbooks.value : [];
    return {
      status: 'ready',
      rows: branchDrillsDue(branches, declarations, held, now, deviceTimeZone(), language),
      noPlaybooks: held.length === 0,
    };
  }, [declarations, playbooks, branches, now, language]);
}
