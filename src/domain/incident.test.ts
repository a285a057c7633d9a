import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { reduceIncident, stepStatus } from './incident';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seq = 0;

function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = '王值班', deviceId = 'phone-a'): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId: 'inc-1',
    deviceId,
    actor,
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

describe('the night flood, as the reducer sees it', () => {
  const declared = ev('incident.declared', { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: '地下室进水', place: '营业部负一层' }, 0);
  const alarm = ev('step.done', { stepId: 'alarm' }, 2);
  const move = ev('step.done', { stepId: 'move-property' }, 10);
  const skip = ev('step.skipped', { stepId: 'report-head-office', reason: '电话线路中断' }, 12);
  const note = ev('note.added', { text: '水位 20 cm', tags: ['water-level'] }, 15, '李组长', 'tablet');
  const reopen = ev('step.reopened', { stepId: 'move-property', reason: '还有一批凭证' }, 20, '李组长', 'tablet');

  it('the on-duty leader declares the flood at 02:00 and ticks steps one by one', () => {
    const state = reduceIncident('inc-1', [declared, alarm, move, note]);
    expect(state.declared).toMatchObject({ title: '地下室进水', mode: 'real', actor: '王值班', at: T0 });
    expect(stepStatus(state, 'alarm')).toBe('done');
    expect(state.steps['alarm']).toMatchObject({ actor: '王值班', deviceId: 'phone-a', at: T0 + 2 * 60_000 });
    expect(stepStatus(state, 'never-touched')).toBe('open');
    expect(state.notes).toEqual([expect.objectContaining({ text: '水位 20 cm', tags: ['water-level'], actor: '李组长' })]);
    expect(state.eventCount).toBe(4);
    expect(state.lastHlc).toBe(note.hlc);
  });

  it('a later reopen wins over an earlier done, whatever order they arrive in', () => {
    expect(stepStatus(reduceIncident('inc-1', [reopen, move]), 'move-property')).toBe('open');
    expect(reduceIncident('inc-1', [move, reopen]).steps['move-property']?.reason).toBe('还有一批凭证');
  });

  it('a skipped step keeps its reason', () => {
    expect(reduceIncident('inc-1', [skip]).steps['report-head-office']).toMatchObject({ status: 'skipped', reason: '电话线路中断' });
  });

  it('ignores events of another stream', () => {
    const other = { ...alarm, id: 'other', streamId: 'inc-2' } as MusterEvent;
    expect(reduceIncident('inc-1', [other]).eventCount).toBe(0);
  });

  it('keeps the first declaration if two devices both declared', () => {
    const second = ev('incident.declared', { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: '另一个', place: '' }, 1, '李组长', 'tablet');
    expect(reduceIncident('inc-1', [second, declared]).declared?.title).toBe('地下室进水');
  });
});

// Property: any permutation and any duplication of the same set of events gives the same state.
const devices = ['phone-a', 'phone-b', 'tablet'] as const;
const stepIds = ['s1', 's2', 's3'] as const;
const arbEvent = fc
  .record({
    kind: fc.constantFrom('done', 'skipped', 'reopened', 'note', 'declared'),
    step: fc.constantFrom(...stepIds),
    device: fc.constantFrom(...devices),
    wall: fc.integer({ min: 0, max: 50 }),
    counter: fc.integer({ min: 0, max: 3 }),
    text: fc.string({ minLength: 1, maxLength: 8 }),
  })
  .map((r): Omit<MusterEvent, 'id'> => {
    const base = { streamId: 'inc-1', deviceId: r.device, actor: r.device, hlc: formatStamp({ wall: T0 + r.wall, counter: r.counter, deviceId: r.device }), v: EVENT_SCHEMA_VERSION };
    switch (r.kind) {
      case 'done':
        return { ...base, type: 'step.done', payload: { stepId: r.step } };
      case 'skipped':
        return { ...base, type: 'step.skipped', payload: { stepId: r.step, reason: r.text } };
      case 'reopened':
        return { ...base, type: 'step.reopened', payload: { stepId: r.step } };
      case 'note':
        return { ...base, type: 'note.added', payload: { text: r.text } };
      default:
        return { ...base, type: 'incident.declared', payload: { playbookId: 'flood', playbookVersion: '1', mode: 'drill', title: r.text, place: '' } };
    }
  });

const arbScenario = fc
  .array(arbEvent, { minLength: 1, maxLength: 30 })
  .map((events) => events.map((e, i) => ({ ...e, id: `ev-${i}` }) as MusterEvent))
  .chain((events) =>
    fc.record({
      events: fc.constant(events),
      shuffled: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      duplicates: fc.array(fc.constantFrom(...events), { maxLength: 10 }),
      order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    }),
  );

describe('reduceIncident is deterministic', () => {
  it('gives the same state for any permutation and duplication of the same events', () => {
    fc.assert(
      fc.property(arbScenario, ({ events, shuffled, duplicates, order }) => {
        const reference = reduceIncident('inc-1', events);
        const withRepeats = [...shuffled, ...duplicates];
        // interleave the repeats at arbitrary places
        const mixed = withRepeats
          .map((e, i) => ({ e, k: order[i % order.length] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        expect(reduceIncident('inc-1', shuffled)).toEqual(reference);
        expect(reduceIncident('inc-1', mixed)).toEqual(reference);
        expect(reduceIncident('inc-1', [...mixed].reverse())).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
