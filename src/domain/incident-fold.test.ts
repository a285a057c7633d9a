import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from './event';
import { formatStamp } from './hlc';
import { applyEvent, applyEvents, includesEvent, reduceIncident, type IncidentState } from './incident';
import type { HeldEvent } from './merge-order';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);

/** A small seeded generator (mulberry32): the randomness is passed in, so a failing seed can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/**
 * A night of an incident on three phones: steps ticked and reopened, notes and their
 * corrections, roles, people accounted for, losses, the two-step ending and after-action work,
 * some stamps capped by the server's receipt (a phone with a fast clock).
 */
function night(random: () => number, count: number): HeldEvent[] {
  const devices = ['phone-a', 'phone-b', 'tablet'];
  const steps = ['alarm', 'move-property', 'report', 'pump'];
  const events: HeldEvent[] = [];
  for (let i = 0; i < count; i++) {
    const deviceId = pick(random, devices);
    const wall = T0 + Math.floor(random() * 600) * 1000;
    const base = {
      id: `ev-${String(i).padStart(4, '0')}`,
      streamId: 'inc-1',
      deviceId,
      actor: deviceId.toUpperCase(),
      hlc: formatStamp({ wall, counter: i % 3, deviceId }),
      v: EVENT_SCHEMA_VERSION,
    };
    const capped = random() < 0.1 ? { receivedAt: new Date(wall - Math.floor(random() * 120) * 1000).toISOString() } : {};
    const roll = random();
    const notes = events.filter((e) => e.type === 'note.added');
    let body: Pick<MusterEvent, 'type' | 'payload'>;
    if (i === 0 || roll < 0.03)
      body = { type: 'incident.declared', payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: '地下室进水', place: 'B1' } };
    else if (roll < 0.35) body = { type: pick(random, ['step.done', 'step.reopened', 'step.started'] as const), payload: { stepId: pick(random, steps) } };
    else if (roll < 0.4) body = { type: 'step.skipped', payload: { stepId: pick(random, steps), reason: '线路中断' } };
    else if (roll < 0.6) body = { type: 'note.added', payload: { text: `水位 ${i} cm`, tags: ['water-level'] } };
    else if (roll < 0.66 && notes.length > 0) body = { type: 'entry.struck', payload: { targetId: pick(random, notes).id, reason: '写错了' } };
    else if (roll < 0.7) body = { type: 'role.assigned', payload: { roleId: 'leader', person: pick(random, ['王伟', '李娜']) } };
    else if (roll < 0.78)
      body = {
        type: 'person.accounted',
        payload: { person: pick(random, ['王伟', '李娜', '张强']), status: pick(random, ['safe', 'missing', 'injured'] as const) },
      };
    else if (roll < 0.83) body = { type: 'loss.recorded', payload: { what: '凭证', where: 'B1', quantity: 1, kind: 'damaged', estimatedValue: 100 } };
    else if (roll < 0.86) body = { type: 'end.confirmed', payload: {} };
    else if (roll < 0.88) body = { type: 'closure.approved', payload: { approver: '行长' } };
    else if (roll < 0.93) body = { type: 'afterAction.set', payload: { field: 'causes', text: `原因 ${i}` } };
    else body = { type: 'improvement.added', payload: { text: `改进 ${i}`, owner: '李娜', due: '2026-08-01' } };
    events.push({ ...base, ...body, ...capped } as HeldEvent);
  }
  return events;
}

