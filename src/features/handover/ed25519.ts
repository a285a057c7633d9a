import { base64urlnopad } from '@scure/base';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';
import type { MusterEvent } from '../../domain/event';
import type { Verifier } from '../../domain/handover/bundle';
import { eventSignatureMessage, signEvent, verifySignature, type DeviceKey } from '../../domain/handover/keys';

/*
 * The phone's own Ed25519 (WebCrypto: Chrome 137+, Safari 17+, Firefox 129+) for the handover's
 * many signatures: about ten times as fast as the pure-JavaScript one in src/domain, which
 * stays the fallback where a browser lacks it. Ed25519 signatures are deterministic, so both
 * make the same bytes (ed25519.test.ts holds them to it).
 */

const ED25519 = { name: 'Ed25519' } as const;
const publicKeys = new Map<string, Promise<CryptoKey | null>>();

function publicKey(hex: string): Promise<CryptoKey | null> {
  let key = publicKeys.get(hex);
  if (!key) {
    key = crypto.subtle.importKey('raw', hexToBytes(hex), ED25519, false, ['verify']).catch(() => null);
    publicKeys.set(hex, key);
  }
  return key;
}

/** Checks an Ed25519 signature with WebCrypto, or the domain's own check where WebCrypto has no Ed25519. */
export const verifyEd25519: Verifier = async (signature, message, publicKeyHex) => {
  if (!/^[0-9a-f]{128}$/.test(signature) || !/^[0-9a-f]{64}$/.test(publicKeyHex)) return false;
  const key = await publicKey(publicKeyHex);
  if (key === null) return verifySignature(signature, message, publicKeyHex);
  try {
    return await crypto.subtle.verify(ED25519, key, hexToBytes(signature), message as Uint8Array<ArrayBuffer>);
  } catch {
    return verifySignature(signature, message, publicKeyHex);
  }
};

/** Signs this phone's events with its key: WebCrypto where it has Ed25519, else the domain's `signEvent`. */
export async function eventSigner(key: DeviceKey): Promise<(event: MusterEvent) => Promise<string>> {
  let secret: CryptoKey | null;
  try {
    const jwk = { kty: 'OKP', crv: 'Ed25519', d: base64urlnopad.encode(hexToBytes(key.secretKey)), x: base64urlnopad.encode(hexToBytes(key.publicKey)) };
    secret = await crypto.subtle.importKey('jwk', jwk, ED25519, false, ['sign']);
  } catch {
    secret = null;
  }
  if (secret === null) return (event) => Promise.resolve(signEvent(event, key.secretKey));
  const held = secret;
  return async (event) => bytesToHex(new Uint8Array(await crypto.subtle.sign(ED25519, held, eventSignatureMessage(event) as Uint8Array<ArrayBuffer>)));
}
