import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from '../canonical-json';
import { validateEvent, type MusterEvent } from '../event';
import { findDuplicateKeys } from '../json-duplicates';
import { isRecord } from '../validation';
import { PHOTO_TYPES, type PhotoType } from '../events/photo';
import { photoRefsOf } from '../photo-refs';
import { base64 } from '@scure/base';
import { utf8 } from '../report/sha256';
import { render, type Language } from '../text';
import { messages } from './bundle.messages';
import { certificateShapeProblem, checkDeviceCertificate, checkEventSignature, eventSignatureMessage, verifySignature, type DeviceCertificate } from './keys';

/*
 * A handover bundle (README.md): what one phone hands another with no network, by file or by
 * QR frames. One line of header, then the body as canonical JSON:
 *
 *   MUSTER-BUNDLE/1 <body bytes> <body SHA-256> <seal>\n<body>
 *
 * The header comes first so a file cut short is "truncated" and a changed byte "damaged" before
 * anything is parsed. The seal is the sending device's signature of the body's hash: it says
 * who handed the bundle over. Each event keeps its own device's signature, so the events can be
 * believed whoever carries them, and the server can take them from a phone that did not record
 * them.
 */

export const BUNDLE_FORMAT = 'muster.handover';
export const BUNDLE_VERSION = 1;
const HEADER = /^MUSTER-BUNDLE\/(\d+) (\d{1,10}) ([0-9a-f]{64}) ([0-9a-f]{128})$/;

/**
 * An event as a bundle carries it: with its device's signature (keys.ts `signEvent`), or,
 * for an event the sending phone pulled from the server and holds no signature of, with the
 * server's receipt instead. Such an event is believed on the sender's seal alone; it is never
 * queued for the server again (the server holds it), and a receipt made up by the sender gets
 * it nowhere beyond the receiving phone.
 */
export interface SignedEvent {
  readonly event: MusterEvent;
  /** Its device's signature, hex. */
  readonly signature?: string;
  /** The server's receipt, for an event it holds and the sender has no signature of. */
  readonly receipt?: { readonly receivedAt: string; readonly deliveredBy: string | null };
}

/** A photo a note names, carried whole by the file (never by the QR path). */
export interface BundlePhoto {
  /** SHA-256 of the bytes, hex: the name the note gives it. */
  readonly hash: string;
  readonly streamId: string;
  readonly type: PhotoType;
  readonly width: number;
  readonly height: number;
  /** The image's bytes, base64. */
  readonly data: string;
}

export interface BundleBody {
  readonly format: typeof BUNDLE_FORMAT;
  readonly formatVersion: typeof BUNDLE_VERSION;
  readonly bundleId: string;
  readonly orgId: string;
  /** When the sending phone made it, ISO 8601 by its clock. */
  readonly createdAt: string;
  /** The phone that made it, and the name it goes by. */
  readonly sender: { readonly deviceId: string; readonly label: string };
  /** The incidents it carries (stream ids). */
  readonly incidents: readonly string[];
  /** The duty-log books it carries the day's entries of (stream ids). */
  readonly dutyLogs: readonly string[];
  readonly events: readonly SignedEvent[];
  /** The certificate of every device that signed an event, and of the sender. */
  readonly certificates: readonly DeviceCertificate[];
  /** The photos the notes name (the file path; the QR path carries none and says so). */
  readonly photos: readonly BundlePhoto[];
}

function sealMessage(bodyHash: string): Uint8Array {
  return utf8(`muster.handover-bundle.v1\n${bodyHash}`);
}

/** The bundle's text, sealed with the sending device's secret key (hex). */
export function writeBundle(body: BundleBody, senderSecretKey: string): string {
  const text = canonicalJson(body);
  const bytes = utf8(text);
  const hash = bytesToHex(sha256(bytes));
  const seal = bytesToHex(ed25519.sign(sealMessage(hash), hexToBytes(senderSecretKey)));
  return `MUSTER-BUNDLE/${BUNDLE_VERSION} ${bytes.length} ${hash} ${seal}\n${text}`;
}

/** What is wrong with a damaged bundle; `at` names the field, the key or the event. */
export type DamageReason = 'extra-bytes' | 'hash' | 'not-json' | 'duplicate-key' | 'field' | 'repeated-event';

/** Why a bundle is refused. Nothing of a refused bundle is stored. */
export type BundleProblem =
  | { readonly problem: 'not-a-bundle' }
  | { readonly problem: 'newer-format'; readonly version: number }
  | { readonly problem: 'truncated'; readonly expected: number; readonly got: number }
  | { readonly problem: 'damaged'; readonly reason: DamageReason; readonly at?: string }
  | { readonly problem: 'other-organisation'; readonly orgId: string }
  | { readonly problem: 'untrusted-device'; readonly deviceId: string }
  | { readonly problem: 'bad-seal' }
  | { readonly problem: 'already-received'; readonly bundleId: string }
  | { readonly problem: 'invalid-event'; readonly eventId: string; readonly field: string; readonly message: string }
  | { readonly problem: 'unsigned-event'; readonly eventId: string; readonly deviceId: string }
  | { readonly problem: 'bad-event-signature'; readonly eventId: string }
  | { readonly problem: 'unexpected-stream'; readonly eventId: string; readonly streamId: string }
  | { readonly problem: 'bad-photo'; readonly hash: string };

