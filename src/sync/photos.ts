import { bytesToHex } from '@noble/hashes/utils.js';
import { sniffPhotoType } from '../domain/blob-protocol';
import { PHOTO_LIMITS } from '../domain/events/photo';
import type { MusterDb } from '../storage/db';
import { markPhotoRefused, markPhotosSent, noteWantedTry, storeReceivedPhoto, unsentPhotos, wantedPhotos, type WantedPhoto } from '../storage/photos';
import { SyncError, type SyncTransport } from './transport';

/**
 * The photos step of a sync round: the images notes name travel beside the events, one request
 * each, addressed by their SHA-256 (src/domain/blob-protocol.ts).
 *
 * - Up: after the events are pushed, each photo the server does not have yet is sent. Stored or
 *   already held: marked sent. Refused for good (too large, the incident is full, not a photo):
 *   kept on the device with the reason, and not sent again. No answer, or the server failing:
 *   the round fails, and the controller backs off and tries again, as for events.
 * - Down: a pulled note whose photos the device lacks made them wanted (storage/photos.ts). Each
 *   is fetched, and stored only if its bytes hash to its name: a mismatch is refused, never
 *   stored, and said on the timeline. One the server does not have yet (its device is still
 *   offline) is asked for again later, sooner at first (2 s, 4 s, … at most 10 min).
 *
 * No fetch runs inside a Dexie transaction: each photo is read, sent or fetched, then written.
 */
export interface PhotoSyncReport {
  sent: number;
  /** Refused by the server for good, this round. */
  refused: number;
  received: number;
  /** Fetched photos whose bytes did not match their hash: refused, not stored. */
  mismatched: number;
  /** Photos this device is still waiting for. */
  waiting: number;
  /** When the earliest of those is due to be asked for again (ms), so the controller can come back then. */
  nextWantedAt: number | null;
}

export interface PhotoSyncDeps {
  db: MusterDb;
  transport: SyncTransport;
  now: () => number;
  /** Whether this device sends (head office only reads). */
  sends: boolean;
  /** Photos sent per batch read from the database. */
  batch?: number;
  /** At most this many wanted photos fetched per round. */
  maxFetches?: number;
}

/** Waiting for a photo its device has not sent yet: short at first (the sender is usually a step behind), then longer. */
export function wantedRetryDelay(tries: number): number {
  return Math.min(2_000 * 2 ** Math.min(Math.max(tries, 0), 20), 10 * 60_000);
}

/** After a mismatch: the same wrong bytes are likely to come again; ask rarely. */
const MISMATCH_RETRY_MS = 60 * 60_000;
/** A safety net against a database that keeps answering unsent photos after marking them. */
const MAX_BATCHES = 1_000;

export async function syncPhotos(deps: PhotoSyncDeps): Promise<PhotoSyncReport> {
  const report: PhotoSyncReport = { sent: 0, refused: 0, received: 0, mismatched: 0, waiting: 0, nextWantedAt: null };
  if (deps.sends) await sendPhotos(deps, report);
  await receivePhotos(deps, report);
  return report;
}

export async function sendPhotos({ db, transport, batch = 10 }: PhotoSyncDeps, report: PhotoSyncReport): Promise<void> {
  if (!transport.putBlob) return;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const rows = await unsentPhotos(db, batch);
    if (rows.length === 0) return;
    for (const row of rows) {
      try {
        await transport.putBlob(row.hash, row.streamId, row.type, row.blob);
      } catch (error) {
        if (!(error instanceof SyncError) || error.kind !== 'refused') throw error;
        report.refused++;
        await markPhotoRefused(db, row.hash, refusalReason(error));
        continue;
      }
      // Each one as it goes: a failure on the next keeps this one sent.
      await markPhotosSent(db, [row.hash]);
      report.sent++;
    }
  }
}

export async function receivePhotos({ db, transport, now, maxFetches = 50 }: PhotoSyncDeps, report: PhotoSyncReport): Promise<void> {
  if (transport.getBlob) {
    const due = (await wantedPhotos(db)).filter((w) => w.nextAt <= now()).slice(0, maxFetches);
    for (const wanted of due) {
      const got = await transport.getBlob(wanted.hash, wanted.orgId);
      if (got === null) {
        await noteWantedTry(db, wanted.hash, now() + wantedRetryDelay(wanted.tries));
        continue;
      }
      const checked = await checkReceived(wanted, got.bytes);
      if (checked === undefined) {
        report.mismatched++;
        await noteWantedTry(db, wanted.hash, now() + MISMATCH_RETRY_MS, 'mismatch');
        continue;
      }
      await storeReceivedPhoto(db, {
        hash: wanted.hash,
        streamId: wanted.streamId,
        type: checked,
        bytes: got.bytes.length,
        width: wanted.width,
        height: wanted.height,
        blob: new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: checked }),
        storedAt: now(),
      });
      report.received++;
    }
  }
  const left = await wantedPhotos(db);
  report.waiting = left.length;
  report.nextWantedAt = left.length === 0 ? null : Math.min(...left.map((w) => w.nextAt));
}

/**
 * The type of fetched bytes when they are the photo the note named: the SHA-256 of the bytes is
 * its hash, within the size limit, and a JPEG or WebP by their own first bytes. Undefined
 * otherwise: a proxy's page, a truncated body or a swapped image is never stored.
 */
async function checkReceived(wanted: WantedPhoto, bytes: Uint8Array): Promise<WantedPhoto['type'] | undefined> {
  if (bytes.length === 0 || bytes.length > PHOTO_LIMITS.maxBytes) return undefined;
  const type = sniffPhotoType(bytes);
  if (type === undefined) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return bytesToHex(digest) === wanted.hash ? type : undefined;
}

/** The server's code for the refusal (`photo-too-large`, `incident-full`, …: blob-protocol.ts), which the timeline words; `refused` when it gave none. */
function refusalReason(error: SyncError): string {
  const answer = error.answer;
  if (typeof answer === 'object' && answer !== null && 'code' in answer && typeof answer.code === 'string') return answer.code;
  return 'refused';
}
