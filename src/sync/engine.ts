import type { MusterEvent } from '../domain/event';
import { envelopeOf } from '../domain/merge-order';
import type { MusterDb } from '../storage/db';
import { deviceId, type WriteEnv } from '../storage/events';
import {
  confirmSyncOrg,
  dropResent,
  readCursor,
  readSyncEpoch,
  recordSyncEpoch,
  startNewEpoch,
  readDeviceRole,
  readOutboxBatch,
  readSyncOrg,
  recordDeviceRole,
  settlePush,
  type PushSettlement,
} from '../storage/sync-state';
import { mayPush } from '../domain/playbook-publish';
import { applyPulledPage } from './apply';
import { receivePublishedPlaybooks, roleFromWhoami, type PlaybookSyncReport } from './playbooks';
import { syncPhotos, type PhotoSyncReport } from './photos';
import { DEFAULT_PULL_LIMIT, MAX_BODY_BYTES, MAX_PUSH_EVENTS, type PushResponse } from '../domain/sync-protocol';
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

export async function syncOnce(deps: SyncRoundDeps): Promise<SyncReport> {
  const report: SyncReport = {
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
  await confirmIdentity(deps);
  // Head office reads and writes nothing: a record made on it stays waiting, never refused as a whole round.
  const role = await readDeviceRole(deps.db);
  const pushes = role === null || mayPush(role);
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
}

export async function pushOutbox(deps: SyncRoundDeps, report: SyncReport): Promise<void> {
  const { db } = deps;
  const batchSize = Math.min(deps.pushBatchSize ?? MAX_PUSH_EVENTS, MAX_PUSH_EVENTS);
  const encoder = new TextEncoder();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await readOutboxBatch(db, batchSize);
    if (batch.length === 0) return;
    const settled: PushSettlement[] = [];
    const sendable: { event: MusterEvent; bytes: number }[] = [];
    for (const { entry, event: held } of batch) {
      if (held === undefined) {
        settled.push({ eventId: entry.eventId, outcome: 'missing' });
        continue;
      }
      // The envelope only: an event pushed again after a restore holds the old server's receipt.
      const event = envelopeOf(held);
      const bytes = encoder.encode(JSON.stringify(event)).length + 1;
      if (bytes > BODY_BUDGET) {
        settled.push(rejection(event, 'tooLarge', `The event is ${bytes} bytes; a push may carry at most ${BODY_BUDGET}`, deps.now()));
        report.rejected++;
      } else sendable.push({ event, bytes });
    }
    // Requests by size as well as by count: 500 long notes could pass the 1 MB limit.
    let chunk: MusterEvent[] = [];
    let chunkBytes = 0;
    const chunks: MusterEvent[][] = [];
    for (const { event, bytes } of sendable) {
      if (chunk.length > 0 && chunkBytes + bytes > BODY_BUDGET) {
        chunks.push(chunk);
        chunk = [];
        chunkBytes = 0;
      }
      chunk.push(event);
      chunkBytes += bytes;
    }
    if (chunk.length > 0) chunks.push(chunk);
    await settlePush(db, settled);
    // Each reply is written as soon as it arrives: a failure on the next request keeps it.
    for (const events of chunks) await settlePush(db, await pushChunk(deps, events, report));
  }
}

/**
 * Pushes `events`; if the server refuses the request as a whole (not event by event), halves
 * it until the one event at fault is found and set aside, so it cannot hold back the rest.
 */
async function pushChunk(deps: SyncRoundDeps, events: MusterEvent[], report: SyncReport): Promise<PushSettlement[]> {
  let reply: PushResponse;
  try {
    reply = await deps.transport.push(events);
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'refused') throw error;
    if (events.length === 1 && events[0] !== undefined) {
      report.rejected++;
      return [rejection(events[0], 'invalid', error.message, deps.now())];
    }
    const half = Math.ceil(events.length / 2);
    return [...(await pushChunk(deps, events.slice(0, half), report)), ...(await pushChunk(deps, events.slice(half), report))];
  }
  report.clockOffsetMs = offsetFrom(reply.serverTime, deps.now());
  return reply.results.map((result, i): PushSettlement => {
    const event = events[i];
    if (event === undefined || (result.id !== null && result.id !== event.id)) {
      throw new SyncError('protocol', `The push answer's result ${i} is for ${String(result.id)}, not ${event?.id ?? 'nothing'}`);
    }
    switch (result.status) {
      case 'accepted':
        report.pushed++;
        return { eventId: event.id, outcome: 'stored' };
      case 'duplicate':
        report.duplicates++;
        return { eventId: event.id, outcome: 'stored' };
      case 'rejected':
        report.rejected++;
        return rejection(event, result.code, result.reason, deps.now());
    }
  });
}

/**
 * Pulls pages until the server has nothing newer. A page from another database epoch than the
 * cursor's (the server was restored from a backup, so its seqs were handed out again) starts
 * over from 0 in this same round, after putting this device's own events back in the outbox;
 * those the restored server sends in the re-pull are taken out again. Returns whether that
 * happened, so the round pushes what the server lacks. Re-pulled events already held are
 * skipped, so nothing is doubled, and an event of this device the server lost is sent again.
 */
export async function pullNew(deps: SyncRoundDeps, report: SyncReport): Promise<boolean> {
  const { db, transport } = deps;
  const limit = deps.pullLimit ?? DEFAULT_PULL_LIMIT;
  const device = await deviceId(db, deps);
  let cursor = await readCursor(db);
  let epoch = await readSyncEpoch(db);
  let resent: Set<string> | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await transport.pull(cursor, limit);
    if (page.epoch !== undefined && page.epoch !== epoch) {
      const before = epoch;
      epoch = page.epoch;
      if (before === null) await recordSyncEpoch(db, page.epoch);
      else {
        resent = new Set(await startNewEpoch(db, page.epoch, device, deps.now()));
        cursor = 0;
        continue;
      }
    }
    if (page.more && page.next <= cursor) throw new SyncError('protocol', `The server says more events follow seq ${cursor} but sent none`);
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
    if (!page.more) return resent !== null;
  }
  return resent !== null;
}

function rejection(event: MusterEvent, code: string, reason: string, at: number): PushSettlement {
  return { eventId: event.id, outcome: 'rejected', rejection: { streamId: event.streamId, direction: 'push', code, reason, at, event } };
}

function offsetFrom(serverTime: string, now: number): number | null {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? now - server : null;
}
