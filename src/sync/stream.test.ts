import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStreamKeeper,
  hintStreamOpener,
  STREAM_SILENCE_MS,
  type OpenStream,
  type StreamCloseReason,
  type StreamHandlers,
  type StreamState,
} from './stream';
import type { FetchLike } from './transport';

const BASE = 'https://muster.test';
const TOKEN = 'mst_' + 'A'.repeat(43);

/** What one stream told its handlers, in order, and a way to wait until it has told enough. */
function listener() {
  const log: string[] = [];
  const hints: { seq: number; id: string | undefined }[] = [];
  let heard = 0;
  let closed: { reason: StreamCloseReason; detail: string } | null = null;
  const waiting: { check: () => boolean; done: () => void }[] = [];
  const changed = (): void => {
    for (const w of [...waiting]) {
      if (!w.check()) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.done();
    }
  };
  const handlers: StreamHandlers = {
    onOpen: () => {
      log.push('open');
      changed();
    },
    onHint: (seq, id) => {
      log.push(`hint ${seq}`);
      hints.push({ seq, id });
      changed();
    },
    onHeard: () => {
      heard++;
      changed();
    },
    onClose: (reason, detail) => {
      log.push(`closed ${reason}`);
      closed = { reason, detail };
      changed();
    },
  };
  return {
    handlers,
    log,
    hints,
    heard: () => heard,
    closed: () => closed,
    until(check: () => boolean): Promise<void> {
      return new Promise((done) => {
        if (check()) done();
        else waiting.push({ check, done });
      });
    },
  };
}

/** Timers the test fires by hand. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  return {
    pending,
    set: (fn: () => void, ms: number): number => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear: (h: unknown): void => {
      pending.delete(h as number);
    },
    delays: () => [...pending.values()].map((t) => t.ms),
    fire(ms: number): void {
      for (const [id, t] of [...pending]) {
        if (t.ms !== ms) continue;
        pending.delete(id);
        t.fn();
      }
    },
  };
}

/** A server whose stream body the test writes, chunk by chunk. */
function streamingServer() {
  let body!: ReadableStreamDefaultController<Uint8Array>;
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, init });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        body = controller;
      },
    });
    // As a real fetch does: aborting the request breaks its body.
    init.signal?.addEventListener('abort', () => body.error(new DOMException('The operation was aborted', 'AbortError')));
    return Promise.resolve(new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } }));
  };
  return {
    fetch,
    requests,
    send: (bytes: Uint8Array) => body.enqueue(bytes),
    end: () => body.close(),
    breakConnection: () => body.error(new TypeError('terminated')),
  };
}

// A heartbeat with a word in Chinese, so a cut can fall inside one character's bytes, and
// CRLF line ends on the second hint, which SSE allows as well.
const WIRE =
  ': heartbeat 心跳\n\nevent: hint\nid: 41\ndata: {"seq":41}\n\n: heartbeat\n\r\nevent: hint\r\nid: 42\r\ndata: {"seq":42}\r\n\r\nevent: other\ndata: {"seq":99}\n\n';

