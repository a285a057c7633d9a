import type { MusterEvent } from '../domain/event';
import { envelopeOf, type HeldEvent } from '../domain/merge-order';
import type { MusterDb, OutboxEntry } from '../storage/db';
import { ownCertificate, storeDeviceLabel } from '../storage/handover';
import type { DeviceCertificate } from '../domain/handover/keys';
import { deviceId, type WriteEnv } from '../storage/events';
import {
  confirmSyncOrg,
  dropResent,
  readCursor,
  readHeldRanges,
  readSyncEpoch,
  recordSyncEpoch,
  startNewEpoch,
  readDeviceRole,
  outboxPositionAfter,
  packPushed,
  readOutboxBatch,
  readSyncOrg,
  recordDeviceRole,
  settlePush,
  type OutboxPosition,
  type PushSettlement,
} from '../storage/sync-state';
import { mayPush } from '../domain/playbook-publish';
import { applyPulledPage } from './apply';
import { receivePublishedPlaybooks, roleFromWhoami, type PlaybookSyncReport } from './playbooks';
import { syncPhotos, type PhotoSyncReport } from './photos';
import {
  DEFAULT_PULL_LIMIT,
  MAX_BODY_BYTES,
  MAX_HELD_RANGES,
  MAX_PUSH_EVENTS,
  type PullResponse,
  type PushRelay,
  type PushResponse,
  type SeqRange,
} from '../domain/sync-protocol';
import { SyncError, type SyncTransport } from './transport';

/**
 * One sync round: push the whole outbox in batches, then pull pages until the server has
 * nothing newer, then fetch the organisation's newly published playbooks (a failure there is
 * reported, never thrown: the events matter more, and the next round asks again), then send
 * and fetch notes' photos (photos.ts; a network failure there fails the round, so it backs off). No `fetch`
 * ever runs inside a Dexie transaction: each step reads in one transaction, talks to the
 * server outside any, and writes the answer in another. Safe to interrupt anywhere: the
 * outbox is cleared only after the server's reply, a retried push is a duplicate on the
 * server, a re-pulled page changes nothing, and a published version is stored whole or not.
 *
 * `now` is this device's wall time (ms) and `random` the caller's one random source (used if
 * this round is the first to need the device id); neither has a default here, so a test that
 * fixes them fixes the whole round.
 */
export interface SyncRoundDeps extends WriteEnv {
  db: MusterDb;
  transport: SyncTransport;
  pushBatchSize?: number;
  pullLimit?: number;
  /**
   * Ask the server who this device is even if the organisation and role are known: the
   * controller does on its first round, so a role the administrator changed shows by the next
   * start of the app.
   */
  recheckIdentity?: boolean;
  /** Told after each pulled page is written: events pulled so far this round, of how many the server said. */
  onPullProgress?: (progress: PullProgress) => void;
  /** Told each time records leave the outbox during a push (answered, refused or missing): how many. */
  onPushSettled?: (count: number) => void;
  /**
   * Lets the page answer input between two pulled pages and two written push answers (a
   * macrotask by default). Tests pass their own to step through the pipeline.
   */
  yieldBetweenPages?: () => Promise<void>;
}

export interface PullProgress {
  readonly done: number;
  readonly total: number;
}

export interface SyncReport {
  pushed: number;
  duplicates: number;
  rejected: number;
  pulled: number;
  flagged: number;
  unreadable: number;
  /** This device's clock minus the server's, from the last answer (ms). */
  clockOffsetMs: number | null;
  /** The published playbooks step, after the pull. */
  playbooks: PlaybookSyncReport;
  /** The photos step, last (photos.ts): notes' images sent and fetched. */
  photos: PhotoSyncReport;
}

/** A safety net against a server that keeps answering "more" without moving on. */
const MAX_ROUNDS = 10_000;
/** Leaves room for `{"events":[…]}` and commas inside the server's body limit. */
const BODY_BUDGET = MAX_BODY_BYTES - 1024;

/** A round's report before anything has happened in it. */
export function emptySyncReport(): SyncReport {
  return {
    pushed: 0,
    duplicates: 0,
    rejected: 0,
    pulled: 0,
    flagged: 0,
    unreadable: 0,
    clockOffsetMs: null,
    playbooks: { received: 0, refused: 0, problem: null },
    photos: { sent: 0, refused: 0, received: 0, mismatched: 0, waiting: 0, nextWantedAt: null },
  };
}

