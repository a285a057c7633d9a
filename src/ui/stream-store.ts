import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import type { MusterEvent } from '../domain/event';
import { readStream } from '../storage/events';
import { appDb } from '../storage';

/**
 * Keeps the events of one open stream in memory and its derived state up to date.
 *
 * A tap on this device goes the fast way: the event is committed to IndexedDB, then applied
 * to the state in memory (no re-read of thousands of events). Anything written elsewhere —
 * another tab, or a page pulled by sync — bumps the stream's revision row in the same
 * transaction, and a change of revision we did not make ourselves reloads the stream whole.
 */
export interface StreamView<S> {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly state: S | null;
  readonly error?: string;
}

const LOADING: StreamView<never> = { status: 'loading', state: null };

interface Entry<S> {
  view: StreamView<S>;
  ids: Set<string>;
  knownRev: number;
  listeners: Set<() => void>;
  subscription: Subscription | null;
  loading: Promise<void> | null;
}

interface StreamReducer<S> {
  reduce: (streamId: string, events: readonly MusterEvent[]) => S;
  /** The fast path; null means "reduce again". */
  apply: (state: S, event: MusterEvent) => S | null;
}

export class StreamStore<S> {
  private readonly entries = new Map<string, Entry<S>>();
  constructor(private readonly reducer: StreamReducer<S>) {}

  private entry(streamId: string): Entry<S> {
    let e = this.entries.get(streamId);
    if (!e) {
      e = { view: LOADING, ids: new Set(), knownRev: -1, listeners: new Set(), subscription: null, loading: null };
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
    try {
      const events = await readStream(appDb(), streamId);
      e.ids = new Set(events.map((x) => x.id));
      e.knownRev = Math.max(e.knownRev, rev);
      const state = this.reducer.reduce(streamId, events);
      this.publish(e, { status: 'ready', state });
    } catch (err) {
      this.publish(e, { status: 'failed', state: e.view.state, error: err instanceof Error ? err.message : String(err) });
    }
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
    if (!e || e.ids.has(event.id)) return;
    e.ids.add(event.id);
    // Another writer slipped in between: the liveQuery will reload; otherwise we are current.
    if (rev === e.knownRev + 1) e.knownRev = rev;
    const state = e.view.state;
    if (e.view.status !== 'ready' || state === null) return;
    const next = this.reducer.apply(state, event);
    if (next === null) void this.reload(event.streamId, e.knownRev);
    else this.publish(e, { status: 'ready', state: next });
  }
}

export function useStreamView<S>(store: StreamStore<S>, streamId: string): StreamView<S> {
  const subscribe = useCallback((l: () => void) => store.subscribe(streamId, l), [store, streamId]);
  const snapshot = useCallback(() => store.view(streamId), [store, streamId]);
  return useSyncExternalStore(subscribe, snapshot);
}
