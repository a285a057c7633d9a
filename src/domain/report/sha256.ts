import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 for the report's hash chain. It has to be synchronous, so the chain comes out the
 * same on a phone with no network, in Node and in the verify script: Web Crypto only answers
 * asynchronously and is missing from some contexts a report is printed in. @noble/hashes is
 * audited and synchronous, so the hashing itself is not ours to get wrong.
 */

// One encoder for every hash: a report of 10,000 events hashes 10,000 times, and noble's
// utf8ToBytes makes a new encoder and copies the bytes each time.
const encoder = new TextEncoder();

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}
