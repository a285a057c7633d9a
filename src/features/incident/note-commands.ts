import { appDb } from '../../storage';
import { photosAlongside, type TakenPhoto } from '../../storage/photos';
import { record } from '../../ui/record';
import { incidentStore } from './incident-store';

/**
 * A note with photos taken on this device: the note's event, its outbox row and the photos
 * (to be sent beside it, storage/photos.ts) are written in one transaction, so a note never
 * names a photo the phone does not hold. Resolves to null, keeping the form, when the write fails.
 */
export function addNoteWithPhotos(incidentId: string, text: string, tags: readonly string[], photos: readonly TakenPhoto[]) {
  const payload = { text, ...(tags.length > 0 ? { tags: [...tags] } : {}), ...(photos.length > 0 ? { photos: photos.map((p) => p.ref) } : {}) };
  return record(incidentStore, incidentId, 'note.added', payload, photos.length > 0 ? photosAlongside(appDb(), photos, () => Date.now()) : undefined);
}
