import { canonicalJson } from '../canonical-json';
import { compareEvents, type MusterEvent } from '../event';
import { sha256Hex } from './sha256';

/** The hash before the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields every device writes into an event; the server's seq and receivedAt are added later, so they are not part of it. */
const ENVELOPE = ['actor', 'deviceId', 'hlc', 'id', 'payload', 'streamId', 'type', 'v'] as const;

/** The canonical text of an event's envelope, the part the chain covers. */
export function canonicalEvent(e: MusterEvent): string {
  const record = e as unknown as Record<string, unknown>;
  const envelope: Record<string, unknown> = {};
  for (const k of ENVELOPE) envelope[k] = record[k];
  return canonicalJson(envelope);
}

export interface ChainLink {
  readonly id: string;
  readonly hash: string;
}

/**
 * The hash chain over events already in (hlc, id) order: each link is
 * SHA-256(previous hash + canonical JSON of the event), so changing, removing, inserting or
 * moving any event changes every hash after it, and the last one names the whole record.
 */
export function hashChain(events: readonly MusterEvent[]): { links: ChainLink[]; finalHash: string } {
  const links: ChainLink[] = [];
  let previous = GENESIS_HASH;
  for (const e of events) {
    previous = sha256Hex(previous + canonicalEvent(e));
    links.push({ id: e.id, hash: previous });
  }
  return { links, finalHash: previous };
}

export type ChainProblem =
  | { kind: 'out-of-order'; position: number; eventId: string }
  | { kind: 'changed'; position: number; eventId: string }
  | { kind: 'inserted'; position: number; eventId: string }
  | { kind: 'removed'; position: number; eventId: string }
  | { kind: 'final-hash'; expected: string; actual: string };

export type ChainCheck = { ok: true; finalHash: string; count: number } | { ok: false; problem: ChainProblem };

/**
 * Checks events against the chain stored with them. Positions are 1-based (event 1 is the
 * first). It names the first place the record stops matching: an event out of (hlc, id)
 * order, an event whose content changed, an event that was not in the chain (inserted), or a
 * chained event that is missing (removed). Someone who rewrites every hash after a change is
 * caught by comparing the final hash with the one printed on the signed report
 * (`expectedFinalHash`).
 */
export function checkChain(events: readonly MusterEvent[], links: readonly ChainLink[], storedFinalHash: string, expectedFinalHash?: string): ChainCheck {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1];
    const b = events[i];
    if (a && b && compareEvents(a, b) >= 0) return { ok: false, problem: { kind: 'out-of-order', position: i + 1, eventId: b.id } };
  }
  const linked = new Set(links.map((l) => l.id));
  const present = new Set(events.map((e) => e.id));
  let previous = GENESIS_HASH;
  const n = Math.max(events.length, links.length);
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const link = links[i];
    if (!e) return { ok: false, problem: { kind: 'removed', position: i + 1, eventId: link?.id ?? '' } };
    if (!link || link.id !== e.id) {
      // The event here is not the one the chain expects: either it was added, or the chained one was taken out.
      if (!linked.has(e.id)) return { ok: false, problem: { kind: 'inserted', position: i + 1, eventId: e.id } };
      if (link && !present.has(link.id)) return { ok: false, problem: { kind: 'removed', position: i + 1, eventId: link.id } };
      return { ok: false, problem: { kind: 'out-of-order', position: i + 1, eventId: e.id } };
    }
    previous = sha256Hex(previous + canonicalEvent(e));
    if (previous !== link.hash) return { ok: false, problem: { kind: 'changed', position: i + 1, eventId: e.id } };
  }
  if (previous !== storedFinalHash) return { ok: false, problem: { kind: 'final-hash', expected: storedFinalHash, actual: previous } };
  if (expectedFinalHash !== undefined && expectedFinalHash.toLowerCase() !== previous)
    return { ok: false, problem: { kind: 'final-hash', expected: expectedFinalHash.toLowerCase(), actual: previous } };
  return { ok: true, finalHash: previous, count: events.length };
}
