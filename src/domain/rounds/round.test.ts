import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEvent, type EventPayloads, type EventType, type MusterEvent } from '../event';
import type { PhotoRef } from '../events/photo';
import { formatStamp } from '../hlc';
import { rectificationStatus, reduceRound } from './round';

const T0 = Date.parse('2025-03-10T01:00:00Z'); // 09:00 in Shanghai
const STREAM = 'round-0195d1a2-0000-7000-8000-000000000001';
let serial = 0;

/** An event of the round at `minute` after 09:00, checked by the real validator so the stories use payloads a device could write. */
function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, deviceId = 'phone-a', actor = '李安全员'): MusterEvent {
  const e = {
    id: `e${String(++serial).padStart(4, '0')}`,
    streamId: STREAM,
    deviceId,
    actor,
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: 1,
  };
  const checked = validateEvent(e);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
}

const photo = (n: number): PhotoRef => ({ hash: n.toString(16).padStart(64, '0'), type: 'image/jpeg', bytes: 1000, width: 10, height: 10 });

const started = ev(
  'round.started',
  {
    playbookId: 'fire',
    playbookVersion: '1.2.0',
    playbookLanguage: 'zh-CN',
    roundId: 'daily',
    areaId: 'archives',
    title: '每日防火巡查',
    areaName: '档案室',
    inspector: '李安全员',
  },
  0,
);
const found = ev(
  'finding.recorded',
  { findingId: 'f-1', itemId: 'exits', description: '安全出口堆放纸箱', severity: 'general', photos: [photo(1)], owner: '张主任', dueDate: '2025-03-12' },
  5,
);

describe('one round done on the phone', () => {
  it('is nothing until its start is here', () => {
    expect(reduceRound([found])).toBeNull();
    expect(reduceRound([])).toBeNull();
  });

  it('the safety officer checks the archive room at 09:00, finds boxes in front of the exit and completes the round', () => {
    const run = reduceRound([
      started,
      ev('round.itemChecked', { itemId: 'extinguishers', result: 'pass' }, 2),
      ev('round.itemChecked', { itemId: 'exits', result: 'finding' }, 4),
      found,
      ev('round.completed', {}, 8),
    ])!;
    expect(run.streamId).toBe(STREAM);
    expect(run.started.areaName).toBe('档案室');
    expect(run.startedAt).toBe(T0);
    expect(run.completedAt).toBe(T0 + 8 * 60_000);
    expect([...run.items.values()].map((i) => [i.itemId, i.result])).toEqual([
      ['extinguishers', 'pass'],
      ['exits', 'finding'],
    ]);
    expect(run.findings).toHaveLength(1);
    expect(run.findings[0]).toMatchObject({
      findingId: 'f-1',
      areaId: 'archives',
      roundId: 'daily',
      owner: '张主任',
      dueDate: '2025-03-12',
      status: 'open',
      closed: null,
    });
    expect(run.photos.map((p) => p.hash)).toEqual([photo(1).hash]);
  });

  it('a correction of an item is the later result, and a second completion changes nothing', () => {
    const run = reduceRound([
      started,
      ev('round.itemChecked', { itemId: 'lighting', result: 'finding', note: '灯不亮' }, 2),
      ev('round.itemChecked', { itemId: 'lighting', result: 'pass', note: '换了电池' }, 3, 'phone-b'),
      ev('round.completed', {}, 6),
      ev('round.completed', { note: '再次提交' }, 9, 'phone-b'),
    ])!;
    expect(run.items.get('lighting')).toMatchObject({ result: 'pass', note: '换了电池', deviceId: 'phone-b' });
    expect(run.completedAt).toBe(T0 + 6 * 60_000);
  });
});

describe('a rectification from finding to closing', () => {
  const update = ev('rectification.updated', { findingId: 'f-1', note: '已通知搬走纸箱', dueDate: '2025-03-14', owner: '王科长' }, 60 * 24);
  const close = ev('rectification.closed', { findingId: 'f-1', evidence: '纸箱已清走，通道畅通', photos: [photo(2)], closedBy: '李安全员' }, 60 * 48);
  const reopen = ev('rectification.reopened', { findingId: 'f-1', reason: '复查时又堆放了杂物' }, 60 * 72, 'phone-b', '赵保卫');

  it('is open until the deadline, overdue the day after, and closed with evidence', () => {
    const open = reduceRound([started, found])!.findings[0]!;
    expect(rectificationStatus(open, '2025-03-12')).toBe('open');
    expect(rectificationStatus(open, '2025-03-13')).toBe('overdue');
    const moved = reduceRound([started, found, update])!.findings[0]!;
    expect(moved).toMatchObject({ owner: '王科长', dueDate: '2025-03-14' });
    expect(rectificationStatus(moved, '2025-03-13')).toBe('open');
    const closed = reduceRound([started, found, update, close])!.findings[0]!;
    expect(rectificationStatus(closed, '2025-03-20')).toBe('closed');
    expect(closed.closed).toMatchObject({ evidence: '纸箱已清走，通道畅通', closedBy: '李安全员' });
    expect(closed.history.map((h) => h.kind)).toEqual(['updated', 'closed']);
  });

  it('reopened on re-inspection, it is open again and overdue past its deadline, with the whole history kept', () => {
    const run = reduceRound([started, found, update, close, reopen])!;
    const f = run.findings[0]!;
    expect(f.status).toBe('open');
    expect(f.closed).toBeNull();
    expect(rectificationStatus(f, '2025-03-15')).toBe('overdue');
    expect(f.history.map((h) => h.kind)).toEqual(['updated', 'closed', 'reopened']);
    expect(run.photos.map((p) => p.hash)).toEqual([photo(1).hash, photo(2).hash]);
  });

  it('closed on one phone and reopened on another: the later one wins, whatever order they arrive in', () => {
    const closeA = ev('rectification.closed', { findingId: 'f-1', evidence: '已整改', closedBy: '李安全员' }, 100, 'phone-a');
    const reopenB = ev('rectification.reopened', { findingId: 'f-1', reason: '未整改到位' }, 101, 'phone-b');
    const reopenEarlier = ev('rectification.reopened', { findingId: 'f-1', reason: '未整改到位' }, 99, 'phone-b');
    fc.assert(
      fc.property(fc.shuffledSubarray([started, found, closeA, reopenB], { minLength: 4 }), fc.boolean(), (events, twice) => {
        const f = reduceRound(twice ? [...events, ...events] : events)!.findings[0]!;
        expect(f.status).toBe('open');
      }),
    );
    fc.assert(
      fc.property(fc.shuffledSubarray([started, found, closeA, reopenEarlier], { minLength: 4 }), (events) => {
        expect(reduceRound(events)!.findings[0]!.status).toBe('closed');
      }),
    );
  });

  it('a rectification of a finding this round does not hold is left out until the finding arrives', () => {
    expect(reduceRound([started, close])!.findings).toEqual([]);
    expect(reduceRound([close, started, found])!.findings[0]!.status).toBe('closed');
  });

  it('a phone whose clock ran ahead does not win once the server has stamped when it arrived', () => {
    // phone-c's clock said a day later; the server received its reopening before the closing was made.
    const reopenAhead = {
      ...ev('rectification.reopened', { findingId: 'f-1', reason: '时钟超前' }, 60 * 24, 'phone-c'),
      receivedAt: new Date(T0 + 50 * 60_000).toISOString(),
    };
    const closeLater = ev('rectification.closed', { findingId: 'f-1', evidence: '已整改', closedBy: '李安全员' }, 60);
    expect(reduceRound([started, found, reopenAhead, closeLater])!.findings[0]!.status).toBe('closed');
  });
});