export async function syncOnce(deps: SyncRoundDeps): Promise<SyncReport> {
  const report = emptySyncReport();
  await confirmIdentity(deps);
  // Head office reads and writes nothing: a record made on it stays waiting, never refused as a whole round.
  const role = await readDeviceRole(deps.db);
  const pushes = role === null || mayPush(role);
  // Once per key (certify.ts, loaded only then: it carries the Ed25519 code).
  if (pushes && deps.transport.certify !== undefined && (await ownCertificate(deps.db)) === null) await (await import('./certify')).certifyDevice(deps);
  if (pushes) await pushOutbox(deps, report);
  // A server restored from a backup: what its backup lacks of ours went back into the outbox.
  if ((await pullNew(deps, report)) && pushes) await pushOutbox(deps, report);
  report.playbooks = await receivePublishedPlaybooks(deps.db, deps.transport, deps.now);
  // Photos last: the events, small and what the count and the timeline rest on, go first.
  report.photos = await syncPhotos({ db: deps.db, transport: deps.transport, now: deps.now, sends: pushes });
  return report;
}

/**
 * The first round after enrolment learns which organisation the token belongs to and what it
 * may do (its role, for the editor); a device enrolled before roles existed asks once more.
 */
async function confirmIdentity({ db, transport, recheckIdentity = false }: SyncRoundDeps): Promise<void> {
  if (!recheckIdentity && (await readSyncOrg(db)) !== null && (await readDeviceRole(db)) !== null) return;
  const me = await transport.whoami();
  await confirmSyncOrg(db, { id: me.org.id, name: me.org.name });
  await recordDeviceRole(db, roleFromWhoami(me));
  await storeDeviceLabel(db, me.device.label);
}

/** Push requests travelling at once: the next batch is on its way while an answer is written. */
const PUSHES_IN_FLIGHT = 2;

type PushAnswer = { ok: true; settled: PushSettlement[]; epoch?: string } | { ok: false; error: unknown };

/**
 * Sends the whole outbox, oldest first, in batches of at most MAX_PUSH_EVENTS (and BODY_BUDGET
 * bytes). Pipelined and bounded: once the server has answered the first request (it is there,
 * and the token's device is bound), up to PUSHES_IN_FLIGHT requests travel while the answer
 * before them is written, each in its own transaction, in the order sent. A failed request ends the
 * round: the answers of those sent beside it are still written (the server stored those
 * events), the failed batch stays in the outbox and is sent again next round (a duplicate
 * for the server if it had stored it). Between answers the page's event loop gets a turn.
 */
export async function pushOutbox(deps: SyncRoundDeps, report: SyncReport): Promise<void> {
  const { db } = deps;
  const batchSize = Math.min(deps.pushBatchSize ?? MAX_PUSH_EVENTS, MAX_PUSH_EVENTS);
  const pause = deps.yieldBetweenPages ?? nextMacrotask;
  let from: OutboxPosition | undefined;
  let drained = false;
  const ready: PushChunk[] = [];
  const inFlight: Promise<PushAnswer>[] = [];
  let failure: { error: unknown } | null = null;
  let answers = 0;
  /** Reads and sends until PUSHES_IN_FLIGHT requests travel (one until the server has answered) or the outbox has nothing more. */
  const sendMore = async (): Promise<void> => {
    while (failure === null && inFlight.length < (answers === 0 ? 1 : PUSHES_IN_FLIGHT)) {
      const chunk = ready.shift();
      if (chunk !== undefined) {
        inFlight.push(
          pushChunk(deps, chunk.events, report, chunk.encoded, chunk.relayed).then(
            (answer): PushAnswer => ({ ok: true, ...answer }),
            (error: unknown): PushAnswer => ({ ok: false, error }),
          ),
        );
        continue;
      }
      if (drained) return;
      const batch = await readOutboxBatch(db, batchSize, from);
      from = outboxPositionAfter(
        from,
        batch.map((b) => b.entry),
      );
      if (batch.length === 0) drained = true;
      const prepared = prepareBatch(batch, deps.now);
      report.rejected += prepared.settled.length - prepared.missing;
      await settlePush(db, prepared.settled);
      if (prepared.settled.length > 0) deps.onPushSettled?.(prepared.settled.length);
      ready.push(...prepared.chunks);
    }
  };
  await sendMore();
  for (let answer = inFlight.shift(); answer !== undefined; answer = inFlight.shift()) {
    const answered = await answer;
    if (!answered.ok) {
      failure ??= { error: answered.error };
      continue;
    }
    answers++;
    // The next batch sets off before this answer is written.
    await Promise.all([sendMore(), settlePush(db, answered.settled, answered.epoch).then(() => deps.onPushSettled?.(answered.settled.length))]);
    await pause();
  }
  if (failure !== null) throw failure.error;
}

/** One request's events, and each one's JSON (measured for the size limit, then sent as it is). */
interface PushChunk {
  readonly events: MusterEvent[];
  readonly encoded: string[];
  /** The proofs of the events relayed for another phone, if any (OutboxEntry.relay). */
  relayed?: { certificates: DeviceCertificate[]; signatures: Record<string, string> };
}

