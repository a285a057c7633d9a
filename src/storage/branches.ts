import { Dexie } from 'dexie';
import type { BranchesResponse } from '../domain/head-office-protocol';
import { stampTime } from '../domain/hlc';
import type { HeldEvent } from '../domain/merge-order';
import type { MusterDb } from './db';
import type { OrgRef } from './sync-state';

/**
 * Head office's copy of its branches' events (head-office-protocol.ts), kept apart from the
 * device's own: its own tables, which nothing pushes, no outbox row, and no query of the
 * device's incidents reads. One cursor per branch, in the server database's epoch. The row
 * types are defined here; `db.ts` declares their tables (schema version 4) with these types.
 */

/** A branch's event as head office holds it: the event with its server receipt, its branch and its seq there. */
export type BranchEventRow = HeldEvent & { readonly orgId: string; readonly seq: number };

/** Why reading the branches (or one branch) failed last; cleared by the next success. */
export interface BranchProblem {
  /** A SyncError kind (`offline`, `unauthorized`, `server`, `protocol`…) or `unexpected`. */
  kind: string;
  /** The server's or the engine's words, in English, for the administrator. */
  message: string;
  /** When (ms, this device's clock). */
  at: number;
}

export interface BranchRow {
  orgId: string;
  name: string;
  parentId: string | null;
  /** From the server's last list (BranchSummary): its highest seq then, and when a device of it was last in touch. */
  latestSeq: number;
  lastEventAt: string | null;
  lastContactAt: string | null;
  live: boolean;
  /** The last seq of the branch held here: its pull cursor, in the epoch of `HeadOfficeState`. */
  cursor: number;
  /** Bumped in the transaction of every page that brought new events: a screen re-derives this branch only. */
  rev: number;
  /** When this device last knew it held everything the server had of this branch (ms); null: not yet. */
  currentAt: number | null;
  /** Pulled events this version of the app cannot read (left out, counted so it is said). */
  unreadable: number;
  problem: BranchProblem | null;
}

/** What head office last heard of its branches as a whole. */
export interface HeadOfficeState {
  /** The head office's own organisation. */
  org: OrgRef;
  /** The server database's epoch every branch cursor counts in. */
  epoch: string;
  /** When the list was last read (ms, this device's clock). */
  listedAt: number;
  /** The server's clock then (ISO), which `live` was judged by. */
  serverTime: string;
  /** How long after a contact a branch stops counting as live (BRANCH_SILENT_AFTER_MS): how long `live` holds. */
  silentAfterMs: number;
}

const STATE_KEY = 'headOffice.state';
const PROBLEM_KEY = 'headOffice.problem';

const isState = (v: unknown): v is HeadOfficeState =>
  typeof v === 'object' && v !== null && typeof (v as HeadOfficeState).epoch === 'string' && typeof (v as HeadOfficeState).org?.id === 'string';
const isProblem = (v: unknown): v is BranchProblem =>
  typeof v === 'object' && v !== null && typeof (v as BranchProblem).kind === 'string' && typeof (v as BranchProblem).at === 'number';

async function readState(db: MusterDb): Promise<HeadOfficeState | null> {
  const row = await db.settings.get(STATE_KEY);
  return isState(row?.value) ? row.value : null;
}

/** Every event of one branch, by the primary key's range: for deleting a branch that left the tree. */
function allOf(db: MusterDb, orgId: string) {
  return db.branchEvents.where('[orgId+id]').between([orgId, Dexie.minKey], [orgId, Dexie.maxKey]);
}

/** The head office's state and the last problem with the list; works offline. */
export async function readHeadOffice(db: MusterDb): Promise<{ state: HeadOfficeState | null; problem: BranchProblem | null }> {
  const [state, problem] = await Promise.all([readState(db), db.settings.get(PROBLEM_KEY)]);
  return { state, problem: isProblem(problem?.value) ? problem.value : null };
}

/** The branches as last listed, by name then id. */
export async function listBranches(db: MusterDb): Promise<BranchRow[]> {
  const rows = await db.branches.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.orgId.localeCompare(b.orgId));
}

export function readBranch(db: MusterDb, orgId: string): Promise<BranchRow | undefined> {
  return db.branches.get(orgId);
}

