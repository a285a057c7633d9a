import { afterEach, describe, expect, it } from 'vitest';
import { deviceTimeZone } from './time-zone';

const before = process.env.TZ;

describe('the device’s time zone, which the rounds and drills calendars count days in', () => {
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('is the zone the device is set to, and follows it when the phone is set to another', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(deviceTimeZone()).toBe('Asia/Shanghai');
    // A phone carried to another branch: days count in its new zone at once, nothing kept from before.
    process.env.TZ = 'America/New_York';
    expect(deviceTimeZone()).toBe('America/New_York');
  });
});