/** A relayed event's signature in the body (`"id":"…128 hex…",`), counted against the budget. */
const SIGNATURE_BYTES = 180;

/**
 * Splits a read batch into requests by size as well as by count (500 long notes could pass the
 * 1 MB limit); an event too big for any request, or whose row is missing, is settled at once.
 */
function prepareBatch(
  batch: readonly { entry: Pick<OutboxEntry, 'eventId' | 'relay'>; event: HeldEvent | undefined }[],
  now: () => number,
): { settled: PushSettlement[]; missing: number; chunks: PushChunk[] } {
  const settled: PushSettlement[] = [];
  let missing = 0;
  const chunks: PushChunk[] = [];
  let chunk: PushChunk = { events: [], encoded: [] };
  let chunkBytes = 0;
  for (const { entry, event: held } of batch) {
    if (held === undefined) {
      settled.push({ eventId: entry.eventId, outcome: 'missing' });
      missing++;
      continue;
    }
    // The envelope only: an event pushed again after a restore holds the old server's receipt.
    const event = envelopeOf(held);
    const json = JSON.stringify(event);
    const relay = entry.relay;
    const bytes = utf8Length(json) + 1 + (relay === undefined ? 0 : SIGNATURE_BYTES + utf8Length(JSON.stringify(relay.certificate)));
    if (bytes > BODY_BUDGET) {
      settled.push(rejection(event, 'tooLarge', `The event is ${bytes} bytes; a push may carry at most ${BODY_BUDGET}`, now()));
      continue;
    }
    if (chunk.events.length > 0 && chunkBytes + bytes > BODY_BUDGET) {
      chunks.push(chunk);
      chunk = { events: [], encoded: [] };
      chunkBytes = 0;
    }
    chunk.events.push(event);
    chunk.encoded.push(json);
    chunkBytes += bytes;
    if (relay !== undefined) {
      chunk.relayed ??= { certificates: [], signatures: {} };
      chunk.relayed.signatures[event.id] = relay.signature;
      // Each certificate once; a device that made a new key has two, each its events' own.
      if (!chunk.relayed.certificates.some((c) => c.signature === relay.certificate.signature)) chunk.relayed.certificates.push(relay.certificate);
    }
  }
  if (chunk.events.length > 0) chunks.push(chunk);
  return { settled, missing, chunks };
}

/** UTF-8 bytes of a string, without encoding it (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 UTF-16 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Pushes `events`; if the server refuses the request as a whole (not event by event), halves
 * it until the one event at fault is found and set aside, so it cannot hold back the rest.
 */
async function pushChunk(
  deps: SyncRoundDeps,
  events: MusterEvent[],
  report: SyncReport,
  encoded?: readonly string[],
  relayed?: PushRelay,
): Promise<{ settled: PushSettlement[]; epoch?: string }> {
  let reply: PushResponse;
  try {
    reply = relayed === undefined ? await deps.transport.push(events, encoded) : await deps.transport.push(events, encoded, relayed);
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'refused') throw error;
    if (events.length === 1 && events[0] !== undefined) {
      report.rejected++;
      return { settled: [rejection(events[0], 'invalid', error.message, deps.now())] };
    }
    const half = Math.ceil(events.length / 2);
    // The halves' receipts are left out: they may come from two epochs; those events are pulled back.
    const first = await pushChunk(deps, events.slice(0, half), report, undefined, relayed);
    const second = await pushChunk(deps, events.slice(half), report, undefined, relayed);
    return { settled: [...first.settled, ...second.settled].map(withoutReceipt) };
  }
  report.clockOffsetMs = offsetFrom(reply.serverTime, deps.now());
  const receipt = reply.receipt;
  const settled = reply.results.map((result, i): PushSettlement => {
    const event = events[i];
    if (event === undefined || (result.id !== null && result.id !== event.id)) {
      throw new SyncError('protocol', `The push answer's result ${i} is for ${String(result.id)}, not ${event?.id ?? 'nothing'}`);
    }
    switch (result.status) {
      case 'accepted':
        report.pushed++;
        // Stored now: what a pull would say of it is known, so it need never be pulled back.
        return receipt === undefined || !Number.isSafeInteger(result.seq)
          ? { eventId: event.id, outcome: 'stored' }
          : {
              eventId: event.id,
              outcome: 'stored',
              stored: { seq: result.seq, event, receipt: { receivedAt: receipt.receivedAt, deliveredBy: receipt.deliveredBy } },
            };
      case 'duplicate':
        // Stored before (a retry): its receipt is the first push's, which a pull brings.
        report.duplicates++;
        return { eventId: event.id, outcome: 'stored' };
      case 'rejected':
        report.rejected++;
        return rejection(event, result.code, result.reason, deps.now());
    }
  });
  return reply.epoch === undefined ? { settled } : { settled, epoch: reply.epoch };
}

