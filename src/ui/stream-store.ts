import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import type { MusterEvent } from '../domain/event';
import { readStream, readStreamPages } from '../storage/events';
import { appDb } from '../storage';

/**
 * Keeps the events of one open stream in memory and its derived state up to date.
 *
 * A tap on this device goes the fast way: the event is committed to IndexedDB, then applied
 * to the state in memory (no re-read of thousands of events). Anything written elsewhere —
 * another tab, or a page pulled by sync — bumps the stream's revision row in the same
 * transaction, and a change of revision we did not make ourselves reloads the stream whole.
 * A reducer that can fold events in (`applyMany`) reads the stream a page at a time and folds
 * each page in as it comes, reducing from scratch only when an event arrives out of order.
 */
export interface StreamView<S> {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly state: S | null;
  readonly error?: string;
}

const LOADING: StreamView<never> = { status: 'loading', state: null };

interface Entry<S> {
  view: StreamView<S>;
  knownRev: number;
  /** Per reload under way: events this tab committed while it was reading (its snapshot may predate them), folded in after it. */
  lateCommits: Set<MusterEvent[]>;
  listeners: Set<() => void>;
  subscription: Subscription | null;
  loading: Promise<void> | null;
}

interface StreamReducer<S> {
  reduce: (streamId: string, events: readonly MusterEvent[]) => S;
  /** The fast path; null means "reduce again" (the event sorts before one applied, or was applied already). */
  apply: (state: S, event: MusterEvent) => S | null;
  /** Folds events given in order into a state; null as for `apply`. With it, a stream is read and folded in pages. */
  applyMany?: (state: S, events: readonly MusterEvent[]) => S | null;
  /** Whether the state holds this event already; without it, an event that does not fold in reloads the stream. */
  includes?: (state: S, event: MusterEvent) => boolean;
}

/** Marks for the browser's performance timeline (the bench reads them); a no-op where there is none. */
function measureSince(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // no User Timing here: nothing to record
  }
}

export class StreamStore<S> {
  private readonly entries = new Map<string, Entry<S>>();
  constructor(private readonly reducer: StreamReducer<S>) {}

  private entry(streamId: string): Entry<S> {
    let e = this.entries.get(streamId);
    if (!e) {
      e = { view: LOADING, knownRev: -1, lateCommits: new Set(), listeners: new Set(), subscription: null, loading: null };
      this.entries.set(streamId, e);
    }
    return e;
  }

  private publish(e: Entry<S>, view: StreamView<S>): void {
    e.view = view;
    for (const l of e.listeners) l();
  }

  private async reload(streamId: string, rev: number): Promise<void> {
    const e = this.entry(streamId);
    const started = performance.now();
    const lateCommits: MusterEvent[] = [];
    e.lateCommits.add(lateCommits);
    try {
      let state: S = await this.read(streamId);
      e.knownRev = Math.max(e.knownRev, rev);
      for (const late of lateCommits) if (!this.reducer.includes?.(state, late)) state = this.reducer.apply(state, late) ?? (await this.read(streamId));
      measureSince(`muster:stream-load:${streamId}`, started);
      this.publish(e, { status: 'ready', state });
    } catch (err) {
      this.publish(e, { status: 'failed', state: e.view.state, error: err instanceof Error ? err.message : String(err) });
    } finally {
      e.lateCommits.delete(lateCommits);
    }
  }

  /** The stream's state from what IndexedDB holds now: folded page by page where the reducer can, else reduced whole. */
  private async read(streamId: string): Promise<S> {
    const { reduce, applyMany } = this.reducer;
    if (!applyMany) return reduce(streamId, await readStream(appDb(), streamId));
    const pages: (readonly MusterEvent[])[] = [];
    let state: S | null = reduce(streamId, []);
    await readStreamPages(appDb(), streamId, (page) => {
      pages.push(page);
      if (state !== null) state = applyMany(state, page);
    });
    // An event out of order (a late one pulled by sync sorts before events stamped after it): reduce them all.
    return state ?? reduce(streamId, pages.flat());
  }

  /** Starts reading a stream before its screen subscribes (used while the screen's code loads). */
  prefetch(streamId: string): void {
    const e = this.entry(streamId);
    if (e.view.status !== 'loading' || e.loading) return;
    e.loading = (async () => {
      const rev = (await appDb().streams.get(streamId))?.rev ?? 0;
      await this.reload(streamId, rev);
    })();
  }

  subscribe(streamId: string, listener: () => void): () => void {
    const e = this.entry(streamId);
    e.listeners.add(listener);
    e.subscription ??= liveQuery(async () => (await appDb().streams.get(streamId))?.rev ?? 0).subscribe({
      next: (rev) => {
        // Let a commit of this tab report itself first (see `committed`), so a tap here
        // never costs a full reload.
        setTimeout(() => {
          // A prefetch still reading will publish what it read; check again after it.
          void (e.loading ?? Promise.resolve()).then(() => {
            if (rev > e.knownRev) void this.reload(streamId, rev);
          });
        }, 0);
      },
      error: (err: unknown) => this.publish(e, { status: 'failed', state: e.view.state, error: String(err) }),
    });
    return () => {
      e.listeners.delete(listener);
      if (e.listeners.size === 0) {
        // Stop watching but keep the state: coming back to the incident is instant, and the
        // next subscription's first revision tells whether anything changed meanwhile.
        e.subscription?.unsubscribe();
        e.subscription = null;
      }
    };
  }

  /** The current view; the same object until something changes (useSyncExternalStore needs that). */
  view(streamId: string): StreamView<S> {
    return this.entries.get(streamId)?.view ?? LOADING;
  }

  /** Applies an event this tab has just committed, which moved the stream to revision `rev`. */
  committed(event: MusterEvent, rev: number): void {
    const e = this.entries.get(event.streamId);
    if (!e) return;
    for (const late of e.lateCommits) late.push(event);
    // Another writer slipped in between: the liveQuery will reload; otherwise we are current.
    if (rev === e.knownRev + 1) e.knownRev = rev;
    const state = e.view.state;
    if (e.view.status !== 'ready' || state === null) return;
    const next = this.reducer.apply(state, event);
    if (next !== null) this.publish(e, { status: 'ready', state: next });
    else if (!this.reducer.includes?.(state, event)) void this.reload(event.streamId, e.knownRev);
  }
}

export function useStreamView<S>(store: StreamStore<S>, streamId: string): StreamView<S> {
  const subscribe = useCallback((l: () => void) => store.subscribe(streamId, l), [store, streamId]);
  const snapshot = useCallback(() => store.view(streamId), [store, streamId]);
  return useSyncExternalStore(subscribe, snapshot);
}