/** What the receiving phone knows before it opens a bundle. */
export interface OpenContext {
  /** Its own organisation, and that organisation's public key as the device holds it. */
  readonly org: { readonly orgId: string; readonly publicKey: string };
  /** Whether a bundle of this id was received before (a replay changes nothing). */
  readonly received: (bundleId: string) => boolean;
}

export type Opened = { readonly ok: true; readonly body: BundleBody } | ({ readonly ok: false } & BundleProblem);

const fail = (p: BundleProblem): Opened => ({ ok: false, ...p });
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The body's shape, field by field; the first wrong field, or null. */
function shapeProblem(b: Record<string, unknown>): string | null {
  if (b.format !== BUNDLE_FORMAT) return 'format';
  for (const k of ['bundleId', 'orgId', 'createdAt'] as const) if (typeof b[k] !== 'string' || b[k] === '') return k;
  if (!isRecord(b.sender) || typeof b.sender.deviceId !== 'string' || typeof b.sender.label !== 'string') return 'sender';
  if (!isStringList(b.incidents)) return 'incidents';
  if (!isStringList(b.dutyLogs)) return 'dutyLogs';
  if (!Array.isArray(b.events)) return 'events';
  for (const [i, e] of b.events.entries()) {
    if (!isRecord(e) || !isRecord(e.event)) return `events[${i}]`;
    if (e.signature !== undefined && typeof e.signature !== 'string') return `events[${i}].signature`;
    const r = e.receipt;
    if (r !== undefined && (!isRecord(r) || typeof r.receivedAt !== 'string' || (r.deliveredBy !== null && typeof r.deliveredBy !== 'string')))
      return `events[${i}].receipt`;
  }
  if (!Array.isArray(b.certificates)) return 'certificates';
  for (const [i, c] of b.certificates.entries()) {
    const wrong = certificateShapeProblem(c);
    if (wrong !== null) return wrong === '' ? `certificates[${i}]` : `certificates[${i}].${wrong}`;
  }
  if (!Array.isArray(b.photos)) return 'photos';
  for (const [i, p] of b.photos.entries()) {
    if (!isRecord(p)) return `photos[${i}]`;
    for (const k of ['hash', 'streamId', 'data']) if (typeof p[k] !== 'string') return `photos[${i}].${k}`;
    if (!PHOTO_TYPES.includes(p.type as PhotoType)) return `photos[${i}].type`;
    for (const k of ['width', 'height']) if (!Number.isSafeInteger(p[k]) || (p[k] as number) <= 0) return `photos[${i}].${k}`;
  }
  return null;
}

/**
 * Checks a bundle from end to end before anything of it is stored: whole, unchanged, this
 * organisation's, sealed by a device the organisation certified, not received before, and every
 * event valid, in a stream the bundle names and signed by its own device. Pure; works offline.
 */
export function openBundle(text: string, ctx: OpenContext): Opened {
  return openChecked(text, ctx, null);
}

/** An Ed25519 check the caller supplies (the browser's own, where it has one): hex signature, message, hex public key. */
export type Verifier = (signature: string, message: Uint8Array, publicKey: string) => Promise<boolean>;

/**
 * `openBundle` with the events' signatures checked by `verify`, all at once, instead of one
 * after another here: a phone's own Ed25519 (WebCrypto) checks a 10,000-event file in about a
 * second where this module's takes ten. The same checks, the same answers; the first event in
 * the bundle's order whose signature fails is named.
 */
export async function openBundleWith(text: string, ctx: OpenContext, verify: Verifier): Promise<Opened> {
  const pending: PendingSignature[] = [];
  const opened = openChecked(text, ctx, pending);
  if (!opened.ok) return opened;
  const results = await Promise.all(
    pending.map((p) =>
      p.certificate.deviceId !== p.event.deviceId ? Promise.resolve(false) : verify(p.signature, eventSignatureMessage(p.event), p.certificate.publicKey),
    ),
  );
  const bad = pending.find((_, i) => !results[i]);
  return bad ? fail({ problem: 'bad-event-signature', eventId: bad.event.id }) : opened;
}

interface PendingSignature {
  readonly event: MusterEvent;
  readonly signature: string;
  readonly certificate: DeviceCertificate;
}

