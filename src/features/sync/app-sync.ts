import { appDb } from '../../storage';
import { createSyncEngine, httpTransport, type SyncEngine } from '../../sync';
import { reportRequestFailed, reportRequestSucceeded } from '../offline';

let shared: SyncEngine | null = null;

/** The app's sync engine, talking to the server the app was loaded from. Made on first use, not started. */
export function appSync(): SyncEngine {
  shared ??= createSyncEngine({
    db: appDb(),
    transportFor: (token) => httpTransport({ baseUrl: window.location.origin, token }),
    windowTarget: window,
    documentTarget: document,
    onReachability: (reached) => (reached ? reportRequestSucceeded() : reportRequestFailed()),
  });
  return shared;
}

/** Call once from the app shell: starts the triggers and the first sync. */
export function startSync(): SyncEngine {
  const engine = appSync();
  engine.start();
  return engine;
}
