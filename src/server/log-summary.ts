/**
 * Repeated log lines, summarised: the first line of a kind (per key, such as a device token)
 * is written as it is, the rest within the next minute are only counted, and one line says how
 * many there were. A token pushing conflicting events wrote 33 MB of log in 11 s, one line each;
 * now it writes about two lines a minute, and the count still says how bad it was.
 */
export interface LogSummary {
  /** Logs `line` unless a line for `key` was logged less than a window ago; then counts it, `more(n)` saying so later. */
  note(key: string, line: () => string, more: (count: number) => string): void;
  /** Writes the count of every open window now (at shutdown). */
  flush(): void;
}

interface LogSummaryOptions {
  log: (line: string) => void;
  /** The server's clock (ms); a test holds it still or moves it on. */
  now?: () => number;
  windowMs?: number;
  /** Closes a window that hears no more lines; an unref'd timer, so it never holds the process open. */
  schedule?: (close: () => void, ms: number) => void;
}

interface Window {
  readonly startedAt: number;
  count: number;
  more: (count: number) => string;
}

export function createLogSummary({ log, now = Date.now, windowMs = 60_000, schedule = unrefTimer }: LogSummaryOptions): LogSummary {
  const open = new Map<string, Window>();
  const close = (key: string, window: Window): void => {
    if (open.get(key) !== window) return;
    open.delete(key);
    if (window.count > 0) log(window.more(window.count));
  };
  return {
    note(key, line, more) {
      const at = now();
      const current = open.get(key);
      if (current && at - current.startedAt < windowMs) {
        current.count += 1;
        current.more = more;
        return;
      }
      // The window is over, on the server's clock: its count first, then this line in full.
      if (current) close(key, current);
      log(line());
      const window: Window = { startedAt: at, count: 0, more };
      open.set(key, window);
      schedule(() => close(key, window), windowMs);
    },
    flush() {
      for (const [key, window] of [...open]) close(key, window);
    },
  };
}

function unrefTimer(close: () => void, ms: number): void {
  setTimeout(close, ms).unref();
}

/** 1234 → "1,234", as the summary lines print counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
