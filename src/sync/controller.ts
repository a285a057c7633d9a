import { liveQuery, type Subscription } from 'dexie';
import type { MusterDb } from '../storage/db';
import type { FollowersResponse } from '../domain/sync-protocol';
import type { BranchHint } from '../domain/head-office-protocol';
import {
  flaggedEvents,
  readCursor,
  readLastSync,
  readDeviceRole,
  readSyncToken,
  recordSyncOutcome,
  rejectedEvents,
  storeSyncToken,
  type LastSyncError,
} from '../storage/sync-state';
import { retryUnreadable } from './apply';
import { wantMissingPhotos } from '../storage/photos';
import { backoffDelay, DEFAULT_BACKOFF, randomFraction, type BackoffPolicy } from './backoff';
import { packAfterPush, syncOnce, type PullProgress, type SyncReport } from './engine';
import { syncPhotos } from './photos';
import { syncLock, type SyncLock } from './lock';
import { createStreamKeeper, type OpenStream, type StreamKeeper, type StreamState } from './stream';
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
  /** When the last round succeeded. */
  readonly lastSuccessAt: number | null;
  /** Why the last attempt failed; null once one succeeds. */
  readonly lastError: LastSyncError | null;
  /** When the next automatic attempt is due (during back-off or between polls). */
  readonly nextAttemptAt: number | null;
  /** This device's clock minus the server's, when the server last answered. */
  readonly clockOffsetMs: number | null;
  /** The hint stream: opening, open, or down (closed, waiting to reconnect, or none). */
  readonly stream: StreamState;
  /** When the server was last heard: any answer, or bytes on the stream (this session only). */
  readonly lastHeardAt: number | null;
  /**
   * The stream is open and the server was heard within LIVE_WINDOW_MS when the status last
   * changed. A silent stream is closed before that window ends, so this stays true; a screen
   * that shows it over time still checks `lastHeardAt` against its own clock.
   */
  readonly live: boolean;
  /**
   * While a round pulls: the events pulled so far and how many the server said there were
   * (a first pull of thousands shows "n of m"); null otherwise.
   */
  readonly pullProgress: PullProgress | null;
}

/** Head office's branch pulls: a chunk of its own, fetched only by a head-office device. */
const headOffice = () => import('./head-office');

/** "Live" means heard from the server within this long. */
export const LIVE_WINDOW_MS = 60_000;
/** While the stream is open, a round this often all the same, in case a hint was lost. */
const SAFETY_POLL_MS = 5 * 60_000;

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
  /** Which devices follow an incident, asked of the server now with this device's token. */
  readonly followers: (incidentId: string) => Promise<FollowersResponse>;
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
  /**
   * A sync this long after a write, so a burst of taps goes in one request; short, because the
   * push is how the other phones hear of it (their streams are hinted at once).
   */
  debounceMs?: number;
  /** How often to look for others' records while all is well and no stream tells of them. */
  pollMs?: number;
  /** As `pollMs`, while the stream is down and an incident is open on this device. */
  fastPollMs?: number;
  /** Opens the server's hint stream (the fetch one in the app); without it the engine only polls. */
  openStream?: OpenStream;
  /** The incidents open on this device, named with every pull. */
  following?: () => Promise<readonly string[]>;
  /** Whether an incident is open on this device: then a down stream means polling fast. */
  hasOpenIncident?: () => Promise<boolean>;
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
 * status. Triggers: a new outbox entry (debounced), a hint on the server's stream that
 * events newer than this device's cursor exist (at once), `online`, the page becoming
 * visible, and a timer: slow while the stream is open, every `fastPollMs` while it is down
 * during an incident, else `pollMs`. A failed request, not `navigator.onLine`, counts as
 * offline, and then attempts back off exponentially with jitter. A revoked token (on a round
 * or on the stream) stops automatic attempts and the stream until the device is enrolled
 * again or the user taps "sync now".
 */
