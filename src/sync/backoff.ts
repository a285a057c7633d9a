/**
 * Waiting between failed attempts: doubling from `baseMs` up to `maxMs`, with "equal jitter"
 * (half fixed, half random) so a room full of phones that lost the network together do not
 * all knock on the server again in the same second, and none retries at once.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** Delay before attempt number `failures + 1`, after `failures` (≥ 1) failures in a row. `random` is in [0, 1). */
export function backoffDelay(failures: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random * (ceiling / 2));
}

/**
 * A fraction in [0, 1) for the jitter, from four bytes of the engine's one random source (so a
 * test that fixes the bytes fixes the delays too).
 */
export function randomFraction(random: (bytes: Uint8Array) => Uint8Array): number {
  const bytes = random(new Uint8Array(4)).subarray(0, 4);
  return bytes.reduce((n, byte) => n * 256 + byte, 0) / 2 ** 32;
}
