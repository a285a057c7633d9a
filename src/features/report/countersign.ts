import { COUNTERSIGN_PATH, isCountersignature, type CountersignState } from '../../domain/report';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { readSyncToken } from '../../storage/sync-state';

/** An export waits this long for the server, then goes out "not countersigned (offline)". */
const COUNTERSIGN_TIMEOUT_MS = 5_000;

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Asks the server to countersign an export's report hash with the organisation's key. A device
 * that is not enrolled says so; no answer, a refusal or an answer that is not a signature all
 * count as offline: the export is never held up or refused for want of a countersignature.
 */
export async function askCountersignature(
  reportHash: string,
  {
    db = appDb(),
    doFetch = (input, init) => fetch(input, init),
    origin = globalThis.location.origin,
  }: { db?: MusterDb; doFetch?: FetchLike; origin?: string } = {},
): Promise<CountersignState> {
  const token = await readSyncToken(db);
  if (!token) return 'not-enrolled';
  try {
    const res = await doFetch(new URL(COUNTERSIGN_PATH, origin).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ headerHash: reportHash }),
      signal: AbortSignal.timeout(COUNTERSIGN_TIMEOUT_MS),
    });
    if (!res.ok) return 'offline';
    const answer: unknown = await res.json();
    const signature = typeof answer === 'object' && answer !== null ? { algorithm: 'Ed25519', ...answer } : null;
    return isCountersignature(signature) ? signature : 'offline';
  } catch {
    return 'offline';
  }
}
