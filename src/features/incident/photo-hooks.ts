import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { appDb } from '../../storage';
import { wantedPhoto, type TakenPhoto } from '../../storage/photos';

/** What the timeline can show of one photo a note names. */
export type PhotoView =
  | { readonly status: 'loading' }
  /** On this device: `url` is an object URL for an <img>; `refusal` the server's code when it refused it for good. */
  | { readonly status: 'ready'; readonly url: string; readonly refusal?: string }
  /** Not on this device (yet): `mismatch` when what came did not match its hash and was refused. */
  | { readonly status: 'missing'; readonly mismatch: boolean };

/**
 * One object URL per photo hash, shared by every view of it and revoked once no view holds it.
 * The hash is the content, so the URL made from any copy of the row's blob shows the same image:
 * a re-read row (sent, say) keeps its URL instead of reloading the image. A URL is made while
 * rendering and held by an effect once the view is on screen; one that no view came to hold (a
 * render React threw away) is revoked after a grace period.
 */
const urls = new Map<string, { url: string; users: number }>();
const GRACE_MS = 5_000;

function urlFor(hash: string, blob: Blob): string {
  const held = urls.get(hash);
  if (held) return held.url;
  const entry = { url: URL.createObjectURL(blob), users: 0 };
  urls.set(hash, entry);
  dropIfUnused(hash, entry, GRACE_MS);
  return entry.url;
}

function dropIfUnused(hash: string, entry: { url: string; users: number }, afterMs: number): void {
  setTimeout(() => {
    if (entry.users > 0 || urls.get(hash) !== entry) return;
    urls.delete(hash);
    URL.revokeObjectURL(entry.url);
  }, afterMs);
}

/** Holds the URLs of `hashes` while a view shows them; the returned function lets go. */
function hold(hashes: readonly string[]): () => void {
  const held = hashes.flatMap((hash) => {
    const entry = urls.get(hash);
    if (!entry) return [];
    entry.users++;
    return [[hash, entry] as const];
  });
  return () => {
    for (const [hash, entry] of held) {
      entry.users--;
      // After this turn: a view that lets go and takes the same photo again in one render keeps the URL.
      if (entry.users === 0) dropIfUnused(hash, entry, 0);
    }
  };
}

/**
 * A photo a note names, as this device has it: an object URL while the component shows it
 * (revoked once nothing shows it), or "missing" until sync brings it, then ready by itself.
 */
export function usePhoto(hash: string): PhotoView {
  const row = useLiveQuery(async () => (await appDb().photos.get(hash)) ?? null, [hash]);
  const missing = row === null;
  const mismatch = useLiveQuery(async () => missing && (await wantedPhoto(appDb(), hash))?.problem === 'mismatch', [hash, missing]);
  const url = row ? urlFor(hash, row.blob) : null;
  useEffect(() => (url === null ? undefined : hold([hash])), [hash, url]);
  if (row === undefined) return { status: 'loading' };
  if (row === null || url === null) return { status: 'missing', mismatch: mismatch === true };
  return { status: 'ready', url, ...(row.refusal ? { refusal: row.refusal } : {}) };
}

/** Object URLs for photos chosen in the note form, revoked when they leave it or the form goes. */
export function usePreviewUrls(photos: readonly TakenPhoto[]): string[] {
  const shown = photos.map((p) => urlFor(p.ref.hash, p.blob));
  const key = photos.map((p) => p.ref.hash).join(',');
  useEffect(() => hold(key === '' ? [] : key.split(',')), [key]);
  return shown;
}
