import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../canonical-json';
import type { MusterEvent } from '../event';
import { HEX_SHA256, keyIdOf } from '../report/seal';
import { utf8 } from '../report/sha256';
import type { DeviceCertificate } from './certificate';

export { CERTIFICATE_FIELDS, certificateShapeProblem, type DeviceCertificate } from './certificate';

/*
 * Who may be believed when events pass from phone to phone (README.md): a key per device, a
 * certificate of that key from the organisation, a signature on every event. Ed25519 from
 * @noble/curves, as the report countersignature uses: synchronous, the same in the browser, in
 * Node and in a verify script, with raw 32-byte keys. Every message signed begins with its
 * purpose, so a signature made for one thing can never pass for another.
 */

/** 32 bytes in hex: an Ed25519 public or secret key (the same shape as a SHA-256). */
const HEX64 = HEX_SHA256;

/**
 * Whether `signature` (hex) is `publicKey`'s (hex) Ed25519 signature of `message`. Anything that
 * is not hex of the right length, or not a point on the curve, is no signature at all.
 */
export function verifySignature(signature: string, message: Uint8Array, publicKey: string): boolean {
  if (!/^[0-9a-f]{128}$/.test(signature) || !HEX64.test(publicKey)) return false;
  try {
    return ed25519.verify(hexToBytes(signature), message, hexToBytes(publicKey));
  } catch {
    return false;
  }
}

/** A device's key pair, hex. The secret key never leaves the device. */
export interface DeviceKey {
  readonly secretKey: string;
  readonly publicKey: string;
}

/** A device's key pair from 32 random bytes the caller gives (the device's own randomness). */
export function deviceKeyFrom(random: Uint8Array): DeviceKey {
  if (random.length !== 32) throw new RangeError(`a device key needs 32 random bytes, not ${random.length}`);
  return { secretKey: bytesToHex(random), publicKey: bytesToHex(ed25519.getPublicKey(random)) };
}

/** The bytes the organisation's key signs for a certificate. */
export function certificateMessage(c: Omit<DeviceCertificate, 'signature'>): Uint8Array {
  return utf8(`muster.device-certificate.v1\n${c.orgId}\n${c.deviceId}\n${c.publicKey}\n${c.issuedAt}\n${c.orgKeyId}`);
}

/** Certifies a device's public key (the server's side). Pure: the time comes in. */
export function issueDeviceCertificate(
  device: { readonly orgId: string; readonly deviceId: string; readonly publicKey: string },
  orgKey: { readonly secretKey: string; readonly publicKey: string },
  issuedAt: string,
): DeviceCertificate {
  if (!HEX64.test(device.publicKey)) throw new RangeError('a device public key is 64 lower-case hex digits');
  const unsigned = { orgId: device.orgId, deviceId: device.deviceId, publicKey: device.publicKey, issuedAt, orgKeyId: keyIdOf(orgKey.publicKey) };
  return { ...unsigned, signature: bytesToHex(ed25519.sign(certificateMessage(unsigned), hexToBytes(orgKey.secretKey))) };
}

export type CertificateCheck =
  | 'valid'
  /** Issued for another organisation than the one the checking device belongs to. */
  | 'other-organisation'
  /** Signed by a key that is not the organisation's (as the checking device holds it). */
  | 'other-key'
  /** Not a signature of this certificate by that key: altered, or made up. */
  | 'bad-signature';

/**
 * Checks a certificate against the organisation the checking device belongs to and that
 * organisation's public key, as the device holds it. The key named in the certificate is never
 * trusted on its own. Pure; works offline.
 */
export function checkDeviceCertificate(c: DeviceCertificate, org: { readonly orgId: string; readonly publicKey: string }): CertificateCheck {
  if (c.orgId !== org.orgId) return 'other-organisation';
  const orgKey = org.publicKey.trim().toLowerCase();
  if (c.orgKeyId !== keyIdOf(orgKey)) return 'other-key';
  if (!HEX64.test(c.publicKey)) return 'bad-signature';
  return verifySignature(c.signature, certificateMessage(c), orgKey) ? 'valid' : 'bad-signature';
}

/**
 * The bytes a device signs for an event: its eight envelope fields as canonical JSON, and
 * nothing the server adds (`seq`, `receivedAt`), so the signature holds wherever it travels.
 */
export function eventSignatureMessage(e: MusterEvent): Uint8Array {
  const envelope = { id: e.id, streamId: e.streamId, deviceId: e.deviceId, actor: e.actor, hlc: e.hlc, type: e.type, payload: e.payload, v: e.v };
  return utf8(`muster.event-signature.v1\n${canonicalJson(envelope)}`);
}

/** The device's signature of an event it records, hex. */
export function signEvent(e: MusterEvent, secretKey: string): string {
  return bytesToHex(ed25519.sign(eventSignatureMessage(e), hexToBytes(secretKey)));
}

export type EventSignatureCheck =
  | 'valid'
  /** The certificate is another device's than the one the event names. */
  | 'other-device'
  /** Not that device's signature of this event: the event was changed, or the signature made up. */
  | 'bad-signature';

/**
 * Checks an event's signature with the certificate of the device it names. The certificate
 * itself is checked apart (`checkDeviceCertificate`), once per device, not once per event.
 */
export function checkEventSignature(e: MusterEvent, signature: string, certificate: DeviceCertificate): EventSignatureCheck {
  if (certificate.deviceId !== e.deviceId) return 'other-device';
  return verifySignature(signature, eventSignatureMessage(e), certificate.publicKey) ? 'valid' : 'bad-signature';
}
