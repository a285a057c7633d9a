import { describe, expect, it } from 'vitest';
import { createLogSummary } from './log-summary';

describe('log summary', () => {
  const setUp = (): { lines: string[]; clock: { now: number }; timers: (() => void)[]; note: (key: string, n: number) => void } => {
    const lines: string[] = [];
    const clock = { now: 0 };
    const timers: (() => void)[] = [];
    const summary = createLogSummary({ log: (line) => lines.push(line), now: () => clock.now, schedule: (close) => timers.push(close) });
    const note = (key: string, n: number): void => {
      for (let i = 0; i < n; i++)
        summary.note(
          key,
          () => `conflict from ${key}`,
          (more) => `${more} more from ${key}`,
        );
    };
    return { lines, clock, timers, note };
  };

  it('writes a lone line once and no count after it', () => {
    const { lines, timers, note } = setUp();
    note('dt-a', 1);
    for (const close of timers) close();
    expect(lines).toEqual(['conflict from dt-a']);
  });

  it('counts the repeats of one token, apart from another, and says so when the quiet minute ends', () => {
    const { lines, timers, note } = setUp();
    note('dt-a', 500);
    note('dt-b', 2);
    expect(lines).toEqual(['conflict from dt-a', 'conflict from dt-b']);
    for (const close of timers) close();
    expect(lines).toEqual(['conflict from dt-a', 'conflict from dt-b', '499 more from dt-a', '1 more from dt-b']);
  });

  it('closes a window only once, whether the clock or the timer gets there first', () => {
    const { lines, clock, timers, note } = setUp();
    note('dt-a', 3);
    clock.now = 60_000;
    note('dt-a', 1);
    timers[0]?.();
    expect(lines).toEqual(['conflict from dt-a', '2 more from dt-a', 'conflict from dt-a']);
  });
});
