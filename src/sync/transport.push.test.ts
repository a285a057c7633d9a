import { describe, expect, it } from 'vitest';
import type { MusterEvent } from '../domain/event';
import { formatStamp } from '../domain/hlc';
import { httpTransport } from './transport';

// The push body: joined from each event's JSON when the engine hands it over, and then the
// same bytes as encoding the whole batch at once, whatever the text holds.

function note(i: number, text: string): MusterEvent {
  return {
    id: `ev-${i}`,
    streamId: 'inc-flood-b1',
    deviceId: 'd-scribe',
    actor: '李记录 "Li"',
    hlc: formatStamp({ wall: Date.UTC(2026, 6, 14, 2, 0) + i, counter: 0, deviceId: 'd-scribe' }),
    type: 'note.added',
    payload: { text },
    v: 1,
  };
}

/** The bytes of each push request's body, decoded as UTF-8; the server answers each event accepted. */
function capturing(): { bodies: string[]; transport: ReturnType<typeof httpTransport> } {
  const bodies: string[] = [];
  const transport = httpTransport({
    baseUrl: 'https://muster.test',
    token: 't',
    fetch: async (_input, init) => {
      if (!(init.body instanceof Blob)) throw new Error('the push body is not a Blob');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await init.body.arrayBuffer());
      bodies.push(text);
      const { events } = JSON.parse(text) as { events: MusterEvent[] };
      const answer = { results: events.map((e, i) => ({ id: e.id, status: 'accepted', seq: i + 1 })), serverTime: new Date(0).toISOString() };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { bodies, transport };
}

const TEXTS = ['B1 水位 40 cm，排水泵运行正常。', 'emoji 🚒 and "quotes" \\ back', 'a lone surrogate \ud800 end', 'line\nbreak\ttab\u2028sep'];

describe('push body', () => {
  it('is the JSON of the whole batch, in UTF-8, whether joined from each event or encoded whole', async () => {
    const events = TEXTS.map((t, i) => note(i, t));
    const whole = JSON.stringify({ events });
    const joined = capturing();
    await joined.transport.push(
      events,
      events.map((e) => JSON.stringify(e)),
    );
    const plain = capturing();
    await plain.transport.push(events);
    expect(joined.bodies).toEqual([whole]);
    expect(plain.bodies).toEqual([whole]);
    expect(JSON.parse(whole)).toEqual({ events });
  });

  it('encodes the batch itself when the JSON handed over does not match it event for event', async () => {
    const events = TEXTS.map((t, i) => note(i, t));
    const short = capturing();
    await short.transport.push(events, [JSON.stringify(events[0])]);
    expect(short.bodies).toEqual([JSON.stringify({ events })]);
  });
});
