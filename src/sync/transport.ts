import { isRecord } from '../domain/validation';
import { blobPath } from '../domain/blob-protocol';
import type { PhotoType } from '../domain/events/photo';
import { isRotateResponse, TOKEN_ROTATE_PATH, type RotateResponse } from '../domain/enrolment';
import type { MusterEvent } from '../domain/event';
import { BRANCHES_PATH, branchEventsPath, type BranchesResponse } from '../domain/head-office-protocol';
import {
  COUNT_PARAM,
  DEVICE_CERTIFICATE_PATH,
  EVENTS_PATH,
  isCertificateResponse,
  type CertificateRequest,
  type CertificateResponse,
  type PushRelay,
  FOLLOWING_PARAM,
  formatHeldRanges,
  HELD_PARAM,
  type SeqRange,
  followersPath,
  MAX_FOLLOWING,
  WHOAMI_PATH,
  type FollowersResponse,
  type PullResponse,
  type PushResponse,
  type WhoAmI,
} from '../domain/sync-protocol';
import {
  PLAYBOOKS_PATH,
  publishedPlaybookPath,
  type PublishedList,
  type PublishedPlaybook,
  type PublishedPlaybookInfo,
  type PublishedResponse,
  type PublishRequest,
} from '../domain/playbook-publish';

/**
 * How the engine reaches the server. The HTTP one below is the real thing; tests wrap it to
 * drop, repeat and delay deliveries.
 */
export interface SyncTransport {
  /**
   * Pushes `events`. `encoded`, when given, is each event's JSON as `JSON.stringify` makes it (the
   * engine has it from measuring the batch), so the body is joined from it, not encoded again.
   */
  push(events: readonly MusterEvent[], encoded?: readonly string[], relayed?: PushRelay): Promise<PushResponse>;
  /** The organisation's certificate of this device's handover key (issue 21). Optional, as `followers`. */
  certify?(request: CertificateRequest): Promise<CertificateResponse>;
  /**
   * `following`: the incidents open on this device, so the server can tell who has seen what.
   * `options.held`: seq ranges this device holds (its pushed events), never to be sent back;
   * `options.count`: ask how many events remain (PullResponse.remaining), for "n of m".
   */
  pull(after: number, limit: number, following?: readonly string[], options?: PullOptions): Promise<PullResponse>;
  whoami(): Promise<WhoAmI>;
  /** Which devices follow an incident and whether each has everything. Optional: test transports may lack it. */
  followers?(incidentId: string): Promise<FollowersResponse>;
  /** The organisation's current published playbooks, without bodies. Optional, as `followers`. */
  publishedPlaybooks?(): Promise<PublishedList>;
  /** One published version with its body. */
  publishedPlaybook?(id: string, language: string, revision: number): Promise<PublishedPlaybook>;
  /** Publishes a playbook; a refusal comes as a SyncError whose `answer` is the server's JSON. */
  publish?(request: PublishRequest): Promise<PublishedResponse>;
  /** A new token for this device (`rotate.ts`); the current one works until the new one is used. */
  rotateToken?(): Promise<RotateResponse>;
  /** Head office only (head-office.ts): its branches. Optional, as `followers`. */
  branches?(): Promise<BranchesResponse>;
  /** Head office only: one branch's events after `after`, a page like `pull`'s. */
  branchEvents?(orgId: string, after: number, limit: number): Promise<PullResponse>;
  /**
   * Sends one photo of incident `streamId` (sync/photos.ts); resolves once the server holds it
   * (stored now, or already held). A refusal (too large, incident full, not a photo) is a
   * SyncError `refused` whose `answer` says why. Optional, as `followers`.
   */
  putBlob?(hash: string, streamId: string, type: PhotoType, body: Blob): Promise<void>;
  /** One photo's bytes and the type the server gave them; null when the server has none yet (404). `orgId`: head office reading a branch's. */
  getBlob?(hash: string, orgId?: string): Promise<{ readonly bytes: Uint8Array; readonly type: string } | null>;
}

export interface PullOptions {
  readonly held?: readonly SeqRange[];
  readonly count?: boolean;
}

/**
 * Why a request failed, in the terms the engine acts on:
 * - `offline`: no answer at all (a failed fetch, a time-out); a failed request, not
 *   `navigator.onLine`, is what offline means, since the browser's guess is often wrong;
 * - `unauthorized`: the token is missing, wrong or revoked — retrying will not help;
 * - `rateLimited`, `server`: try again later (after `retryAfterMs` when the server said);
 * - `refused`: the server refused the request itself (400/413/415) — for a push, the batch is split;
 * - `protocol`: an answer that is not the API's (a captive portal's login page, a proxy).
 */
export type SyncErrorKind = 'offline' | 'unauthorized' | 'rateLimited' | 'server' | 'refused' | 'protocol';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** The error answer's JSON body, when it had one (a publish refusal says why in it). */
    readonly answer?: unknown,
  ) {
    super(message);
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  /** The server's origin (the app's own origin in the browser), e.g. `https://muster.example.org`. */
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  /** A request with no answer after this long counts as offline. */
  timeoutMs?: number;
}

