import type { SyncEngine, SyncStatus } from '../../sync/controller';

/**
 * For the sync screens' tests: an enrolled device's status, and an engine that only shows a
 * given status. The screens read an engine; these tests are about what they show of it.
 */
export const enrolledStatus: SyncStatus = {
  enrolled: true,
  waiting: 0,
  rejected: 0,
  flagged: 0,
  syncing: false,
  lastSuccessAt: null,
  lastError: null,
  nextAttemptAt: null,
  clockOffsetMs: null,
  stream: 'down',
  lastHeardAt: null,
  live: false,
  pullProgress: null,
};

export function engineShowing(status: Partial<SyncStatus>): SyncEngine {
  const s = { ...enrolledStatus, ...status };
  return {
    start: () => undefined,
    stop: () => undefined,
    syncNow: () => Promise.resolve(s),
    enrol: () => Promise.resolve(s),
    getStatus: () => s,
    subscribe: () => () => undefined,
    followers: () => Promise.reject(new Error('not asked in these tests')),
  };
}
