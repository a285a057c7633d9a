import type { DeviceContact, EventStore } from './storage/types';

/**
 * Who has seen what, written in batches. Every pull and every stream notes the device's
 * contact; written one by one, 2,000 phones pulling after one hint would mean 2,000 fsyncs on
 * the event loop. Here they wait in memory (the latest per device) and go to the store in one
 * transaction every `flushMs`, before anyone asks (`flush()`), and at shutdown.
 */
export interface ContactLog {
  note(tokenId: string, contact: { seenSeq?: number; following?: readonly string[] }, at: string): void;
  /** Writes what waits; the followers answer calls it first, so it is never behind. */
  flush(): Promise<void>;
}

interface ContactLogOptions {
  flushMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createContactLog(storage: EventStore, { flushMs = 2_000, setTimer = unrefTimer }: ContactLogOptions = {}): ContactLog {
  const pending = new Map<string, DeviceContact>();
  let planned = false;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    planned = false;
    if (pending.size === 0) return writing;
    const batch = [...pending.values()];
    pending.clear();
    writing = writing
      .then(() => storage.noteDeviceContacts(batch))
      .catch((error: unknown) => console.error('Muster: could not record device contacts:', error));
    return writing;
  };

  return {
    note(tokenId, { seenSeq, following }, at) {
      const before = pending.get(tokenId);
      pending.set(tokenId, {
        tokenId,
        at,
        seenSeq: Math.max(before?.seenSeq ?? 0, seenSeq ?? 0),
        ...(following !== undefined ? { following } : before?.following !== undefined ? { following: before.following } : {}),
      });
      if (!planned) {
        planned = true;
        setTimer(() => void flush(), flushMs);
      }
    },
    flush,
  };
}

function unrefTimer(fn: () => void, ms: number): unknown {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return timer;
}
