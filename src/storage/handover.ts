import type { DeviceCertificate, DeviceKey } from '../domain/handover/keys';
import type { MusterDb } from './db';

/*
 * What a phone keeps to hand incidents over with no network (src/domain/handover/README.md):
 * its own key and the organisation's certificate of it, the signatures of the events it holds,
 * other phones' certificates, and what it received from whom. Reads and types only, with no
 * cryptography: the incident page and the sync engine read these on every phone, and the
 * Ed25519 code (handover-bundle.ts) loads only where a bundle is made or a key is.
 */

/** An event's signature by the device that recorded it: this phone's own (made when it first hands the event over, then kept) or one received with the event. */
export interface HeldSignature {
  eventId: string;
  signature: string;
}

/** Another phone's certificate, as a bundle carried it (checked then against the organisation's key). */
export interface HeldCertificate {
  deviceId: string;
  certificate: DeviceCertificate;
}

export type HandoverVia = 'scan' | 'file';

/** A bundle this phone took in: who handed it over, how and when, and what it brought. */
export interface ReceivedBundle {
  bundleId: string;
  sender: { deviceId: string; label: string };
  via: HandoverVia;
  /** When this phone took it in (ms, this phone's clock). */
  receivedAt: number;
  /** When the sending phone made it (ISO 8601, its clock). */
  createdAt: string;
  incidents: string[];
  dutyLogs: string[];
  /** Events it carried, and how many of those this phone did not hold before. */
  events: number;
  added: number;
  photos: number;
}

/** The bundle that first brought an event to this phone. */
export interface EventOrigin {
  eventId: string;
  bundleId: string;
}

/** This phone's certificate from its organisation, with the organisation's public key it came with. */
export interface OwnCertificate {
  certificate: DeviceCertificate;
  orgPublicKey: string;
}

/** Where the phone's key is kept in settings (made in handover-bundle.ts `deviceKey`). */
export const KEY_SETTING = 'handover.deviceKey';
const LABEL_SETTING = 'handover.label';
const CERTIFICATE_SETTING = 'handover.certificate';

/** The phone's key if it has one yet (never makes one). */
export async function heldDeviceKey(db: MusterDb): Promise<DeviceKey | null> {
  const held = (await db.settings.get(KEY_SETTING))?.value as DeviceKey | undefined;
  return held && typeof held.secretKey === 'string' ? held : null;
}

/** The organisation's certificate of this phone's current key, or null (none yet, or one of an earlier key). */
export async function ownCertificate(db: MusterDb): Promise<OwnCertificate | null> {
  const [key, row] = await Promise.all([heldDeviceKey(db), db.settings.get(CERTIFICATE_SETTING)]);
  const held = row?.value as OwnCertificate | undefined;
  if (!key || !held || held.certificate.publicKey !== key.publicKey) return null;
  return held;
}

export async function storeOwnCertificate(db: MusterDb, held: OwnCertificate): Promise<void> {
  await db.settings.put({ key: CERTIFICATE_SETTING, value: held });
}

/** The name the organisation gave this phone when it was enrolled (whoami), which its bundles carry. */
export async function deviceLabel(db: MusterDb): Promise<string | null> {
  const value = (await db.settings.get(LABEL_SETTING))?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export async function storeDeviceLabel(db: MusterDb, label: string): Promise<void> {
  await db.settings.put({ key: LABEL_SETTING, value: label });
}

/** Whether a bundle of this id was taken in before. */
export async function receivedBundleIds(db: MusterDb): Promise<Set<string>> {
  return new Set(await db.receivedBundles.toCollection().primaryKeys());
}

/** The bundles this phone received, newest first. */
export async function listReceivedBundles(db: MusterDb): Promise<ReceivedBundle[]> {
  return (await db.receivedBundles.orderBy('receivedAt').toArray()).reverse();
}

/** For a stream: which of its events came by hand, and in which bundle (event id → bundle). */
export async function originsOf(db: MusterDb, streamId: string): Promise<Map<string, ReceivedBundle>> {
  const out = new Map<string, ReceivedBundle>();
  const bundles = (await db.receivedBundles.toArray()).filter((b) => b.incidents.includes(streamId) || b.dutyLogs.includes(streamId));
  if (bundles.length === 0) return out;
  const byId = new Map(bundles.map((b) => [b.bundleId, b]));
  const origins = await db.eventOrigins
    .where('bundleId')
    .anyOf([...byId.keys()])
    .toArray();
  for (const o of origins) {
    const b = byId.get(o.bundleId);
    if (b) out.set(o.eventId, b);
  }
  return out;
}
