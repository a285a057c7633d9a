import { appDb } from '../storage';
import { createSyncEngine, type SyncEngine } from './controller';
import { httpTransport } from './transport';

export { createSyncEngine, type SyncEngine, type SyncStatus } from './controller';
export { enrolFromUrl, tokenFromEnrolmentUrl, type EnrolOutcome } from './enrol';

let shared: SyncEngine | null = null;

/** The app's sync engine, talking to the server the app was loaded from. Made on first use, not started. */
export function appSync(): SyncEngine {
  shared ??= createSyncEngine({
    db: appDb(),
    transportFor: (token) => httpTransport({ baseUrl: window.location.origin, token }),
    windowTarget: window,
    documentTarget: document,
  });
  return shared;
}

/** Call once from the app shell: starts the triggers and the first sync. */
export function startSync(): SyncEngine {
  const engine = appSync();
  engine.start();
  return engine;
}
