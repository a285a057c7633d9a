import { afterEach, describe, expect, it } from 'vitest';
import { afterFirstScreen, afterFirstScreenInTurn, holdLoadsAhead, holdLoadsWhileInput, markFirstScreenUp, resetFirstScreen } from './first-screen';

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

describe('holding back the screens loaded ahead', () => {
  const screens = (loaded: string[], names: string[]) => names.map((name) => () => Promise.resolve(void loaded.push(name)));
  const runAll = async (periods: ReturnType<typeof idlePeriods>) => {
    for (let i = 0; i < 10; i++) {
      while (periods.step());
      await settle();
    }
  };

  it('waits while any hold is on, and goes on when the last is released (twice counts once)', async () => {
    const periods = idlePeriods();
    const loaded: string[] = [];
    const first = holdLoadsAhead();
    const second = holdLoadsAhead();
    afterFirstScreenInTurn(screens(loaded, ['library', 'routes']), periods.idle);
    markFirstScreenUp(periods.idle);
    await runAll(periods);
    expect(loaded).toEqual([]);
    first();
    first();
    await runAll(periods);
    expect(loaded).toEqual([]);
    second();
    await runAll(periods);
    expect(loaded).toEqual(['library', 'routes']);
  });

  it('lets a screen already loading finish; the next waits for the release', async () => {
    const periods = idlePeriods();
    const loaded: string[] = [];
    let finish = () => undefined as void;
    const slow = () => new Promise<void>((resolve) => (finish = () => resolve(void loaded.push('library'))));
    afterFirstScreenInTurn([slow, ...screens(loaded, ['routes'])], periods.idle);
    markFirstScreenUp(periods.idle);
    periods.step();
    const release = holdLoadsAhead();
    finish();
    await runAll(periods);
    expect(loaded).toEqual(['library']);
    release();
    await runAll(periods);
    expect(loaded).toEqual(['library', 'routes']);
  });

  it('does not hold the other work that waits for the first screen', () => {
    const periods = idlePeriods();
    const ran: string[] = [];
    holdLoadsAhead();
    afterFirstScreen(() => ran.push('sync'), periods.idle);
    markFirstScreenUp(periods.idle);
    periods.step();
    expect(ran).toEqual(['sync']);
  });

  it('waits while a person is tapping or typing, and goes on after a quiet spell', async () => {
    const periods = idlePeriods();
    const loaded: string[] = [];
    // The test's clock: timers run when it says so.
    const timers = new Map<number, () => void>();
    let nextHandle = 0;
    const clock = {
      set: (run: () => void) => {
        timers.set(++nextHandle, run);
        return nextHandle;
      },
      clear: (h: unknown) => void timers.delete(h as number),
    };
    const quietSpell = () => {
      const due = [...timers.values()];
      timers.clear();
      for (const run of due) run();
    };
    const page = new EventTarget();
    const stop = holdLoadsWhileInput(page, 1000, clock);
    afterFirstScreenInTurn(screens(loaded, ['library', 'routes', 'settings']), periods.idle);
    markFirstScreenUp(periods.idle);
    page.dispatchEvent(new Event('pointerdown'));
    await runAll(periods);
    expect(loaded).toEqual([]);
    // More input before the quiet spell ends: still held, with one timer pending (the last).
    page.dispatchEvent(new Event('click'));
    page.dispatchEvent(new Event('keydown'));
    expect(timers.size).toBe(1);
    await runAll(periods);
    expect(loaded).toEqual([]);
    quietSpell();
    await runAll(periods);
    expect(loaded).toEqual(['library', 'routes', 'settings']);
    stop();
    page.dispatchEvent(new Event('pointerdown'));
    expect(timers.size).toBe(0);
  });

  it('lets the screens go when it stops listening during input', async () => {
    const periods = idlePeriods();
    const loaded: string[] = [];
    const page = new EventTarget();
    const stop = holdLoadsWhileInput(page, 1000, { set: () => 1, clear: () => undefined });
    afterFirstScreenInTurn(screens(loaded, ['library']), periods.idle);
    markFirstScreenUp(periods.idle);
    page.dispatchEvent(new Event('keydown'));
    await runAll(periods);
    expect(loaded).toEqual([]);
    stop();
    await runAll(periods);
    expect(loaded).toEqual(['library']);
  });
});
