import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../canonical-json';
import { sha256Hex, utf8 } from './sha256';

/*
 * Report format v2: a sealed header. The v1 chain covered the events only, so the incident id,
 * the time zone, the export time and the playbook could be edited, and the tail cut off, with
 * the file still "intact". v2 hashes a canonical header that names all of them, the number of
 * events and the chain's final hash; an online export also has that hash countersigned by the
 * organisation's Ed25519 key on the server.
 *
 * Ed25519 comes from @noble/curves: the same audited family as @noble/hashes already used for
 * the chain, synchronous and free of Node and Web Crypto, so one pure check runs in the
 * browser viewer, in Node and in the verify script alike, and the server signs with the same
 * code and the same raw 32-byte keys (Node's crypto would need the keys wrapped in DER or JWK).
 */

export const REPORT_FILE_FORMAT = 'muster.incident-report';
/** The version written now. Version 1 files (no sealed header) still verify, as v1. */
export const REPORT_FILE_VERSION = 2;

/** What the v2 hash covers, besides the chain: everything a reader takes from the file's head. */
export interface ReportHeader {
  readonly format: typeof REPORT_FILE_FORMAT;
  readonly formatVersion: typeof REPORT_FILE_VERSION;
  readonly incidentId: string;
  /** The playbook copy the report is worded from, and `playbookContentHash` of it. */
  readonly playbook: { readonly id: string; readonly version: string; readonly language: string; readonly hash: string };
  readonly timeZoneOffsetMinutes: number;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  /** How many events the chain holds: cutting the tail, or every event, changes it. */
  readonly eventCount: number;
  /** The chain's final hash. */
  readonly finalHash: string;
}

/** SHA-256 of the header's canonical JSON: the report hash, printed on the report and countersigned. */
export function headerHash(header: ReportHeader): string {
  return sha256Hex(canonicalJson(header));
}

/** The server's countersignature of a report hash, as the file stores it (hex throughout). */
export interface Countersignature {
  readonly algorithm: 'Ed25519';
  readonly signature: string;
  readonly publicKey: string;
  readonly keyId: string;
  /** When the server signed, ISO 8601 by the server's clock; signed too. */
  readonly signedAt: string;
}

/** Why an export carries no countersignature: the device was offline (or the server did not answer), or it is not enrolled. */
export type NotCountersigned = 'offline' | 'not-enrolled';

/** What an export says about its countersignature; undefined (a preview) says nothing. */
export type CountersignState = Countersignature | NotCountersigned;

export const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The bytes the organisation's key signs. The purpose is written in, so a signature made for a
 * report can never pass for one over anything else the key might sign later.
 */
export function countersignMessage(reportHash: string, signedAt: string, keyId: string): Uint8Array {
  return utf8(`muster.report-countersignature.v1\n${reportHash}\n${signedAt}\n${keyId}`);
}

/** A public key's id: the first 16 hex digits of SHA-256 of its hex text. Names the key in admin output and on the report. */
export function keyIdOf(publicKeyHex: string): string {
  return sha256Hex(publicKeyHex.toLowerCase()).slice(0, 16);
}

/** The public key (hex) of a 32-byte secret key (hex). */
export function publicKeyOf(secretKeyHex: string): string {
  return bytesToHex(ed25519.getPublicKey(hexToBytes(secretKeyHex)));
}

/** Signs a report hash (the server's side). Pure: the time comes in. */
export function countersign(reportHash: string, key: { secretKey: string; publicKey: string }, signedAt: string): Countersignature {
  const keyId = keyIdOf(key.publicKey);
  const signature = bytesToHex(ed25519.sign(countersignMessage(reportHash, signedAt, keyId), hexToBytes(key.secretKey)));
  return { algorithm: 'Ed25519', signature, publicKey: key.publicKey, keyId, signedAt };
}

export type CountersignCheck = 'valid' | 'other-key' | 'bad-signature';

/**
 * Checks a countersignature against the report hash and the organisation's public key, as the
 * administrator printed it. The key stored in the file is never trusted on its own: anyone can
 * sign with a key of their own and write it in. Pure; works offline.
 */
export function checkCountersignature(c: Countersignature, reportHash: string, orgPublicKey: string): CountersignCheck {
  const expected = orgPublicKey.trim().toLowerCase();
  if (c.publicKey.toLowerCase() !== expected || c.keyId !== keyIdOf(expected)) return 'other-key';
  try {
    return ed25519.verify(hexToBytes(c.signature), countersignMessage(reportHash, c.signedAt, c.keyId), hexToBytes(expected)) ? 'valid' : 'bad-signature';
  } catch {
    // Not hex, or not a point on the curve: no signature at all.
    return 'bad-signature';
  }
}

export function isCountersignature(v: unknown): v is Countersignature {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    c.algorithm === 'Ed25519' &&
    typeof c.signature === 'string' &&
    /^[0-9a-f]{128}$/i.test(c.signature) &&
    typeof c.publicKey === 'string' &&
    /^[0-9a-f]{64}$/i.test(c.publicKey) &&
    typeof c.keyId === 'string' &&
    typeof c.signedAt === 'string'
  );
}

/**
 * The header of a report input's export: the same for the printed report and the JSON file of
 * one export (same input, same time), so the report hash on paper is the file's. Pure.
 */
export function reportHeader(
  input: { readonly incidentId: string; readonly timeZoneOffsetMinutes: number; readonly generatedAt: number },
  playbook: { readonly id: string; readonly version: string; readonly language: string; readonly hash: string },
  chain: { readonly eventCount: number; readonly finalHash: string },
): ReportHeader {
  return {
    format: REPORT_FILE_FORMAT,
    formatVersion: REPORT_FILE_VERSION,
    incidentId: input.incidentId,
    playbook: { id: playbook.id, version: playbook.version, language: playbook.language, hash: playbook.hash },
    timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
    exportedAt: new Date(input.generatedAt).toISOString(),
    eventCount: chain.eventCount,
    finalHash: chain.finalHash,
  };
}

/** Where a device asks for a countersignature: POST {headerHash} → the answer below. */
export const COUNTERSIGN_PATH = '/api/v1/countersign';

/** The server's answer: the countersignature's fields (the algorithm is always Ed25519). */
export type CountersignResponse = Omit<Countersignature, 'algorithm'>;
