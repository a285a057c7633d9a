import { base64urlnopad } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/*
 * Frames of a handover by QR code (issue 21): the bytes of a bundle cut into numbered frames,
 * each one QR code's text, shown one after another and round again. The receiving phone keeps
 * every frame it reads, in any order, and asks for nothing: a frame its camera missed comes
 * round on the next pass, so a dropped frame never means starting over.
 *
 * A frame is text, not raw bytes: BarcodeDetector hands back a string, which would mangle bytes
 * that are not UTF-8. Base64url (from @scure/base: audited, no dependencies, the same family as
 * @noble/hashes) keeps to characters every QR reader returns unchanged.
 *
 *   MUSTER-F1.<transfer>.<index>.<count>.<length>.<digest>.<check>.<data>
 *
 * `transfer` names one showing (so two phones showing at once are not mixed), `index` counts
 * from 0 to `count` - 1, `length` is the whole payload's size in bytes, `digest` the first 16
 * hex digits of its SHA-256 (the frames put back together must give it), `check` the first 8
 * hex digits of the SHA-256 of everything before it and the data (a frame misread by the camera
 * is dropped, and read again next pass). The digest guards the reassembly only: whether the
 * bundle is genuine is for the bundle's own signature to say.
 */

export const FRAME_PREFIX = 'MUSTER-F1';

/**
 * Payload bytes per frame: 400 bytes are 534 base64 characters, a QR code of version 17 to 19
 * at error correction level M that a phone's camera reads off another phone's screen.
 */
export const DEFAULT_FRAME_BYTES = 400;

/** The most frames one showing may have: 4,096 frames of 400 bytes are 1.6 MB, far more than a QR handover carries. */
export const MAX_FRAMES = 4096;

const TRANSFER = /^[a-z0-9]{4,16}$/;
const FRAME = /^MUSTER-F1\.([a-z0-9]{4,16})\.(\d{1,4})\.(\d{1,4})\.(\d{1,9})\.([0-9a-f]{16})\.([0-9a-f]{8})\.([A-Za-z0-9_-]*)$/;

export interface Frame {
  readonly transfer: string;
  readonly index: number;
  readonly count: number;
  /** The whole payload's length in bytes. */
  readonly length: number;
  /** The first 16 hex digits of the whole payload's SHA-256. */
  readonly digest: string;
  readonly data: Uint8Array;
}

const hex = (bytes: Uint8Array, digits: number) => bytesToHex(sha256(bytes)).slice(0, digits);
const encoder = new TextEncoder();

function frameCheck(head: string, data: string): string {
  return hex(encoder.encode(`${head}.${data}`), 8);
}

/**
 * The frames of `payload`, in order, for the showing named `transfer` (4 to 16 lower-case
 * letters or digits, from the caller's randomness). An empty payload is one empty frame.
 */
export function splitIntoFrames(payload: Uint8Array, transfer: string, frameBytes = DEFAULT_FRAME_BYTES): string[] {
  if (!TRANSFER.test(transfer)) throw new RangeError(`transfer must be 4 to 16 lower-case letters or digits, not ${JSON.stringify(transfer)}`);
  if (!Number.isInteger(frameBytes) || frameBytes < 1) throw new RangeError(`frameBytes must be a positive whole number, not ${frameBytes}`);
  const count = Math.max(1, Math.ceil(payload.length / frameBytes));
  if (count > MAX_FRAMES) throw new RangeError(`${payload.length} bytes need ${count} frames, more than ${MAX_FRAMES}`);
  const digest = hex(payload, 16);
  const frames: string[] = [];
  for (let index = 0; index < count; index++) {
    const head = `${FRAME_PREFIX}.${transfer}.${index}.${count}.${payload.length}.${digest}`;
    const data = base64urlnopad.encode(payload.subarray(index * frameBytes, (index + 1) * frameBytes));
    frames.push(`${head}.${frameCheck(head, data)}.${data}`);
  }
  return frames;
}

/** Why a text read by the camera is not a usable frame. */
export type FrameProblem =
  /** Not a Muster frame at all (another QR code in view, an enrolment link…). */
  | 'not-a-frame'
  /** A Muster frame whose check does not match: misread, or altered. */
  | 'damaged';

