import { describe, expect, it } from 'vitest';
import { ClockDriftError, InvalidStampError, MAX_COUNTER, MAX_DRIFT_MS, createClock, formatStamp, parseStamp, receive, tick } from './hlc';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0); // 02:00, the night of the flood

describe('hybrid logical clock', () => {
  it('stamps a local event with the wall time when the wall clock has moved on', () => {
    const { clock, stamp } = tick(createClock('phone-a'), T0);
    expect(clock).toEqual({ deviceId: 'phone-a', wall: T0, counter: 0 });
    expect(parseStamp(stamp)).toEqual({ wall: T0, counter: 0, deviceId: 'phone-a' });
  });

  it('stays monotonic when taps come in the same millisecond or the wall clock steps back', () => {
    let clock = createClock('phone-a');
    const stamps: string[] = [];
    for (const now of [T0, T0, T0, T0 - 60_000, T0 + 1, T0 - 5]) {
      const r = tick(clock, now);
      clock = r.clock;
      stamps.push(r.stamp);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseStamp(stamps[3] ?? '')).toMatchObject({ wall: T0, counter: 3 });
    expect(parseStamp(stamps[5] ?? '')).toMatchObject({ wall: T0 + 1, counter: 1 });
  });

  it('moves the logical time on by one millisecond when the counter would overflow', () => {
    const full = createClock('phone-a', T0, MAX_COUNTER);
    const { clock, stamp } = tick(full, T0);
    expect(clock).toMatchObject({ wall: T0 + 1, counter: 0 });
    expect(stamp > formatStamp(full)).toBe(true);
  });

  it('sorts as text in the same order as (wall, counter, device)', () => {
    const a = formatStamp({ wall: 999, counter: 0xff, deviceId: 'z' });
    const b = formatStamp({ wall: 1000, counter: 0, deviceId: 'a' });
    const c = formatStamp({ wall: 1000, counter: 1, deviceId: 'a' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
  });

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    const remote = formatStamp({ wall: T0 + 90_000, counter: 7, deviceId: 'tablet' });
    const clock = receive(createClock('phone-a', T0, 2), remote, T0);
    expect(clock).toMatchObject({ wall: T0 + 90_000, counter: 8 });
    expect(tick(clock, T0).stamp > remote).toBe(true);
  });

  it('on receive keeps the larger of its own and the remote counter when both walls are equal', () => {
    const remote = formatStamp({ wall: T0, counter: 3, deviceId: 'tablet' });
    expect(receive(createClock('phone-a', T0, 9), remote, T0 - 10)).toMatchObject({ wall: T0, counter: 10 });
    expect(receive(createClock('phone-a', T0, 1), remote, T0 - 10)).toMatchObject({ wall: T0, counter: 4 });
  });

  it('uses the wall time when it is ahead of both stamps', () => {
    const remote = formatStamp({ wall: T0, counter: 3, deviceId: 'tablet' });
    expect(receive(createClock('phone-a', T0, 9), remote, T0 + 5)).toMatchObject({ wall: T0 + 5, counter: 0 });
  });

  it('refuses a remote stamp more than 5 minutes ahead of local wall time, with a typed error', () => {
    const clock = createClock('phone-a', T0, 0);
    const wrong = formatStamp({ wall: T0 + MAX_DRIFT_MS + 1, counter: 0, deviceId: 'bad-phone' });
    expect(() => receive(clock, wrong, T0)).toThrow(ClockDriftError);
    try {
      receive(clock, wrong, T0);
    } catch (e) {
      expect(e).toBeInstanceOf(ClockDriftError);
      expect((e as ClockDriftError).driftMs).toBe(MAX_DRIFT_MS + 1);
      expect((e as ClockDriftError).message).toContain('bad-phone');
    }
    const justInside = formatStamp({ wall: T0 + MAX_DRIFT_MS, counter: 0, deviceId: 'ok-phone' });
    expect(receive(clock, justInside, T0).wall).toBe(T0 + MAX_DRIFT_MS);
  });

  it('rejects text that is not a stamp', () => {
    expect(() => parseStamp('2026-07-14T02:00')).toThrow(InvalidStampError);
    expect(() => receive(createClock('a'), 'nonsense', T0)).toThrow(InvalidStampError);
    expect(() => createClock('has space')).toThrow(InvalidStampError);
  });
});
