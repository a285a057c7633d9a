import { lightFormat } from 'date-fns';
import { useSyncExternalStore } from 'react';
import { LIVE_WINDOW_MS, type SyncEngine, type SyncStatus } from '../../sync';
import { speaker, type Language } from '../../domain/text';
import { useLanguage } from '../../ui/text';
import { Link } from '../../ui/router';
import { messages } from './messages';
import { messages as offlineMessages } from '../offline';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/** What the badge says, strongest first. */
export type BadgeState =
  | { readonly kind: 'problem' }
  | { readonly kind: 'waiting'; readonly count: number }
  | { readonly kind: 'pulling'; readonly done: number; readonly total: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'live' }
  | { readonly kind: 'lastSynced'; readonly at: number }
  | { readonly kind: 'never' };

/**
 * Being offline is normal here (basements, stairwells): the records simply wait, so only a
 * real problem (access revoked, server refusing) is called one. "Live" is said only while the
 * stream is open and the server was heard within the last minute by `now`: a phone that has
 * heard nothing for a minute cannot know it has everything, so it says when it last synced.
 */
export function badgeState(status: SyncStatus, now: number): BadgeState {
  if (status.lastError !== null && status.lastError.kind !== 'offline') return { kind: 'problem' };
  if (status.waiting > 0) return { kind: 'waiting', count: status.waiting };
  // A pull of more than a page (a new phone's first): how far it has got, not "Live" too early.
  const pull = status.pullProgress;
  if (status.syncing && pull !== null && pull.total > PROGRESS_FROM_EVENTS) return { kind: 'pulling', done: pull.done, total: pull.total };
  if (status.lastError !== null) return { kind: 'offline' };
  if (status.live && status.lastHeardAt !== null && now - status.lastHeardAt < LIVE_WINDOW_MS) return { kind: 'live' };
  return status.lastSuccessAt === null ? { kind: 'never' } : { kind: 'lastSynced', at: status.lastSuccessAt };
}

/** A pull of more events than this shows "n of m"; a smaller one is over before it could be read. */
export const PROGRESS_FROM_EVENTS = 1000;

/** The time the badge reads "now" by: it changes only on a tick, so a render reads one value. */
export interface BadgeClock {
  readonly read: () => number;
  readonly subscribe: (onTick: () => void) => () => void;
}

/** Often enough that "Live" turns into "Last synced" soon after a minute of silence. */
const BADGE_TICK_MS = 15_000;

/** A clock that ticks every `everyMs` while someone watches it. */
export function tickingClock(
  everyMs = BADGE_TICK_MS,
  now: () => number = () => Date.now(),
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setInterval(fn, ms),
    clear: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  },
): BadgeClock {
  let current = now();
  let handle: unknown;
  const watchers = new Set<() => void>();
  return {
    read: () => current,
    subscribe(onTick) {
      watchers.add(onTick);
      if (handle === undefined) {
        current = now();
        handle = timers.set(() => {
          current = now();
          for (const w of watchers) w();
        }, everyMs);
      }
      return () => {
        watchers.delete(onTick);
        if (watchers.size === 0 && handle !== undefined) {
          timers.clear(handle);
          handle = undefined;
        }
      };
    },
  };
}

const appClock = tickingClock();

interface SyncBadgeProps {
  /** The app's engine, clock and current language unless given (tests). */
  engine?: SyncEngine;
  clock?: BadgeClock;
  language?: Language;
}

/**
 * In the top bar, always in view: "Live", how many records wait to be sent, "Offline", or
 * when this device last synced; or that something is wrong. A tap opens the sync screen with
 * "Sync now". Hidden on a device that never joined an organisation (everything stays local
 * there).
 */
export function SyncBadge({ engine, clock = appClock, language }: SyncBadgeProps) {
  const current = useLanguage();
  const t = speaker(language ?? current, messages, offlineMessages);
  const status = useSyncStatus(engine);
  const now = useSyncExternalStore(clock.subscribe, clock.read, clock.read);
  if (!status.enrolled) return null;
  const state = badgeState(status, now);
  const text =
    state.kind === 'problem'
      ? t('syncBadge.error')
      : state.kind === 'waiting'
        ? t('syncBadge.waiting', { count: state.count })
        : state.kind === 'pulling'
          ? t('syncBadge.pulling', { done: state.done, total: state.total })
          : state.kind === 'offline'
            ? t('pwa.offline')
            : state.kind === 'live'
              ? t('syncBadge.live')
              : state.kind === 'lastSynced'
                ? t('sync.lastSuccess', { time: lightFormat(state.at, 'HH:mm') })
                : t('sync.never');
  const look = state.kind === 'problem' ? ' problem' : state.kind === 'live' ? ' live' : '';
  return (
    <Link href="/sync" className={`sync-badge${look}`} data-testid="sync-badge" data-state={state.kind}>
      {status.syncing ? '⟳ ' : ''}
      {text}
    </Link>
  );
}
