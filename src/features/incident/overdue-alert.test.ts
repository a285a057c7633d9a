import { describe, expect, it } from 'vitest';
import { alertedSteps, newlyOverdue, rememberAlerted, type AlertMemory } from './overdue-alert';

const MIN = 60_000;
const declared = Date.UTC(2026, 10, 30, 2, 0); // 02:00, the flood declared
const watch = { stepId: 'step.alert.watch', dueAt: declared + 5 * MIN }; // 5 min from the declaration
const sweep = { stepId: 'step.evacuate.sweep', dueAt: declared + 8 * MIN }; // started 02:05, 3 min
const notStarted = { stepId: 'step.alert.power', dueAt: null }; // its clock runs from its own start

function memory(): AlertMemory & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('the overdue buzz', () => {
  it('the watch step runs out at 02:05 while the now view is open: it buzzes at the first check after 02:05', () => {
    const steps = [watch, sweep, notStarted];
    expect(newlyOverdue(steps, declared + 4 * MIN, declared + 5 * MIN - 1, new Set())).toEqual([]);
    expect(newlyOverdue(steps, declared + 5 * MIN - 1, declared + 5 * MIN, new Set())).toEqual(['step.alert.watch']);
    // The next second it is no longer news.
    expect(newlyOverdue(steps, declared + 5 * MIN, declared + 5 * MIN + 1000, new Set())).toEqual([]);
  });

  it('a step that was already overdue when the view opened does not buzz', () => {
    const opened = declared + 30 * MIN;
    expect(newlyOverdue([watch, sweep], opened, opened + 1000, new Set())).toEqual([]);
  });

  it('the phone slept through 02:05 and 02:08: both steps are in the one buzz when it wakes', () => {
    expect(newlyOverdue([watch, sweep], declared + MIN, declared + 20 * MIN, new Set())).toEqual(['step.alert.watch', 'step.evacuate.sweep']);
  });

  it('never twice for a step this device already buzzed for, even when it runs out again after a reopen', () => {
    const reopened = { stepId: watch.stepId, dueAt: declared + 40 * MIN };
    expect(newlyOverdue([reopened], declared + 39 * MIN, declared + 41 * MIN, new Set([watch.stepId]))).toEqual([]);
  });

  it('a step with no running clock never buzzes, and a clock put back finds nothing', () => {
    expect(newlyOverdue([notStarted], 0, declared + 99 * MIN, new Set())).toEqual([]);
    expect(newlyOverdue([watch], declared + 6 * MIN, declared + 4 * MIN, new Set())).toEqual([]);
  });
});

describe('what the device remembers', () => {
  it('remembers the steps per incident, across reads, adding to what it knew', () => {
    const m = memory();
    expect(alertedSteps(m, 'inc-1')).toEqual(new Set());
    rememberAlerted(m, 'inc-1', ['step.alert.watch']);
    rememberAlerted(m, 'inc-1', ['step.evacuate.sweep']);
    expect(alertedSteps(m, 'inc-1')).toEqual(new Set(['step.alert.watch', 'step.evacuate.sweep']));
    expect(alertedSteps(m, 'inc-2')).toEqual(new Set());
  });

  it('a damaged or missing memory reads as empty; a refusing one does not throw', () => {
    const m = memory();
    m.data.set('muster.overdueAlerted.inc-1', '{not json');
    expect(alertedSteps(m, 'inc-1')).toEqual(new Set());
    m.data.set('muster.overdueAlerted.inc-1', '{"a":1}');
    expect(alertedSteps(m, 'inc-1')).toEqual(new Set());
    expect(alertedSteps(undefined, 'inc-1')).toEqual(new Set());
    const full: AlertMemory = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberAlerted(full, 'inc-1', ['x'])).not.toThrow();
  });
});