export function createSyncEngine(options: SyncEngineOptions): LocalSyncEngine {
  const { db, transportFor } = options;
  const now = options.now ?? browserEnv.now;
  const random = options.random ?? browserEnv.random;
  const env: WriteEnv = { now, random };
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const lock = options.lock ?? syncLock(db.name);
  const debounceMs = options.debounceMs ?? 300;
  const pollMs = options.pollMs ?? 60_000;
  const fastPollMs = options.fastPollMs ?? 5_000;
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
    stream: 'down',
    lastHeardAt: null,
    live: false,
    pullProgress: null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<SyncStatus>): void => {
    const next = { ...status, ...patch };
    const live = next.stream === 'open' && next.lastHeardAt !== null && now() - next.lastHeardAt < LIVE_WINDOW_MS;
    status = { ...next, live };
    for (const l of listeners) l();
  };
  const heard = (): void => update({ lastHeardAt: now() });

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
  /** Whether this session has asked the server who the device is (its role may have changed). */
  let identityChecked = false;
  /** Whether the last round found this device to be head office. */
  let headOfficeRole = false;
  const keeper: StreamKeeper | null = options.openStream
    ? createStreamKeeper({
        openStream: options.openStream,
        now,
        random,
        setTimer,
        clearTimer,
        onState: streamChanged,
        onHint: (seq) => void runIfBehind(seq),
        onBranchHint: (hint) => void pullBranchNow(hint),
        onHeard: heard,
        onRefused: (detail) => void refused({ kind: 'unauthorized', message: `The stream was refused: ${detail}`, at: now() }),
        onReachability: (reached) => options.onReachability?.(reached),
      })
    : null;

  /** Packing after a round (`packAfterPush`), while it runs. */
  let packing: Promise<void> | null = null;
  let outboxWatch: Subscription | null = null;
  /** Whether the watch has said how many wait since it started. */
  let outboxCounted = false;

  /**
   * Watches how many records wait (a count, which reads every outbox entry). Paused while a round
   * runs: a push of thousands would count them all again after every batch it sends, and the
   * round says itself how many left (`onPushSettled`). Watching again counts afresh, and a record
   * written meanwhile and not sent brings the next round soon (`afterWrite`).
   */
  function watchOutbox(): void {
    if (outboxWatch !== null || !started) return;
    outboxCounted = false;
    outboxWatch = liveQuery(() => db.outbox.count()).subscribe({
      next: (waiting) => {
        outboxCounted = true;
        const before = status.waiting;
        update({ waiting });
        afterWrite(waiting, before);
      },
      error: () => undefined,
    });
  }

  function unwatchOutbox(): void {
    outboxWatch?.unsubscribe();
    outboxWatch = null;
  }

  /** After a round that pushed: its events go into packs in the background, one answer at a time (a failure leaves them for next time). */
  function packLater(): void {
    if (packing !== null || !started) return;
    packing = packAfterPush(db)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        packing = null;
      });
  }

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
      keeper?.stop();
      update({ enrolled: false, nextAttemptAt: null });
      return;
    }
    lastAttemptAt = now();
    update({ enrolled: true, syncing: true, nextAttemptAt: null });
    // The round counts down from what waits now (counted here if the watch has not said yet); unstarted, nothing is watched.
    const counted = outboxWatch !== null && outboxCounted;
    unwatchOutbox();
    try {
      if (!counted && started) update({ waiting: await db.outbox.count() });
      if (!recoveredUnreadable) {
        recoveredUnreadable = true;
        await retryUnreadable(db, await deviceId(db, env), now());
        // Notes that came in before this version, or by another way than a pull, may name photos not held.
        await wantMissingPhotos(db, now());
      }
      const following = options.following ? await options.following().catch(() => undefined) : undefined;
      const report: SyncReport = await syncOnce({
        db,
        transport: followingWith(transportFor(token), following),
        recheckIdentity: !identityChecked,
        // A page that arrived is the server heard from: the panel must not say "not heard" while records pour in.
        onPullProgress: (pullProgress) => update({ pullProgress, lastHeardAt: now() }),
        onPushSettled: (count) => {
          if (started) update({ waiting: Math.max(0, status.waiting - count) });
        },
        ...env,
      });
      identityChecked = true;
      // Head office: then its branches, from a chunk only such a device loads (never fails the
      // round); a device that is head office no more forgets them.
      headOfficeRole = (await readDeviceRole(db)) === 'head-office';
      let photosDueAt = report.photos.nextWantedAt;
      if (headOfficeRole) {
        await (await headOffice()).syncBranches({ db, transport: transportFor(token), now });
        // The photos the branches' new notes name, fetched from each branch now rather than next round.
        photosDueAt = (await syncPhotos({ db, transport: transportFor(token), now, sends: false })).nextWantedAt;
      } else if ((await db.branches.count()) > 0) await (await headOffice()).forgetBranches(db);
      failures = 0;
      stoppedByAuth = false;
      const at = now();
      await recordSyncOutcome(db, { ok: true, at });
      update({
        syncing: false,
        lastSuccessAt: at,
        lastHeardAt: at,
        lastError: null,
        clockOffsetMs: report.clockOffsetMs ?? status.clockOffsetMs,
        pullProgress: null,
      });
      options.onReachability?.(true);
      if (started) keeper?.keep(token);
      packLater();
      // A photo another device has not sent yet: come back when it is due (sooner at first).
      const photoDue = photosDueAt === null ? Infinity : Math.max(photosDueAt - now(), 1_000);
      schedule(Math.min(await pollDelay(), photoDue));
    } catch (error) {
      const kind: SyncErrorCode = error instanceof SyncError ? error.kind : 'unexpected';
      const lastError: LastSyncError = { kind, message: error instanceof Error ? error.message : String(error), at: now() };
      // The offline mark follows real requests, not only the browser's own guess.
      if (kind === 'offline') options.onReachability?.(false);
      else if (error instanceof SyncError) options.onReachability?.(true);
      // Any HTTP answer from the API itself means the server was heard; a captive portal's page does not.
      if (kind !== 'offline' && kind !== 'protocol' && kind !== 'unexpected') heard();
      if (kind === 'unauthorized') {
        await refused(lastError, { syncing: false, pullProgress: null });
        return;
      }
      await recordSyncOutcome(db, { ok: false, error: lastError }).catch(() => undefined);
      update({ syncing: false, lastError, pullProgress: null });
      if (started) keeper?.keep(token);
      failures++;
      const retryAfter = error instanceof SyncError ? (error.retryAfterMs ?? 0) : 0;
      schedule(Math.max(backoffDelay(failures, randomFraction(random), backoff), retryAfter));
    } finally {
      watchOutbox();
    }
  }

  /** A refused token: a new one is needed, and knocking again with the old one only fills the server's log. */
  async function refused(lastError: LastSyncError, patch: Partial<SyncStatus> = {}): Promise<void> {
    stoppedByAuth = true;
    keeper?.stop();
    cancelTimer();
    await recordSyncOutcome(db, { ok: false, error: lastError }).catch(() => undefined);
    update({ ...patch, lastError, nextAttemptAt: null });
  }

  /** When to look for others' records next, all being well: it depends on the stream and on an open incident. */
  async function pollDelay(): Promise<number> {
    // Head office lists its branches every poll even with the stream open: whether each is live.
    if (status.stream === 'open') return headOfficeRole ? pollMs : Math.max(pollMs, SAFETY_POLL_MS);
    const urgent = options.hasOpenIncident ? await options.hasOpenIncident().catch(() => false) : false;
    return urgent ? fastPollMs : pollMs;
  }

  function streamChanged(stream: StreamState): void {
    update({ stream });
    if (!started || stoppedByAuth) return;
    if (stream === 'open' && failures > 0) {
      // The server answers again: whatever the back-off said, send what waits now.
      failures = 0;
      void run();
    } else if (stream === 'down' && failures === 0) {
      // No hints for now: poll instead (during a back-off, its timer already decides).
      void pollDelay().then((delay) => {
        if (!stoppedByAuth) schedule(delay);
      });
    }
  }

  /** A hint: the server has events up to `seq`; a round now if this device has not pulled them. */
  async function runIfBehind(seq: number): Promise<void> {
    const cursor = await readCursor(db).catch(() => -1);
    if (seq > cursor && started && !stoppedByAuth) await run();
  }

  /** A branch's hint on head office's stream: that branch alone is pulled, beside any round. */
  async function pullBranchNow(hint: BranchHint): Promise<void> {
    const token = await readSyncToken(db).catch(() => null);
    if (token === null || !started || stoppedByAuth) return;
    await (await headOffice()).pullBranchOnHint({ db, transport: transportFor(token), now }, hint);
  }

  const onOnline = (): void => {
    // The network is back: whatever the back-off said, try now.
    failures = 0;
    if (stoppedByAuth) return;
    keeper?.retryNow();
    void run();
  };
  const onVisibility = (): void => {
    if (options.documentTarget?.visibilityState === 'hidden' || stoppedByAuth) return;
    keeper?.retryNow();
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
      watchOutbox();
      subscriptions = [
        liveQuery(() => rejected.count()).subscribe({ next: (n) => update({ rejected: n }), error: () => undefined }),
        liveQuery(() => flagged.count()).subscribe({ next: (n) => update({ flagged: n }), error: () => undefined }),
      ];
      options.windowTarget?.addEventListener('online', onOnline);
      options.documentTarget?.addEventListener('visibilitychange', onVisibility);
      void run();
    },
    stop() {
      started = false;
      keeper?.stop();
      cancelTimer();
      for (const s of subscriptions) s.unsubscribe();
      subscriptions = [];
      unwatchOutbox();
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
      // A round may start another (`again`), and a listener may trigger one as it settles; packing follows a round.
      while (running || packing) {
        await running?.catch(() => undefined);
        await packing;
      }
    },
    getStatus: () => status,
    async followers(incidentId) {
      const token = await readSyncToken(db);
      if (token === null) throw new SyncError('unauthorized', 'This device has not joined an organisation');
      const transport = transportFor(token);
      if (!transport.followers) throw new SyncError('protocol', 'This transport cannot ask who follows an incident');
      try {
        const answer = await transport.followers(incidentId);
        heard();
        options.onReachability?.(true);
        return answer;
      } catch (error) {
        if (error instanceof SyncError) options.onReachability?.(error.kind !== 'offline');
        throw error;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The transport with `following` added to every pull of this round; its other requests as they are. */
function followingWith(transport: SyncTransport, following: readonly string[] | undefined): SyncTransport {
  if (following === undefined) return transport;
  return { ...transport, pull: (after, limit, _following, options) => transport.pull(after, limit, following, options) };
}