/**
 * Records the server's list of branches in one transaction. Another head office than the one
 * held (the device was enrolled elsewhere) starts afresh. A new epoch (the server was restored
 * from a backup, its seqs handed out again) puts every branch cursor back to 0, so each branch
 * is pulled again; the events held are kept, as a device keeps its own (the branches' devices
 * send the backup's missing records again, and a re-pulled event is stored once, by its id). A
 * branch no longer listed (moved out of the tree) is dropped with its events. Returns the rows.
 */
export async function recordBranchList(db: MusterDb, list: BranchesResponse, at: number, silentAfterMs: number): Promise<BranchRow[]> {
  return db.transaction('rw', [db.settings, db.branches, db.branchEvents], async () => {
    const state = await readState(db);
    if (state !== null && state.org.id !== list.org.id) {
      await db.branches.clear();
      await db.branchEvents.clear();
    }
    const newEpoch = state !== null && state.org.id === list.org.id && state.epoch !== list.epoch;
    const held = new Map((await db.branches.toArray()).map((r) => [r.orgId, r]));
    const rows = list.branches.map((b): BranchRow => {
      const before = held.get(b.id);
      const cursor = before === undefined || newEpoch ? 0 : before.cursor;
      return {
        orgId: b.id,
        name: b.name,
        parentId: b.parentId,
        latestSeq: b.latestSeq,
        lastEventAt: b.lastEventAt,
        lastContactAt: b.lastContactAt,
        live: b.live,
        cursor,
        rev: before?.rev ?? 0,
        // Nothing newer on the server than what is held: current as of now.
        currentAt: b.latestSeq <= cursor ? at : newEpoch ? null : (before?.currentAt ?? null),
        unreadable: newEpoch ? 0 : (before?.unreadable ?? 0),
        problem: before?.problem ?? null,
      };
    });
    const listed = new Set(rows.map((r) => r.orgId));
    for (const orgId of held.keys()) {
      if (listed.has(orgId)) continue;
      await allOf(db, orgId).delete();
      await db.branches.delete(orgId);
    }
    await db.branches.bulkPut(rows);
    const next: HeadOfficeState = {
      org: { id: list.org.id, name: list.org.name },
      epoch: list.epoch,
      listedAt: at,
      serverTime: list.serverTime,
      silentAfterMs,
    };
    await db.settings.put({ key: STATE_KEY, value: next });
    await db.settings.delete(PROBLEM_KEY);
    return rows;
  });
}

/** One pulled page of a branch, validated before the transaction. */
export interface BranchPage {
  /** The page's epoch, when the server said it. */
  readonly epoch: string | undefined;
  readonly next: number;
  readonly more: boolean;
  readonly events: readonly BranchEventRow[];
  /** Events of the page this app cannot read: left out, and counted. */
  readonly unreadable: number;
}

export type AppliedBranchPage =
  | { readonly ok: true; readonly added: number; readonly cursor: number }
  /** Nothing was written: the branch is no longer listed, or the page is of another epoch than the cursor. */
  | { readonly ok: false; readonly reason: 'not-listed' | 'other-epoch' };

/**
 * Applies one page of a branch in one transaction: its events (each once, by id: a re-pulled
 * event takes the receipt it comes with), the cursor (only forward), the branch's revision
 * and, on the last page, when it was current. Applying a page twice changes nothing more.
 */
export async function applyBranchPage(db: MusterDb, orgId: string, page: BranchPage, at: number): Promise<AppliedBranchPage> {
  return db.transaction('rw', [db.settings, db.branches, db.branchEvents], async (): Promise<AppliedBranchPage> => {
    const [state, row] = await Promise.all([readState(db), db.branches.get(orgId)]);
    if (state === null || row === undefined) return { ok: false, reason: 'not-listed' };
    if (page.epoch !== undefined && page.epoch !== state.epoch) return { ok: false, reason: 'other-epoch' };
    const held = await db.branchEvents.bulkGet(page.events.map((e) => [orgId, e.id] as [string, string]));
    const added = new Set(page.events.filter((_, i) => held[i] === undefined).map((e) => e.id)).size;
    if (page.events.length > 0) await db.branchEvents.bulkPut([...page.events]);
    const cursor = Math.max(row.cursor, page.next);
    await db.branches.put({
      ...row,
      cursor,
      latestSeq: Math.max(row.latestSeq, cursor),
      rev: added > 0 ? row.rev + 1 : row.rev,
      currentAt: page.more ? row.currentAt : at,
      unreadable: row.unreadable + page.unreadable,
      problem: null,
    });
    return { ok: true, added, cursor };
  });
}

