import type { MusterDb } from '../storage/db';
import { readSyncOrg, type OrgRef } from '../storage/sync-state';
import type { SyncEngine } from './controller';
import { DEVICE_TOKEN_PATTERN } from '../domain/sync-protocol';

/**
 * The token in an enrolment link `<server>/enrol#token=mst_…`, or null when the link has none
 * or it is damaged. Only the fragment is read: that is where the admin CLI puts it, and
 * browsers never send a fragment to the server.
 */
export function tokenFromEnrolmentUrl(url: string): string | null {
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return null;
  }
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token !== null && DEVICE_TOKEN_PATTERN.test(token) ? token : null;
}

export type EnrolOutcome =
  /** The server knows the token: the device is in `org` and has synced. */
  | { readonly outcome: 'joined'; readonly org: OrgRef }
  /** Stored, but the server could not be reached; the device joins when it can. */
  | { readonly outcome: 'saved' }
  /** The server refused the token (revoked, or never issued). */
  | { readonly outcome: 'refused' }
  /** The link carries no usable token. */
  | { readonly outcome: 'invalid' };

/**
 * Enrols the device from the link it was opened with: stores the token (settings), syncs at
 * once, and says how it went. Offline: the token is kept and syncing starts when the network
 * is back.
 */
export async function enrolFromUrl(engine: SyncEngine, db: MusterDb, url: string): Promise<EnrolOutcome> {
  const token = tokenFromEnrolmentUrl(url);
  if (token === null) return { outcome: 'invalid' };
  const status = await engine.enrol(token);
  if (status.lastError?.kind === 'unauthorized') return { outcome: 'refused' };
  const org = await readSyncOrg(db);
  if (status.lastError === null && org !== null) return { outcome: 'joined', org };
  return { outcome: 'saved' };
}
