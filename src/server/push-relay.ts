import type { MusterEvent } from '../domain/event';
import {
  CERTIFICATE_FIELDS,
  certificateShapeProblem,
  checkDeviceCertificate,
  checkEventSignature,
  type CertificateCheck,
  type DeviceCertificate,
} from '../domain/handover/keys';
import { keyIdOf } from '../domain/report/seal';
import { MAX_PUSH_EVENTS } from '../domain/sync-protocol';
import { isRecord } from '../domain/validation';

/*
 * Events a phone relays: recorded by another phone of the organisation and handed over with no
 * network (src/domain/handover/README.md). The relaying token vouches for nothing; each such
 * event gets in on its own device's signature and that device's certificate from the
 * organisation's key, checked here against the key the server holds.
 */

const SIGNATURE = /^[0-9a-f]{128}$/;

/** A push's `relayed` as the server reads it: signatures by event id, certificates by device id. */
export interface RelayProof {
  readonly signatures: ReadonlyMap<string, string>;
  readonly certificates: ReadonlyMap<string, readonly DeviceCertificate[]>;
}

/**
 * A push body's `relayed` (PushRelay in sync-protocol.ts), or what is wrong with it, naming the
 * field, for a 400 of the whole push. Several certificates of one device are all kept: a device
 * that made a new key still has events signed with the old one.
 */
export function readPushRelay(value: unknown): { ok: true; relay: RelayProof } | { ok: false; error: string } {
  const refuse = (error: string): { ok: false; error: string } => ({ ok: false, error: `relayed${error}` });
  if (!isRecord(value)) return refuse(' must be an object: { "certificates": [ … ], "signatures": { "<event id>": "<signature>" } }');
  const extra = Object.keys(value).find((k) => k !== 'certificates' && k !== 'signatures');
  if (extra !== undefined) return refuse(` has an unknown field ${JSON.stringify(extra)}; it holds only certificates and signatures`);
  const { certificates, signatures } = value;
  if (!Array.isArray(certificates)) return refuse('.certificates must be a list of device certificates');
  if (certificates.length > MAX_PUSH_EVENTS) return refuse(`.certificates holds ${certificates.length} certificates; at most ${MAX_PUSH_EVENTS} in one push`);
  const byDevice = new Map<string, DeviceCertificate[]>();
  for (const [i, c] of (certificates as unknown[]).entries()) {
    const wrong = certificateShapeProblem(c);
    if (wrong === '' || !isRecord(c)) return refuse(`.certificates[${i}] must be a device certificate: { ${CERTIFICATE_FIELDS.join(', ')} }`);
    if (wrong !== null) return refuse(`.certificates[${i}].${wrong} must be a text`);
    const unknown = Object.keys(c).find((k) => !(CERTIFICATE_FIELDS as readonly string[]).includes(k));
    if (unknown !== undefined) return refuse(`.certificates[${i}] has an unknown field ${JSON.stringify(unknown)}`);
    const certificate = c as unknown as DeviceCertificate;
    const held = byDevice.get(certificate.deviceId);
    if (held) held.push(certificate);
    else byDevice.set(certificate.deviceId, [certificate]);
  }
  if (!isRecord(signatures)) return refuse('.signatures must be an object of event id → signature (128 lower-case hex digits)');
  const entries = Object.entries(signatures);
  if (entries.length > MAX_PUSH_EVENTS) return refuse(`.signatures holds ${entries.length} signatures; at most ${MAX_PUSH_EVENTS} in one push`);
  for (const [id, signature] of entries) {
    if (typeof signature !== 'string' || !SIGNATURE.test(signature))
      return refuse(`.signatures[${JSON.stringify(id)}] must be an Ed25519 signature: 128 lower-case hex digits`);
  }
  return { ok: true, relay: { signatures: new Map(entries as [string, string][]), certificates: byDevice } };
}

/**
 * Judges each relayed event of one push against the organisation (its id and its key's public
 * half): undefined when it is proven, else why not, in plain English. Each certificate is checked
 * once per push, however many events name its device.
 */
export function relayJudge(relay: RelayProof, org: { readonly orgId: string; readonly publicKey: string }): (event: MusterEvent) => string | undefined {
  const checked = new Map<DeviceCertificate, CertificateCheck>();
  const check = (c: DeviceCertificate): CertificateCheck => {
    let result = checked.get(c);
    if (result === undefined) checked.set(c, (result = checkDeviceCertificate(c, org)));
    return result;
  };
  return (event) => {
    const signature = relay.signatures.get(event.id);
    if (signature === undefined) {
      return `Event ${event.id} is device ${event.deviceId}'s, not this token's, and the push carries no signature of it: another device's event is taken only with that device's signature and certificate.`;
    }
    const certificates = relay.certificates.get(event.deviceId);
    if (certificates === undefined) {
      return `Event ${event.id} is signed, but the push carries no certificate of device ${event.deviceId}: a relayed event needs the certificate of the device that recorded it.`;
    }
    const certified = certificates.filter((c) => check(c) === 'valid');
    if (certified.length === 0) return certificateProblem(certificates[0]!, check(certificates[0]!), org);
    if (certified.some((c) => checkEventSignature(event, signature, c) === 'valid')) return undefined;
    return `The signature of event ${event.id} does not match the event by device ${event.deviceId}'s certified key: the event was changed after it was signed, or the signature is not that device's.`;
  };
}

function certificateProblem(c: DeviceCertificate, check: CertificateCheck, org: { readonly orgId: string; readonly publicKey: string }): string {
  const whose = `The certificate of device ${c.deviceId} is not this organisation's`;
  switch (check) {
    case 'other-organisation':
      return `${whose}: it was issued for organisation ${c.orgId}, and this token belongs to ${org.orgId}.`;
    case 'other-key':
      return `${whose}: it was signed by key ${c.orgKeyId}, and this organisation's key is ${keyIdOf(org.publicKey)}.`;
    default:
      return `${whose}: its signature does not match it (altered, or made up).`;
  }
}
