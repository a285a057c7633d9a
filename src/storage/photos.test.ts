import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../domain/event';
import type { PhotoRef } from '../domain/events/photo';
import { openDb, type MusterDb } from './db';
import { recordEvent, type WriteEnv } from './events';
import {
  markPhotoRefused,
  markPhotosSent,
  photosAlongside,
  readPhotos,
  storeReceivedPhoto,
  unsentPhotos,
  wantedPhotos,
  wantMissingPhotos,
  wantPhotosOf,
  type TakenPhoto,
} from './photos';
import { heldEventCount } from './packs';

// A note's photos on the phone: stored with the note or not at all, sent once, and those other
// phones took wanted until they arrive.

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seed = 1;
const env: WriteEnv = { now: () => T0, random: (bytes) => bytes.map(() => (seed = (seed * 48271) % 2147483647) & 0xff) };

function taken(n: number): TakenPhoto {
  const hash = n.toString(16).padStart(64, '0');
  return {
    blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, n])], { type: 'image/jpeg' }),
    ref: { hash, type: 'image/jpeg', bytes: 4, width: 1600, height: 1200 },
  };
}

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`photos-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const note = (photos: TakenPhoto[]) =>
  recordEvent(
    db,
    { streamId: 'inc-flood', actor: '王值班', type: 'note.added', payload: { text: 'B1 water at the vault door', photos: photos.map((p) => p.ref) } },
    env,
    photosAlongside(db, photos, () => T0),
  );

describe('a note’s photos on the phone that took them', () => {
  it('stores the note, its outbox row and its photos in one go, each photo waiting to be sent', async () => {
    const photos = [taken(1), taken(2)];
    const { event } = await note(photos);
    expect(await db.outbox.count()).toBe(1);
    const held = await readPhotos(db, [photos[0]!.ref.hash, photos[1]!.ref.hash, 'f'.repeat(64)]);
    expect([...held.keys()]).toEqual([photos[0]!.ref.hash, photos[1]!.ref.hash]);
    expect(held.get(photos[0]!.ref.hash)).toMatchObject({ streamId: event.streamId, unsent: 1, width: 1600, height: 1200, storedAt: T0 });
    expect(new Uint8Array(await held.get(photos[1]!.ref.hash)!.blob.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 2]));
    expect((await unsentPhotos(db, 10)).map((p) => p.hash)).toEqual(photos.map((p) => p.ref.hash));
  });

  it('stores nothing at all, not even the photos, when the note is refused', async () => {
    const tooMany = [1, 2, 3, 4, 5, 6, 7].map(taken);
    await expect(note(tooMany)).rejects.toThrow(/at most 6 photos/);
    expect(await heldEventCount(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
  });

  it('stores nothing of the note when its photos cannot be written', async () => {
    const photo = taken(3);
    await expect(
      recordEvent(db, { streamId: 'inc-flood', actor: '王值班', type: 'note.added', payload: { text: 'x', photos: [photo.ref] } }, env, {
        tables: [db.photos],
        write: () => Promise.reject(new Error('QuotaExceededError')),
      }),
    ).rejects.toThrow('QuotaExceededError');
    expect(await heldEventCount(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps one copy of the same image taken twice, and sends it once', async () => {
    await note([taken(4)]);
    await note([taken(4)]);
    expect(await db.photos.count()).toBe(1);
    await markPhotosSent(db, [taken(4).ref.hash]);
    expect(await unsentPhotos(db, 10)).toEqual([]);
    // A later note with it does not make it unsent again.
    await note([taken(4)]);
    expect(await unsentPhotos(db, 10)).toEqual([]);
  });

  it('keeps a photo the server refused for good, with why, and no longer sends it', async () => {
    await note([taken(5)]);
    await markPhotoRefused(db, taken(5).ref.hash, 'incident-full');
    expect(await unsentPhotos(db, 10)).toEqual([]);
    expect((await readPhotos(db, [taken(5).ref.hash])).get(taken(5).ref.hash)).toMatchObject({ refusal: 'incident-full', unsent: 0 });
  });
});

describe('photos other phones took', () => {
  const pulledNote = (id: string, refs: PhotoRef[]): MusterEvent => ({
    id,
    streamId: 'inc-flood',
    deviceId: 'd-scribe',
    actor: 'Scribe Li',
    hlc: `00${T0}-0000-d-scribe`,
    type: 'note.added',
    payload: { text: 'ground floor', photos: refs },
    v: 1,
  });

  it('wants each photo a pulled note names once, until it is stored', async () => {
    const [a, b] = [taken(6), taken(7)];
    await db.transaction('rw', db.photos, db.settings, () => wantPhotosOf(db, [pulledNote('e1', [a.ref, b.ref]), pulledNote('e2', [a.ref])], T0));
    expect((await wantedPhotos(db)).map((w) => [w.hash, w.streamId, w.tries, w.nextAt])).toEqual([
      [a.ref.hash, 'inc-flood', 0, T0],
      [b.ref.hash, 'inc-flood', 0, T0],
    ]);
    const { unsent: _u, ...row } = { ...a.ref, streamId: 'inc-flood', blob: a.blob, storedAt: T0, unsent: 0 };
    await storeReceivedPhoto(db, row);
    expect((await wantedPhotos(db)).map((w) => w.hash)).toEqual([b.ref.hash]);
    expect(await unsentPhotos(db, 10)).toEqual([]);
  });

  it('finds photos missing from notes already on the device', async () => {
    const own = taken(8);
    await note([own]);
    await db.events.add({ ...pulledNote('e3', [taken(9).ref]) });
    expect(await wantMissingPhotos(db, T0)).toBe(1);
    expect((await wantedPhotos(db)).map((w) => w.hash)).toEqual([taken(9).ref.hash]);
    // Asked again (the next start): nothing new.
    expect(await wantMissingPhotos(db, T0)).toBe(0);
  });
});