function withoutReceipt(s: PushSettlement): PushSettlement {
  return s.outcome === 'stored' ? { eventId: s.eventId, outcome: 'stored' } : s;
}

/**
 * Pulls pages until the server has nothing newer. A page from another database epoch than the
 * cursor's (the server was restored from a backup, so its seqs were handed out again) starts
 * over from 0 in this same round, after putting this device's own events back in the outbox;
 * those the restored server sends in the re-pull are taken out again. Returns whether that
 * happened, so the round pushes what the server lacks. Re-pulled events already held are
 * skipped, so nothing is doubled, and an event of this device the server lost is sent again.
 *
 * Pipelined, one page ahead: the next page is asked for as soon as this one arrives, while
 * this one is written. Each page is still written in its own transaction with the cursor it
 * brings, in order, so the cursor is never past a page not written; a failed write throws
 * before the next page is written, and the page fetched ahead is dropped (asked again next
 * round). Between pages the page's event loop gets a turn, so taps are answered. The seqs this
 * device pushed (readHeldRanges) are named, so the server never sends them back.
 */
export async function pullNew(deps: SyncRoundDeps, report: SyncReport): Promise<boolean> {
  const { db, transport } = deps;
  const limit = deps.pullLimit ?? DEFAULT_PULL_LIMIT;
  const pause = deps.yieldBetweenPages ?? nextMacrotask;
  const device = await deviceId(db, deps);
  let cursor = await readCursor(db);
  let epoch = await readSyncEpoch(db);
  let held: readonly SeqRange[] = await readHeldRanges(db);
  let resent: Set<string> | null = null;
  const ask = (after: number, count: boolean): Promise<PullResponse> => {
    const named = held.filter(([, to]) => to > after).slice(0, MAX_HELD_RANGES);
    const asked = transport.pull(after, limit, undefined, { held: named, count });
    // A page asked ahead may fail while an earlier one is written: it is awaited (and thrown) in turn, never left unhandled.
    asked.catch(() => undefined);
    return asked;
  };
  let ahead: Promise<PullResponse> | null = ask(cursor, true);
  let progress = { done: 0, total: 0 };
  for (let round = 0; round < MAX_ROUNDS && ahead !== null; round++) {
    const page: PullResponse = await ahead;
    ahead = null;
    if (page.epoch !== undefined && page.epoch !== epoch) {
      const before = epoch;
      epoch = page.epoch;
      if (before === null) await recordSyncEpoch(db, page.epoch);
      else {
        resent = new Set(await startNewEpoch(db, page.epoch, device, deps.now()));
        cursor = 0;
        held = [];
        progress = { done: 0, total: 0 };
        ahead = ask(0, true);
        continue;
      }
    }
    if (page.more && page.next <= cursor) throw new SyncError('protocol', `The server says more events follow seq ${cursor} but sent none`);
    if (progress.total === 0) progress = { done: 0, total: page.events.length + (page.remaining ?? 0) };
    // The next page travels while this one is written.
    if (page.more) ahead = ask(page.next, false);
    const now = deps.now();
    report.clockOffsetMs = offsetFrom(page.serverTime, now);
    const applied = await applyPulledPage(db, page, device, now);
    report.pulled += applied.added;
    report.flagged += applied.flagged;
    report.unreadable += applied.unreadable;
    cursor = applied.cursor;
    if (resent !== null && resent.size > 0) {
      const had = page.events.filter((e) => resent?.has(e.id) === true).map((e) => e.id);
      await dropResent(db, had);
      for (const id of had) resent.delete(id);
    }
    progress = { done: progress.done + page.events.length, total: Math.max(progress.total, progress.done + page.events.length) };
    deps.onPullProgress?.(progress);
    if (ahead !== null) await pause();
  }
  return resent !== null;
}

/**
 * Packs what this device's pushes left as rows with a pending receipt (storage/sync-state.ts
 * `packPushed`): one answer's events per transaction, with a turn of the event loop between, so
 * input is answered. Run after a round, not in it: a push is done once the server has the
 * records and the device knows it; moving them into packs only makes later reads cheaper.
 * Resolves with how many events were packed.
 */
export async function packAfterPush(db: MusterDb, pause: () => Promise<void> = nextMacrotask): Promise<number> {
  let total = 0;
  for (let packed = await packPushed(db); packed !== null; packed = await packPushed(db)) {
    total += packed;
    await pause();
  }
  return total;
}

/** A turn of the event loop for input and rendering (a macrotask, not a microtask). */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function rejection(event: MusterEvent, code: string, reason: string, at: number): PushSettlement {
  return { eventId: event.id, outcome: 'rejected', rejection: { streamId: event.streamId, direction: 'push', code, reason, at, event } };
}

function offsetFrom(serverTime: string, now: number): number | null {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? now - server : null;
}
