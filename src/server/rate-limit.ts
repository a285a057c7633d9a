import type { MusterEvent } from '../domain/event';
import { MAX_BODY_BYTES } from '../domain/sync-protocol';

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
  /**
   * Takes `cost` (1 by default) from `key`'s bucket: 0 when allowed, else the seconds to wait.
   * A cost above `burst` is charged as `burst`, so it waits for a full bucket instead of for ever.
   */
  take(key: string, cost?: number): number;
}

/** `now` is the server's wall clock (ms); the refill is measured on it, so a test can hold it still. */
export function createRateLimiter({ burst, perSecond }: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = 0;
  return {
    take(key, cost = 1) {
      const nowMs = now();
      const charge = Math.min(cost, burst);
      // Full buckets carry no information; drop them now and then so the map stays small.
      if (nowMs - lastSweep > 60_000) {
        lastSweep = nowMs;
        for (const [k, b] of buckets) if (b.tokens + ((nowMs - b.at) / 1000) * perSecond >= burst) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: nowMs };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.at) / 1000) * perSecond);
      bucket.at = nowMs;
      buckets.set(key, bucket);
      if (bucket.tokens >= charge) {
        bucket.tokens -= charge;
        return 0;
      }
      return Math.max(1, Math.ceil((charge - bucket.tokens) / perSecond));
    },
  };
}

/**
 * What one device, one address or one organisation may cost the server. The request count
 * alone let one token store ~300 MB in 20 s and let anyone without a token send thousands of
 * requests a second, so bytes and unauthenticated requests have their own budgets.
 */
export interface CostLimits {
  /** TOKEN_BYTES_PER_MINUTE: request body bytes one device token may send per minute. */
  readonly tokenBytesPerMinute: number;
  /** ORG_QUOTA_MB, in bytes: stored event bytes one organisation may hold. */
  readonly orgQuotaBytes: number;
  /** UNAUTHENTICATED_PER_MINUTE: requests without a valid token one client address may make per minute. */
  readonly unauthenticatedPerMinute: number;
}

/**
 * 64 MiB a minute is a day offline pushed in a few pushes (a busy incident is a few MB), a
 * quarter of what the attack stored. 10 GiB per organisation is years of incidents, and still
 * stops a stolen token from filling the disk. 60 failed requests a minute (a burst of 60) is
 * plenty for a revoked phone retrying and stops a flood.
 */
export const DEFAULT_COST_LIMITS: CostLimits = {
  tokenBytesPerMinute: 64 * 1024 * 1024,
  orgQuotaBytes: 10 * 1024 * 1024 * 1024,
  unauthenticatedPerMinute: 60,
};

/** The smallest byte budget allowed: anything less would refuse a push of the largest allowed body for ever. */
export const MIN_TOKEN_BYTES_PER_MINUTE = MAX_BODY_BYTES;

export interface Refusal {
  /** Seconds, for Retry-After. */
  readonly retryAfter: number;
  readonly message: string;
}

export interface RequestLimits {
  /** Charges one request of `bodyBytes` to a device token; a refusal when it is over its count or its bytes. */
  admitDevice(tokenId: string, bodyBytes: number): Promise<Refusal | undefined>;
  /** Charges one request without a valid token to a client address; a refusal when it is over. */
  admitUnauthenticated(address: string): Refusal | undefined;
}

/**
 * A token bucket kept where every server process sees it (EventStore.chargeBucket, in
 * PostgreSQL): the same contract as `RateLimiter.take`, asynchronous.
 */
export type SharedBuckets = (key: string, cost: number, burst: number, perSecond: number, nowMs: number) => Promise<number>;

/**
 * The request-time limits (count and bytes per token, count per address), on the server's clock.
 *
 * With `shared` (several server processes on one database), a device's count and bytes are
 * charged there, so its budget is one budget whichever process its requests reach — a device
 * cannot double its minute by being balanced over two processes. An address without a token is
 * still counted in each process's memory: that limit protects each process's own work, and
 * sharing it would cost a database write for every stranger's request, which is what it stops.
 */