/** Reads one frame from a QR code's text. */
export function parseFrame(text: string): { ok: true; frame: Frame } | { ok: false; problem: FrameProblem } {
  if (!text.startsWith(`${FRAME_PREFIX}.`)) return { ok: false, problem: 'not-a-frame' };
  const m = FRAME.exec(text);
  if (!m) return { ok: false, problem: 'damaged' };
  const [, transfer = '', index = '', count = '', length = '', digest = '', check = '', data = ''] = m;
  const head = `${FRAME_PREFIX}.${transfer}.${index}.${count}.${length}.${digest}`;
  if (frameCheck(head, data) !== check) return { ok: false, problem: 'damaged' };
  const frame = { transfer, index: Number(index), count: Number(count), length: Number(length), digest };
  if (frame.count < 1 || frame.count > MAX_FRAMES || frame.index >= frame.count) return { ok: false, problem: 'damaged' };
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(data);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  return { ok: true, frame: { ...frame, data: bytes } };
}

/** What a frame read did. */
export type Collected =
  /** A frame not seen before: `have` of `count` now. */
  | { readonly kind: 'added'; readonly have: number; readonly count: number }
  /** Every frame is in and they give the payload its digest names. */
  | { readonly kind: 'complete'; readonly payload: Uint8Array; readonly count: number }
  /** Nothing changed: a frame already held, or one not usable (the reason says which). */
  | { readonly kind: 'ignored'; readonly reason: FrameProblem | 'repeat' | 'other-transfer' | 'inconsistent' }
  /**
   * Every frame was in but together they do not give the digest (frames of two showings that
   * reused a name): everything is dropped, and collecting starts again from the next frame.
   */
  | { readonly kind: 'restarted' };

/**
 * The receiving side: gives it every text the camera reads, in any order, as often as it reads
 * it. It follows the first showing it reads a frame of, until that one is complete.
 */
export class FrameCollector {
  private current: { transfer: string; count: number; length: number; digest: string; parts: (Uint8Array | undefined)[]; have: number } | null = null;
  /** The showing completed last: its frames keep coming round, and are repeats. */
  private finished: string | null = null;

  /** Frames held of the showing being read, or null before its first frame. */
  progress(): { have: number; count: number; transfer: string } | null {
    return this.current && { have: this.current.have, count: this.current.count, transfer: this.current.transfer };
  }

  /** The numbers of the frames still missing, smallest first. */
  missing(): number[] {
    const c = this.current;
    if (!c) return [];
    const out: number[] = [];
    c.parts.forEach((p, i) => {
      if (p === undefined) out.push(i);
    });
    return out;
  }

  add(text: string): Collected {
    const read = parseFrame(text);
    if (!read.ok) return { kind: 'ignored', reason: read.problem };
    const f = read.frame;
    let c = this.current;
    if (c === null && f.transfer === this.finished) return { kind: 'ignored', reason: 'repeat' };
    if (c === null) {
      c = {
        transfer: f.transfer,
        count: f.count,
        length: f.length,
        digest: f.digest,
        parts: new Array<Uint8Array | undefined>(f.count).fill(undefined),
        have: 0,
      };
      this.current = c;
    } else if (f.transfer !== c.transfer) {
      return { kind: 'ignored', reason: 'other-transfer' };
    } else if (f.count !== c.count || f.length !== c.length || f.digest !== c.digest) {
      return { kind: 'ignored', reason: 'inconsistent' };
    }
    if (c.parts[f.index] !== undefined) return { kind: 'ignored', reason: 'repeat' };
    c.parts[f.index] = f.data;
    c.have += 1;
    if (c.have < c.count) return { kind: 'added', have: c.have, count: c.count };
    const payload = new Uint8Array(c.length);
    let at = 0;
    let fits = true;
    for (const part of c.parts) {
      if (part === undefined || at + part.length > c.length) {
        fits = false;
        break;
      }
      payload.set(part, at);
      at += part.length;
    }
    this.current = null;
    if (!fits || at !== c.length || hex(payload, 16) !== c.digest) return { kind: 'restarted' };
    this.finished = c.transfer;
    return { kind: 'complete', payload, count: c.count };
  }
}
