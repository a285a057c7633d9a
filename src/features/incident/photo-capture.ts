import { bytesToHex } from '@noble/hashes/utils.js';
import { PHOTO_LIMITS, type PhotoType } from '../../domain/events/photo';
import type { TakenPhoto } from '../../storage/photos';

/**
 * A camera photo made fit to travel: decoded, turned upright, shrunk to PHOTO_LIMITS.maxEdge
 * pixels on its long side, encoded again as JPEG (or WebP where the browser makes one and it is
 * smaller), and named by the SHA-256 of the result. A 12-megapixel phone photo of 3-6 MB becomes
 * a few hundred KB, so an incident's photos fit on the phone and through a weak signal.
 *
 * Re-encoding from pixels drops everything else the camera wrote into the file: EXIF, the GPS
 * position, the phone's make and serial number, the thumbnail. Nothing of it is wanted in a
 * report, and a position is personal data. The orientation EXIF gave is applied to the pixels
 * first (`imageOrientation: 'from-image'`), so a photo taken with the phone upright stays upright.
 */

/** Why a file was not taken as a photo; each has its text in photos.messages.ts. */
export type PhotoProblem = 'notImage' | 'undecodable' | 'tooLarge' | 'tooMany';

export class PhotoRefused extends Error {
  override readonly name = 'PhotoRefused';
  constructor(
    readonly problem: PhotoProblem,
    /** The file's name as the phone gave it, to say which one. */
    readonly fileName: string,
  ) {
    super(`${fileName}: ${problem}`);
  }
}

/** A decoded image: its upright size, drawable onto a canvas. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/** What the pipeline needs from the browser; tests pass their own. */
export interface PhotoEnv<I extends DecodedImage = DecodedImage> {
  /** Decodes with the orientation the file says applied; rejects an undecodable file. */
  decode(file: Blob): Promise<I>;
  /** Draws `image` at `width`×`height` and encodes it; the blob's type is what the browser really made. */
  encode(image: I, width: number, height: number, type: PhotoType, quality: number): Promise<Blob>;
  /** SHA-256 of the bytes, 64 lower-case hex digits. */
  sha256(bytes: ArrayBuffer): Promise<string>;
}

/** Qualities tried in turn until the photo is under PHOTO_LIMITS.maxBytes. */
export const PHOTO_QUALITIES = [0.8, 0.65, 0.5] as const;

/** `width`×`height` scaled to fit `maxEdge` on the long side (never enlarged), in whole pixels of at least 1. */
export function fitWithin(width: number, height: number, maxEdge: number = PHOTO_LIMITS.maxEdge): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Makes one file a photo for a note, or refuses it with a PhotoRefused saying why: not an image,
 * not decodable, or still over PHOTO_LIMITS.maxBytes at the lowest quality. Works offline.
 */
export async function preparePhoto<I extends DecodedImage>(file: File, env: PhotoEnv<I>): Promise<TakenPhoto> {
  // Some cameras hand over a file with no type at all: then decoding decides.
  if (file.type !== '' && !file.type.startsWith('image/')) throw new PhotoRefused('notImage', file.name);
  let image: I;
  try {
    image = await env.decode(file);
  } catch {
    throw new PhotoRefused('undecodable', file.name);
  }
  try {
    const size = fitWithin(image.width, image.height);
    for (const quality of PHOTO_QUALITIES) {
      const blob = await smallestEncoding(env, image, size.width, size.height, quality);
      if (blob.size > PHOTO_LIMITS.maxBytes) continue;
      const type: PhotoType = blob.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
      const hash = await env.sha256(await blob.arrayBuffer());
      return { blob, ref: { hash, type, bytes: blob.size, width: size.width, height: size.height } };
    }
    throw new PhotoRefused('tooLarge', file.name);
  } finally {
    image.close();
  }
}

/** JPEG, and WebP too where the browser encodes it (else it answers PNG, which is not taken), whichever is smaller. */
async function smallestEncoding<I extends DecodedImage>(env: PhotoEnv<I>, image: I, width: number, height: number, quality: number): Promise<Blob> {
  const jpeg = await env.encode(image, width, height, 'image/jpeg', quality);
  const webp = await env.encode(image, width, height, 'image/webp', quality).catch(() => null);
  return webp !== null && webp.type === 'image/webp' && webp.size < jpeg.size ? webp : jpeg;
}

/**
 * The browser's own: createImageBitmap (which honours EXIF orientation with 'from-image'), an
 * OffscreenCanvas where there is one (no layout, no DOM), a <canvas> otherwise, and WebCrypto.
 */
export const browserPhotoEnv: PhotoEnv<ImageBitmap> = {
  decode: (file) => createImageBitmap(file, { imageOrientation: 'from-image' }),
  async encode(image, width, height, type, quality) {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      draw(canvas.getContext('2d'), image, width, height);
      return canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    draw(canvas.getContext('2d'), image, width, height);
    return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas made no image'))), type, quality));
  },
  sha256: async (bytes) => bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))),
};

function draw(context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null, image: ImageBitmap, width: number, height: number): void {
  if (!context) throw new Error('no 2D canvas on this browser');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
}

/**
 * Prepares the files just chosen, after the `already` photos the note holds: each refused one is
 * named, the rest are kept, and past PHOTO_LIMITS.maxPerNote the rest are refused as too many.
 */
export async function preparePhotos<I extends DecodedImage>(
  files: readonly File[],
  already: number,
  env: PhotoEnv<I>,
): Promise<{ taken: TakenPhoto[]; refused: PhotoRefused[] }> {
  const taken: TakenPhoto[] = [];
  const refused: PhotoRefused[] = [];
  for (const file of files) {
    if (already + taken.length >= PHOTO_LIMITS.maxPerNote) {
      refused.push(new PhotoRefused('tooMany', file.name));
      continue;
    }
    try {
      taken.push(await preparePhoto(file, env));
    } catch (error) {
      if (!(error instanceof PhotoRefused)) throw error;
      refused.push(error);
    }
  }
  return { taken, refused };
}
