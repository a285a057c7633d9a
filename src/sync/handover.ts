import { base64 } from '@scure/base';
import type { BundleBody } from '../domain/handover/bundle';
import type { HeldEvent } from '../domain/merge-order';
import type { MusterDb, OutboxEntry } from '../storage/db';
import type { EventOrigin, HandoverVia, HeldCertificate, HeldSignature, ReceivedBundle } from '../storage/handover';
import { heldIds } from '../storage/packs';
import type { PhotoRow } from '../storage/photos';
import { flaggedEvents } from '../storage/sync-state';
import { storeFresh } from './apply';

/** What taking a bundle in did. */
export interface TakenBundle {
  /** Events this phone did not hold before. */
  readonly added: number;
  /** Events it held already (changed nothing). */
  readonly held: number;
  /** Of the added, how many go to the server from this phone (the rest the server holds). */
  readonly queued: number;
  readonly photos: number;
  /** Whether the bundle had been taken in already (a second scan of the same showing): nothing changed. */
  readonly repeat: boolean;
}

/**
 * Takes in a bundle `openBundle` has checked (domain/handover/bundle.ts), in one IndexedDB
 * transaction: its new events are stored as a pull stores them (storeFresh: the clock, the
 * flags, the streams' revisions, the photos wanted), each signed one is queued for the server
 * with its signature and its device's certificate (the server takes it from this phone on
 * that proof, once: sync-api.ts), its photos are kept and queued, and the bundle, who sent it
 * and which events it first brought are noted, so the timeline and the report can say "received
 * from phone X at hh:mm by scan". Events held already are left as they are. All or nothing.
 */
export async function takeInBundle(db: MusterDb, body: BundleBody, via: HandoverVia, device: string, now: number): Promise<TakenBundle> {
  const certificates = new Map(body.certificates.map((c) => [c.deviceId, c]));
  const tables = [
    db.events,
    db.packs,
    db.settings,
    db.streams,
    db.photos,
    db.outbox,
    db.signatures,
    db.certificates,
    db.receivedBundles,
    db.eventOrigins,
    flaggedEvents(db),
  ];
  return db.transaction('rw', tables, async () => {
    if ((await db.receivedBundles.get(body.bundleId)) !== undefined) return { added: 0, held: body.events.length, queued: 0, photos: 0, repeat: true };
    const held = await heldIds(
      db,
      body.events.map((e) => e.event.id),
    );
    const fresh: HeldEvent[] = [];
    const queue: OutboxEntry[] = [];
    const signatures: HeldSignature[] = [];
    for (const { event, signature, receipt } of body.events) {
      if (signature !== undefined) signatures.push({ eventId: event.id, signature });
      if (held.has(event.id)) continue;
      fresh.push(receipt ? { ...event, receivedAt: receipt.receivedAt, deliveredBy: receipt.deliveredBy } : event);
      // An event the server has not stored (no receipt) goes to it from this phone too; the
      // server stores it once, whichever phone gets there first.
      const certificate = certificates.get(event.deviceId);
      if (receipt !== undefined) continue;
      if (event.deviceId === device) queue.push({ eventId: event.id, queuedAt: now, attempts: 0, event });
      else if (signature !== undefined && certificate !== undefined)
        queue.push({ eventId: event.id, queuedAt: now, attempts: 0, event, relay: { signature, certificate } });
    }
    const photoRows = body.photos.map((p): PhotoRow => {
      const bytes = base64.decode(p.data);
      return {
        hash: p.hash,
        streamId: p.streamId,
        type: p.type,
        bytes: bytes.length,
        width: p.width,
        height: p.height,
        blob: new Blob([new Uint8Array(bytes)], { type: p.type }),
        storedAt: now,
        unsent: 1,
      };
    });
    const heldPhotos = await db.photos.bulkGet(photoRows.map((p) => p.hash));
    const newPhotos = photoRows.filter((_, i) => heldPhotos[i] === undefined);
    // The photos first: storeFresh then wants only those still missing.
    if (newPhotos.length > 0) await db.photos.bulkAdd(newPhotos);
    await storeFresh(db, fresh, device, now);
    if (queue.length > 0) await db.outbox.bulkPut(queue);
    if (signatures.length > 0) await db.signatures.bulkPut(signatures);
    const others: HeldCertificate[] = body.certificates.filter((c) => c.deviceId !== device).map((c) => ({ deviceId: c.deviceId, certificate: c }));
    if (others.length > 0) await db.certificates.bulkPut(others);
    const origins: EventOrigin[] = fresh.map((e) => ({ eventId: e.id, bundleId: body.bundleId }));
    if (origins.length > 0) await db.eventOrigins.bulkAdd(origins);
    const received: ReceivedBundle = {
      bundleId: body.bundleId,
      sender: { deviceId: body.sender.deviceId, label: body.sender.label },
      via,
      receivedAt: now,
      createdAt: body.createdAt,
      incidents: [...body.incidents],
      dutyLogs: [...body.dutyLogs],
      events: body.events.length,
      added: fresh.length,
      photos: newPhotos.length,
    };
    await db.receivedBundles.add(received);
    return { added: fresh.length, held: body.events.length - fresh.length, queued: queue.length, photos: newPhotos.length, repeat: false };
  });
}
