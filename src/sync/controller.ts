import { liveQuery, type Subscription } from 'dexie';
import type { MusterDb } from '../storage/db';
import { flaggedEvents, readLastSync, readSyncToken, recordSyncOutcome, rejectedEvents, storeSyncToken, type LastSyncError } from '../storage/sync-state';
import { retryUnreadable } from './apply';
import { backoffDelay, DEFAULT_BACKOFF, randomFraction, type BackoffPolicy } from './backoff';
import { syncOnce, type SyncReport } from './engine';
import { syncLock, type SyncLock } from './lock';
import { SyncError, type SyncErrorKind, type SyncTransport } from './transport';
import { browserEnv, deviceId, type WriteEnv } from '../storage/events';

/** What the UI shows about sync: enough for the duty leader to tell whether records have gone out. */
export interface SyncStatus {
  /** Whether this device holds a token; without one nothing is sent. */
  readonly enrolled: boolean;
  /** Records recorded here and not yet confirmed by the server. */
  readonly waiting: number;
  /** Records the server refused, or pulled ones this app cannot read (the user is told). */
  readonly rejected: number;
  /** Pulled records stamped too far ahead of this device's clock. */
  readonly flagged: number;
  readonly syncing: boolean;
  readonly lastSuccessAt: number | null;
  /** Why the last attempt failed; null once one succeeds. */
  readonly lastError: LastSyncError | null;
  /** When the next automatic attempt is due (during back-off or between polls). */
  readonly nextAttemptAt: number | null;
  /** This device's clock minus the server's, when the server last answered. */
  readonly clockOffsetMs: number | null;
}

export type SyncErrorCode = SyncErrorKind | 'unexpected';

export interface SyncEngine {
  /** Starts the triggers: outbox changes, `online`, `visibilitychange`, the timer. */
  readonly start: () => void;
  readonly stop: () => void;
  /** "Sync now": runs at once, whatever the back-off, and resolves when the round is over. */
  readonly syncNow: () => Promise<SyncStatus>;
  /** Stores a token from an enrolment link and syncs at once. */
  readonly enrol: (token: string) => Promise<SyncStatus>;
  readonly getStatus: () => SyncStatus;
  /** For `useSyncExternalStore`: called after every status change. */
  readonly subscribe: (listener: () => void) => () => void;
}

/** What `createSyncEngine` gives back: the engine, and a way to know when it has settled. */
export interface LocalSyncEngine extends SyncEngine {
  /**
   * Resolves once no attempt is running, including one a trigger started just before the
   * call. A timer still waiting (debounce, back-off, poll) does not count as running: with
   * `setTimer` injected, the caller sees it and fires it when it chooses.
   */
  readonly whenIdle: () => Promise<void>;
}

export interface SyncEngineOptions {
  db: MusterDb;
  /** Makes the transport for a token (the HTTP one to this origin in the app). */
  transportFor: (token: string) => SyncTransport;
  now?: () => number;
  /**
   * The one source of randomness, for the device id and the back-off jitter alike: fills the
   * array with random bytes. The browser's crypto when not given.
   */
  random?: WriteEnv['random'];
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  lock?: SyncLock;
  /** Where `online` is announced (window). */
  windowTarget?: EventTargetLike;
  /** Where `visibilitychange` is announced, and whether the page is visible (document). */
  documentTarget?: EventTargetLike & { readonly visibilityState?: string };
  /** A sync this long after a write, so a burst of taps goes in one request. */
  debounceMs?: number;
  /** How often to look for others' records while all is well. */
  pollMs?: number;
  backoff?: BackoffPolicy;
  /**
   * Told after each attempt whether the server answered (true) or could not be reached
   * (false): the app's offline indicator listens, so a failed request, not `navigator.onLine`,
   * decides what "offline" means.
   */
  onReachability?: (reached: boolean) => void;
}

export interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** An attempt on becoming visible is skipped if one started this recently. */
const VISIBLE_MIN_GAP_MS = 5_000;

/**
 * The sync engine of one device database: decides when to run `syncOnce` and keeps the
 * status. Triggers: a new outbox entry (debounced), `online`, the page becoming visible, and
 * a timer. A failed request, not `navigator.onLine`, counts as offline, and then attempts
 * back off exponentially with jitter. A revoked token stops automatic attempts until the
 * device is enrolled again or the user taps "sync now".
 */