export function httpTransport({
  baseUrl,
  token,
  fetch: doFetch = (input, init) => fetch(input, init),
  timeoutMs = 30_000,
}: HttpTransportOptions): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };

  async function request(path: string, init: RequestInit): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { ...init, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new SyncError('offline', `No answer from the server: ${error instanceof Error ? error.message : String(error)}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      throw new SyncError('offline', `The answer was cut off: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!res.ok) throw errorFor(res, text);
    if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
      throw new SyncError('protocol', `Expected JSON from ${path}, got ${res.headers.get('content-type') ?? 'no content type'}`, res.status);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SyncError('protocol', `The answer from ${path} is not valid JSON`, res.status);
    }
  }

  /** A request whose body is not JSON either way (a photo): the answer's status and body, or the same errors as `request`. */
  async function exchange(path: string, init: RequestInit): Promise<{ res: Response; bytes: Uint8Array }> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { ...init, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new SyncError('offline', `No answer from the server: ${error instanceof Error ? error.message : String(error)}`);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (error) {
      throw new SyncError('offline', `The answer was cut off: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { res, bytes };
  }

  return {
    async putBlob(hash, streamId, type, body) {
      const { res, bytes } = await exchange(blobPath(hash, { stream: streamId }), {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': type },
        body,
      });
      // 409: a server that says "already have it" that way; the photo is there all the same.
      if (res.ok || res.status === 409) return;
      throw errorFor(res, new TextDecoder().decode(bytes));
    },
    async getBlob(hash, orgId) {
      const { res, bytes } = await exchange(blobPath(hash, orgId === undefined ? {} : { org: orgId }), {
        method: 'GET',
        headers: { Authorization: headers.Authorization },
      });
      if (res.status === 404 && (res.headers.get('content-type') ?? '').startsWith('application/json')) return null;
      if (!res.ok) throw errorFor(res, new TextDecoder().decode(bytes));
      return { bytes, type: (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '' };
    },
    async push(events, encoded, relayed) {
      // The same text as JSON.stringify({ events }): an object's members joined by commas.
      const list = encoded !== undefined && encoded.length === events.length ? `[${encoded.join(',')}]` : JSON.stringify(events);
      const json = relayed === undefined ? `{"events":${list}}` : `{"events":${list},"relayed":${JSON.stringify(relayed)}}`;
      const body = await request(EVENTS_PATH, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        // A Blob of UTF-8 bytes. Chromium hands a string body to the network by a slower path (a
        // 180 KB batch: 8-16 ms of the page's main thread for the fetch call, against 4-7 as a
        // Blob), and a Blob made from a string holding Chinese costs 7-9 ms to build, against
        // 2-4 ms for TextEncoder's bytes and a Blob of them (20 batches of 500, this Chromium).
        body: new Blob([new TextEncoder().encode(json)], { type: 'application/json' }),
      });
      if (!isPushResponse(body) || body.results.length !== events.length) {
        throw new SyncError('protocol', 'The push answer does not have one result per event');
      }
      // A receipt or epoch not of the expected shape is left out: the events are then pulled back, as from an older server.
      const { receipt, epoch, ...rest } = body;
      const goodReceipt =
        isRecord(receipt) && typeof receipt.receivedAt === 'string' && (typeof receipt.deliveredBy === 'string' || receipt.deliveredBy === null);
      return goodReceipt && typeof epoch === 'string' ? { ...rest, receipt, epoch } : rest;
    },
    async pull(after, limit, following, options = {}) {
      const held = options.held !== undefined && options.held.length > 0 ? `&${HELD_PARAM}=${formatHeldRanges(options.held)}` : '';
      const count = options.count === true ? `&${COUNT_PARAM}=1` : '';
      const body = await request(`${EVENTS_PATH}?after=${after}&limit=${limit}${followingQuery(following)}${held}${count}`, { method: 'GET', headers });
      if (!isPullResponse(body)) throw new SyncError('protocol', 'The pull answer is not a page of events');
      return body;
    },
    async whoami() {
      const body = await request(WHOAMI_PATH, { method: 'GET', headers });
      if (!isWhoAmI(body)) throw new SyncError('protocol', 'The whoami answer does not name an organisation');
      return body;
    },
    async followers(incidentId) {
      const body = await request(followersPath(incidentId), { method: 'GET', headers });
      if (!isFollowersResponse(body)) throw new SyncError('protocol', 'The followers answer does not list devices');
      return body;
    },
    async publishedPlaybooks() {
      const body = await request(PLAYBOOKS_PATH, { method: 'GET', headers });
      if (!isRecord(body) || !Array.isArray(body.playbooks) || !body.playbooks.every(isPublishedInfo)) {
        throw new SyncError('protocol', 'The playbooks answer is not a list of published versions');
      }
      return { playbooks: body.playbooks };
    },
    async publishedPlaybook(id, language, revision) {
      const body = await request(publishedPlaybookPath(id, language, revision), { method: 'GET', headers });
      if (!isPublishedInfo(body) || !('playbook' in body)) throw new SyncError('protocol', 'The playbook answer is not a published version');
      return body;
    },
    async publish(publishRequest) {
      const body = await request(PLAYBOOKS_PATH, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(publishRequest),
      });
      if (!isRecord(body) || !isPublishedInfo(body.published)) throw new SyncError('protocol', 'The publish answer does not say what was published');
      return { published: body.published };
    },
    async certify(certificateRequest) {
      const body = await request(DEVICE_CERTIFICATE_PATH, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(certificateRequest),
      });
      if (!isCertificateResponse(body)) throw new SyncError('protocol', 'The certificate answer has no certificate');
      return body;
    },
    async rotateToken() {
      const body = await request(TOKEN_ROTATE_PATH, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
      if (!isRotateResponse(body)) throw new SyncError('protocol', 'The rotation answer has no new token');
      return body;
    },
    // Checked in full by head-office.ts, which only a head-office device loads.
    branches: () => request(BRANCHES_PATH, { method: 'GET', headers }) as Promise<BranchesResponse>,
    branchEvents: (orgId, after, limit) =>
      request(`${branchEventsPath(orgId)}?after=${after}&limit=${limit}`, { method: 'GET', headers }) as Promise<PullResponse>,
  };
}

/**
 * `&following=a,b`: each id once, at most MAX_FOLLOWING (the server ignores the rest, so the
 * first ones, the newest incidents, are the ones kept). An empty list is sent as such: the
 * device follows nothing now. An id with a comma could not be told apart from two, so it is
 * left out.
 */
function followingQuery(following: readonly string[] | undefined): string {
  if (following === undefined) return '';
  const ids = [...new Set(following)].filter((id) => id !== '' && !id.includes(',')).slice(0, MAX_FOLLOWING);
  return `&${FOLLOWING_PARAM}=${ids.map(encodeURIComponent).join(',')}`;
}

function errorFor(res: Response, text: string): SyncError {
  let detail = text.slice(0, 300);
  let answer: unknown;
  try {
    answer = JSON.parse(text) as unknown;
    if (isRecord(answer) && typeof answer.error === 'string') detail = answer.error;
  } catch {
    // not JSON: keep the start of the text
  }
  const message = `HTTP ${res.status}: ${detail}`;
  const retryAfter = Number(res.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  if (res.status === 401 || res.status === 403) return new SyncError('unauthorized', message, res.status, undefined, answer);
  if (res.status === 429) return new SyncError('rateLimited', message, res.status, retryAfterMs, answer);
  if (res.status === 400 || res.status === 413 || res.status === 415 || res.status === 422)
    return new SyncError('refused', message, res.status, undefined, answer);
  if (res.status >= 500) return new SyncError('server', message, res.status, retryAfterMs, answer);
  // 404, 409 and friends: not an answer the event sync expects (a wrong address, a proxy's
  // page); a publish reads a 409 `stale` from `answer`.
  return new SyncError('protocol', message, res.status, undefined, answer);
}

function isPushResponse(v: unknown): v is PushResponse {
  return (
    isRecord(v) &&
    typeof v.serverTime === 'string' &&
    Array.isArray(v.results) &&
    v.results.every((r) => isRecord(r) && (r.status === 'accepted' || r.status === 'duplicate' || r.status === 'rejected'))
  );
}

function isPullResponse(v: unknown): v is PullResponse {
  return (
    isRecord(v) &&
    Array.isArray(v.events) &&
    typeof v.next === 'number' &&
    typeof v.more === 'boolean' &&
    typeof v.serverTime === 'string' &&
    (v.remaining === undefined || (typeof v.remaining === 'number' && Number.isSafeInteger(v.remaining) && v.remaining >= 0))
  );
}

function isFollowersResponse(v: unknown): v is FollowersResponse {
  return isRecord(v) && typeof v.incidentId === 'string' && Array.isArray(v.devices) && v.devices.every(isRecord) && typeof v.serverTime === 'string';
}

/** The list entry's fields a device relies on; the body (`playbook`) is checked by the sync step. */
export function isPublishedInfo(v: unknown): v is PublishedPlaybookInfo {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.language === 'string' &&
    typeof v.revision === 'number' &&
    Number.isSafeInteger(v.revision) &&
    v.revision > 0 &&
    typeof v.version === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.title === 'string' &&
    typeof v.hash === 'string' &&
    typeof v.note === 'string' &&
    typeof v.publishedAt === 'string' &&
    typeof v.publishedBy === 'string'
  );
}

function isWhoAmI(v: unknown): v is WhoAmI {
  return isRecord(v) && isRecord(v.org) && typeof v.org.id === 'string' && typeof v.org.name === 'string';
}
