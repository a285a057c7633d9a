/**
 * "The first screen is up": the moment work that the person is not waiting for may start
 * (the sync engine and its badge, the service worker's registration chunk, loading other
 * screens). Until then a cheap phone on a weak signal spends its bandwidth and CPU on the
 * screen it is showing. The home screen says so when its lists are on screen; any other
 * first screen is taken as up `fallbackMs` after the page has loaded.
 */
type Idle = (run: () => void) => void;

let ready = false;
const waiting: (() => void)[] = [];

const whenIdle: Idle = (run) => {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
};

/** Marks the first screen as up; the work waiting for it starts when the browser is next idle. */
export function markFirstScreenUp(idle: Idle = whenIdle): void {
  if (ready) return;
  ready = true;
  const run = waiting.splice(0);
  if (run.length) idle(() => run.forEach((fn) => fn()));
}

/** Runs `fn` once the first screen is up (at once, on idle, if it already is). */
export function afterFirstScreen(fn: () => void, idle: Idle = whenIdle): void {
  if (ready) idle(fn);
  else waiting.push(fn);
}

/** For a first screen that never marks itself: taken as up `fallbackMs` after the page's load event. */
export function firstScreenFallback(fallbackMs = 3000): void {
  const arm = () => setTimeout(() => markFirstScreenUp(), fallbackMs);
  if (document.readyState === 'complete') arm();
  else window.addEventListener('load', arm, { once: true });
}

/** Test support: forget that the first screen was up. */
export function resetFirstScreen(): void {
  ready = false;
  waiting.length = 0;
}
