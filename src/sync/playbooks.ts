import {
  DEFAULT_DEVICE_ROLE,
  DEVICE_ROLES,
  type DeviceRole,
  type PublishedPlaybook,
  type PublishedPlaybookInfo,
  type PublishRefusal,
  type PublishRequest,
} from '../domain/playbook-publish';
import { playbookContentHash } from '../domain/playbook/content-hash';
import { compareSemver } from '../domain/semver';
import { isRecord } from '../domain/validation';
import { appDb } from '../storage';
import type { MusterDb } from '../storage/db';
import { browserEnv } from '../storage/events';
import { listHeldPlaybooks, storePublishedPlaybook, type HeldPlaybook } from '../storage/playbooks';
import { readSyncToken, recordDeviceRole } from '../storage/sync-state';
import { httpTransport, isPublishedInfo, SyncError, type SyncTransport } from './transport';

/**
 * The organisation's published playbooks on this device: received on every sync round, and
 * sent by `publishPlaybook`. No request runs inside a Dexie transaction: what is held is read
 * first, the server is asked outside any transaction, and each checked version is stored in
 * its own (`storePublishedPlaybook`, which never goes back to a lower revision).
 */

/** How the playbook step of one round went; it never fails the round (events come first). */
export interface PlaybookSyncReport {
  /** New versions stored on this device. */
  received: number;
  /** Versions whose body did not match what the list said (hash, id, language): skipped. */
  refused: number;
  /** Why the step stopped early (no answer, the server failing); tried again next round. */
  problem: string | null;
}

/**
 * Whether a listed version is worth fetching: a later revision than the one held, or a first
 * published copy unless a file imported here is newer (the library would run that one, so
 * its body would only be fetched again every round).
 */
export function wantsPublished(entry: PublishedPlaybookInfo, held: HeldPlaybook | undefined): boolean {
  if (held === undefined) return true;
  if (held.revision !== null) return entry.revision > held.revision;
  return held.source !== 'imported' || compareSemver(entry.version, held.version) >= 0;
}

/**
 * Why a received version must not be kept, or null when it may: it must be the version the
 * list named (id, language, revision, hash), its body an object with that id, language and
 * version, and the body's content hash the one the server stored. A light check: the server
 * validated the playbook when it was published; this catches a damaged or mixed-up answer.
 */
export function publishedBodyProblem(entry: PublishedPlaybookInfo, received: PublishedPlaybook): string | null {
  const name = `${entry.id} (${entry.language}) revision ${entry.revision}`;
  if (received.id !== entry.id || received.language !== entry.language || received.revision !== entry.revision) {
    return `${name}: the server sent ${received.id} (${received.language}) revision ${received.revision}`;
  }
  const body = received.playbook;
  if (!isRecord(body)) return `${name}: the body is not a playbook object`;
  if (body.id !== entry.id || body.language !== entry.language) return `${name}: the body is for ${String(body.id)} (${String(body.language)})`;
  if (body.version !== received.version) return `${name}: the body says version ${String(body.version)}, the server ${received.version}`;
  if (received.hash !== entry.hash) return `${name}: the server listed hash ${entry.hash} but sent ${received.hash}`;
  const hash = playbookContentHash(body);
  if (hash !== entry.hash) return `${name}: the body's content hash is ${hash}, not ${entry.hash}`;
  return null;
}

/** Errors after which asking for the next body would fail the same way: the step stops. */
const STOPS_THE_STEP = new Set(['offline', 'unauthorized', 'rateLimited', 'server']);

/**
 * The playbook step of a sync round, after the pull: asks for the organisation's list and
 * fetches each version newer than the one held. Never throws: a failure is reported and the
 * next round asks again, so a playbook problem never holds back the events. A transport
 * without the playbook routes (a test double) is skipped.
 */
export async function receivePublishedPlaybooks(db: MusterDb, transport: SyncTransport, now: () => number): Promise<PlaybookSyncReport> {
  const report: PlaybookSyncReport = { received: 0, refused: 0, problem: null };
  if (!transport.publishedPlaybooks || !transport.publishedPlaybook) return report;
  try {
    const held = new Map((await listHeldPlaybooks(db)).map((h) => [key(h.id, h.language), h]));
    const { playbooks } = await transport.publishedPlaybooks();
    for (const entry of playbooks) {
      if (!wantsPublished(entry, held.get(key(entry.id, entry.language)))) continue;
      try {
        const outcome = await fetchAndStore(db, transport, entry, now);
        if (outcome === 'stored') report.received++;
        else if (outcome === 'refused') report.refused++;
      } catch (error) {
        if (error instanceof SyncError && !STOPS_THE_STEP.has(error.kind)) {
          // One version the server cannot give (gone, an answer that is not one): the others may come.
          report.refused++;
          continue;
        }
        throw error;
      }
    }
  } catch (error) {
    report.problem = error instanceof Error ? error.message : String(error);
  }
  return report;
}

