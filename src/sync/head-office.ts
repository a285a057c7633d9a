import { validateEvent } from '../domain/event';
import { BRANCH_SILENT_AFTER_MS, type BranchesResponse, type BranchHint, type BranchSummary } from '../domain/head-office-protocol';
import { DEFAULT_PULL_LIMIT, type PullResponse } from '../domain/sync-protocol';
import { isRecord } from '../domain/validation';
import {
  applyBranchPage,
  readBranch,
  readHeadOffice,
  recordBranchList,
  recordBranchProblem,
  type BranchEventRow,
  type BranchProblem,
  type BranchRow,
} from '../storage/branches';
import type { MusterDb } from '../storage/db';
import { wantBranchPhotos } from '../storage/photos';
import type { SyncTransport } from './transport';

/**
 * Head office's pull of its branches (src/domain/head-office-protocol.ts), loaded only on a
 * device whose token has the head-office role. Each sync round lists the branches and pulls
 * every branch whose latest seq is past the cursor kept for it, page by page, a few branches
 * at a time; a `branch` hint on the stream pulls that branch alone. Like the playbook step it
 * never fails the round: a problem is written where the overview shows it (the list's, or the
 * branch's) and the next round, or hint, tries again. No fetch runs inside a Dexie
 * transaction: each page is validated first and written in one transaction of its own.
 */

/** What the branch step needs of the transport: the two head-office requests. */
export type HeadOfficeTransport = Required<Pick<SyncTransport, 'branches' | 'branchEvents'>>;

export interface BranchSyncDeps {
  db: MusterDb;
  transport: SyncTransport;
  /** This device's wall time (ms). */
  now: () => number;
  /** Branches pulled at the same time (each one page after another). */
  concurrency?: number;
  pullLimit?: number;
  /**
   * Awaited between two pages, so a first pull of hundreds of branches leaves the screen free
   * to draw and answer taps; a macrotask by default.
   */
  pause?: () => Promise<void>;
}

export interface BranchSyncReport {
  /** Branches the server listed. */
  listed: number;
  /** Branches pulled because they were behind. */
  pulled: number;
  /** Events stored that were not held before. */
  added: number;
  /** Branches whose pull failed (each says why on the overview). */
  failed: number;
  /** Why the list itself could not be read, or null. */
  problem: string | null;
}

/** At most this many branches at once: a few requests in flight, never hundreds. */
export const BRANCH_CONCURRENCY = 4;
/** A safety net against a server that keeps answering "more" without moving on. */
const MAX_PAGES = 10_000;

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The server restored from a backup while pulling: the list is read again and every branch starts over. */
class EpochChanged extends Error {
  override readonly name = 'EpochChanged';
}

/**
 * A wrong answer, in the terms of the transport's SyncError (`kind`), which is not imported:
 * this chunk loads only on a head-office device, and importing the engine's modules from it
 * would split the engine's chunk for every phone.
 */
class BranchAnswerError extends Error {
  override readonly name = 'BranchAnswerError';
  readonly kind = 'protocol';
}

function headOfficeTransport(transport: SyncTransport): HeadOfficeTransport {
  if (!transport.branches || !transport.branchEvents) throw new BranchAnswerError('This transport cannot read branches');
  return transport as HeadOfficeTransport;
}

/** A SyncError's kind (`offline`, `unauthorized`, `server`…), or `unexpected` for anything else. */
function problemOf(error: unknown, at: number): BranchProblem {
  const kind = isRecord(error) && typeof error.kind === 'string' ? error.kind : 'unexpected';
  return { kind, message: error instanceof Error ? error.message : String(error), at };
}

/**
 * Lists the branches, then pulls each one that is behind (the newest activity first), at most
 * `concurrency` at a time. Never throws: the list's problem or each branch's is stored.
 * Offline: nothing is changed but the problem, so the overview shows what it had, as of when.
 */
export function syncBranches(deps: BranchSyncDeps): Promise<BranchSyncReport> {
  // One at a time per database: a round and the hints of new branches share the one running.
  const running = listing.get(deps.db);
  if (running) return running;
  const started = listAndPull(deps).finally(() => listing.delete(deps.db));
  listing.set(deps.db, started);
  return started;
}

const listing = new WeakMap<MusterDb, Promise<BranchSyncReport>>();

