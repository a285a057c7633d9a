/**
 * A token bucket per key (a device token): `burst` requests at once, refilled at `perSecond`.
 * Enough for a device catching up after a day offline (a few dozen requests), and a stop for
 * a runaway or stolen token. Kept in memory: a restart forgets, which only ever lets more through.
 */
export interface RateLimitOptions {
  readonly burst: number;
  readonly perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 120, perSecond: 30 };

interface RateLimiter {
  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number;
}

/** `now` is the server's wall clock (ms); the refill is measured on it, so a test can hold it still. */
export function createRateLimiter({ burst, perSecond }: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = 0;
  return {
    take(key) {
      const nowMs = now();
      // Full buckets carry no information; drop them now and then so the map stays small.
      if (nowMs - lastSweep > 60_000) {
        lastSweep = nowMs;
        for (const [k, b] of buckets) if (b.tokens + ((nowMs - b.at) / 1000) * perSecond >= burst) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: nowMs };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.at) / 1000) * perSecond);
      bucket.at = nowMs;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}
