import { PHOTO_HASH_PATTERN, PHOTO_TYPES, type PhotoType } from './events/photo';

/**
 * How a note's photos travel (src/sync/photos.ts, src/server/blobs-api.ts): beside the events,
 * one request per image, addressed by the SHA-256 that the note names.
 *
 * - `PUT /api/v1/blobs/<hash>?stream=<incident id>`, body = the image bytes, Content-Type
 *   image/jpeg or image/webp: 201 stored, 200 already held (the same hash twice is harmless);
 *   400 a body whose SHA-256 is not `<hash>`; 413 one image over `PHOTO_LIMITS.maxBytes` or an
 *   incident over `maxBytesPerIncident` (`code` says which); 415 not a JPEG or WebP (the bytes
 *   decide, not only the header); 403 a head-office token (it writes nothing); 507 the
 *   organisation's storage quota is used up.
 * - `GET /api/v1/blobs/<hash>`: the bytes with their type, cached for ever (the hash is the
 *   content); 404 when the organisation has no such image yet (its device has not sent it).
 *   Head office reads a branch's with `?org=<branch id>`.
 */
export const BLOBS_PATH = '/api/v1/blobs';

/** The address of one image; `stream` (the incident) is named when uploading, `org` by head office reading a branch's. */
export function blobPath(hash: string, query: { stream?: string; org?: string } = {}): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${BLOBS_PATH}/${hash}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** Why an upload was refused, in the answer's `code`. */
export type BlobRefusalCode = 'bad-hash' | 'hash-mismatch' | 'bad-stream' | 'not-a-photo' | 'photo-too-large' | 'incident-full' | 'org-quota';

export function isPhotoHash(v: string): boolean {
  return PHOTO_HASH_PATTERN.test(v);
}

export function isPhotoType(v: string): v is PhotoType {
  return (PHOTO_TYPES as readonly string[]).includes(v);
}

/**
 * What the bytes themselves say they are: a JPEG starts FF D8 FF, a WebP is a RIFF file whose
 * form type is "WEBP". Undefined for anything else, whatever a header claimed: a file named
 * .jpg that is really a page of HTML or a script is never stored nor handed out as a photo.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
