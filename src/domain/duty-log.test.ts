import { describe, expect, it } from 'vitest';
import { dutyStreamId, entriesDuring, mayStrikeEntry, reduceDutyLog } from './duty-log';
import type { MusterEvent } from './event';
import { formatStamp } from './hlc';

const T0 = Date.UTC(2026, 6, 14, 0, 0, 0);
const stream = dutyStreamId('xx支行 营业部');
let n = 0;
function ev(type: MusterEvent['type'], payload: unknown, minute: number): MusterEvent {
  n += 1;
  return {
    id: `d${n}`,
    streamId: stream,
    deviceId: 'desk',
    actor: '王值班',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'desk' }),
    type,
    payload,
    v: 1,
  } as MusterEvent;
}

describe('the duty log (值班日记)', () => {
  it('keeps entries and shift handovers in order, with who is on duty and what is carried over', () => {
    const e1 = ev('duty.entry', { text: '22:00 巡查负一层，排水正常' }, 0);
    const h = ev('shift.handedOver', { outgoing: '王值班', incoming: '赵值班', openItems: ['负一层排水泵待检修'] }, 480);
    const e2 = ev('duty.entry', { text: '08:30 联系物业检修排水泵' }, 510);
    const log = reduceDutyLog(stream, [e2, h, e1, e1]);
    expect(log.entries.map((e) => e.text)).toEqual(['22:00 巡查负一层，排水正常', '08:30 联系物业检修排水泵']);
    expect(log.onDuty).toBe('赵值班');
    expect(log.openItems).toEqual(['负一层排水泵待检修']);
    expect(entriesDuring(log, T0 + 60 * 60_000, null).map((e) => e.eventId)).toEqual([e2.id]);
    expect(entriesDuring(log, T0, T0 + 60_000).map((e) => e.eventId)).toEqual([e1.id]);
  });

  it('lets each entry be struck once, and only an entry', () => {
    const e1 = ev('duty.entry', { text: '巡查' }, 0);
    const e2 = ev('duty.entry', { text: '记错了' }, 1);
    const h = ev('shift.handedOver', { outgoing: '王值班', incoming: '赵值班', openItems: [] }, 2);
    const log = reduceDutyLog(stream, [e1, e2, h, ev('entry.struck', { targetId: e2.id }, 3)]);
    expect(log.entries[1]).toMatchObject({ eventId: e2.id, actor: '王值班', deviceId: 'desk', at: T0 + 60_000 });
    expect(mayStrikeEntry(log, e1.id)).toBe(true);
    expect(mayStrikeEntry(log, e2.id)).toBe(false);
    expect(mayStrikeEntry(log, h.id)).toBe(false);
  });

  it('makes a stream id that is a valid event id whatever the site is called', () => {
    expect(stream).toMatch(/^duty-xx-[0-9a-f]{8}$/);
    expect(dutyStreamId('东区支行')).not.toBe(dutyStreamId('西区支行'));
    expect(dutyStreamId(' 东区支行 ')).toBe(dutyStreamId('东区支行'));
    expect(dutyStreamId('a'.repeat(200)).length).toBeLessThanOrEqual(64);
  });
});
