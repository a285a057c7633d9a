import type { MusterDb } from '../storage/db';
import { readSyncToken, storeSyncToken } from '../storage/sync-state';
import type { SyncEngine } from './controller';
import { syncLock, type SyncLock } from './lock';
import { SyncError, type SyncTransport } from './transport';

export type RotateOutcome =
  | { readonly ok: true }
  /** `not-enrolled`: no token here; `refused`: the server no longer takes this device's token; `offline`/`server`: try again. */
  | { readonly ok: false; readonly problem: 'not-enrolled' | 'refused' | 'offline' | 'server' };

export interface RotateDeps {
  db: MusterDb;
  /** Makes the transport for a token (the HTTP one to this origin in the app). */
  transportFor: (token: string) => SyncTransport;
  /** Runs a round with the new token at once, so the stream and every request move to it. */
  engine: Pick<SyncEngine, 'syncNow'>;
  /** The engine's lock by default: no round may run with the old token while it is swapped. */
  lock?: SyncLock;
}

/**
 * Swaps this device's token for a new one (`POST /api/v1/token/rotate`): same device, same
 * organisation and role. The server keeps the old token working until the new one is first
 * used, so if the answer is lost the device still syncs with the old token and may ask again.
 * The new token is stored where the old one was, then a round uses it at once, which retires
 * the old one on the server.
 */
export async function rotateDeviceToken({ db, transportFor, engine, lock = syncLock(db.name) }: RotateDeps): Promise<RotateOutcome> {
  const outcome = await lock.run(async (): Promise<RotateOutcome> => {
    const token = await readSyncToken(db);
    if (token === null) return { ok: false, problem: 'not-enrolled' };
    const transport = transportFor(token);
    if (!transport.rotateToken) return { ok: false, problem: 'server' };
    try {
      const rotated = await transport.rotateToken();
      await storeSyncToken(db, rotated.token);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return { ok: false, problem: error.kind === 'unauthorized' ? 'refused' : error.kind === 'offline' ? 'offline' : 'server' };
    }
  });
  if (outcome.ok) await engine.syncNow();
  return outcome;
}
