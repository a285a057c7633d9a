import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import { canonicalEvent, checkChain, GENESIS_HASH, hashChain } from './chain';
import { sha256Hex } from './sha256';

const T0 = Date.UTC(2026, 6, 13, 18, 0, 0);

function note(i: number, text = `note ${i}`): MusterEvent {
  return {
    id: `e${String(i).padStart(3, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: formatStamp({ wall: T0 + i * 60_000, counter: 0, deviceId: 'phone-a' }),
    type: 'note.added',
    payload: { text },
    v: EVENT_SCHEMA_VERSION,
  };
}

const events = Array.from({ length: 6 }, (_, i) => note(i + 1));
const { links, finalHash } = hashChain(events);

describe('the hash chain over an incident’s events', () => {
  it('links each event to the one before: hash = SHA-256(previous hash + canonical JSON)', () => {
    expect(links[0]?.hash).toBe(sha256Hex(GENESIS_HASH + canonicalEvent(events[0]!)));
    expect(links[1]?.hash).toBe(sha256Hex(links[0]!.hash + canonicalEvent(events[1]!)));
    expect(finalHash).toBe(links[5]?.hash);
    expect(links.map((l) => l.id)).toEqual(events.map((e) => e.id));
  });

  it('writes the same canonical JSON whatever the key order, and leaves the server’s fields out', () => {
    const e = events[0]!;
    const shuffled = {
      v: e.v,
      payload: { text: 'note 1' },
      type: e.type,
      hlc: e.hlc,
      actor: e.actor,
      deviceId: e.deviceId,
      streamId: e.streamId,
      id: e.id,
      seq: 7,
      receivedAt: 123,
    } as unknown as MusterEvent;
    expect(canonicalEvent(shuffled)).toBe(canonicalEvent(e));
  });

  it('passes an untouched record, and the final hash printed on the report', () => {
    expect(checkChain(events, links, finalHash)).toEqual({ ok: true, finalHash, count: 6 });
    expect(checkChain(events, links, finalHash, finalHash.toUpperCase())).toMatchObject({ ok: true });
  });

  it('names the event whose text was changed, and its position', () => {
    const changed = events.map((e, i) => (i === 3 ? note(4, 'note 4 — rewritten') : e));
    expect(checkChain(changed, links, finalHash)).toEqual({ ok: false, problem: { kind: 'changed', position: 4, eventId: 'e004' } });
  });

  it('names an event that was taken out', () => {
    const removed = events.filter((e) => e.id !== 'e003');
    expect(checkChain(removed, links, finalHash)).toEqual({ ok: false, problem: { kind: 'removed', position: 3, eventId: 'e003' } });
  });

  it('names the event after a removed one when its link was taken out too', () => {
    const removed = events.filter((e) => e.id !== 'e003');
    const cut = links.filter((l) => l.id !== 'e003');
    expect(checkChain(removed, cut, finalHash)).toEqual({ ok: false, problem: { kind: 'changed', position: 3, eventId: 'e004' } });
  });

  it('names an event that was slipped in', () => {
    const forged = { ...note(3), id: 'e003b', hlc: formatStamp({ wall: T0 + 3 * 60_000 + 1, counter: 0, deviceId: 'phone-a' }) };
    const inserted = [...events.slice(0, 3), forged, ...events.slice(3)];
    expect(checkChain(inserted, links, finalHash)).toEqual({ ok: false, problem: { kind: 'inserted', position: 4, eventId: 'e003b' } });
  });

  it('names the first event out of order when two were swapped', () => {
    const swapped = [events[0]!, events[2]!, events[1]!, ...events.slice(3)];
    expect(checkChain(swapped, links, finalHash)).toEqual({ ok: false, problem: { kind: 'out-of-order', position: 3, eventId: 'e002' } });
  });

  it('catches a chain rewritten from scratch by the final hash printed on the signed report', () => {
    const changed = events.map((e, i) => (i === 1 ? note(2, 'forged') : e));
    const rewritten = hashChain(changed);
    expect(checkChain(changed, rewritten.links, rewritten.finalHash)).toMatchObject({ ok: true });
    expect(checkChain(changed, rewritten.links, rewritten.finalHash, finalHash)).toEqual({
      ok: false,
      problem: { kind: 'final-hash', expected: finalHash, actual: rewritten.finalHash },
    });
  });

  it('catches a changed final hash and an event added at the end', () => {
    expect(checkChain(events, links, GENESIS_HASH)).toMatchObject({ ok: false, problem: { kind: 'final-hash' } });
    expect(checkChain([...events, note(7)], links, finalHash)).toEqual({ ok: false, problem: { kind: 'inserted', position: 7, eventId: 'e007' } });
    expect(checkChain(events.slice(0, 5), links, finalHash)).toEqual({ ok: false, problem: { kind: 'removed', position: 6, eventId: 'e006' } });
  });
});