describe('the hint stream client', () => {
  it('asks for the stream with the token in a header, never in the address, and resumes from the last message id', async () => {
    const server = streamingServer();
    const timers = manualTimers();
    const heard = listener();
    hintStreamOpener({ baseUrl: `${BASE}/`, fetch: server.fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers, '40');
    await heard.until(() => heard.log.includes('open'));
    const [request] = server.requests;
    expect(request?.url).toBe(`${BASE}/api/v1/stream`);
    expect(request?.init.headers).toEqual({ Accept: 'text/event-stream', Authorization: `Bearer ${TOKEN}`, 'Last-Event-ID': '40' });
    expect(request?.init.cache).toBe('no-store');
    expect(request?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads hints and heartbeats whatever the chunk boundaries', async () => {
    const bytes = new TextEncoder().encode(WIRE);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
        const server = streamingServer();
        const timers = manualTimers();
        const heard = listener();
        hintStreamOpener({ baseUrl: BASE, fetch: server.fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers);
        await heard.until(() => heard.log.includes('open'));
        const bounds = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        for (let i = 1; i < bounds.length; i++) server.send(bytes.slice(bounds[i - 1], bounds[i]));
        server.end();
        await heard.until(() => heard.closed() !== null);
        expect(heard.log).toEqual(['open', 'hint 41', 'hint 42', 'closed ended']);
        expect(heard.hints).toEqual([
          { seq: 41, id: '41' },
          { seq: 42, id: '42' },
        ]);
        // Once on opening, then once per chunk: a heartbeat alone tells the engine the server is there.
        expect(heard.heard()).toBe(bounds.length);
      }),
      { numRuns: 60 },
    );
  });

  it('counts a stream silent for two heartbeats and a margin as dead, and each byte as a sign of life', async () => {
    const server = streamingServer();
    const timers = manualTimers();
    const heard = listener();
    hintStreamOpener({ baseUrl: BASE, fetch: server.fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers);
    await heard.until(() => heard.log.includes('open'));
    expect(timers.delays()).toEqual([STREAM_SILENCE_MS]);
    expect(STREAM_SILENCE_MS).toBe(55_000);
    server.send(new TextEncoder().encode(': heartbeat\n\n'));
    await heard.until(() => heard.heard() === 2);
    expect(timers.delays()).toEqual([STREAM_SILENCE_MS]); // re-armed, still one watchdog
    timers.fire(STREAM_SILENCE_MS);
    expect(heard.closed()?.reason).toBe('silent');
    expect(server.requests[0]?.init.signal?.aborted).toBe(true);
  });

  it.each<[string, FetchLike, StreamCloseReason]>([
    [
      'a refused token (401)',
      () => Promise.resolve(new Response('{"error":"revoked"}', { status: 401, headers: { 'Content-Type': 'application/json' } })),
      'unauthorized',
    ],
    [
      'a Wi-Fi sign-in page (200, text/html)',
      () => Promise.resolve(new Response('<title>Sign in</title>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
      'blocked',
    ],
    ['a proxy error (502)', () => Promise.resolve(new Response('Bad gateway', { status: 502, headers: { 'Content-Type': 'text/event-stream' } })), 'blocked'],
    ['no network (the fetch fails)', () => Promise.reject(new TypeError('fetch failed')), 'offline'],
  ])('tells %s apart', async (_, fetch, reason) => {
    const timers = manualTimers();
    const heard = listener();
    hintStreamOpener({ baseUrl: BASE, fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers);
    await heard.until(() => heard.closed() !== null);
    expect(heard.log).toEqual([`closed ${reason}`]);
    expect(timers.pending.size).toBe(0);
  });

  it('says the connection broke when the body fails after the stream opened', async () => {
    const server = streamingServer();
    const timers = manualTimers();
    const heard = listener();
    hintStreamOpener({ baseUrl: BASE, fetch: server.fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers);
    await heard.until(() => heard.log.includes('open'));
    server.breakConnection();
    await heard.until(() => heard.closed() !== null);
    expect(heard.log).toEqual(['open', 'closed dropped']);
  });

  it('says nothing more once closed by its owner', async () => {
    const server = streamingServer();
    const timers = manualTimers();
    const heard = listener();
    const stream = hintStreamOpener({ baseUrl: BASE, fetch: server.fetch, setTimer: timers.set, clearTimer: timers.clear })(TOKEN, heard.handlers);
    await heard.until(() => heard.log.includes('open'));
    stream.close();
    expect(server.requests[0]?.init.signal?.aborted).toBe(true);
    expect(timers.pending.size).toBe(0);
    // The aborted read fails within this turn of the event loop; after it, nothing was reported.
    await new Promise<void>((done) => setImmediate(done));
    expect(heard.log).toEqual(['open']);
  });
});

/** An `OpenStream` the test drives: each call is one connection it can open, hint on and close. */
function scriptedStreams() {
  const opened: { token: string; lastEventId: string | undefined; handlers: StreamHandlers; closed: boolean }[] = [];
  const open: OpenStream = (token, handlers, lastEventId) => {
    const entry = { token, lastEventId, handlers, closed: false };
    opened.push(entry);
    return {
      close: () => {
        entry.closed = true;
      },
    };
  };
  return { open, opened, last: () => opened[opened.length - 1]! };
}

function keeperRig() {
  const streams = scriptedStreams();
  const timers = manualTimers();
  const states: StreamState[] = [];
  const hints: number[] = [];
  const refusals: string[] = [];
  const reached: boolean[] = [];
  let clock = 0;
  const keeper = createStreamKeeper({
    openStream: streams.open,
    now: () => clock,
    // Jitter of exactly one half: delays are three quarters of each ceiling.
    random: (bytes) => bytes.map((_, i) => (i === 0 ? 0x80 : 0)),
    setTimer: timers.set,
    clearTimer: timers.clear,
    onState: (s) => states.push(s),
    onHint: (seq) => hints.push(seq),
    onHeard: () => undefined,
    onRefused: (detail) => refusals.push(detail),
    onReachability: (r) => reached.push(r),
  });
  return { keeper, streams, timers, states, hints, refusals, reached, advance: (ms: number) => (clock += ms) };
}

describe('keeping one stream open', () => {
  it('reconnects after 1 s, 2 s, 4 s… never more than 30 s apart, with jitter, carrying the last message id', () => {
    const { keeper, streams, timers, hints } = keeperRig();
    keeper.keep(TOKEN);
    streams.last().handlers.onOpen();
    streams.last().handlers.onHint(7, '7');
    expect(hints).toEqual([7]);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      streams.last().handlers.onClose('offline', 'fetch failed');
      delays.push(...timers.delays());
      timers.fire(timers.delays()[0]!);
    }
    expect(delays).toEqual([750, 1_500, 3_000, 6_000, 12_000, 22_500, 22_500]);
    expect(streams.opened.map((s) => s.lastEventId)).toEqual([undefined, '7', '7', '7', '7', '7', '7', '7']);
    expect(streams.opened).toHaveLength(8);
  });

  it('starts the back-off afresh after a stream that stayed open, and reconnects at once when asked', () => {
    const { keeper, streams, timers, advance } = keeperRig();
    keeper.keep(TOKEN);
    streams.last().handlers.onClose('blocked', 'HTTP 200, text/html');
    timers.fire(750);
    streams.last().handlers.onOpen();
    advance(10 * 60_000);
    streams.last().handlers.onClose('ended', 'restart');
    expect(timers.delays()).toEqual([750]);
    keeper.retryNow(); // `online`, or the page back in view
    expect(timers.pending.size).toBe(0);
    expect(streams.opened).toHaveLength(3);
  });

  it('stops for good when the token is refused', () => {
    const { keeper, streams, timers, states, refusals } = keeperRig();
    keeper.keep(TOKEN);
    streams.last().handlers.onClose('unauthorized', 'HTTP 401');
    expect(refusals).toEqual(['HTTP 401']);
    expect(timers.pending.size).toBe(0);
    expect(states).toEqual(['connecting', 'down']);
    keeper.retryNow();
    expect(streams.opened).toHaveLength(1);
  });

  it('opens one stream per token, and a new token starts afresh', () => {
    const { keeper, streams } = keeperRig();
    keeper.keep(TOKEN);
    keeper.keep(TOKEN);
    streams.last().handlers.onHint(3, '3');
    const other = 'mst_' + 'B'.repeat(43);
    keeper.keep(other);
    expect(streams.opened.map((s) => [s.token === TOKEN ? 'first' : 'second', s.closed, s.lastEventId])).toEqual([
      ['first', true, undefined],
      ['second', false, undefined],
    ]);
    // A late word from the first stream changes nothing.
    streams.opened[0]!.handlers.onClose('dropped', 'late');
    keeper.stop();
    expect(streams.last().closed).toBe(true);
  });

  it('tells the offline indicator whether the request that opens the stream was answered', () => {
    const { keeper, streams, timers, reached } = keeperRig();
    keeper.keep(TOKEN);
    streams.last().handlers.onClose('offline', 'fetch failed');
    timers.fire(750);
    streams.last().handlers.onOpen();
    expect(reached).toEqual([false, true]);
  });
});
