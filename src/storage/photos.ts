import type { PhotoType } from '../domain/events/photo';
import type { MusterDb } from './db';

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
}

/** The photos this device holds among `hashes` (a report embeds them; a missing one is named, never hidden). */
export async function readPhotos(db: MusterDb, hashes: readonly string[]): Promise<Map<string, PhotoRow>> {
  const rows = await db.photos.bulkGet([...new Set(hashes)]);
  const out = new Map<string, PhotoRow>();
  for (const row of rows) if (row) out.set(row.hash, row);
  return out;
}
