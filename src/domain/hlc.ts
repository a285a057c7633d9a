/**
 * Hybrid logical clock (Kulkarni et al.): it orders events across devices whose wall clocks
 * disagree, so every device sorts the same events the same way.
 *
 * A stamp is a string that sorts the same way as the time it stands for:
 * `WWWWWWWWWWWWWWW-CCCC-deviceId`, where W is the logical wall time in milliseconds
 * (15 decimal digits, zero-padded) and C the counter (4 hex digits). Comparing two stamps
 * as strings therefore compares (wall, counter, device).
 *
 * The clock is a plain value: every function takes the current wall time as an argument and
 * returns the next clock. Nothing here reads the system clock, so tests set time exactly.
 */

export const MAX_COUNTER = 0xffff;
/**
 * `receive` refuses a remote stamp further ahead of our wall time than this, so one phone
 * with a wrong clock cannot drag every clock forward and win every later conflict.
 */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
const STAMP_PATTERN = /^(\d{15})-([0-9a-f]{4})-([A-Za-z0-9_.:~-]{1,64})$/;

interface HlcTimestamp {
  readonly wall: number;
  readonly counter: number;
  readonly deviceId: string;
}

/** The clock of one device: the last stamp it issued or saw. */
export interface HlcClock {
  readonly deviceId: string;
  readonly wall: number;
  readonly counter: number;
}

/** Thrown when a remote stamp lies too far in the future: one phone with a wrong clock must not win every conflict. */
export class ClockDriftError extends Error {
  override readonly name = 'ClockDriftError';
  constructor(
    readonly remoteStamp: string,
    readonly driftMs: number,
  ) {
    super(`Clock stamp ${remoteStamp} is ${Math.round(driftMs / 1000)} s ahead of this device's clock (at most ${MAX_DRIFT_MS / 1000} s allowed)`);
  }
}

export class InvalidStampError extends Error {
  override readonly name = 'InvalidStampError';
  constructor(readonly stamp: string) {
    super(`"${stamp}" is not a clock stamp (expected 15-digit milliseconds, 4 hex digits of counter and a device id, joined by "-")`);
  }
}

/** A fresh clock for a device. Offline: works with no network; the device id is its only identity. */
export function createClock(deviceId: string, wall = 0, counter = 0): HlcClock {
  if (!/^[A-Za-z0-9_.:~-]{1,64}$/.test(deviceId)) {
    throw new InvalidStampError(`${'0'.repeat(WALL_DIGITS)}-0000-${deviceId}`);
  }
  return { deviceId, wall, counter };
}

export function formatStamp(t: HlcTimestamp): string {
  return `${String(t.wall).padStart(WALL_DIGITS, '0')}-${t.counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${t.deviceId}`;
}

/** Reads a stamp; throws InvalidStampError on anything else. Pure. */
export function parseStamp(stamp: string): HlcTimestamp {
  const m = STAMP_PATTERN.exec(stamp);
  if (!m) throw new InvalidStampError(stamp);
  return { wall: Number(m[1]), counter: parseInt(m[2] ?? '0', 16), deviceId: m[3] ?? '' };
}

export function isStamp(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && STAMP_PATTERN.test(stamp);
}

/** Wall time in ms of a stamp (what a person would read as "when"). */
export function stampTime(stamp: string): number {
  return parseStamp(stamp).wall;
}

/**
 * Issues the stamp for a local event: `max(now, last)` plus a counter that breaks ties.
 * Monotonic even when the wall clock steps back. When the counter would overflow, the
 * logical time moves on by one millisecond instead of failing, so a burst of taps offline
 * is never refused. Under sync: stamps from one device never repeat.
 */
export function tick(clock: HlcClock, now: number): { clock: HlcClock; stamp: string } {
  let wall: number;
  let counter: number;
  if (now > clock.wall) {
    wall = now;
    counter = 0;
  } else if (clock.counter < MAX_COUNTER) {
    wall = clock.wall;
    counter = clock.counter + 1;
  } else {
    wall = clock.wall + 1;
    counter = 0;
  }
  const next = { deviceId: clock.deviceId, wall, counter };
  return { clock: next, stamp: formatStamp(next) };
}

/**
 * Takes a stamp pulled from another device into account, so the next local stamp sorts after
 * it. Throws ClockDriftError if the remote stamp is more than MAX_DRIFT_MS ahead of `now`;
 * the clock is then unchanged. Under sync: called for every pulled event.
 */
export function receive(clock: HlcClock, remoteStamp: string, now: number): HlcClock {
  const remote = parseStamp(remoteStamp);
  const drift = remote.wall - now;
  if (drift > MAX_DRIFT_MS) throw new ClockDriftError(remoteStamp, drift);
  const wall = Math.max(clock.wall, remote.wall, now);
  let counter: number;
  if (wall === clock.wall && wall === remote.wall) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { deviceId: clock.deviceId, wall: wall + 1, counter: 0 };
  return { deviceId: clock.deviceId, wall, counter };
}
