import { base64 } from '@scure/base';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleBody, type BundlePhoto, type SignedEvent } from '../domain/handover/bundle';
import { deviceKeyFrom, signEvent, type DeviceCertificate, type DeviceKey } from '../domain/handover/keys';
import { wallTime, type HeldEvent } from '../domain/merge-order';
import { photoRefsOf } from '../domain/photo-refs';
import type { MusterDb } from './db';
import { readIncidentEvents } from './packs';

/*
 * What a phone keeps to hand incidents over with no network (src/domain/handover/README.md):
 * its own key and the organisation's certificate of it, the signatures of the events it holds,
 * other phones' certificates, and what it received from whom.
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

const KEY_SETTING = 'handover.deviceKey';
const LABEL_SETTING = 'handover.label';
const CERTIFICATE_SETTING = 'handover.certificate';

/** This phone's Ed25519 key, made once from its own randomness and kept on the phone. */
export async function deviceKey(db: MusterDb, random: (bytes: Uint8Array) => Uint8Array): Promise<DeviceKey> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(KEY_SETTING);
    const held = row?.value as DeviceKey | undefined;
    if (held && typeof held.secretKey === 'string' && typeof held.publicKey === 'string') return held;
    const made = deviceKeyFrom(random(new Uint8Array(32)));
    await db.settings.put({ key: KEY_SETTING, value: made });
    return made;
  });
}

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

/** What the sending phone chooses to hand over. */
export interface BundleChoice {
  readonly bundleId: string;
  readonly incidentId: string;
  /** Duty-log entries recorded at or after this time (ms) go too: the day's. */
  readonly dutySince: number;
  /** The file path carries the photos its notes name; the QR path none. */
  readonly withPhotos: boolean;
  /** The name this phone goes by (its enrolment label). */
  readonly label: string;
  readonly now: number;
}

/** Why a phone cannot hand over yet. */
export class NotCertifiedError extends Error {
  override readonly name = 'NotCertifiedError';
}

/**
 * The body of a bundle of one incident and the day's duty-log entries, every event with its
 * device's signature (this phone signs its own, once, and keeps the signature) or, for an event
 * it pulled from the server and holds no signature of, the server's receipt. An event of
 * another phone held with neither cannot be vouched for and is left out (counted in `left`).
 */
export async function collectBundle(
  db: MusterDb,
  choice: BundleChoice,
  me: { readonly deviceId: string; readonly key: DeviceKey },
): Promise<{ body: BundleBody; left: number }> {
  const own = await ownCertificate(db);
  if (!own) throw new NotCertifiedError('this phone has no certificate from its organisation yet');
  const dutyLogs = await db.streams.where('streamId').startsWith('duty-').primaryKeys();
  const incident = await readIncidentEvents(db, choice.incidentId);
  const duty: HeldEvent[] = [];
  for (const streamId of dutyLogs) for (const e of await readIncidentEvents(db, streamId)) if (wallTime(e.hlc) >= choice.dutySince) duty.push(e);
  const all = [...incident, ...duty];
  const known = new Map((await db.signatures.bulkGet(all.map((e) => e.id))).flatMap((s) => (s ? [[s.eventId, s.signature] as const] : [])));
  const made: HeldSignature[] = [];
  const events: SignedEvent[] = [];
  let left = 0;
  for (const held of all) {
    const { receivedAt, deliveredBy, ...event } = held;
    let signature = known.get(event.id);
    if (signature === undefined && event.deviceId === me.deviceId) {
      signature = signEvent(event, me.key.secretKey);
      made.push({ eventId: event.id, signature });
    }
    const receipt = receivedAt === undefined ? undefined : { receivedAt, deliveredBy: deliveredBy ?? null };
    if (signature !== undefined) events.push(receipt ? { event, signature, receipt } : { event, signature });
    else if (receipt) events.push({ event, receipt });
    else left++;
  }
  if (made.length > 0) await db.signatures.bulkPut(made);
  const signers = new Set(events.filter((e) => e.signature !== undefined && e.event.deviceId !== me.deviceId).map((e) => e.event.deviceId));
  const others = (await db.certificates.bulkGet([...signers])).flatMap((c) => (c ? [c.certificate] : []));
  const photos: BundlePhoto[] = [];
  if (choice.withPhotos) {
    const refs = events.flatMap(({ event }) => photoRefsOf(event).map((r) => ({ hash: r.hash, streamId: event.streamId })));
    const rows = await db.photos.bulkGet(refs.map((r) => r.hash));
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row || seen.has(row.hash)) continue;
      seen.add(row.hash);
      photos.push({
        hash: row.hash,
        streamId: row.streamId,
        type: row.type,
        width: row.width,
        height: row.height,
        data: base64.encode(new Uint8Array(await row.blob.arrayBuffer())),
      });
    }
  }
  const body: BundleBody = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_VERSION,
    bundleId: choice.bundleId,
    orgId: own.certificate.orgId,
    createdAt: new Date(choice.now).toISOString(),
    sender: { deviceId: me.deviceId, label: choice.label },
    incidents: [choice.incidentId],
    dutyLogs: [...new Set(duty.map((e) => e.streamId))],
    events,
    certificates: [own.certificate, ...others],
    photos,
  };
  return { body, left };
}
