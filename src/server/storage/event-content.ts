import type { MusterEvent } from '../../domain/event';
import type { StoredEvent } from './types';

/**
 * JSON with object keys sorted, so two payloads that differ only in key order compare equal
 * (a device may rebuild an object in another order; the content is what counts).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether a pushed event is the very event already stored under its id. A retry of the same
 * push is; anything else (another device reusing an id, a tampered copy) is a conflict and is
 * refused, never merged, so the first stored content stays the one every device sees.
 */
export function sameContent(stored: StoredEvent, pushed: MusterEvent): boolean {
  return (
    stored.id === pushed.id &&
    stored.streamId === pushed.streamId &&
    stored.deviceId === pushed.deviceId &&
    stored.actor === pushed.actor &&
    stored.hlc === pushed.hlc &&
    stored.type === pushed.type &&
    stored.v === pushed.v &&
    (stored.payloadJson === JSON.stringify(pushed.payload) || canonicalJson(JSON.parse(stored.payloadJson)) === canonicalJson(pushed.payload))
  );
}
