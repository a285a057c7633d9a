import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../domain/text';
import type { SyncStatus } from '../../sync/controller';
import { enrolledStatus, engineShowing } from './engine-double';
import { badgeState, SyncBadge, tickingClock, type BadgeClock } from './SyncBadge';

// 02:00 in the device's own time zone, as the badge shows it.
const T0 = new Date(2026, 6, 14, 2, 0, 0).getTime();
const MINUTE = 60_000;

/** A clock that stands still at `at`. */
const stoppedAt = (at: number): BadgeClock => ({ read: () => at, subscribe: () => () => undefined });

/** The badge's words, as a person reads them in the top bar. */
function badge(language: Language, status: Partial<SyncStatus>, now = T0): string {
  const html = renderToStaticMarkup(<SyncBadge engine={engineShowing(status)} clock={stoppedAt(now)} language={language} />);
  return html.replace(/<[^>]+>/g, '');
}

/** A stream that opened at T0 and has been heard from since. */
const live: Partial<SyncStatus> = { stream: 'open', live: true, lastHeardAt: T0, lastSuccessAt: T0 };

describe('the sync badge', () => {
  it('says "Live" while the stream is open, nothing waits and the server was heard within the minute', () => {
    expect(badge('en', live, T0 + 20_000)).toBe('Live');
    expect(badge('zh-CN', live, T0 + 20_000)).toBe('实时');
  });

  it('turns "Live" into "Last synced" once a minute passes without a word from the server', () => {
    expect(badge('en', live, T0 + MINUTE - 1)).toBe('Live');
    expect(badge('en', live, T0 + MINUTE)).toBe('Last synced 02:00');
    expect(badge('zh-CN', live, T0 + MINUTE + 15_000)).toBe('上次同步 02:00');
  });

  it('counts the records waiting to be sent, whatever the stream', () => {
    expect(badge('en', { ...live, waiting: 3 })).toBe('3 waiting');
    expect(badge('zh-CN', { waiting: 3, stream: 'down' })).toBe('3 条待发送');
  });

  it('says "Offline" when the last request could not reach the server', () => {
    const offline: Partial<SyncStatus> = { lastSuccessAt: T0, lastError: { kind: 'offline', message: 'fetch failed', at: T0 + MINUTE } };
    expect(badge('en', offline)).toBe('Offline');
    expect(badge('zh-CN', offline)).toBe('离线');
  });

  it('says when it last synced while the stream is blocked (a captive portal, a buffering proxy), though rounds succeed', () => {
    const blocked: Partial<SyncStatus> = { stream: 'down', live: false, lastSuccessAt: T0 + 5 * MINUTE, lastHeardAt: T0 + 5 * MINUTE };
    expect(badge('en', blocked, T0 + 5 * MINUTE + 1_000)).toBe('Last synced 02:05');
    expect(badge('zh-CN', blocked, T0 + 5 * MINUTE + 1_000)).toBe('上次同步 02:05');
  });

  it('says it has not synced yet on a device that never reached the server', () => {
    expect(badge('en', { stream: 'connecting' })).toBe('Not synced yet');
    expect(badge('zh-CN', { stream: 'connecting' })).toBe('尚未同步');
  });

  it('calls a refused token a problem, and never says "Synced"', () => {
    const refused: Partial<SyncStatus> = { ...live, lastError: { kind: 'unauthorized', message: 'HTTP 401', at: T0 } };
    expect(badge('en', refused)).toBe('Sync problem');
    expect(badge('zh-CN', refused)).toBe('同步异常');
    for (const status of [live, refused, { lastSuccessAt: T0 }]) {
      for (const now of [T0, T0 + 10 * MINUTE]) {
        expect(badge('en', status, now)).not.toMatch(/^Synced/);
        expect(badge('zh-CN', status, now)).not.toContain('已同步');
      }
    }
  });

  it('says how far a new phone has got while it receives thousands of records, then what it says after', () => {
    const pulling: Partial<SyncStatus> = { syncing: true, pullProgress: { done: 2000, total: 10_000 } };
    // ⟳: a round is running.
    expect(badge('en', pulling)).toBe('⟳ Receiving 2000 of 10000');
    expect(badge('zh-CN', pulling)).toBe('⟳ 接收中 2000/10000');
    expect(badgeState({ ...enrolledStatus, ...pulling }, T0)).toEqual({ kind: 'pulling', done: 2000, total: 10_000 });
    // A pull of one page is over before anyone could read it; a finished round no longer pulls.
    expect(badgeState({ ...enrolledStatus, syncing: true, pullProgress: { done: 400, total: 1000 } }, T0).kind).toBe('never');
    expect(badgeState({ ...enrolledStatus, ...pulling, syncing: false, lastSuccessAt: T0 }, T0).kind).toBe('lastSynced');
    // What waits to be sent, or a problem, matters more than the count received.
    expect(badge('en', { ...pulling, waiting: 2 })).toBe('⟳ 2 waiting');
    expect(badge('en', { ...pulling, lastError: { kind: 'unauthorized', message: 'HTTP 401', at: T0 } })).toBe('⟳ Sync problem');
  });

  it('is hidden on a device that has not joined an organisation', () => {
    expect(badge('en', { enrolled: false })).toBe('');
  });

  it('does not believe a stale "live" flag: the minute is measured by the badge\'s own clock', () => {
    expect(badgeState({ ...enrolledStatus, ...live }, T0 + 2 * MINUTE)).toEqual({ kind: 'lastSynced', at: T0 });
    expect(badgeState({ ...enrolledStatus, ...live, live: false }, T0)).toEqual({ kind: 'lastSynced', at: T0 });
  });
});

describe("the badge's clock", () => {
  it('ticks every 15 s while watched, so the badge re-renders as time passes, and stops when nobody watches', () => {
    let wall = T0;
    const intervals = new Map<number, { fn: () => void; ms: number }>();
    let next = 1;
    const clock = tickingClock(15_000, () => wall, {
      set: (fn, ms) => {
        intervals.set(next, { fn, ms });
        return next++;
      },
      clear: (h) => intervals.delete(h as number),
    });
    let renders = 0;
    const stopWatching = clock.subscribe(() => renders++);
    expect([...intervals.values()].map((i) => i.ms)).toEqual([15_000]);
    wall = T0 + 15_000;
    expect(clock.read()).toBe(T0); // one value between ticks, as React requires of a snapshot
    for (const { fn } of intervals.values()) fn();
    expect(clock.read()).toBe(T0 + 15_000);
    expect(renders).toBe(1);
    stopWatching();
    expect(intervals.size).toBe(0);
  });
});
