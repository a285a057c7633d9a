import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import {
  applyEvent,
  currentCommander,
  headcountTotals,
  lossTotal,
  mayStrike,
  missingPeople,
  reduceIncident,
  standing,
  stepClock,
  stepStatus,
  type IncidentState,
} from './incident';

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

  it('keeps the content hash of the playbook the incident was declared on, for the report', () => {
    const hash = 'ab'.repeat(32);
    const withHash = ev(
      'incident.declared',
      { playbookId: 'flood', playbookVersion: '1.0.0', playbookHash: hash, mode: 'real', title: '地下室进水', place: 'B1' },
      0,
    );
    expect(reduceIncident('inc-1', [withHash]).declared).toMatchObject({ playbookId: 'flood', playbookVersion: '1.0.0', playbookHash: hash });
    expect(reduceIncident('inc-1', [declared]).declared?.playbookHash).toBeUndefined();
  });

  it('keeps the first declaration if two devices both declared', () => {
    const second = ev('incident.declared', { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: '另一个', place: '' }, 1, '李组长', 'tablet');
    expect(reduceIncident('inc-1', [second, declared]).declared?.title).toBe('地下室进水');
  });
});

describe('a step whose target counts from its own start (Riverside: cut the power within 10 minutes)', () => {
  const declared = ev('incident.declared', { playbookId: 'riverside-flood', playbookVersion: '2.0.0', mode: 'drill', title: 'Ramp flooding', place: 'B2' }, 0);
  const power = { id: 'step.alert.power', target: { minutes: 10, from: 'step' as const } };
  const started = ev('step.started', { stepId: power.id }, 4, 'Electrician Zhou', 'phone-b');
  const done = ev('step.done', { stepId: power.id }, 11);
  const reopened = ev('step.reopened', { stepId: power.id, reason: 'B2 still live' }, 12, '李组长', 'tablet');
  const startedAgain = ev('step.started', { stepId: power.id }, 13, 'Electrician Zhou', 'phone-b');

  it('the electrician starts the step at 02:04: it is under way, with who and when, and its clock runs out at 02:14', () => {
    const state = reduceIncident('inc-1', [declared, started]);
    expect(stepStatus(state, power.id)).toBe('started');
    expect(state.steps[power.id]?.started).toMatchObject({ actor: 'Electrician Zhou', at: T0 + 4 * 60_000 });
    expect(stepClock(state, power)).toEqual({ minutes: 10, from: 'step', since: T0 + 4 * 60_000, dueAt: T0 + 14 * 60_000 });
  });

  it('a step-relative clock does not run before the step is started; an incident-relative one runs from the declaration', () => {
    const state = reduceIncident('inc-1', [declared]);
    expect(stepClock(state, power)).toEqual({ minutes: 10, from: 'step', since: null, dueAt: null });
    expect(stepClock(state, { id: 'watch', target: { minutes: 5, from: 'incident' } })?.dueAt).toBe(T0 + 5 * 60_000);
    expect(stepClock(state, { id: 'no-target' })).toBeNull();
  });

  it('done keeps when the step was started, so the report can judge it from there', () => {
    const state = reduceIncident('inc-1', [declared, done, started]);
    expect(state.steps[power.id]).toMatchObject({ status: 'done', actor: '王值班', started: { actor: 'Electrician Zhou', at: T0 + 4 * 60_000 } });
  });

  it('a later reopen wins over the start and stops its clock, whatever order they arrive in', () => {
    for (const events of [
      [declared, started, reopened],
      [reopened, started, declared],
    ]) {
      const state = reduceIncident('inc-1', events);
      expect(stepStatus(state, power.id)).toBe('open');
      expect(state.steps[power.id]?.started).toBeUndefined();
      expect(stepClock(state, power)?.dueAt).toBeNull();
    }
  });

  it('a start later than a reopen wins over it and starts a new clock', () => {
    const state = reduceIncident('inc-1', [startedAgain, reopened, done, started, declared]);
    expect(stepStatus(state, power.id)).toBe('started');
    expect(stepClock(state, power)?.since).toBe(T0 + 13 * 60_000);
  });

  it('an earlier start loses to a later done (last writer wins), and a second start does not restart the clock', () => {
    expect(stepStatus(reduceIncident('inc-1', [done, started]), power.id)).toBe('done');
    const twice = ev('step.started', { stepId: power.id }, 8, '李组长', 'tablet');
    const state = reduceIncident('inc-1', [twice, started]);
    expect(state.steps[power.id]?.started).toMatchObject({ actor: 'Electrician Zhou', at: T0 + 4 * 60_000 });
  });
});

