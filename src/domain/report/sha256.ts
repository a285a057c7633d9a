import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 for the report's hash chain. It has to be synchronous, so the chain comes out the
 * same on a phone with no network, in Node and in the verify script: Web Crypto only answers
 * asynchronously and is missing from some contexts a report is printed in. @noble/hashes is
 * audited and synchronous, so the hashing itself is not ours to get wrong.
 */

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8(text: string): Uint8Array {
  return utf8ToBytes(text);
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
