// eventsource-parser: the browser's EventSource cannot send an Authorization header (and a token
// in the URL ends up in logs), so the stream is read with fetch, and this small, widely used
// parser turns its bytes into messages incrementally, whatever the chunk boundaries.
import { createParser } from 'eventsource-parser';
import { BRANCH_HINT_EVENT, type BranchHint } from '../domain/head-office-protocol';
import { HEARTBEAT_MS, STREAM_PATH } from '../domain/sync-protocol';
import { isRecord } from '../domain/validation';
import { backoffDelay, randomFraction, type BackoffPolicy } from './backoff';
import type { FetchLike } from './transport';

/**
 * Why a hint stream closed, in the terms the engine acts on:
 * - `unauthorized`: 401/403, the token was refused: stop, as a refused pull does;
 * - `blocked`: an answer that is not the stream (another status, another content type): a
 *   captive portal's page, a proxy, a server without the stream;
 * - `offline`: no answer at all, the request failed;
 * - `dropped`: the connection broke after the stream opened;
 * - `ended`: the server closed the stream (a restart, a revoked token);
 * - `silent`: no byte for longer than two heartbeats: a dead connection, or a proxy that buffers.
 */
export type StreamCloseReason = 'unauthorized' | 'blocked' | 'offline' | 'dropped' | 'ended' | 'silent';

export interface StreamHandlers {
  /** The server answered with the stream. */
  onOpen(): void;
  /** The organisation has events up to `seq`; `id` is the message id to reconnect with. */
  onHint(seq: number, id: string | undefined): void;
  /** Head office's stream only: a branch has events up to `hint.seq` (head-office-protocol.ts). */
  onBranchHint?(hint: BranchHint): void;
  /** Bytes arrived (a hint, a heartbeat, anything): the server is there. */
  onHeard(): void;
  /** The stream is over; never called after `close()`. */
  onClose(reason: StreamCloseReason, detail: string): void;
}

export interface HintStream {
  /** Stops reading at once; no handler is called after this. */
  close(): void;
}

/** Opens one hint stream with this token, reconnecting from `lastEventId` when known. */
export type OpenStream = (token: string, handlers: StreamHandlers, lastEventId?: string) => HintStream;

export interface HintStreamOptions {
  /** The server's origin (the app's own origin in the browser). */
  baseUrl: string;
  fetch?: FetchLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** A stream with no byte for this long counts as dead. */
  silenceMs?: number;
}

/** Two missed heartbeats and a margin: one late heartbeat is not yet a dead stream. */
export const STREAM_SILENCE_MS = 2 * HEARTBEAT_MS + 5_000;

/** The real `OpenStream`: `GET /api/v1/stream` through fetch, parsed as server-sent events. */
export function hintStreamOpener(options: HintStreamOptions): OpenStream {
  return (token, handlers, lastEventId) => openHintStream(options, token, handlers, lastEventId);
}

function openHintStream(options: HintStreamOptions, token: string, handlers: StreamHandlers, lastEventId: string | undefined): HintStream {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const silenceMs = options.silenceMs ?? STREAM_SILENCE_MS;
  const abort = new AbortController();
  let over = false;
  let watchdog: unknown;

  const stopWatchdog = (): void => {
    if (watchdog !== undefined) clearTimer(watchdog);
    watchdog = undefined;
  };
  // Armed before the request too: a fetch whose answer never comes is as dead as a silent stream.
  const armWatchdog = (): void => {
    stopWatchdog();
    watchdog = setTimer(() => {
      watchdog = undefined;
      finish('silent', `Nothing from the server for ${Math.round(silenceMs / 1000)} s`);
    }, silenceMs);
  };
  const finish = (reason: StreamCloseReason, detail: string): void => {
    if (over) return;
    over = true;
    stopWatchdog();
    abort.abort();
    handlers.onClose(reason, detail);
  };
  // Every handler may close the stream; nothing is reported, nor a timer left, after that.
  const heard = (): void => {
    if (over) return;
    armWatchdog();
    handlers.onHeard();
  };

  const parser = createParser({
    onEvent(message) {
      if (over) return;
      if (message.event === BRANCH_HINT_EVENT) {
        const hint = branchHint(message.data);
        if (hint !== null) handlers.onBranchHint?.(hint);
      }
      if (message.event !== 'hint') return; // other kinds may come from a newer server
      const seq = hintSeq(message.data);
      if (seq !== null) handlers.onHint(seq, message.id);
    },
  });

  async function read(): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    let res: Response;
    try {
      const url = `${options.baseUrl.replace(/\/+$/, '')}${STREAM_PATH}`;
      res = await doFetch(url, { method: 'GET', headers, cache: 'no-store', signal: abort.signal });
    } catch (error) {
      finish('offline', `No answer from the server: ${messageOf(error)}`);
      return;
    }
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    const refusal =
      res.status === 401 || res.status === 403 ? 'unauthorized' : !res.ok || !type.startsWith('text/event-stream') || res.body === null ? 'blocked' : null;
    if (refusal !== null || over) {
      void res.body?.cancel().catch(() => undefined);
      finish(refusal ?? 'blocked', `HTTP ${res.status}, ${type || 'no content type'}`);
      return;
    }
    handlers.onOpen();
    heard();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (over) return;
        if (done) {
          finish('ended', 'The server closed the stream');
          return;
        }
        heard();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      finish('dropped', `The stream broke: ${messageOf(error)}`);
    }
  }

  armWatchdog();
  void read();
  return {
    close() {
      if (over) return;
      over = true;
      stopWatchdog();
      abort.abort();
    },
  };
}