export function createSyncEngine(options: SyncEngineOptions): LocalSyncEngine {
  const { db, transportFor } = options;
  const now = options.now ?? browserEnv.now;
  const random = options.random ?? browserEnv.random;
  const env: WriteEnv = { now, random };
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const lock = options.lock ?? syncLock(db.name);
  const debounceMs = options.debounceMs ?? 1_500;
  const pollMs = options.pollMs ?? 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let status: SyncStatus = {
    enrolled: false,
    waiting: 0,
    rejected: 0,
    flagged: 0,
    syncing: false,
    lastSuccessAt: null,
    lastError: null,
    nextAttemptAt: null,
    clockOffsetMs: null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<SyncStatus>): void => {
    status = { ...status, ...patch };
    for (const l of listeners) l();
  };

  let failures = 0;
  let stoppedByAuth = false;
  let started = false;
  let timer: unknown;
  let timerAt: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let lastAttemptAt = 0;
  let subscriptions: Subscription[] = [];
  let recoveredUnreadable = false;

  function schedule(delayMs: number): void {
    if (!started) return;
    const at = now() + delayMs;
    if (timerAt !== null && timerAt <= at) return; // something sooner is already planned
    if (timer !== undefined) clearTimer(timer);
    timerAt = at;
    timer = setTimer(() => {
      timer = undefined;
      timerAt = null;
      void run();
    }, delayMs);
    update({ nextAttemptAt: at });
  }

  function cancelTimer(): void {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    timerAt = null;
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await lock.run(attempt);
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function attempt(): Promise<void> {
    cancelTimer();
    const token = await readSyncToken(db);
    if (token === null) {
      update({ enrolled: false, nextAttemptAt: null });
      return;
    }
    lastAttemptAt = now();
    update({ enrolled: true, syncing: true, nextAttemptAt: null });
    try {
      if (!recoveredUnreadable) {
        recoveredUnreadable = true;
        await retryUnreadable(db, await deviceId(db, env), now());
      }
      const report: SyncReport = await syncOnce({ db, transport: transportFor(token), ...env });
      failures = 0;
      stoppedByAuth = false;
      const at = now();
      await recordSyncOutcome(db, { ok: true, at });
      update({ syncing: false, lastSuccessAt: at, lastError: null, clockOffsetMs: report.clockOffsetMs ?? status.clockOffsetMs });
      options.onReachability?.(true);
      schedule(pollMs);
    } catch (error) {
      const kind: SyncErrorCode = error instanceof SyncError ? error.kind : 'unexpected';
      const lastError: LastSyncError = { kind, message: error instanceof Error ? error.message : String(error), at: now() };
      // The offline mark follows real requests, not only the browser's own guess.
      if (kind === 'offline') options.onReachability?.(false);
      else if (error instanceof SyncError) options.onReachability?.(true);
      await recordSyncOutcome(db, { ok: false, error: lastError }).catch(() => undefined);
      update({ syncing: false, lastError });
      if (kind === 'unauthorized') {
        // A new token is needed; knocking again with the old one only fills the server's log.
        stoppedByAuth = true;
        update({ nextAttemptAt: null });
        return;
      }
      failures++;
      const retryAfter = error instanceof SyncError ? (error.retryAfterMs ?? 0) : 0;
      schedule(Math.max(backoffDelay(failures, randomFraction(random), backoff), retryAfter));
    }
  }

  const onOnline = (): void => {
    // The network is back: whatever the back-off said, try now.
    failures = 0;
    if (!stoppedByAuth) void run();
  };
  const onVisibility = (): void => {
    if (options.documentTarget?.visibilityState === 'hidden' || stoppedByAuth) return;
    if (now() - lastAttemptAt >= VISIBLE_MIN_GAP_MS) void run();
  };

  function afterWrite(waiting: number, before: number): void {
    // A new record: send it soon, unless the server is known to be unreachable (the back-off
    // timer will bring it) or the token was refused.
    if (waiting > before && failures === 0 && !stoppedByAuth) schedule(debounceMs);
  }

  async function loadPersisted(): Promise<void> {
    const [last, token] = await Promise.all([readLastSync(db), readSyncToken(db)]);
    update({ lastSuccessAt: last.lastSuccessAt, lastError: last.lastError, enrolled: token !== null });
  }

  return {
    start() {
      if (started) return;
      started = true;
      void loadPersisted();
      const rejected = rejectedEvents(db);
      const flagged = flaggedEvents(db);
      subscriptions = [
        liveQuery(() => db.outbox.count()).subscribe({
          next: (waiting) => {
            const before = status.waiting;
            update({ waiting });
            afterWrite(waiting, before);
          },
          error: () => undefined,
        }),
        liveQuery(() => rejected.count()).subscribe({ next: (n) => update({ rejected: n }), error: () => undefined }),
        liveQuery(() => flagged.count()).subscribe({ next: (n) => update({ flagged: n }), error: () => undefined }),
      ];
      options.windowTarget?.addEventListener('online', onOnline);
      options.documentTarget?.addEventListener('visibilitychange', onVisibility);
      void run();
    },
    stop() {
      started = false;
      cancelTimer();
      for (const s of subscriptions) s.unsubscribe();
      subscriptions = [];
      options.windowTarget?.removeEventListener('online', onOnline);
      options.documentTarget?.removeEventListener('visibilitychange', onVisibility);
      update({ nextAttemptAt: null });
    },
    async syncNow() {
      failures = 0;
      stoppedByAuth = false;
      await run();
      return status;
    },
    async enrol(token) {
      await storeSyncToken(db, token);
      failures = 0;
      stoppedByAuth = false;
      update({ enrolled: true, lastError: null });
      await run();
      return status;
    },
    async whenIdle() {
      // A round may start another (`again`), and a listener may trigger one as it settles.
      while (running) await running.catch(() => undefined);
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
