import type { FollowersResponse } from '../../domain/sync-protocol';
import type { EventTargetLike, SyncEngine, SyncStatus } from '../../sync/controller';
import { SyncError } from '../../sync/transport';

/** What the list needs of the sync engine: the question itself, and its status to know when to ask again. */
export type FollowersSource = Pick<SyncEngine, 'followers' | 'subscribe' | 'getStatus'>;

/** Why the server's answer is not here: the words differ, since what the person can do differs. */
export type FollowersProblem = 'offline' | 'notEnrolled' | 'revoked' | 'failed';

/**
 * Where the list stands. `at` is this device's clock when the state was reached, so the screen
 * can say "14:02" without a date when that is today. A failure keeps the last answer, shown
 * with its time as the last known list, never as the current one.
 */
export type FollowersState =
  | { readonly kind: 'known'; readonly answer: FollowersResponse; readonly at: number }
  | { readonly kind: 'failed'; readonly problem: FollowersProblem; readonly last: FollowersResponse | null; readonly at: number };

/** How often the list is asked for again while the screen is visible. */
export const FOLLOWERS_REFRESH_MS = 10_000;

export interface WatchFollowersOptions {
  /** Whether the page is visible, and where it says it changed (document). No polling while hidden. */
  documentTarget?: EventTargetLike & { readonly visibilityState?: string };
  intervalMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Asks the server which devices follow `incidentId`: at once, then every `intervalMs` while the
 * page is visible, at once when it becomes visible again, and at once when the engine's status
 * says a round finished, records were sent, the enrolment or the live connection changed. At
 * most one request is in flight; a reason to ask that arrives meanwhile asks once more after
 * it. Each answer or failure goes to `report` (until the first, the screen shows "checking");
 * after the returned stop, nothing does. Offline, the last answer is kept and marked as such
 * (see FollowersState).
 */
export function watchFollowers(
  incidentId: string,
  source: FollowersSource,
  report: (state: FollowersState) => void,
  options: WatchFollowersOptions = {},
): () => void {
  const {
    documentTarget,
    intervalMs = FOLLOWERS_REFRESH_MS,
    now = () => Date.now(),
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = options;
  let stopped = false;
  let asking = false;
  let again = false;
  let timer: unknown = null;
  let last: FollowersResponse | null = null;
  let seen = statusKey(source.getStatus());

  const visible = () => (documentTarget?.visibilityState ?? 'visible') === 'visible';
  const cancelTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const ask = (): void => {
    if (stopped) return;
    // Hidden: nobody reads it. Becoming visible asks at once.
    if (!visible()) return;
    if (asking) {
      again = true;
      return;
    }
    cancelTimer();
    asking = true;
    again = false;
    // Through the constructor so that a source that throws before returning its promise fails like one that rejects.
    void new Promise<FollowersResponse>((resolve) => resolve(source.followers(incidentId)))
      .then(
        (answer) => {
          last = answer;
          return { kind: 'known', answer, at: now() } as const;
        },
        (error: unknown) => ({ kind: 'failed', problem: problemOf(error), last, at: now() }) as const,
      )
      .then((state) => {
        asking = false;
        if (stopped) return;
        report(state);
        if (again) ask();
        else if (visible()) timer = setTimer(ask, intervalMs);
      });
  };

  const onStatus = (): void => {
    // Asking itself is heard by the engine and changes its status (lastHeardAt): only a change
    // that can change the answer asks again, or each answer would ask for the next one.
    const key = statusKey(source.getStatus());
    if (key === seen) return;
    seen = key;
    ask();
  };
  const onVisibility = (): void => {
    if (visible()) ask();
    else cancelTimer();
  };

  const unsubscribe = source.subscribe(onStatus);
  documentTarget?.addEventListener('visibilitychange', onVisibility);
  ask();
  return () => {
    stopped = true;
    cancelTimer();
    unsubscribe();
    documentTarget?.removeEventListener('visibilitychange', onVisibility);
  };
}

/** The parts of the engine's status after whose change the answer may differ. */
function statusKey(status: SyncStatus): string {
  return [status.enrolled, status.lastSuccessAt, status.waiting, status.stream, status.lastError?.kind].join('|');
}

/**
 * A failure in the person's terms. The engine refuses to ask without a token with an
 * `unauthorized` error that carries no HTTP status; the server's 401/403 carries one and means
 * the token was revoked.
 */
export function problemOf(error: unknown): FollowersProblem {
  if (!(error instanceof SyncError)) return 'failed';
  if (error.kind === 'offline') return 'offline';
  if (error.kind === 'unauthorized') return error.status === undefined ? 'notEnrolled' : 'revoked';
  return 'failed';
}