/** The device is head office no more (its role changed): every branch and branch event is dropped. */
export async function forgetBranches(db: MusterDb): Promise<void> {
  await db.transaction('rw', [db.settings, db.branches, db.branchEvents], async () => {
    await db.branches.clear();
    await db.branchEvents.clear();
    await db.settings.bulkDelete([STATE_KEY, PROBLEM_KEY]);
  });
}

/** Remembers why reading one branch failed (null: the list itself), so the screen can say it. */
export async function recordBranchProblem(db: MusterDb, orgId: string | null, problem: BranchProblem): Promise<void> {
  if (orgId === null) {
    await db.settings.put({ key: PROBLEM_KEY, value: problem });
    return;
  }
  await db.branches.update(orgId, { problem });
}

/** The events of a branch, without what head office adds (branch, seq): as the branch's own devices hold them. */
function heldEvent(row: BranchEventRow): HeldEvent {
  const { orgId: _orgId, seq: _seq, ...event } = row;
  return event;
}

/**
 * The incident declarations of these branches, with the branch each came from: few (one per
 * incident) and read through the branch-and-type index, so no stream is read (the drill calendar).
 */
export function readBranchDeclarations(db: MusterDb, orgIds: readonly string[]): Promise<BranchEventRow[]> {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db.branchEvents
    .where('[orgId+type]')
    .anyOf(orgIds.map((orgId) => [orgId, 'incident.declared']))
    .toArray();
}

/** One stream of a branch (an incident), in no particular order: the reducers put events in merge order. */
export async function readBranchStream(db: MusterDb, orgId: string, streamId: string): Promise<HeldEvent[]> {
  return (await db.branchEvents.where('[orgId+streamId]').equals([orgId, streamId]).toArray()).map(heldEvent);
}

/**
 * The incidents of a branch as streams of events: every stream with a declaration, except
 * those whose closure was approved before `closedBefore` (ms, by its stamp): an incident
 * closed long ago is not read at all. Duty-log streams are never read.
 */
export async function readBranchIncidents(db: MusterDb, orgId: string, closedBefore: number): Promise<Map<string, HeldEvent[]>> {
  const [declared, closures] = await Promise.all([
    db.branchEvents.where('[orgId+type]').equals([orgId, 'incident.declared']).toArray(),
    db.branchEvents.where('[orgId+type]').equals([orgId, 'closure.approved']).toArray(),
  ]);
  const longClosed = new Set(closures.filter((e) => stampTime(e.hlc) < closedBefore).map((e) => e.streamId));
  const streams = [...new Set(declared.map((e) => e.streamId))].filter((id) => !longClosed.has(id));
  const out = new Map<string, HeldEvent[]>();
  await Promise.all(
    streams.map(async (id) => {
      out.set(id, await readBranchStream(db, orgId, id));
    }),
  );
  return out;
}

/** The duty-log events a report covers (entries, handovers, corrections), as they are typed. */
const DUTY_TYPES = ['duty.entry', 'shift.handedOver', 'entry.struck'] as const;

/**
 * What a report of one of the branch's incidents is built from besides the incident: the
 * branch's duty-log events (every duty log of the branch: head office does not know which site
 * a branch device keeps; the report takes those written during the incident), and, for a drill,
 * the branch's previous drill of the same playbook. From head office's copy, offline.
 */
export async function readBranchReportSources(
  db: MusterDb,
  orgId: string,
  incident: { readonly id: string; readonly declared: { readonly mode: string; readonly playbookId: string; readonly hlc: string } | null },
): Promise<{ dutyEvents: HeldEvent[]; previousDrill: HeldEvent[] | undefined }> {
  const duty = (await Promise.all(DUTY_TYPES.map((type) => db.branchEvents.where('[orgId+type]').equals([orgId, type]).toArray())))
    .flat()
    .filter((e) => e.streamId.startsWith('duty-'))
    .map(heldEvent);
  const declared = incident.declared;
  let previousDrill: HeldEvent[] | undefined;
  if (declared?.mode === 'drill') {
    const earlier = (await db.branchEvents.where('[orgId+type]').equals([orgId, 'incident.declared']).toArray())
      .filter(
        (e) =>
          e.type === 'incident.declared' &&
          e.streamId !== incident.id &&
          e.payload.mode === 'drill' &&
          e.payload.playbookId === declared.playbookId &&
          e.hlc < declared.hlc,
      )
      .sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
    if (earlier) previousDrill = await readBranchStream(db, orgId, earlier.streamId);
  }
  return { dutyEvents: duty, previousDrill };
}
