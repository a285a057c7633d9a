import { base64 } from '@scure/base';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleBody, type BundlePhoto, type SignedEvent } from '../domain/handover/bundle';
import { deviceKeyFrom, signEvent, type DeviceKey } from '../domain/handover/keys';
import { wallTime, type HeldEvent } from '../domain/merge-order';
import type { MusterEvent } from '../domain/event';
import { photoRefsOf } from '../domain/photo-refs';
import type { MusterDb } from './db';
import { KEY_SETTING, ownCertificate, type HeldSignature } from './handover';
import { readIncidentEvents } from './packs';

/*
 * The sending phone's half of the handover (handover.ts has what every phone reads): making
 * its key, and collecting a bundle. Apart because it carries the Ed25519 code, which only the
 * handover screens and a phone's first certification need.
 */

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
  me: { readonly deviceId: string; readonly key: DeviceKey; readonly sign?: (event: MusterEvent) => Promise<string> },
): Promise<{ body: BundleBody; left: number }> {
  const own = await ownCertificate(db);
  if (!own) throw new NotCertifiedError('this phone has no certificate from its organisation yet');
  const dutyLogs = await db.streams.where('streamId').startsWith('duty-').primaryKeys();
  const incident = await readIncidentEvents(db, choice.incidentId);
  const duty: HeldEvent[] = [];
  for (const streamId of dutyLogs) for (const e of await readIncidentEvents(db, streamId)) if (wallTime(e.hlc) >= choice.dutySince) duty.push(e);
  const all = [...incident, ...duty];
  const known = new Map((await db.signatures.bulkGet(all.map((e) => e.id))).flatMap((s) => (s ? [[s.eventId, s.signature] as const] : [])));
  // This phone's own events it has not signed yet, all at once (the phone's own Ed25519 where it has one).
  const sign = me.sign ?? ((e: MusterEvent) => Promise.resolve(signEvent(e, me.key.secretKey)));
  const unsigned = all.filter((e) => e.deviceId === me.deviceId && !known.has(e.id));
  const signatures = await Promise.all(unsigned.map(({ receivedAt: _r, deliveredBy: _d, ...event }) => sign(event)));
  const made: HeldSignature[] = unsigned.map((e, i) => ({ eventId: e.id, signature: signatures[i] ?? '' }));
  for (const m of made) known.set(m.eventId, m.signature);
  const events: SignedEvent[] = [];
  let left = 0;
  for (const held of all) {
    const { receivedAt, deliveredBy, ...event } = held;
    const signature = known.get(event.id);
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