async function listAndPull(deps: BranchSyncDeps): Promise<BranchSyncReport> {
  const report: BranchSyncReport = { listed: 0, pulled: 0, added: 0, failed: 0, problem: null };
  // A restore noticed mid-way: once more from the list (which puts every cursor back to 0).
  for (let attempt = 0; attempt < 2; attempt++) {
    let rows: BranchRow[];
    try {
      const list = checkedList(await headOfficeTransport(deps.transport).branches());
      rows = await recordBranchList(deps.db, list, deps.now(), BRANCH_SILENT_AFTER_MS);
    } catch (error) {
      const problem = problemOf(error, deps.now());
      await recordBranchProblem(deps.db, null, problem);
      report.problem = problem.message;
      return report;
    }
    report.listed = rows.length;
    const behind = rows.filter((r) => r.latestSeq > r.cursor).sort((a, b) => (b.lastEventAt ?? '').localeCompare(a.lastEventAt ?? ''));
    let restored = false;
    await inPool(behind, deps.concurrency ?? BRANCH_CONCURRENCY, async (row) => {
      if (restored) return;
      const outcome = await pullBranchOnce(deps, row.orgId);
      if (outcome === 'other-epoch') restored = true;
      else if (outcome === 'failed') report.failed++;
      else {
        report.pulled++;
        report.added += outcome.added;
      }
    });
    if (!restored) return report;
  }
  return report;
}

/** The device's role is no longer head office: what it held of the branches goes. */
export { forgetBranches } from '../storage/branches';

/**
 * A `branch` hint from the stream: pulls that branch only, when the hint is past its cursor.
 * A branch not listed yet (just put below head office) brings the whole list. Hints for a
 * branch being pulled are folded into one more pull after it. Never throws.
 */
export async function pullBranchOnHint(deps: BranchSyncDeps, hint: BranchHint): Promise<void> {
  let row = await readBranch(deps.db, hint.orgId);
  if (row === undefined) {
    // A list already running may have been read before this branch existed: looked at again after it.
    await syncBranches(deps);
    row = await readBranch(deps.db, hint.orgId);
    if (row === undefined) return; // not below head office (any more): the next round says so
  }
  if (hint.seq <= row.cursor) return;
  const outcome = await pullBranchOnce(deps, hint.orgId);
  if (outcome === 'other-epoch') await syncBranches(deps);
}

/** Pulls in flight per database and branch: a hint during a pull of the same branch waits for it and then pulls once more. */
const inFlight = new WeakMap<MusterDb, Map<string, { running: Promise<PullOutcome>; again: Promise<PullOutcome> | null }>>();

type PullOutcome = { added: number } | 'failed' | 'other-epoch';

function pullBranchOnce(deps: BranchSyncDeps, orgId: string): Promise<PullOutcome> {
  let byBranch = inFlight.get(deps.db);
  if (!byBranch) inFlight.set(deps.db, (byBranch = new Map<string, { running: Promise<PullOutcome>; again: Promise<PullOutcome> | null }>()));
  const current = byBranch.get(orgId);
  if (current) {
    // One pull after the running one covers every hint that came meanwhile.
    current.again ??= current.running.then(() => pullBranchOnce(deps, orgId));
    return current.again;
  }
  const entry = { running: inSlot(deps, () => pullBranch(deps, orgId)), again: null };
  byBranch.set(orgId, entry);
  void entry.running.finally(() => {
    if (byBranch.get(orgId) === entry) byBranch.delete(orgId);
  });
  return entry.running;
}

/**
 * Branch pulls running at once per database, rounds and hints together: on connecting, the
 * stream hints every branch at once, and hundreds of pulls must not start together.
 */
const slots = new WeakMap<MusterDb, { free: number; waiting: (() => void)[] }>();

async function inSlot<T>(deps: BranchSyncDeps, task: () => Promise<T>): Promise<T> {
  let pool = slots.get(deps.db);
  if (!pool) slots.set(deps.db, (pool = { free: deps.concurrency ?? BRANCH_CONCURRENCY, waiting: [] }));
  const held = pool;
  if (held.free > 0) held.free--;
  else await new Promise<void>((resolve) => held.waiting.push(resolve));
  try {
    return await task();
  } finally {
    // The slot passes straight to the next waiting pull, or is freed.
    const next = held.waiting.shift();
    if (next) next();
    else held.free++;
  }
}