// Property: any permutation and any duplication of the same set of events gives the same state.
const devices = ['phone-a', 'phone-b', 'tablet'] as const;
const stepIds = ['s1', 's2', 's3'] as const;
const arbEvent = fc
  .record({
    kind: fc.constantFrom(
      'done',
      'started',
      'skipped',
      'reopened',
      'note',
      'declared',
      'handover',
      'role',
      'strike',
      'confirm',
      'approve',
      'lesson',
      'accounted',
      'loss',
    ),
    step: fc.constantFrom(...stepIds),
    device: fc.constantFrom(...devices),
    wall: fc.integer({ min: 0, max: 50 }),
    counter: fc.integer({ min: 0, max: 3 }),
    text: fc.string({ minLength: 1, maxLength: 8 }),
  })
  .map((r): Omit<MusterEvent, 'id'> => {
    const base = {
      streamId: 'inc-1',
      deviceId: r.device,
      actor: r.device,
      hlc: formatStamp({ wall: T0 + r.wall, counter: r.counter, deviceId: r.device }),
      v: EVENT_SCHEMA_VERSION,
    };
    switch (r.kind) {
      case 'done':
        return { ...base, type: 'step.done', payload: { stepId: r.step } };
      case 'started':
        return { ...base, type: 'step.started', payload: { stepId: r.step } };
      case 'skipped':
        return { ...base, type: 'step.skipped', payload: { stepId: r.step, reason: r.text } };
      case 'reopened':
        return { ...base, type: 'step.reopened', payload: { stepId: r.step } };
      case 'note':
        return { ...base, type: 'note.added', payload: { text: r.text } };
      case 'handover':
        return { ...base, type: 'command.handedOver', payload: { to: r.text } };
      case 'role':
        return { ...base, type: 'role.assigned', payload: { roleId: r.step, person: r.text } };
      case 'strike':
        return { ...base, type: 'entry.struck', payload: { targetId: `ev-${r.counter}` } };
      case 'confirm':
        return { ...base, type: 'end.confirmed', payload: {} };
      case 'approve':
        return { ...base, type: 'closure.approved', payload: { approver: r.text } };
      case 'lesson':
        return { ...base, type: 'afterAction.set', payload: { field: 'lessons', text: r.text } };
      case 'accounted':
        return { ...base, type: 'person.accounted', payload: { person: r.step, status: r.counter % 2 ? 'safe' : 'missing' } };
      case 'loss':
        return { ...base, type: 'loss.recorded', payload: { what: r.text, where: '', quantity: r.counter, kind: 'damaged' } };
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

  it('applying events one at a time (the fast path for a tap) gives the same state as reducing them all', () => {
    fc.assert(
      fc.property(arbScenario, ({ events }) => {
        const ordered = [...events].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1));
        let state: IncidentState = reduceIncident('inc-1', []);
        for (const e of ordered) {
          const next = applyEvent(state, e);
          expect(next).not.toBeNull();
          state = next!;
        }
        expect(state).toEqual(reduceIncident('inc-1', events));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the fast path for an event that sorts before what is already applied', () => {
    const a = {
      id: 'a',
      streamId: 'inc-1',
      deviceId: 'x',
      actor: 'x',
      hlc: formatStamp({ wall: T0 + 10, counter: 0, deviceId: 'x' }),
      type: 'step.done',
      payload: { stepId: 's' },
      v: 1,
    } as MusterEvent;
    const b = { ...a, id: 'b', hlc: formatStamp({ wall: T0 + 5, counter: 0, deviceId: 'x' }) } as MusterEvent;
    expect(applyEvent(reduceIncident('inc-1', [a]), b)).toBeNull();
  });
});

describe('command, headcount, losses and the two-step ending', () => {
  const declared = ev(
    'incident.declared',
    {
      playbookId: 'flood-emergency',
      playbookVersion: '1.0.0',
      mode: 'real',
      title: '地下室进水',
      place: '负一层',
      commander: '王值班',
      commanderRole: 'on-duty-lead',
    },
    0,
  );
  const handover = ev('command.handedOver', { to: '李行长', toRole: 'hq.leader', note: '02:40 到达现场' }, 40);
  const role = ev('role.assigned', { roleId: 'hq.deputy', person: '张副组长', phone: '138 0000 0000' }, 5);
  const roster = ev('roster.added', { people: ['甲', '乙', '丙'] }, 6);
  const safeA = ev('person.accounted', { person: '甲', status: 'safe' }, 7);
  const missingB = ev('person.accounted', { person: '乙', status: 'missing' }, 8);
  const loss = ev('loss.recorded', { what: '凭证箱', where: '负一层库房', quantity: 3, kind: 'damaged', estimatedValue: 1200 }, 30);
  const wrongLoss = ev('loss.recorded', { what: '打印机', where: '负一层', quantity: 1, kind: 'lost' }, 31);
  const strike = ev('entry.struck', { targetId: wrongLoss.id, reason: '打印机已找到' }, 32);
  const confirm = ev('end.confirmed', { note: '积水已排净' }, 120);
  const approve = ev('closure.approved', { approver: '李行长' }, 130);
  const lateStep = ev('step.done', { stepId: 'late' }, 140);
  const lesson = ev('afterAction.set', { field: 'lessons', text: '排水泵需提前检查' }, 150);

  const all = [declared, handover, role, roster, safeA, missingB, loss, wrongLoss, strike, confirm, approve, lateStep, lesson];

  it('the on-duty leader commands until the branch leader arrives at 02:40 and takes over', () => {
    const before = reduceIncident('inc-1', [declared, role]);
    expect(currentCommander(before)).toMatchObject({ person: '王值班', role: 'on-duty-lead' });
    const after = reduceIncident('inc-1', all);
    expect(after.commanders.map((c) => c.person)).toEqual(['王值班', '李行长']);
    expect(currentCommander(after)).toMatchObject({ person: '李行长', role: 'hq.leader', note: '02:40 到达现场', at: T0 + 40 * 60_000 });
    expect(after.roles['hq.deputy']).toMatchObject({ person: '张副组长', phone: '138 0000 0000' });
  });

  it('those not yet accounted for at the assembly point stand out', () => {
    const s = reduceIncident('inc-1', all);
    expect(s.roster).toEqual(['甲', '乙', '丙']);
    expect(missingPeople(s)).toEqual(['乙', '丙']);
  });

  it('a struck loss stays on record but no longer counts', () => {
    const s = reduceIncident('inc-1', all);
    expect(s.losses).toHaveLength(2);
    expect(s.struck[wrongLoss.id]).toMatchObject({ reason: '打印机已找到' });
    expect(standing(s, s.losses).map((l) => l.what)).toEqual(['凭证箱']);
  });

  it("totals the headcount by each person's latest report, and the losses left standing", () => {
    const s = reduceIncident('inc-1', all);
    expect(headcountTotals(s)).toEqual({ total: 3, safe: 1, injured: 0, missing: 1, unknown: 1 });
    const later = reduceIncident('inc-1', [...all.slice(0, 6), ev('person.accounted', { person: '乙', status: 'injured' }, 9)]);
    expect(headcountTotals(later)).toEqual({ total: 3, safe: 1, injured: 1, missing: 0, unknown: 1 });
    expect(lossTotal(s)).toBe(1200);
    expect(lossTotal(reduceIncident('inc-1', [declared, loss, wrongLoss]))).toBe(1200);
    const valued = ev('loss.recorded', { what: '电脑', where: '负一层', quantity: 1, kind: 'damaged', estimatedValue: 3000 }, 33);
    expect(lossTotal(reduceIncident('inc-1', [declared, loss, valued]))).toBe(4200);
  });

  it('offers to strike only entries someone wrote, once each, and after closure only after-action entries', () => {
    const open = reduceIncident('inc-1', all.slice(0, 9));
    expect(mayStrike(open, loss)).toBe(true);
    expect(mayStrike(open, roster)).toBe(true);
    expect(mayStrike(open, wrongLoss)).toBe(false);
    for (const change of [declared, handover, role, safeA]) expect(mayStrike(open, change)).toBe(false);
    const improvement = ev('improvement.added', { issue: '排水泵故障', action: '每月检查', area: 'equipment', owner: '李组长', due: '2026-08-31' }, 160);
    const closed = reduceIncident('inc-1', [...all, improvement]);
    expect(mayStrike(closed, loss)).toBe(false);
    expect(mayStrike(closed, improvement)).toBe(true);
    expect(mayStrike(closed, { ...improvement, streamId: 'inc-2' })).toBe(false);
  });

  it('closes only after the end is confirmed and approved; then takes only after-action fields', () => {
    const s = reduceIncident('inc-1', all);
    expect(s.phase).toBe('closed');
    expect(s.endConfirmed).toMatchObject({ note: '积水已排净' });
    expect(s.closure).toMatchObject({ approver: '李行长', at: T0 + 130 * 60_000 });
    expect(stepStatus(s, 'late')).toBe('open');
    expect(s.ignored[lateStep.id]).toBe('incident-closed');
    expect(s.afterAction.lessons?.text).toBe('排水泵需提前检查');
    expect(s.timeline).toHaveLength(all.length);
  });

  it('an approval before the end was confirmed changes nothing', () => {
    const early = ev('closure.approved', { approver: '李行长' }, 100);
    const s = reduceIncident('inc-1', [declared, early]);
    expect(s.phase).toBe('open');
    expect(s.ignored[early.id]).toBe('end-not-confirmed');
    expect(reduceIncident('inc-1', [declared, confirm]).phase).toBe('ending');
  });
});