/** The checks of `openBundle`; the events' signatures are checked here, or left in `pending` for the caller. */
function openChecked(text: string, ctx: OpenContext, pending: PendingSignature[] | null): Opened {
  const newline = text.indexOf('\n');
  const m = HEADER.exec(newline < 0 ? text : text.slice(0, newline));
  if (!m) return fail({ problem: 'not-a-bundle' });
  const [, version = '', length = '', hash = '', seal = ''] = m;
  if (Number(version) !== BUNDLE_VERSION)
    return Number(version) > BUNDLE_VERSION ? fail({ problem: 'newer-format', version: Number(version) }) : fail({ problem: 'not-a-bundle' });
  // The header alone: the file was cut right after it.
  if (newline < 0) return fail({ problem: 'truncated', expected: Number(length), got: 0 });
  const bytes = utf8(text.slice(newline + 1));
  if (bytes.length < Number(length)) return fail({ problem: 'truncated', expected: Number(length), got: bytes.length });
  if (bytes.length > Number(length)) return fail({ problem: 'damaged', reason: 'extra-bytes', at: String(bytes.length - Number(length)) });
  if (bytesToHex(sha256(bytes)) !== hash) return fail({ problem: 'damaged', reason: 'hash' });

  let parsed: unknown;
  const body = text.slice(newline + 1);
  try {
    parsed = JSON.parse(body);
  } catch {
    return fail({ problem: 'damaged', reason: 'not-json' });
  }
  if (!isRecord(parsed)) return fail({ problem: 'damaged', reason: 'not-json' });
  const [duplicate] = findDuplicateKeys(body, 1);
  if (duplicate) return fail({ problem: 'damaged', reason: 'duplicate-key', at: duplicate.path.join('.') });
  if (parsed.formatVersion !== BUNDLE_VERSION) return fail({ problem: 'damaged', reason: 'field', at: 'formatVersion' });
  const wrong = shapeProblem(parsed);
  if (wrong) return fail({ problem: 'damaged', reason: 'field', at: wrong });
  const b = parsed as unknown as BundleBody;

  if (b.orgId !== ctx.org.orgId) return fail({ problem: 'other-organisation', orgId: b.orgId });
  const certificates = new Map<string, DeviceCertificate>();
  for (const c of b.certificates) {
    const check = checkDeviceCertificate(c, ctx.org);
    if (check === 'other-organisation') return fail({ problem: 'other-organisation', orgId: c.orgId });
    if (check !== 'valid') return fail({ problem: 'untrusted-device', deviceId: c.deviceId });
    certificates.set(c.deviceId, c);
  }
  const sender = certificates.get(b.sender.deviceId);
  if (!sender) return fail({ problem: 'untrusted-device', deviceId: b.sender.deviceId });
  if (!verifySignature(seal, sealMessage(hash), sender.publicKey)) return fail({ problem: 'bad-seal' });
  if (ctx.received(b.bundleId)) return fail({ problem: 'already-received', bundleId: b.bundleId });

  const streams = new Set([...b.incidents, ...b.dutyLogs]);
  const seen = new Set<string>();
  const events: SignedEvent[] = [];
  for (const { event: raw, signature, receipt } of b.events) {
    const id = typeof raw.id === 'string' ? raw.id : '?';
    const valid = validateEvent(raw);
    if (!valid.ok) {
      const [issue] = valid.issues;
      return fail({ problem: 'invalid-event', eventId: id, field: issue?.path ?? '', message: issue?.message ?? '' });
    }
    const e = valid.value;
    if (seen.has(e.id)) return fail({ problem: 'damaged', reason: 'repeated-event', at: e.id });
    seen.add(e.id);
    if (!streams.has(e.streamId)) return fail({ problem: 'unexpected-stream', eventId: e.id, streamId: e.streamId });
    if (signature === undefined) {
      // Pulled from the server by the sender, who holds no signature of it: on the seal alone.
      if (receipt === undefined) return fail({ problem: 'unsigned-event', eventId: e.id, deviceId: e.deviceId });
      events.push({ event: e, receipt: { receivedAt: receipt.receivedAt, deliveredBy: receipt.deliveredBy } });
      continue;
    }
    const certificate = certificates.get(e.deviceId);
    if (!certificate) return fail({ problem: 'unsigned-event', eventId: e.id, deviceId: e.deviceId });
    if (pending !== null) pending.push({ event: e, signature, certificate });
    else if (checkEventSignature(e, signature, certificate) !== 'valid') return fail({ problem: 'bad-event-signature', eventId: e.id });
    events.push(
      receipt === undefined ? { event: e, signature } : { event: e, signature, receipt: { receivedAt: receipt.receivedAt, deliveredBy: receipt.deliveredBy } },
    );
  }
  // Each photo is the image its name says, and one a note of the bundle names.
  const named = new Set(events.flatMap(({ event }) => photoRefsOf(event).map((r) => r.hash)));
  for (const p of b.photos) {
    let bytes: Uint8Array;
    try {
      bytes = base64.decode(p.data);
    } catch {
      return fail({ problem: 'bad-photo', hash: p.hash });
    }
    if (!named.has(p.hash) || bytesToHex(sha256(bytes)) !== p.hash || !streams.has(p.streamId)) return fail({ problem: 'bad-photo', hash: p.hash });
  }
  return { ok: true, body: { ...b, events } };
}

/** A refused bundle's message in the person's language, naming the file as they chose it. */
export function bundleProblemText(p: BundleProblem, file: string, language: Language): string {
  const detail = p.problem === 'damaged' ? render(messages[`handover.damaged.${p.reason}`][language], { at: p.at ?? '' }) : '';
  return render(messages[`handover.problem.${p.problem}`][language], { ...p, file, detail });
}
