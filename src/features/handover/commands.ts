import { format, startOfDay } from 'date-fns';
import { bundleProblemText, openBundleWith, writeBundle } from '../../domain/handover/bundle';
import { eventSigner, verifyEd25519 } from './ed25519';
import { DEFAULT_FRAME_BYTES, MAX_FRAMES, splitIntoFrames } from '../../domain/handover/frames';
import { uuidv7 } from '../../domain/ids';
import { wallTime } from '../../domain/merge-order';
import type { Language } from '../../domain/text';
import { appDb } from '../../storage';
import { browserEnv, deviceId } from '../../storage/events';
import { deviceLabel, heldDeviceKey, ownCertificate, receivedBundleIds, type HandoverVia, type ReceivedBundle } from '../../storage/handover';
import { collectBundle, NotCertifiedError } from '../../storage/handover-bundle';
import { incidentDeclaration } from '../../storage/incident-list';
import { takeInBundle, type TakenBundle } from '../../sync/handover';
import { canShareFiles, downloadFile, shareFile } from '../../ui/deliver-file';

/*
 * The handover's commands (issue 21): what the share and receive screens call. The checks are
 * the domain's (domain/handover), the merge the sync engine's (sync/handover.ts); here are the
 * browser's parts: compression, the file, the share sheet.
 */

/** How long each QR code stays on screen: a phone's camera and decoder read it several times over. */
export const FRAME_MS = 200;

/** A bundle made on this phone, ready to show as codes or to save as a file. */
export interface PreparedHandover {
  readonly bundleId: string;
  /** The incident's title, as declared (empty when this phone holds no declaration of it). */
  readonly title: string;
  readonly text: string;
  readonly events: number;
  readonly photos: number;
  /** Events of other phones this phone cannot vouch for, left out. */
  readonly left: number;
}

/** This phone cannot hand over yet: it holds no certificate from its organisation. */
export interface NotCertified {
  readonly notCertified: true;
  readonly title: string;
}

/** Makes the bundle of an incident (and the day's duty log): with photos for the file, without for the codes. */
export async function prepareHandover(incidentId: string, withPhotos: boolean, now = Date.now()): Promise<PreparedHandover | NotCertified> {
  const db = appDb();
  const [device, key, label, declared] = await Promise.all([deviceId(db), heldDeviceKey(db), deviceLabel(db), incidentDeclaration(db, incidentId)]);
  const title = declared?.payload.title ?? '';
  if (key === null) return { notCertified: true, title };
  // The day's duty log: from the start of today, or of the day the incident began if that was earlier.
  const began = declared ? Math.min(now, wallTime(declared.hlc)) : now;
  const bundleId = `hb-${uuidv7(now, browserEnv.random(new Uint8Array(10)))}`;
  try {
    const { body, left } = await collectBundle(
      db,
      { bundleId, incidentId, dutySince: startOfDay(began).getTime(), withPhotos, label: label ?? device, now },
      { deviceId: device, key, sign: await eventSigner(key) },
    );
    return {
      bundleId,
      title,
      text: writeBundle(body, key.secretKey),
      events: body.events.length,
      photos: body.photos.length,
      left,
    };
  } catch (error) {
    if (error instanceof NotCertifiedError) return { notCertified: true, title };
    throw error;
  }
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The bundle as QR frame texts: its bytes deflated (CompressionStream, raw deflate), cut into numbered frames. */
export async function handoverFrames(prepared: PreparedHandover): Promise<string[] | { readonly tooMany: number }> {
  const packed = await through(new TextEncoder().encode(prepared.text), new CompressionStream('deflate-raw'));
  // An incident this big would take many minutes of codes: the file is the way (said on screen).
  const count = Math.ceil(packed.length / DEFAULT_FRAME_BYTES);
  if (count > MAX_FRAMES) return { tooMany: count };
  // The transfer's name: the random tail of the bundle id, so two showings never share one.
  const transfer = prepared.bundleId.replace(/[^0-9a-f]/g, '').slice(-12);
  return splitIntoFrames(packed, transfer);
}

/** A scanned payload back to the bundle's text; null when it does not unpack. */
export async function unpackScanned(payload: Uint8Array): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await through(payload, new DecompressionStream('deflate-raw')));
  } catch {
    return null;
  }
}

/** The file's name: what it is and when, in letters any phone and messenger keeps. */
export function handoverFileName(now: number): string {
  return `muster-handover-${format(now, 'yyyyMMdd-HHmm')}.muster`;
}

/**
 * Hands the file to the phone's share sheet (Bluetooth, AirDrop, a messenger) where the browser
 * has one that takes files, else saves it as a download (then sent on as any file).
 */
export async function exportHandoverFile(prepared: PreparedHandover, fileName: string): Promise<'shared' | 'saved'> {
  const file = { name: fileName, type: 'application/octet-stream', text: prepared.text };
  // The report's ways out: the share sheet where it takes files (closing it is the person's choice), else a download.
  if (canShareFiles()) {
    await shareFile(file, fileName);
    return 'shared';
  }
  downloadFile(file);
  return 'saved';
}

export type ReceiveOutcome =
  | { readonly ok: true; readonly bundle: ReceivedBundle; readonly taken: TakenBundle }
  | { readonly ok: false; readonly message: string }
  | { readonly ok: false; readonly notCertified: true };

/**
 * Checks a bundle's text from end to end (domain/handover/bundle.ts) and, only if every check
 * passes, takes it in (sync/handover.ts). A refusal says why, with the file's name, in the
 * person's language, and nothing is stored.
 */
export async function receiveHandover(text: string, via: HandoverVia, fileName: string, language: Language, now = Date.now()): Promise<ReceiveOutcome> {
  const db = appDb();
  const [own, received, device] = await Promise.all([ownCertificate(db), receivedBundleIds(db), deviceId(db)]);
  if (own === null) return { ok: false, notCertified: true };
  const opened = await openBundleWith(
    text,
    { org: { orgId: own.certificate.orgId, publicKey: own.orgPublicKey }, received: (id) => received.has(id) },
    verifyEd25519,
  );
  if (!opened.ok) return { ok: false, message: bundleProblemText(opened, fileName, language) };
  const taken = await takeInBundle(db, opened.body, via, device, now);
  const bundle = await db.receivedBundles.get(opened.body.bundleId);
  if (!bundle) throw new Error('the bundle taken in is not recorded');
  return { ok: true, bundle, taken };
}
