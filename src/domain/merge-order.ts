import { compareEvents, type MusterEvent } from './event';
import { ClockDriftError, formatStamp, parseStamp, receive, stampTime, type HlcClock } from './hlc';

/**
 * What the server says about an event when a device pulls it: when it first stored it and the
 * label of the device token that pushed it. A device keeps these with the event (an event it
 * made itself gets them when it pulls it back), so every device that has synced holds the same.
 */
export interface ServerReceipt {
  /** ISO 8601, the server's clock when it first stored the event. */
  readonly receivedAt?: string;
  /** The label of the device token that delivered it; null when the server did not record one. */
  readonly deliveredBy?: string | null;
}

/** An event as a device keeps it: the envelope its author made, plus what the server said about it. */
export type HeldEvent = MusterEvent & ServerReceipt;

/**
 * The clock rule for every last-writer-wins value (step status, role holder, commander, phase,
 * after-action texts, the duty officer): an event counts as made no later than the moment the
 * server first stored it. Its effective time is its stamp's wall time, capped at `receivedAt`
 * when it has been through the server; an event not yet through the server (recorded here and
 * not pushed) counts at its stamp.
 *
 * Why this rule: a stamp is whatever the author's clock said, and a clock hours ahead would
 * otherwise win every conflict for ever; `receivedAt` comes from one clock, the server's, and
 * travels with the event, so the cap is the same on every device whatever order events
 * arrive in (deterministic), and an honest later action — made after the far-future event
 * reached the server — wins again. Causality holds: an event made after seeing another has a
 * later stamp (the HLC) and is stored later, so both its stamp and its cap are later. With no
 * tolerance, an honest clock a little fast is also put back to when its event truly arrived.
 * The server refuses stamps more than MAX_CLOCK_AHEAD_MS ahead of its clock besides; this rule
 * covers what got in before that check, or by any other way.
 *
 * Two details keep causality for capped events too: at the same effective time a capped event
 * sorts first (its true time is unknown, at most that), and a device that pulls a capped
 * event its clock refuses still takes in the capped time (`takeIn`), so what it records next
 * sorts after it.
 */
export function effectiveTime(e: Pick<HeldEvent, 'hlc' | 'receivedAt'>): number {
  const stamped = wallTime(e.hlc);
  return e.receivedAt === undefined ? stamped : capped(stamped, Date.parse(e.receivedAt));
}

function capped(stamped: number, received: number): number {
  return Number.isFinite(received) ? Math.min(stamped, received) : stamped;
}

/**
 * `effectiveTime` for events read one after another (a stream, a page of one): the events of one
 * push share their receipt time, so its text is parsed once for the run of them that carries it,
 * not once per event (Date.parse was a third of opening a 100,000-event incident). The same
 * answers as `effectiveTime`; each reader remembers only the last text it parsed.
 */
export function effectiveTimeReader(): (e: Pick<HeldEvent, 'hlc' | 'receivedAt'>) => number {
  let text: string | undefined;
  let parsed = Number.NaN;
  return (e) => {
    const stamped = wallTime(e.hlc);
    if (e.receivedAt === undefined) return stamped;
    if (e.receivedAt !== text) {
      text = e.receivedAt;
      parsed = Date.parse(text);
    }
    return capped(stamped, parsed);
  };
}

/**
 * The order the reducers apply events in: by effective time, then by (hlc, id). Events no cap
 * touches keep exactly their (hlc, id) order. Pure; the same on every device holding the same
 * events, online or offline.
 */
export function compareForMerge(a: Pick<HeldEvent, 'hlc' | 'id' | 'receivedAt'>, b: Pick<HeldEvent, 'hlc' | 'id' | 'receivedAt'>): number {
  return compareForMergeAt(a, effectiveTime(a), b, effectiveTime(b));
}

/** `compareForMerge` with both effective times already read (by an `effectiveTimeReader`, say). */
export function compareForMergeAt(a: Pick<HeldEvent, 'hlc' | 'id'>, ta: number, b: Pick<HeldEvent, 'hlc' | 'id'>, tb: number): number {
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ca = isCapped(a, ta);
  if (ca !== isCapped(b, tb)) return ca ? -1 : 1;
  return compareEvents(a, b);
}

function isCapped(e: Pick<HeldEvent, 'hlc'>, effective: number): boolean {
  return wallTime(e.hlc) > effective;
}

const WALL_DIGITS = 15;

/**
 * The wall time of a stamp, as `stampTime` reads it, without its regular expression: a stamp
 * starts with 15 decimal digits and a "-" (hlc.ts), so those are read digit by digit, about ten
 * times faster — it is read for every event when a 100,000-event incident opens. Anything else
 * goes to `stampTime`, which throws on a malformed stamp as before.
 */
export function wallTime(stamp: string): number {
  if (stamp.length <= WALL_DIGITS + 1 || stamp.charCodeAt(WALL_DIGITS) !== 45) return stampTime(stamp);
  let wall = 0;
  for (let i = 0; i < WALL_DIGITS; i++) {
    const digit = stamp.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return stampTime(stamp);
    wall = wall * 10 + digit;
  }
  return wall;
}

/**
 * Takes a pulled event into a device's clock. A stamp too far ahead of `now` leaves the clock
 * where it was (and is reported as `drift`, for the flag), but the time it counts as under the
 * cap, when that is within reach, is taken in: what this device records next sorts after it.
 */
export function takeIn(clock: HlcClock, e: Pick<HeldEvent, 'hlc' | 'receivedAt'>, now: number): { clock: HlcClock; drift: ClockDriftError | null } {
  try {
    return { clock: receive(clock, e.hlc, now), drift: null };
  } catch (error) {
    if (!(error instanceof ClockDriftError)) throw error;
    const effective = effectiveTime(e);
    if (effective === stampTime(e.hlc)) return { clock, drift: error };
    try {
      return { clock: receive(clock, formatStamp({ wall: effective, counter: 0, deviceId: parseStamp(e.hlc).deviceId }), now), drift: error };
    } catch (again) {
      if (!(again instanceof ClockDriftError)) throw again;
      return { clock, drift: error };
    }
  }
}

/** Events in merge order with repeats of the same id dropped; the input is not changed. */
export function orderForMerge<E extends Pick<HeldEvent, 'hlc' | 'id' | 'receivedAt'>>(events: readonly E[]): E[] {
  // Each event's effective time is read once, not at every comparison, and events already in
  // merge order (as a stream read from IndexedDB by stamp nearly always is) are not sorted again.
  const timeOf = effectiveTimeReader();
  const keyed = events.map((e) => {
    const at = timeOf(e);
    return { e, at, capped: isCapped(e, at) };
  });
  const compareKeyed = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    if (a.capped !== b.capped) return a.capped ? -1 : 1;
    return compareEvents(a.e, b.e);
  };
  let ordered = true;
  for (let i = 1; i < keyed.length && ordered; i++) ordered = compareKeyed(keyed[i - 1]!, keyed[i]!) <= 0;
  if (!ordered) keyed.sort(compareKeyed);
  const sorted = keyed.map((k) => k.e);
  const seen = new Set<string>();
  return sorted.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}

/** The envelope alone, as its author made it: what is pushed, hashed and exported. */
export function envelopeOf(e: HeldEvent): MusterEvent {
  const { receivedAt: _receivedAt, deliveredBy: _deliveredBy, ...envelope } = e;
  return envelope;
}
