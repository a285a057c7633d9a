/**
 * One sync at a time across the app's tabs. With the Web Locks API the browser queues every
 * tab's sync behind the one running; without it (older browsers) only this tab's syncs are
 * queued. That fallback is still safe, only wasteful: a push is stored once by id on the
 * server, and applying a pulled page is idempotent with a cursor that only moves forward.
 */
export interface SyncLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const tabQueues = new Map<string, Promise<unknown>>();

/** A lock named for the database, so two databases (tests, profiles) do not wait on each other. */
export function syncLock(name: string, locks: LockManagerLike | undefined = browserLocks()): SyncLock {
  if (locks) return { run: (task) => locks.request(`muster-sync:${name}`, task) };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const previous = tabQueues.get(name) ?? Promise.resolve();
      const result = previous.then(task, task);
      tabQueues.set(
        name,
        result.then(
          () => undefined,
          () => undefined,
        ),
      );
      return result;
    },
  };
}

function browserLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined;
}
