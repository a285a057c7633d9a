import { useMemo, useSyncExternalStore } from 'react';
import type { SyncEngine, SyncStatus } from '../../sync/controller';
import { appSync } from './app-sync';

interface SyncStatusView extends SyncStatus {
  /** One tap: sync at once, whatever the back-off. */
  syncNow: () => Promise<SyncStatus>;
}

/** The sync status, re-rendering when it changes: waiting records, last success, last error, syncing. */
export function useSyncStatus(engine: SyncEngine = appSync()): SyncStatusView {
  const status = useSyncExternalStore(engine.subscribe, engine.getStatus, engine.getStatus);
  return useMemo(() => ({ ...status, syncNow: engine.syncNow }), [status, engine]);
}