/** Pulls one branch page by page until the server has nothing newer; its problem is stored, not thrown. */
async function pullBranch(deps: BranchSyncDeps, orgId: string): Promise<PullOutcome> {
  const { db } = deps;
  const limit = deps.pullLimit ?? DEFAULT_PULL_LIMIT;
  const pause = deps.pause ?? macrotask;
  let added = 0;
  try {
    const transport = headOfficeTransport(deps.transport);
    const [row, { state }] = await Promise.all([readBranch(db, orgId), readHeadOffice(db)]);
    if (row === undefined || state === null) return { added };
    let cursor = row.cursor;
    for (let round = 0; round < MAX_PAGES; round++) {
      const page = checkedPage(await transport.branchEvents(orgId, cursor, limit));
      if (page.epoch !== undefined && page.epoch !== state.epoch) throw new EpochChanged(page.epoch);
      if (page.more && page.next <= cursor) throw new BranchAnswerError(`The server says more events of ${orgId} follow seq ${cursor} but sent none`);
      const validated = branchPage(orgId, page);
      const applied = await applyBranchPage(db, orgId, validated, deps.now());
      if (!applied.ok) {
        if (applied.reason === 'other-epoch') throw new EpochChanged(page.epoch);
        return { added }; // no longer listed: nothing to pull
      }
      added += applied.added;
      cursor = applied.cursor;
      // The photos its notes name are fetched from the branch by the next photos step.
      await wantBranchPhotos(db, orgId, validated.events, deps.now());
      if (!page.more) return { added };
      await pause();
    }
    throw new BranchAnswerError(`The server kept answering "more" for ${orgId}`);
  } catch (error) {
    if (error instanceof EpochChanged) return 'other-epoch';
    await recordBranchProblem(db, orgId, problemOf(error, deps.now())).catch(() => undefined);
    return 'failed';
  }
}

/** A page validated as the device's own pull is (apply.ts): readable events kept with their receipt, the rest counted. */
function branchPage(
  orgId: string,
  page: PullResponse,
): { epoch: string | undefined; next: number; more: boolean; events: BranchEventRow[]; unreadable: number } {
  const events: BranchEventRow[] = [];
  let unreadable = 0;
  for (const raw of page.events as readonly unknown[]) {
    if (!isRecord(raw)) {
      unreadable++;
      continue;
    }
    const { seq, receivedAt, deliveredBy, ...envelope } = raw;
    const checked = validateEvent(envelope);
    if (!checked.ok || typeof seq !== 'number') {
      unreadable++;
      continue;
    }
    events.push({
      ...checked.value,
      ...(typeof receivedAt === 'string' ? { receivedAt } : {}),
      ...(typeof deliveredBy === 'string' || deliveredBy === null ? { deliveredBy } : {}),
      orgId,
      seq,
    });
  }
  return { epoch: page.epoch, next: page.next, more: page.more, events, unreadable };
}

/** The list as the contract says it, or a protocol error naming what is wrong: nothing of a bad answer is stored. */
function checkedList(answer: BranchesResponse): BranchesResponse {
  const v: unknown = answer;
  const ok =
    isRecord(v) &&
    isRecord(v.org) &&
    typeof v.org.id === 'string' &&
    typeof v.org.name === 'string' &&
    typeof v.epoch === 'string' &&
    typeof v.serverTime === 'string' &&
    Array.isArray(v.branches) &&
    v.branches.every(isBranchSummary);
  if (!ok) throw new BranchAnswerError('The branches answer is not a list of branches');
  return answer;
}

/** A page as the device pull's (PullResponse); its events are checked one by one after. */
function checkedPage(answer: PullResponse): PullResponse {
  const v: unknown = answer;
  const ok = isRecord(v) && Array.isArray(v.events) && typeof v.next === 'number' && typeof v.more === 'boolean' && typeof v.serverTime === 'string';
  if (!ok) throw new BranchAnswerError('The branch answer is not a page of events');
  return answer;
}

function isBranchSummary(v: unknown): v is BranchSummary {
  const isTime = (t: unknown) => t === null || typeof t === 'string';
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    (v.parentId === null || typeof v.parentId === 'string') &&
    typeof v.latestSeq === 'number' &&
    Number.isSafeInteger(v.latestSeq) &&
    v.latestSeq >= 0 &&
    isTime(v.lastEventAt) &&
    isTime(v.lastContactAt) &&
    typeof v.live === 'boolean'
  );
}

/** Runs `work` over `items`, at most `size` at a time. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}
