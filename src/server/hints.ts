import { HINT_COALESCE_MS } from '../domain/sync-protocol';

/**
 * The hints behind GET /api/v1/stream: "organisation X has events up to seq N". Each open
 * stream subscribes for its organisation; a push publishes the new seq. Nothing else goes
 * through here, so event data has one path only, the pull.
 *
 * A burst of pushes becomes few hints: the first goes out at once, then at most one per
 * `coalesceMs` per organisation, carrying the latest seq. Streams of other organisations
 * never hear of it, except a head-office stream that watches the organisation as one of its
 * branches (`watch`), which hears the same coalesced hints.
 */
export interface HintBus {
  /** Starts hearing one organisation's hints; the returned function stops it. */
  subscribe(orgId: string, tokenId: string, subscriber: HintSubscriber): () => void;
  /**
   * Hears one organisation's hints without being one of its streams: a head-office stream
   * watching a branch. It does not make the device live there and is not counted in `size()`.
   * The returned function stops it.
   */
  watch(orgId: string, subscriber: HintSubscriber): () => void;
  publish(orgId: string, seq: number): void;
  /** Whether the device with this token holds a stream now. */
  isLive(tokenId: string): boolean;
  /** Open streams, all organisations together. */
  size(): number;
  /** Ends every stream (shutdown) and drops pending hints. */
  close(): void;
}

export interface HintSubscriber {
  hint(seq: number): void;
  /** The server is going away: finish the stream now. */
  end(): void;
}

interface HintBusOptions {
  coalesceMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface OrgChannel {
  /** Each subscription its own entry, so one subscriber may hold two. */
  readonly subscribers: Set<{ subscriber: HintSubscriber }>;
  lastSentAt: number;
  /** The seq waiting for the next slot, when one is planned. */
  pending: number | undefined;
  timer: unknown;
}

export function createHintBus({
  coalesceMs = HINT_COALESCE_MS,
  now = Date.now,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}: HintBusOptions = {}): HintBus {
  const channels = new Map<string, OrgChannel>();
  const live = new Map<string, number>();
  let open = 0;

  const send = (channel: OrgChannel, seq: number): void => {
    channel.lastSentAt = now();
    channel.pending = undefined;
    for (const { subscriber } of channel.subscribers) subscriber.hint(seq);
  };

  /** Puts the subscriber on the organisation's channel; the returned function takes it off once. */
  const join = (orgId: string, subscriber: HintSubscriber): (() => void) => {
    let channel = channels.get(orgId);
    if (!channel) {
      channel = { subscribers: new Set(), lastSentAt: Number.NEGATIVE_INFINITY, pending: undefined, timer: undefined };
      channels.set(orgId, channel);
    }
    const entry = { subscriber };
    channel.subscribers.add(entry);
    let joined = true;
    return () => {
      if (!joined) return;
      joined = false;
      const current = channels.get(orgId);
      current?.subscribers.delete(entry);
      if (current && current.subscribers.size === 0 && current.pending === undefined) channels.delete(orgId);
    };
  };

  return {
    subscribe(orgId, tokenId, subscriber) {
      const leave = join(orgId, subscriber);
      live.set(tokenId, (live.get(tokenId) ?? 0) + 1);
      open++;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        open--;
        const left = (live.get(tokenId) ?? 1) - 1;
        if (left > 0) live.set(tokenId, left);
        else live.delete(tokenId);
        leave();
      };
    },
    watch: join,
    publish(orgId, seq) {
      const channel = channels.get(orgId);
      if (!channel) return; // nobody of that organisation is listening
      if (channel.pending !== undefined) {
        channel.pending = Math.max(channel.pending, seq);
        return;
      }
      const wait = channel.lastSentAt + coalesceMs - now();
      if (wait <= 0) {
        send(channel, seq);
        return;
      }
      channel.pending = seq;
      channel.timer = setTimer(() => {
        channel.timer = undefined;
        if (channel.pending !== undefined) send(channel, channel.pending);
        if (channel.subscribers.size === 0) channels.delete(orgId);
      }, wait);
    },
    isLive: (tokenId) => live.has(tokenId),
    size: () => open,
    close() {
      for (const channel of channels.values()) {
        if (channel.timer !== undefined) clearTimer(channel.timer);
        channel.pending = undefined;
        for (const { subscriber } of [...channel.subscribers]) subscriber.end();
      }
      channels.clear();
    },
  };
}
