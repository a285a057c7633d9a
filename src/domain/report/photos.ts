import type { PhotoRef } from '../events/photo';
import type { IncidentState } from '../incident';
import { formatDateTime, formatNumber } from './format';
import { fill, type ReportLabels } from './labels';
import type { Correction, PhotoData, Report, ReportPhoto } from './types';

/** What a photo's type is called on paper. */
const TYPE_NAMES: Readonly<Record<string, string>> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

/** "412 KB", "1.2 MB": a photo's size as a reader thinks of it (the bytes are in the JSON). */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${formatNumber(bytes / 1_000_000)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1000)))} KB`;
}

/**
 * The notes that carry photos, each photo numbered across the report ("Photo 3"), described
 * (type, size in pixels and bytes, SHA-256), and with its image when this device holds it.
 * `data` is read at the edge and passed in; a photo it lacks is kept and said to be missing.
 * Pure.
 */
export function reportPhotos(
  incident: IncidentState,
  data: ReadonlyMap<string, PhotoData> | undefined,
  labels: ReportLabels,
  offset: number,
  correction: (eventId: string) => { struck?: Correction },
): { photos: Report['photos']; byEvent: ReadonlyMap<string, readonly ReportPhoto[]> } {
  let number = 0;
  let missing = 0;
  const byEvent = new Map<string, ReportPhoto[]>();
  const notes = incident.notes
    .filter((n) => n.photos.length > 0)
    .map((n) => {
      const when = formatDateTime(n.at, offset);
      const photos = n.photos.map((ref: PhotoRef): ReportPhoto => {
        number += 1;
        const held = data?.get(ref.hash) ?? null;
        if (!held) missing += 1;
        return {
          hash: ref.hash,
          type: ref.type,
          bytes: ref.bytes,
          width: ref.width,
          height: ref.height,
          number,
          label: fill(labels['photos.label'], { number }),
          detailText: fill(labels['photos.detail'], {
            type: TYPE_NAMES[ref.type] ?? ref.type,
            width: ref.width,
            height: ref.height,
            size: sizeText(ref.bytes),
          }),
          data: held,
        };
      });
      byEvent.set(n.eventId, photos);
      return { eventId: n.eventId, at: n.at, when, by: n.actor, text: n.text, ...correction(n.eventId), photos };
    });
  return {
    photos: { notes, count: number, missing, summaryText: fill(labels['photos.summary'], { count: number, notes: notes.length }) },
    byEvent,
  };
}
