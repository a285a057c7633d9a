import { canonicalJson } from '../../domain/canonical-json';
import type { MusterEvent } from '../../domain/event';
import type { StoredEvent } from './types';

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
