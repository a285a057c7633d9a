import { describe, expect, it } from 'vitest';
import { compareEvents, orderEvents, validateEvent, EVENT_SCHEMA_VERSION } from './event';
import { uuidv7 } from './ids';

const good = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  streamId: 'incident-1',
  deviceId: 'phone-a',
  actor: '王值班',
  hlc: '001784001600000-0000-phone-a',
  type: 'step.done',
  payload: { stepId: 'flood.respond.evacuate' },
  v: EVENT_SCHEMA_VERSION,
};

describe('event envelope', () => {
  it('accepts a well-formed event', () => {
    const r = validateEvent(good);
    expect(r.ok).toBe(true);
  });

  it.each([
    [{ ...good, id: '' }, 'id', 'expected an id'],
    [{ ...good, hlc: '2026-07-14 02:00' }, 'hlc', 'expected a clock stamp'],
    [{ ...good, type: 'step.deleted' }, 'type', 'expected one of'],
    [{ ...good, v: 99 }, 'v', 'expected a number from 1'],
    [{ ...good, actor: '' }, 'actor', 'must not be empty'],
    [{ ...good, payload: { stepId: 3 } }, 'payload.stepId', 'expected a text'],
    [{ ...good, type: 'step.skipped' }, 'payload.reason', 'expected a text'],
    [{ ...good, payload: 'done' }, 'payload', 'expected an object'],
    [{ ...good, extra: 1 }, 'extra', 'unknown field'],
    [{ ...good, type: 'note.added', payload: { text: 'x', tags: [''] } }, 'payload.tags[0]', 'non-empty'],
  ])('names the wrong field (%#)', (input, path, message) => {
    const r = validateEvent(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const issue = r.issues.find((i) => i.path === path);
      expect(issue?.message).toContain(message);
    }
  });

  it('refuses something that is not an object', () => {
    const r = validateEvent([good]);
    expect(r).toEqual({ ok: false, issues: [{ path: '', message: 'expected an event object, got a list' }] });
  });

  it('orders by clock stamp, then id, and drops repeated ids', () => {
    const a = { id: 'b', hlc: '000000000000001-0000-x' };
    const b = { id: 'a', hlc: '000000000000002-0000-x' };
    const c = { id: 'c', hlc: '000000000000002-0000-x' };
    expect(compareEvents(b, c)).toBeLessThan(0);
    expect(orderEvents([c, b, a, c, a])).toEqual([a, b, c]);
  });
});

describe('uuidv7', () => {
  it('puts the time first so ids sort by time, and sets version and variant', () => {
    const r = new Uint8Array(10).fill(0xff);
    const early = uuidv7(1_700_000_000_000, r);
    const late = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(early.slice(0, 13)).toBe('018bcfe5-6800');
  });
});
