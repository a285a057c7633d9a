import type { MusterEvent } from '../domain/event';
import type { PhotoRef, PhotoType } from '../domain/events/photo';
import { PHOTO_EVENT_TYPES, photoRefsOf } from '../domain/photo-refs';
import type { MusterDb } from './db';
import type { AlongsideWrite } from './events';

/**
 * One photo on the device: the resized image a note names by its SHA-256. Content-addressed, so
 * the same image is stored once; `unsent` (1/0, indexable) says whether the server still needs it.
 */
export interface PhotoRow {
  hash: string;
  /** The incident whose note carries it: the server counts its per-incident limit by this. */
  streamId: string;
  type: PhotoType;
  bytes: number;
  width: number;
  height: number;
  blob: Blob;
  storedAt: number;
  unsent: 0 | 1;
  /** The server's code for refusing it for good (`incident-full`, …: domain/blob-protocol.ts): then it is no longer sent. */
  refusal?: string;
}

/** The photos this device holds among `hashes` (a report embeds them; a missing one is named, never hidden). */
export async function readPhotos(db: MusterDb, hashes: readonly string[]): Promise<Map<string, PhotoRow>> {
  const rows = await db.photos.bulkGet([...new Set(hashes)]);
  const out = new Map<string, PhotoRow>();
  for (const row of rows) if (row) out.set(row.hash, row);
  return out;
}

/** A photo taken on this device, ready to store: the encoded image and what the note will say of it. */
export interface TakenPhoto {
  readonly blob: Blob;
  readonly ref: PhotoRef;
}

/**
 * Stores photos taken for a note of `streamId`, to be sent. Must run inside the transaction that
 * writes the note (see `photosAlongside`): a note never names a photo the device does not hold,
 * and a photo is never kept for a note that was not written. One already held (the same image
 * taken twice) is left as it is.
 */
export async function storePhotos(db: MusterDb, streamId: string, photos: readonly TakenPhoto[], now: number): Promise<void> {
  if (photos.length === 0) return;
  const held = await db.photos.bulkGet(photos.map((p) => p.ref.hash));
  const fresh = new Map<string, PhotoRow>();
  photos.forEach(({ blob, ref }, i) => {
    if (held[i] !== undefined) return;
    fresh.set(ref.hash, { hash: ref.hash, streamId, type: ref.type, bytes: ref.bytes, width: ref.width, height: ref.height, blob, storedAt: now, unsent: 1 });
  });
  if (fresh.size > 0) await db.photos.bulkAdd([...fresh.values()]);
}

/** The photos as a write that commits with the note's event (storage/events.ts `recordEvent`). */
export function photosAlongside(db: MusterDb, photos: readonly TakenPhoto[], now: () => number): AlongsideWrite {
  return { tables: [db.photos], write: (event: MusterEvent) => storePhotos(db, event.streamId, photos, now()) };
}

/** Up to `limit` photos the server does not have yet, oldest first. */
export async function unsentPhotos(db: MusterDb, limit: number): Promise<PhotoRow[]> {
  const rows = await db.photos.where('unsent').equals(1).toArray();
  return rows.sort((a, b) => a.storedAt - b.storedAt).slice(0, limit);
}

/** How many photos wait to be sent (for the sync status). */
export function unsentPhotoCount(db: MusterDb): Promise<number> {
  return db.photos.where('unsent').equals(1).count();
}

/** The server has these photos (it said stored, or already held). */
export async function markPhotosSent(db: MusterDb, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.transaction('rw', db.photos, async () => {
    await db.photos
      .where('hash')
      .anyOf([...hashes])
      .modify({ unsent: 0 });
  });
}

/** The server refused this photo for good: it stays on the device, with why, and is not sent again. */
export async function markPhotoRefused(db: MusterDb, hash: string, reason: string): Promise<void> {
  await db.photos.update(hash, { unsent: 0, refusal: reason });
}

/**
 * A photo another device took, fetched and checked (its SHA-256 is its name) by the sync
 * engine: stored as received, never to be sent back. One already held is kept.
 */
export async function storeReceivedPhoto(db: MusterDb, row: Omit<PhotoRow, 'unsent' | 'refusal'>): Promise<void> {
  await db.transaction('rw', db.photos, db.settings, async () => {
    if ((await db.photos.get(row.hash)) === undefined) await db.photos.add({ ...row, unsent: 0 });
    await dropWanted(db, [row.hash]);
  });
}

// ---------------------------------------------------------------------------------------------
// Photos this device still has to fetch: named by a note it holds, not held themselves.