export function createRequestLimits(requests: RateLimitOptions, costs: CostLimits, now: () => number = Date.now, shared?: SharedBuckets): RequestLimits {
  const bytesPerSecond = costs.tokenBytesPerMinute / 60;
  const local = { count: createRateLimiter(requests, now), bytes: createRateLimiter({ burst: costs.tokenBytesPerMinute, perSecond: bytesPerSecond }, now) };
  // A bucket of one minute's budget, refilled evenly: a device may spend its minute at once.
  const takeCount = shared
    ? (tokenId: string): Promise<number> => shared(`count:${tokenId}`, 1, requests.burst, requests.perSecond, now())
    : (tokenId: string): Promise<number> => Promise.resolve(local.count.take(tokenId));
  const takeBytes = shared
    ? (tokenId: string, bytes: number): Promise<number> => shared(`bytes:${tokenId}`, bytes, costs.tokenBytesPerMinute, bytesPerSecond, now())
    : (tokenId: string, bytes: number): Promise<number> => Promise.resolve(local.bytes.take(tokenId, bytes));
  const strangers = createRateLimiter({ burst: costs.unauthenticatedPerMinute, perSecond: costs.unauthenticatedPerMinute / 60 }, now);
  return {
    async admitDevice(tokenId, bodyBytes) {
      const wait = await takeCount(tokenId);
      if (wait > 0) return { retryAfter: wait, message: `Too many requests from this device; retry in ${wait} s` };
      if (bodyBytes <= 0) return undefined;
      const byteWait = await takeBytes(tokenId, bodyBytes);
      if (byteWait === 0) return undefined;
      return {
        retryAfter: byteWait,
        message: `This device has sent more than ${formatBytes(costs.tokenBytesPerMinute)} in the last minute (TOKEN_BYTES_PER_MINUTE); retry in ${byteWait} s`,
      };
    },
    admitUnauthenticated(address) {
      const wait = strangers.take(address);
      if (wait === 0) return undefined;
      return {
        retryAfter: wait,
        message: `Too many requests without a valid device token from this address; retry in ${wait} s. Enrol this device again if it was revoked.`,
      };
    },
  };
}

/**
 * The bytes an event takes in the store, as the organisation's running total counts them: the
 * UTF-8 bytes of its text fields and its payload as JSON (the same sum as the trigger in
 * storage/sqlite-usage.ts, so the quota check before a push agrees with what is stored).
 */
export function storedEventBytes(e: MusterEvent): number {
  return [e.id, e.streamId, e.deviceId, e.actor, e.hlc, e.type, JSON.stringify(e.payload)].reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
}

/**
 * Why a push is refused for the organisation's storage quota, or undefined when it fits. A push
 * is refused whole when it would take the organisation past the quota, so nothing of it is
 * stored; events of it already stored count again, which only matters right at the quota.
 */
export function quotaRefusal(storedBytes: number, incomingBytes: number, quotaBytes: number): string | undefined {
  if (incomingBytes === 0 || storedBytes + incomingBytes <= quotaBytes) return undefined;
  return (
    `This organisation's storage quota of ${formatBytes(quotaBytes)} is used up (${formatBytes(storedBytes)} stored, this push adds ${formatBytes(incomingBytes)}); ` +
    'nothing was stored. The server administrator can raise it with ORG_QUOTA_MB and a restart.'
  );
}

/** 1536 → "1.5 KiB"; whole MiB and GiB as such. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit] ?? 'bytes'}`;
}

/**
 * The body bytes a request is charged before it is read: its Content-Length, or, for a body of
 * unknown length (chunked), the largest body a route accepts, since that is what it may cost.
 */
export function chargedBodyBytes(contentLength: string | undefined, transferEncoding: string | undefined): number {
  if (contentLength !== undefined && /^\d{1,15}$/.test(contentLength.trim())) return Number(contentLength.trim());
  return transferEncoding === undefined ? 0 : MAX_BODY_BYTES;
}
