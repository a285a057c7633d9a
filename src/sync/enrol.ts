import type { MusterDb } from '../storage/db';
import { deviceId as ownDeviceId } from '../storage/events';
import { readSyncOrg, type OrgRef } from '../storage/sync-state';
import type { SyncEngine } from './controller';
import { DEVICE_TOKEN_PATTERN } from '../domain/sync-protocol';
import { ENROL_PATH, ENROLMENT_CODE_PATTERN, isEnrolRefusalCode, isEnrolResponse, type EnrolRefusalCode, type EnrolResponse } from '../domain/enrolment';
import { isRecord } from '../domain/validation';
import type { FetchLike } from './transport';

/** The secret fragment parameter `name` of a link, or null. Only the fragment is read: browsers never send it to a server. */
function fragmentParam(url: string, name: string): string | null {
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return null;
  }
  return new URLSearchParams(hash.replace(/^#/, '')).get(name);
}

/** The one-time code in an enrolment link `<server>/enrol#code=mse_…`, or null when it has none or it is damaged. */
export function codeFromEnrolmentUrl(url: string): string | null {
  const code = fragmentParam(url, 'code');
  return code !== null && ENROLMENT_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The token in an old enrolment link `<server>/enrol#token=mst_…` (issued before links carried
 * codes), or null. Such links still enrol: the server still knows their tokens, so refusing
 * them here would protect nothing; the administrator retires one with `device revoke`, and a
 * device can swap its token for a fresh one with `rotateDeviceToken`.
 */
export function tokenFromEnrolmentUrl(url: string): string | null {
  const token = fragmentParam(url, 'token');
  return token !== null && DEVICE_TOKEN_PATTERN.test(token) ? token : null;
}

export type EnrolOutcome =
  /** The server knows the token: the device is in `org` and has synced. */
  | { readonly outcome: 'joined'; readonly org: OrgRef }
  /** Stored, but the server could not be reached; the device joins when it can. */
  | { readonly outcome: 'saved' }
  /** The server refused the token (revoked, or never issued). */
  | { readonly outcome: 'refused' }
  /** The link carries no usable code or token. */
  | { readonly outcome: 'invalid' }
  /** The server refused the link's code: used before, expired, withdrawn, or not its own. A new link is needed. */
  | { readonly outcome: EnrolRefusalCode }
  /** The code could not be exchanged (no network, or a server error); the link still works, try again. */
  | { readonly outcome: 'unreachable' };

export type ExchangeResult =
  | { readonly ok: true; readonly enrolled: EnrolResponse }
  | { readonly ok: false; readonly refusal: EnrolRefusalCode }
  | { readonly ok: false; readonly problem: 'unreachable' };

export interface ExchangeOptions {
  /** The server's origin: the app's own, which the link opened. */
  baseUrl: string;
  code: string;
  deviceId?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * Trades a one-time code for this device's own token (`POST /api/v1/enrol`, no token needed).
 * Offline, nothing is spent: the code is used only when the server answers. If the answer is
 * lost after the server used the code, the code is gone and a new link is needed.
 */
export async function exchangeEnrolmentCode({
  baseUrl,
  code,
  deviceId,
  fetch: doFetch = (input, init) => fetch(input, init),
  timeoutMs = 30_000,
}: ExchangeOptions): Promise<ExchangeResult> {
  let res: Response;
  let body: unknown;
  try {
    res = await doFetch(`${baseUrl.replace(/\/+$/, '')}${ENROL_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(deviceId === undefined ? { code } : { code, deviceId }),
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.json();
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (res.ok && isEnrolResponse(body)) return { ok: true, enrolled: body };
  if ((res.status === 410 || res.status === 404) && isRecord(body) && isEnrolRefusalCode(body.code)) return { ok: false, refusal: body.code };
  // 400: the server does not take this code at all; a new link is the way out, as for an unknown code.
  if (res.status === 400) return { ok: false, refusal: 'unknown' };
  return { ok: false, problem: 'unreachable' };
}

/**
 * Enrols the device from the link it was opened with. A code link: trades the code for a token
 * of this device's own, stores it (settings), syncs at once and says how it went. An old token
 * link: stores its token as before; offline, it is kept and syncing starts when the network is
 * back. `baseUrl` is the link's own origin unless given.
 */
export async function enrolFromUrl(
  engine: SyncEngine,
  db: MusterDb,
  url: string,
  options: { baseUrl?: string; fetch?: FetchLike } = {},
): Promise<EnrolOutcome> {
  const code = codeFromEnrolmentUrl(url);
  let token = tokenFromEnrolmentUrl(url);
  if (code !== null) {
    const exchanged = await exchangeEnrolmentCode({
      baseUrl: options.baseUrl ?? new URL(url).origin,
      code,
      deviceId: await ownDeviceId(db),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (!exchanged.ok) return { outcome: 'refusal' in exchanged ? exchanged.refusal : exchanged.problem };
    token = exchanged.enrolled.token;
  }
  if (token === null) return { outcome: 'invalid' };
  const status = await engine.enrol(token);
  if (status.lastError?.kind === 'unauthorized') return { outcome: 'refused' };
  const org = await readSyncOrg(db);
  if (status.lastError === null && org !== null) return { outcome: 'joined', org };
  return { outcome: 'saved' };
}
