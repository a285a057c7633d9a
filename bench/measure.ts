import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round(m * 100) / 100;
}

/** The nearest-rank percentile `p` (0-100) of `xs`. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] ?? 0;
}

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM…); 0 where there is no /proc or no such process. */
export function procStatus(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Waits until `page` has nothing left to do: three idle periods in a row with the whole 50 ms
 * to spare that requestIdleCallback gives at most, and no resource fetched meanwhile. A timed
 * navigation from it then measures the open, not the last page's background work (the screens
 * it loads ahead, the sync's start), as when a person taps a link on a screen they are reading.
 * Gives up waiting after `timeoutMs` (a page that never rests is measured as it is).
 */
export async function settledPage(page: Page, timeoutMs = 30_000): Promise<void> {
  // A string, not a function: the bench runs under tsx, whose helpers the page does not have.
  await page.evaluate(`new Promise((done) => {
    const end = performance.now() + ${timeoutMs};
    let quiet = 0;
    let fetched = performance.getEntriesByType('resource').length;
    const check = (deadline) => {
      const now = performance.getEntriesByType('resource').length;
      quiet = deadline.timeRemaining() >= 45 && now === fetched ? quiet + 1 : 0;
      fetched = now;
      if (quiet >= 3 || performance.now() > end) done();
      else requestIdleCallback(check);
    };
    requestIdleCallback(check);
  })`);
}
