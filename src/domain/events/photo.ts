import { FieldChecker, isRecord, describe, type Issue } from '../validation';

/**
 * A photo a note carries. The image itself is a blob stored and synced apart from the event,
 * addressed by its SHA-256: the event names the hash, so the report's hash chain covers the
 * image, and the same image taken twice is stored once.
 */
export interface PhotoRef {
  /** SHA-256 of the image bytes, 64 lower-case hex digits. */
  readonly hash: string;
  readonly type: PhotoType;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

export const PHOTO_TYPES = ['image/jpeg', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/**
 * How big photos may be: resized on the device to `maxEdge` pixels on the long side, so a
 * 12-megapixel camera image becomes a few hundred KB; the server refuses larger blobs and more
 * bytes per incident than `maxBytesPerIncident` (507-like, with its reason).
 */
export const PHOTO_LIMITS = {
  maxEdge: 1600,
  maxBytes: 2_000_000,
  maxPerNote: 6,
  maxBytesPerIncident: 50_000_000,
} as const;

export const PHOTO_HASH_PATTERN = /^[0-9a-f]{64}$/;

export function checkPhotoList(p: Record<string, unknown>, key: string, prefix: string): Issue[] {
  const v = p[key];
  if (v === undefined) return [];
  const at = `${prefix}.${key}`;
  if (!Array.isArray(v)) return [{ path: at, message: `expected a list of photos, got ${describe(v)}` }];
  if (v.length > PHOTO_LIMITS.maxPerNote) return [{ path: at, message: `must hold at most ${PHOTO_LIMITS.maxPerNote} photos, got ${v.length}` }];
  const issues: Issue[] = [];
  v.forEach((item, i) => {
    if (!isRecord(item)) {
      issues.push({ path: `${at}[${i}]`, message: `expected a photo, got ${describe(item)}` });
      return;
    }
    const c = new FieldChecker(item, `${at}[${i}]`);
    c.string('hash', { pattern: PHOTO_HASH_PATTERN, hint: "the image's SHA-256 as 64 lower-case hexadecimal digits" });
    c.oneOf('type', PHOTO_TYPES);
    c.integer('bytes', { min: 1, max: PHOTO_LIMITS.maxBytes });
    c.integer('width', { min: 1, max: PHOTO_LIMITS.maxEdge });
    c.integer('height', { min: 1, max: PHOTO_LIMITS.maxEdge });
    c.noOtherKeys(['hash', 'type', 'bytes', 'width', 'height']);
    issues.push(...c.issues);
  });
  return issues;
}