function shuffled<T>(random: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** What the incident screen does as events arrive one by one in `arrival` order: fold in, or reduce again when one is late. */
function arriveOneByOne(arrival: readonly MusterEvent[]): { state: IncidentState; folded: number; reduced: number } {
  let state = reduceIncident('inc-1', []);
  const held: MusterEvent[] = [];
  let folded = 0;
  let reduced = 0;
  for (const e of arrival) {
    if (includesEvent(state, e)) continue; // a repeat delivery
    held.push(e);
    const next = applyEvent(state, e);
    if (next) {
      folded += 1;
      state = next;
    } else {
      reduced += 1;
      state = reduceIncident('inc-1', held);
    }
  }
  return { state, folded, reduced };
}

describe('folding events in as they come gives the state reducing them all gives', () => {
  it('for 200 nights, each delivered in a random order with repeats', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      const events = night(random, 10 + Math.floor(random() * 60));
      const arrival = shuffled(random, [...events, ...events.filter(() => random() < 0.1)]);
      const { state } = arriveOneByOne(arrival);
      expect(state, `seed ${seed}`).toEqual(reduceIncident('inc-1', events));
    }
  });

  it('folds every event in, and reduces never, when they arrive in order (taps on one phone)', () => {
    const random = seeded(7);
    const inOrder = reduceIncident('inc-1', night(random, 300)).timeline;
    const { state, folded, reduced } = arriveOneByOne(inOrder);
    expect({ folded, reduced }).toEqual({ folded: 300, reduced: 0 });
    expect(state).toEqual(reduceIncident('inc-1', inOrder));
  });

  it('folds a stream read in pages (applyEvents) to the same state, and refuses a page that goes back in time', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seeded(1000 + seed);
      const ordered = reduceIncident('inc-1', night(random, 80)).timeline;
      let state: IncidentState | null = reduceIncident('inc-1', []);
      const size = 1 + Math.floor(random() * 20);
      for (let i = 0; i < ordered.length && state; i += size) state = applyEvents(state, ordered.slice(i, i + size));
      expect(state, `seed ${seed}`).toEqual(reduceIncident('inc-1', ordered));
      expect(applyEvents(state!, [ordered[0]!])).toBeNull();
    }
  });
});

describe('a state stays as it was when another is made from it', () => {
  const random = seeded(42);
  const ordered = reduceIncident('inc-1', night(random, 120)).timeline;
  const tap = (id: string, minute: number, stepId: string): MusterEvent => ({
    id,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: formatStamp({ wall: T0 + 3_600_000 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type: 'step.done',
    payload: { stepId },
    v: EVENT_SCHEMA_VERSION,
  });

  it('two taps applied to the same state each see only their own (no shared list leaks between them)', () => {
    const before = reduceIncident('inc-1', ordered.slice(0, 100));
    const snapshot = JSON.parse(JSON.stringify(before)) as unknown;
    const a = applyEvent(before, tap('tap-a', 1, 'alarm'))!;
    const b = applyEvent(before, tap('tap-b', 2, 'pump'))!;
    const c = applyEvent(a, tap('tap-c', 3, 'report'))!;
    expect(JSON.parse(JSON.stringify(before))).toEqual(snapshot);
    expect(a.timeline.map((e) => e.id).slice(-1)).toEqual(['tap-a']);
    expect(b.timeline.map((e) => e.id).slice(-1)).toEqual(['tap-b']);
    expect(c.timeline.map((e) => e.id).slice(-2)).toEqual(['tap-a', 'tap-c']);
    expect(b.eventCount).toBe(before.eventCount + 1);
    expect(c).toEqual(reduceIncident('inc-1', [...ordered.slice(0, 100), tap('tap-a', 1, 'alarm'), tap('tap-c', 3, 'report')]));
  });

  it('a tap on a step copies the steps and nothing else that grows with the incident', () => {
    const before = reduceIncident('inc-1', ordered);
    const after = applyEvent(before, tap('tap-d', 4, 'alarm'))!;
    expect(after.steps).not.toBe(before.steps);
    expect(after.struck).toBe(before.struck);
    expect(after.headcountReports).toBe(before.headcountReports);
    expect(after.ignored).toBe(before.ignored);
    expect(after.notes).toEqual(before.notes);
  });

  it('says whether it holds an event, looking back only past events that sort after it', () => {
    const state = reduceIncident('inc-1', ordered);
    expect(includesEvent(state, ordered[ordered.length - 1]!)).toBe(true);
    expect(includesEvent(state, ordered[3]!)).toBe(true);
    expect(includesEvent(state, tap('never-seen', 5, 'alarm'))).toBe(false);
  });
});