/** Fetches one listed version, checks it and stores it; `refused` when the check fails (nothing is stored). */
async function fetchAndStore(db: MusterDb, transport: SyncTransport, entry: PublishedPlaybookInfo, now: () => number): Promise<'stored' | 'refused' | 'kept'> {
  if (!transport.publishedPlaybook) return 'kept';
  const received = await transport.publishedPlaybook(entry.id, entry.language, entry.revision);
  return keepPublished(db, entry, received, now());
}

async function keepPublished(db: MusterDb, entry: PublishedPlaybookInfo, received: PublishedPlaybook, now: number): Promise<'stored' | 'refused' | 'kept'> {
  if (publishedBodyProblem(entry, received) !== null) return 'refused';
  return (await storePublishedPlaybook(db, received, now)) === 'stored' ? 'stored' : 'kept';
}

const key = (id: string, language: string): string => `${id}\u0000${language}`;

/** The role a whoami answer gives the token; a server from before roles gives none, which means member. */
export function roleFromWhoami(answer: unknown): DeviceRole {
  const role = isRecord(answer) && isRecord(answer.device) ? answer.device.role : undefined;
  return typeof role === 'string' && (DEVICE_ROLES as readonly string[]).includes(role) ? (role as DeviceRole) : DEFAULT_DEVICE_ROLE;
}

/** What came of a publish, for the editor to say. */
export type PublishOutcome =
  | { readonly ok: true; readonly published: PublishedPlaybookInfo }
  /** The server refused the playbook itself: not an editor's device, invalid, or stale. */
  | { readonly ok: false; readonly refusal: PublishRefusal }
  /** Nothing was published: no token, no answer, or the server failed (its words in `message`). */
  | { readonly ok: false; readonly problem: 'not-enrolled' | 'offline' | 'server'; readonly message: string };

export interface PublishDeps {
  db: MusterDb;
  /** The transport for the device token (the HTTP one to the app's own server by default). */
  transportFor: (token: string) => SyncTransport;
  now: () => number;
}

/** The app's transport: the server the app was loaded from, as the sync engine's (features/sync/app-sync.ts). */
const appTransportFor = (token: string): SyncTransport => httpTransport({ baseUrl: globalThis.location.origin, token });

/**
 * Publishes a playbook to this device's organisation with the device token, and says what
 * came of it. On success the new version is fetched and stored here at once, so the
 * publishing phone runs it too (if that fetch fails, the next sync round brings it). A `stale`
 * refusal's current version is kept as well: it is what the organisation runs. The answer
 * also tells this device its role (an editor's, or a member's on `not-editor`). Offline:
 * nothing is queued; the outcome says `offline` and the draft stays where it is.
 */
export async function publishPlaybook(request: PublishRequest, deps: Partial<PublishDeps> = {}): Promise<PublishOutcome> {
  // The app's database, server and clock unless a test passes its own.
  const { db = appDb(), transportFor = appTransportFor, now = browserEnv.now } = deps;
  const token = await readSyncToken(db);
  if (token === null) return { ok: false, problem: 'not-enrolled', message: 'This device has not joined an organisation' };
  const transport = transportFor(token);
  if (!transport.publish) return { ok: false, problem: 'server', message: 'This transport cannot publish playbooks' };
  let published: PublishedPlaybookInfo;
  try {
    published = (await transport.publish(request)).published;
  } catch (error) {
    return refusedPublish(db, error, now);
  }
  await recordDeviceRole(db, 'editor');
  await fetchAndStore(db, transport, published, now).catch(() => undefined);
  return { ok: true, published };
}

async function refusedPublish(db: MusterDb, error: unknown, now: () => number): Promise<PublishOutcome> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof SyncError)) return { ok: false, problem: 'server', message };
  const refusal = refusalIn(error);
  if (refusal?.code === 'not-editor') await recordDeviceRole(db, 'member');
  if (refusal?.code === 'stale') await keepPublished(db, refusal.current, refusal.current, now()).catch(() => undefined);
  if (refusal) return { ok: false, refusal };
  if (error.kind === 'unauthorized') return { ok: false, problem: 'not-enrolled', message };
  if (error.kind === 'offline') return { ok: false, problem: 'offline', message };
  return { ok: false, problem: 'server', message };
}

/** The refusal a publish's error answer carries, when its status and code say it is one. */
function refusalIn(error: SyncError): PublishRefusal | null {
  const answer = error.answer;
  if (!isRecord(answer) || typeof answer.error !== 'string') return null;
  const text = answer.error;
  if (error.status === 403 && answer.code === 'not-editor') return { code: 'not-editor', error: text };
  if (error.status === 422 && answer.code === 'invalid' && Array.isArray(answer.issues)) {
    return { code: 'invalid', error: text, issues: answer.issues as Extract<PublishRefusal, { code: 'invalid' }>['issues'] };
  }
  if (error.status === 409 && answer.code === 'stale' && isPublishedInfo(answer.current) && 'playbook' in answer.current) {
    return { code: 'stale', error: text, current: answer.current };
  }
  return null;
}
