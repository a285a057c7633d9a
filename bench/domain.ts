import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { reduceIncident } from '../src/domain/incident';
import { median } from './measure';

/** 10,000 events of one incident from three devices, in shuffled arrival order. */
export function syntheticIncident(count: number): MusterEvent[] {
  const t0 = Date.UTC(2026, 6, 14, 2, 0, 0);
  const devices = ['phone-a', 'phone-b', 'tablet'];
  const events: MusterEvent[] = [];
  for (let i = 0; i < count; i++) {
    const deviceId = devices[i % 3] ?? 'phone-a';
    const base = {
      id: `ev-${String(i).padStart(6, '0')}`,
      streamId: 'bench',
      deviceId,
      actor: deviceId,
      hlc: formatStamp({ wall: t0 + i * 250, counter: 0, deviceId }),
      v: EVENT_SCHEMA_VERSION,
    };
    if (i === 0)
      events.push({
        ...base,
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: 'bench', place: 'B1' },
      });
    else if (i % 4 === 0) events.push({ ...base, type: 'note.added', payload: { text: `note ${i}`, tags: ['water-level'] } });
    else if (i % 4 === 1) events.push({ ...base, type: 'step.done', payload: { stepId: `s${i % 40}` } });
    else if (i % 4 === 2) events.push({ ...base, type: 'step.reopened', payload: { stepId: `s${i % 40}` } });
    else events.push({ ...base, type: 'step.skipped', payload: { stepId: `s${i % 40}`, reason: 'bench' } });
  }
  // a fixed shuffle, so every run measures the same work
  let seed = 42;
  for (let i = events.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  return events;
}

function timeReduce(count: number, repeat: number): number {
  const events = syntheticIncident(count);
  reduceIncident('bench', events); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    reduceIncident('bench', events);
    runs.push(performance.now() - start);
  }
  return median(runs);
}

export function benchReducer(): { reducer10kEventsMs: number; reducer100kEventsMs: number } {
  return { reducer10kEventsMs: timeReduce(10_000, 15), reducer100kEventsMs: timeReduce(100_000, 5) };
}
