import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from './hlc';
import { compareForMerge, compareForMergeAt, effectiveTime, effectiveTimeReader, type HeldEvent } from './merge-order';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);

/** Receipts as devices hold them: none yet, the server's ISO time (often shared by a run), or a text Date.parse refuses. */
const receivedAt = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -120, max: 120 }).map((s) => new Date(T0 + s * 1000).toISOString()),
  fc.constant('not a time'),
);

const event = fc
  .record({ wall: fc.integer({ min: -60, max: 60 }), counter: fc.nat(3), device: fc.constantFrom('phone-a', 'phone-b'), receivedAt, n: fc.nat(999) })
  .map(({ wall, counter, device, receivedAt, n }): Pick<HeldEvent, 'hlc' | 'id' | 'receivedAt'> => ({
    id: `ev-${String(n).padStart(3, '0')}`,
    hlc: formatStamp({ wall: T0 + wall * 1000, counter, deviceId: device }),
    ...(receivedAt === undefined ? {} : { receivedAt }),
  }));

/** Runs of events sharing one receipt, as a push's or a pulled page's do, then anything. */
const stream = fc
  .array(fc.tuple(event, fc.integer({ min: 1, max: 5 })), { maxLength: 40 })
  .map((runs) => runs.flatMap(([e, times]) => Array.from({ length: times }, (_, i) => ({ ...e, id: `${e.id}-${i}` }))));

describe('effective time read along a stream', () => {
  it('is what effectiveTime says of each event, whatever the receipts before it', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const timeOf = effectiveTimeReader();
        expect(events.map(timeOf)).toEqual(events.map(effectiveTime));
      }),
    );
  });

  it('caps a stamp at the receipt, and ignores a receipt it cannot read', () => {
    const timeOf = effectiveTimeReader();
    const hlc = formatStamp({ wall: T0 + 60_000, counter: 0, deviceId: 'phone-a' });
    expect(timeOf({ hlc, receivedAt: new Date(T0).toISOString() })).toBe(T0);
    expect(timeOf({ hlc, receivedAt: 'not a time' })).toBe(T0 + 60_000);
    expect(timeOf({ hlc })).toBe(T0 + 60_000);
    expect(timeOf({ hlc, receivedAt: new Date(T0 + 120_000).toISOString() })).toBe(T0 + 60_000);
  });
});

describe('comparing with the effective times already read', () => {
  it('orders as compareForMerge does', () => {
    fc.assert(
      fc.property(event, event, (a, b) => {
        expect(Math.sign(compareForMergeAt(a, effectiveTime(a), b, effectiveTime(b)))).toBe(Math.sign(compareForMerge(a, b)));
      }),
    );
  });
});
