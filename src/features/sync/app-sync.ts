import { appDb } from '../../storage';
import { createSyncEngine, hintStreamOpener, httpTransport, type SyncEngine } from '../../sync';
import { reportRequestFailed, reportRequestSucceeded } from '../offline';
import { openIncidentIds } from '../../storage/events';
import { holdLoadsWhileSyncing } from './hold-loads';

let shared: SyncEngine | null = null;

/**
 * The app's sync engine, talking to the server the app was loaded from, with the server's hint
 * stream so records from other phones arrive within seconds. Made on first use, not started.
 */
export function appSync(): SyncEngine {
  if (shared) return shared;
  const db = appDb();
  const baseUrl = window.location.origin;
  shared = createSyncEngine({
    db,
    transportFor: (token) => httpTransport({ baseUrl, token }),
    openStream: hintStreamOpener({ baseUrl }),
    following: () => openIncidentIds(db),
    hasOpenIncident: async () => (await openIncidentIds(db)).length > 0,
    windowTarget: window,
    documentTarget: document,
    onReachability: (reached) => (reached ? reportRequestSucceeded() : reportRequestFailed()),
  });
  holdLoadsWhileSyncing(shared);
  return shared;
}

/** Call once from the app shell: starts the triggers and the first sync. */
export function startSync(): SyncEngine {
  const engine = appSync();
  engine.start();
  return engine;
}