function hintSeq(data: string): number | null {
  try {
    const parsed = JSON.parse(data) as unknown;
    return isRecord(parsed) && typeof parsed.seq === 'number' && Number.isSafeInteger(parsed.seq) && parsed.seq >= 0 ? parsed.seq : null;
  } catch {
    return null;
  }
}

/** `{"orgId":…,"seq":…}`: the seq read as a hint's, then the branch. */
function branchHint(data: string): BranchHint | null {
  const seq = hintSeq(data);
  const orgId = seq === null ? undefined : (JSON.parse(data) as { orgId?: unknown }).orgId;
  return seq !== null && typeof orgId === 'string' ? { orgId, seq } : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type StreamState = 'connecting' | 'open' | 'down';

/** Reconnecting: 1 s, 2 s, 4 s… at most 30 s, each with jitter below it. */
export const STREAM_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 };
/** A stream that stayed open this long was healthy: the next drop starts the back-off afresh. */
const STABLE_STREAM_MS = HEARTBEAT_MS;

export interface StreamKeeperOptions {
  openStream: OpenStream;
  now: () => number;
  random: (bytes: Uint8Array) => Uint8Array;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  backoff?: BackoffPolicy;
  onState: (state: StreamState) => void;
  onHint: (seq: number) => void;
  /** A branch's hint, on head office's stream. */
  onBranchHint?: (hint: BranchHint) => void;
  onHeard: () => void;
  /** The token was refused: the keeper has stopped. */
  onRefused: (detail: string) => void;
  /** Whether the server answered the request that opens the stream. */
  onReachability: (reached: boolean) => void;
}

export interface StreamKeeper {
  /** Keeps one stream open with this token: opens it now, unless it is open or a reconnect is waiting. */
  keep(token: string): void;
  /** The network is back or the page is in view: reconnect now rather than after the back-off. */
  retryNow(): void;
  /** Closes the stream and forgets the token. */
  stop(): void;
}

/**
 * Keeps one hint stream open: reconnects after every close with back-off and jitter (so a
 * room of phones does not reconnect in the same second after a server restart), carrying the
 * last message id, and stops for good when the token is refused.
 */
export function createStreamKeeper(o: StreamKeeperOptions): StreamKeeper {
  const policy = o.backoff ?? STREAM_BACKOFF;
  let token: string | null = null;
  let stream: HintStream | null = null;
  let generation = 0;
  let failures = 0;
  let openedAt: number | null = null;
  let reconnect: unknown;
  let lastEventId: string | undefined;

  const cancelReconnect = (): void => {
    if (reconnect !== undefined) o.clearTimer(reconnect);
    reconnect = undefined;
  };

  function open(withToken: string): void {
    const mine = ++generation;
    let closed = false;
    openedAt = null;
    o.onState('connecting');
    const handlers: StreamHandlers = {
      onOpen() {
        if (mine !== generation) return;
        openedAt = o.now();
        o.onReachability(true);
        o.onState('open');
      },
      onHint(seq, id) {
        if (mine !== generation) return;
        if (id !== undefined) lastEventId = id;
        o.onHint(seq);
      },
      onBranchHint(hint) {
        if (mine === generation) o.onBranchHint?.(hint);
      },
      onHeard() {
        if (mine === generation) o.onHeard();
      },
      onClose(reason, detail) {
        if (mine !== generation) return;
        closed = true;
        stream = null;
        afterClose(reason, detail);
      },
    };
    let opened: HintStream;
    try {
      opened = o.openStream(withToken, handlers, lastEventId);
    } catch (error) {
      handlers.onClose('blocked', messageOf(error));
      return;
    }
    if (mine === generation && !closed) stream = opened;
  }

  function afterClose(reason: StreamCloseReason, detail: string): void {
    if (reason === 'unauthorized') {
      // Refused first: whoever hears the state change already knows not to poll.
      token = null;
      o.onRefused(detail);
      o.onState('down');
      return;
    }
    if (reason === 'offline') o.onReachability(false);
    else if (reason === 'blocked') o.onReachability(true); // something answered, as a transport `protocol` error
    if (openedAt !== null && o.now() - openedAt >= STABLE_STREAM_MS) failures = 0;
    failures++;
    const delay = backoffDelay(failures, randomFraction(o.random), policy);
    reconnect = o.setTimer(() => {
      reconnect = undefined;
      if (token !== null && stream === null) open(token);
    }, delay);
    o.onState('down');
  }

  function drop(): void {
    generation++;
    stream?.close();
    stream = null;
    cancelReconnect();
  }

  return {
    keep(next) {
      if (next === token && (stream !== null || reconnect !== undefined)) return;
      if (next !== token) {
        // Another token may be another organisation: its seq numbers mean nothing here.
        drop();
        failures = 0;
        lastEventId = undefined;
      }
      token = next;
      open(next);
    },
    retryNow() {
      if (token === null || stream !== null) return;
      cancelReconnect();
      failures = 0;
      open(token);
    },
    stop() {
      const wasKept = token !== null;
      token = null;
      drop();
      if (wasKept) o.onState('down');
    },
  };
}
