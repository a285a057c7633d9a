import { describe, expect, it } from 'vitest';
import { attribution } from './attribution';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from './event';
import { formatStamp } from './hlc';

describe('who did what and when', () => {
  it("takes the event id, the person, the device and the stamp, and the stamp's wall time", () => {
    const wall = Date.UTC(2026, 6, 14, 2, 0, 0);
    const hlc = formatStamp({ wall, counter: 3, deviceId: 'phone-a' });
    const e = {
      id: 'e1',
      streamId: 'inc-1',
      deviceId: 'phone-a',
      actor: '王值班',
      hlc,
      type: 'step.done',
      payload: { stepId: 's' },
      v: EVENT_SCHEMA_VERSION,
    } as MusterEvent;
    expect(attribution(e)).toEqual({ eventId: 'e1', actor: '王值班', deviceId: 'phone-a', hlc, at: wall });
  });
});
