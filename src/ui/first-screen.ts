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

/**
 * Marks the first screen as up; the work waiting for it starts when the browser is idle, one
 * piece per idle period, so no piece delays a tap on the screen by the others' time.
 */
export function markFirstScreenUp(idle: Idle = whenIdle): void {
  if (ready) return;
  ready = true;
  const run = waiting.splice(0);
  const next = () => {
    const fn = run.shift();
    if (!fn) return;
    fn();
    if (run.length) idle(next);
  };
  if (run.length) idle(next);
}

/**
 * Runs `jobs` after the first screen, one per idle period, each started once the one before has
 * settled (loading the other screens ahead: each module is evaluated in its own task).
 */
export function afterFirstScreenInTurn(jobs: readonly (() => Promise<unknown>)[], idle: Idle = whenIdle): void {
  const queue = [...jobs];
  const next = () => {
    if (queue.length === 0) return;
    if (holds > 0) {
      // Held (a sync round is storing what it fetched): taken up again once nothing holds it.
      onRelease.push(() => idle(next));
      return;
    }
    const job = queue.shift()!;
    void job()
      .catch(() => undefined)
      .then(() => {
        if (queue.length) idle(next);
      });
  };
  afterFirstScreen(next, idle);
}

let holds = 0;
const onRelease: (() => void)[] = [];

/**
 * Holds back the screens loaded ahead (afterFirstScreenInTurn) until the returned function is
 * called: for work the device is doing meanwhile that would otherwise wait behind them, such as a
 * sync round writing thousands of events (each screen loaded is a module evaluated on the main
 * thread, and every answer the round waits for queues behind it: a third of a 10,000-event
 * pull). A screen already loading finishes; the next waits. Holds may overlap; releasing twice
 * counts once.
 */
export function holdLoadsAhead(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0) for (const resume of onRelease.splice(0)) resume();
  };
}

/** What `holdLoadsWhileInput` listens to: a person touching or typing, and a click with no pointer before it (a screen reader's, a switch's). */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'click'] as const;

interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * While the person is using the screen, the screens loaded ahead wait: each is a module
 * evaluated on the main thread (tens of milliseconds on a cheap phone), and a tap whose write
 * or render queues behind one is that much slower. Measured with `npm run bench` on an incident
 * just opened: its first taps took 20–50 ms while screens loaded beside them, 5–7 ms after.
 * They go on once no input has come for `quietMs`. Returns what stops listening (and lets them go).
 */
export function holdLoadsWhileInput(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  quietMs = 1000,
  timers: Timers = realTimers,
): () => void {
  let release: (() => void) | null = null;
  let timer: unknown = null;
  const quiet = () => {
    timer = null;
    release?.();
    release = null;
  };
  const onInput = () => {
    release ??= holdLoadsAhead();
    if (timer !== null) timers.clear(timer);
    timer = timers.set(quiet, quietMs);
  };
  for (const type of INPUT_EVENTS) target.addEventListener(type, onInput, { capture: true, passive: true });
  return () => {
    for (const type of INPUT_EVENTS) target.removeEventListener(type, onInput, { capture: true });
    if (timer !== null) timers.clear(timer);
    quiet();
  };
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
  holds = 0;
  onRelease.length = 0;
}
