import { readFileSync } from 'node:fs';
import type { ConsoleMessage, Page } from 'playwright-core';

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

/** What the page says on its console when a probe's condition first holds: `muster-probe <name> <ms> <timeOrigin>`. */
const PROBE_PREFIX = 'muster-probe ';

/**
 * A condition a probe waits for: `when` (a JavaScript expression, checked whenever the document
 * changes), then `shown` (checked on each animation frame from then on: a layout test, such as
 * an element inside the screen).
 */
export type Probe = string | { when: string; shown: string };

/**
 * Installs, in every document `page` opens from now on, a probe (an init script of a few lines):
 * whenever the document changes it checks each of `probes` (by name) and, the first time one
 * holds, says so on the console at the animation frame that paints it, with the time from
 * navigation start; `fcp` is said too, at the first contentful paint. A timed open then leaves
 * the page alone while it loads. Waiting with Playwright's `waitForFunction` instead compiles
 * Playwright's own script in the new document inside the measured time (a trace shows it: about
 * 30 ms at full speed, 115–140 ms at CPU 4×, before the first paint), which no phone runs; and
 * checking on every frame from the start (this probe's first version) makes the page draw frames
 * it would not draw while it starts.
 */
export async function installProbes(page: Page, probes: Record<string, Probe>): Promise<void> {
  const checks = Object.entries(probes)
    .map(([name, p]) => {
      const { when, shown } = typeof p === 'string' ? { when: p, shown: 'true' } : p;
      return `[${JSON.stringify(name)}, { when: () => (${when}), shown: () => (${shown}) }]`;
    })
    .join(',');
  await page.addInitScript(`(() => {
    const say = (name, at) => console.debug(${JSON.stringify(PROBE_PREFIX)} + name + ' ' + at + ' ' + performance.timeOrigin);
    new PerformanceObserver((list, observer) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') { say('fcp', entry.startTime); observer.disconnect(); }
    }).observe({ type: 'paint', buffered: true });
    const left = new Map([${checks}]);
    const check = () => {
      for (const [name, probe] of left) {
        if (!probe.when()) continue;
        left.delete(name);
        const frame = () => (probe.shown() ? say(name, performance.now()) : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }
      if (left.size === 0) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    check();
  })()`);
}

/**
 * Runs `navigate` and returns, for each of `names`, when the new document's probe (installProbes)
 * said it, in ms from that document's navigation start. Only a document whose navigation started
 * after the call counts, so the page being left cannot answer.
 */
export async function timeProbes<N extends string>(
  page: Page,
  names: readonly N[],
  navigate: () => Promise<unknown>,
  timeoutMs = 60_000,
): Promise<Record<N, number>> {
  const startedAt = Date.now();
  const seen = new Map<string, number>();
  let listener: ((message: ConsoleMessage) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const all = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the page's probe did not say ${names.filter((n) => !seen.has(n)).join(', ')} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    listener = (message) => {
      const text = message.text();
      if (!text.startsWith(PROBE_PREFIX)) return;
      const [name = '', at, origin] = text.slice(PROBE_PREFIX.length).split(' ');
      // timeOrigin and Date.now() read the same clock; a few ms of slack for their rounding.
      if (!(names as readonly string[]).includes(name) || seen.has(name) || Number(origin) < startedAt - 5) return;
      seen.set(name, Number(at));
      if (seen.size === names.length) resolve();
    };
    page.on('console', listener);
  });
  // Waited on below; a failed navigation must not leave it rejecting unheard.
  all.catch(() => undefined);
  try {
    await navigate();
    await all;
  } finally {
    clearTimeout(timer);
    if (listener) page.off('console', listener);
  }
  return Object.fromEntries(names.map((n) => [n, Math.round((seen.get(n) ?? 0) * 10) / 10])) as Record<N, number>;
}
