import { UTCDateMini } from '@date-fns/utc/date/mini';
import { differenceInHours, format } from 'date-fns';
import { useEffect, useState } from 'react';

// The list lives apart (incident-list.ts) so the home screen loads it without these screens' date code.
export { useIncidentList, type IncidentSummary } from './incident-list';

/** The current time, refreshed every `ms`; time is read here, at the edge, never in the domain. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A running duration as "h:mm:ss": "0:07:05", "27:04:09". */
export function formatElapsed(ms: number): string {
  const elapsed = Math.max(0, ms);
  // Hours keep counting past 24 (an incident can last days); minutes and seconds are read in UTC,
  // where a device in a half-hour zone (India, +05:30) cannot shift them.
  return `${differenceInHours(elapsed, 0)}:${format(new UTCDateMini(elapsed), 'mm:ss')}`;
}

/**
 * Keeps the screen on while an incident is open, where the browser allows it (Screen Wake
 * Lock); the lock is dropped by the browser when the page is hidden, so it is taken again
 * when the page comes back.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (s) => {
          if (cancelled) void s.release();
          else sentinel = s;
        },
        () => undefined, // refused (battery saver, no user gesture): the app works without it
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [active]);
}
