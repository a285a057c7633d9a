import { afterEach, describe, expect, it } from 'vitest';
import { holdLoadsWhileSyncing } from '../../src/features/sync/hold-loads';
import { createSyncEngine } from '../../src/sync/controller';
import { afterFirstScreenInTurn, markFirstScreenUp, resetFirstScreen } from '../../src/ui/first-screen';
import { FakeTarget, halfway, ManualTimers, removeTempDirs, statusWhere, T0, tempDir, TestDevice, TestServer } from './support';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  resetFirstScreen();
  removeTempDirs();
});

/** Idle periods the test runs itself, so what runs when is the test's to say. */
function idlePeriods() {
  const queued: (() => void)[] = [];
  return {
    idle: (run: () => void) => void queued.push(run),
    runAll: () => {
      while (queued.length) queued.shift()!();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('screens loaded ahead wait while a sync round runs', () => {
  it('none starts during a round against the real server; they go on once it is over', async () => {
    const clock = T0;
    const server = new TestServer(tempDir('hold-loads'), () => clock);
    await server.addOrg('org-bank-sz', 'Shenzhen branch');
    const token = await server.issueToken('org-bank-sz');
    const device = new TestDevice('phone', () => clock);
    await device.enrol(token);
    // The server answers only when the test lets it: the round stays open meanwhile.
    let openGate = () => undefined as void;
    const gateOpened = new Promise<void>((resolve) => (openGate = resolve));
    const timers = new ManualTimers();
    const engine = createSyncEngine({
      db: device.db,
      transportFor: (t) =>
        device.transport(
          {
            fetch: async (input, init) => {
              await gateOpened;
              return server.fetch(input, init);
            },
          },
          t,
        ),
      now: () => clock,
      random: halfway,
      setTimer: timers.set,
      clearTimer: timers.clear,
      windowTarget: new FakeTarget(),
      documentTarget: new FakeTarget(),
    });
    const stopHolding = holdLoadsWhileSyncing(engine);
    cleanup.push(async () => {
      stopHolding();
      engine.stop();
      await engine.whenIdle();
      await device.dispose();
      server.close();
    });

    const periods = idlePeriods();
    const loaded: string[] = [];
    const screen = (name: string) => () => Promise.resolve(void loaded.push(name));
    afterFirstScreenInTurn([screen('library'), screen('routes'), screen('settings')], periods.idle);
    markFirstScreenUp(periods.idle);
    periods.runAll();
    await settle();
    expect(loaded).toEqual(['library']);

    const round = engine.syncNow();
    await statusWhere(engine, (s) => s.syncing);
    for (let i = 0; i < 5; i++) {
      periods.runAll();
      await settle();
    }
    expect(loaded).toEqual(['library']);

    openGate();
    const after = await round;
    expect(after.syncing).toBe(false);
    expect(after.lastError).toBeNull();
    for (let i = 0; i < 5 && loaded.length < 3; i++) {
      periods.runAll();
      await settle();
    }
    expect(loaded).toEqual(['library', 'routes', 'settings']);
  });
});