/** A photo a note on this device names and the device does not hold yet; the sync engine fetches it. */
export interface WantedPhoto extends PhotoRef {
  readonly streamId: string;
  /** Head office only: the branch whose note names it (fetched from that organisation); absent for the device's own. */
  readonly orgId?: string;
  /** Failed fetches so far (the server did not have it yet, or the network failed). */
  readonly tries: number;
  /** Not asked for again before this time (ms). */
  readonly nextAt: number;
  /** A fetch whose bytes did not match the hash: refused and not stored; said on the timeline. */
  readonly problem?: 'mismatch';
}

export const WANTED_PHOTOS_KEY = 'photos.wanted';

/** The photos this device is waiting for, in the order they were first wanted. */
export async function wantedPhotos(db: MusterDb): Promise<WantedPhoto[]> {
  const row = await db.settings.get(WANTED_PHOTOS_KEY);
  return Array.isArray(row?.value) ? (row.value as WantedPhoto[]) : [];
}

/** Whether this device is waiting for `hash`, and how its fetches went; undefined when it is not waiting for it. */
export async function wantedPhoto(db: MusterDb, hash: string): Promise<WantedPhoto | undefined> {
  return (await wantedPhotos(db)).find((w) => w.hash === hash);
}

/**
 * Notes these events, and wants each photo they name that the device does not hold. Runs inside
 * the transaction that stores pulled events (it needs `photos` and `settings`), so a note is
 * never stored without its photos being wanted. Events that name no photos are ignored.
 */
export async function wantPhotosOf(db: MusterDb, events: readonly MusterEvent[], now: number, orgId?: string): Promise<number> {
  const refs: { streamId: string; ref: PhotoRef }[] = [];
  for (const e of events) for (const ref of photoRefsOf(e)) refs.push({ streamId: e.streamId, ref });
  if (refs.length === 0) return 0;
  const held = await db.photos.bulkGet(refs.map((r) => r.ref.hash));
  const wanted = await wantedPhotos(db);
  const known = new Set(wanted.map((w) => w.hash));
  const added: WantedPhoto[] = [];
  refs.forEach(({ streamId, ref }, i) => {
    if (held[i] !== undefined || known.has(ref.hash)) return;
    known.add(ref.hash);
    added.push({ ...ref, streamId, ...(orgId === undefined ? {} : { orgId }), tries: 0, nextAt: now });
  });
  if (added.length > 0) await db.settings.put({ key: WANTED_PHOTOS_KEY, value: [...wanted, ...added] });
  return added.length;
}

/**
 * Looks through every note on the device for photos it lacks (a note that came by another way
 * than a pull, or before this version of the app), and on head office through its branches'
 * notes; run once per start of the sync engine.
 */
export async function wantMissingPhotos(db: MusterDb, now: number): Promise<number> {
  return db.transaction('rw', [db.events, db.photos, db.settings, db.branches, db.branchEvents], async () => {
    const notes = await db.events.where('type').anyOf(PHOTO_EVENT_TYPES).toArray();
    let wanted = await wantPhotosOf(db, notes, now);
    for (const orgId of await db.branches.toCollection().primaryKeys()) {
      const branchNotes = await db.branchEvents
        .where('[orgId+type]')
        .anyOf(PHOTO_EVENT_TYPES.map((type) => [orgId, type]))
        .toArray();
      wanted += await wantPhotosOf(db, branchNotes, now, orgId);
    }
    return wanted;
  });
}

/** Head office: the photos a branch's pulled notes name, wanted from that branch. */
export async function wantBranchPhotos(db: MusterDb, orgId: string, events: readonly MusterEvent[], now: number): Promise<number> {
  if (!events.some((e) => photoRefsOf(e).length > 0)) return 0;
  return db.transaction('rw', db.photos, db.settings, () => wantPhotosOf(db, events, now, orgId));
}

/** A fetch failed or found nothing yet: asked again at `nextAt`; `problem` when the bytes were wrong. */
export async function noteWantedTry(db: MusterDb, hash: string, nextAt: number, problem?: WantedPhoto['problem']): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const wanted = await wantedPhotos(db);
    const next = wanted.map((w) => (w.hash === hash ? { ...w, tries: w.tries + 1, nextAt, ...(problem ? { problem } : {}) } : w));
    await db.settings.put({ key: WANTED_PHOTOS_KEY, value: next });
  });
}

async function dropWanted(db: MusterDb, hashes: readonly string[]): Promise<void> {
  const wanted = await wantedPhotos(db);
  const drop = new Set(hashes);
  const next = wanted.filter((w) => !drop.has(w.hash));
  if (next.length !== wanted.length) await db.settings.put({ key: WANTED_PHOTOS_KEY, value: next });
}
