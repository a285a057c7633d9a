import { afterEach, describe, expect, it } from 'vitest';
import { afterFirstScreen, afterFirstScreenInTurn, markFirstScreenUp, resetFirstScreen } from './first-screen';

/** The browser's idle periods, run by the test one at a time. */
function idlePeriods() {
  const queued: (() => void)[] = [];
  return {
    idle: (run: () => void) => void queued.push(run),
    /** Runs the next idle period; false if none was asked for. */
    step: () => {
      const run = queued.shift();
      run?.();
      return run !== undefined;
    },
    get pending() {
      return queued.length;
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => resetFirstScreen());

describe('work that waits for the first screen', () => {
  it('does not start before the first screen is up, then one piece per idle period', () => {
    const periods = idlePeriods();
    const ran: string[] = [];
    afterFirstScreen(() => ran.push('sync'), periods.idle);
    afterFirstScreen(() => ran.push('worker'), periods.idle);
    afterFirstScreen(() => ran.push('cards'), periods.idle);
    expect(periods.pending).toBe(0);
    markFirstScreenUp(periods.idle);
    expect(ran).toEqual([]);
    periods.step();
    expect(ran).toEqual(['sync']);
    periods.step();
    expect(ran).toEqual(['sync', 'worker']);
    periods.step();
    expect(ran).toEqual(['sync', 'worker', 'cards']);
    expect(periods.step()).toBe(false);
  });

  it('once it is up, new work runs at the next idle period', () => {
    const periods = idlePeriods();
    markFirstScreenUp(periods.idle);
    const ran: string[] = [];
    afterFirstScreen(() => ran.push('late'), periods.idle);
    expect(ran).toEqual([]);
    periods.step();
    expect(ran).toEqual(['late']);
  });

  it('loads screens ahead in turn: each after the one before has settled, a failed one skipped', async () => {
    const periods = idlePeriods();
    const started: string[] = [];
    const finish: Record<string, () => void> = {};
    const job =
      (name: string, fails = false) =>
      () => {
        started.push(name);
        return new Promise<void>((resolve, reject) => (finish[name] = fails ? () => reject(new Error(name)) : resolve));
      };
    afterFirstScreenInTurn([job('library'), job('reader', true), job('routes')], periods.idle);
    markFirstScreenUp(periods.idle);
    periods.step();
    expect(started).toEqual(['library']);
    expect(periods.pending).toBe(0); // the next waits until this one is in
    finish.library?.();
    await settle();
    periods.step();
    expect(started).toEqual(['library', 'reader']);
    finish.reader?.();
    await settle();
    periods.step();
    expect(started).toEqual(['library', 'reader', 'routes']);
    finish.routes?.();
    await settle();
    expect(periods.step()).toBe(false);
  });
});
