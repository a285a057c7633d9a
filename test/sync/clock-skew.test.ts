import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../src/domain/event';
import { createClock, tick, type HlcClock } from '../../src/domain/hlc';
import { currentCommander, reduceIncident, stepStatus } from '../../src/domain/incident';
import { takeIn, type HeldEvent } from '../../src/domain/merge-order';
import { rejectedEvents } from '../../src/storage/sync-state';
import { syncOnce } from '../../src/sync/engine';
import { removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';
import { allHeldEvents } from '../../src/storage/packs';

/**
 * Phones whose clocks are hours ahead must not win last-writer-wins for ever. Two layers: the
 * server refuses stamps more than five minutes ahead of its clock, and every device caps an
 * event's stamp at the time the server first stored it (merge-order.ts), so even an event
 * that got in (stored before the server checked, say) loses to what others do after it.
 *
 * CLOCK_RUNS and CLOCK_SEED replay a failure; fast-check prints them on failure.
 */
const RUNS = Number(process.env.CLOCK_RUNS ?? 100);
const SEED = process.env.CLOCK_SEED === undefined ? undefined : Number(process.env.CLOCK_SEED);
const replay = SEED === undefined ? {} : { seed: SEED };

const STREAM = 'inc-flood-b1';
const STEPS = ['close-floodgate', 'cut-power', 'move-cash'];
const HOUR = 3_600_000;

type Act = { device: number; what: 'handover' | 'done' | 'reopen'; step: number; waitMs: number };
const actArb: fc.Arbitrary<Act> = fc.record({
  device: fc.nat(3),
  what: fc.constantFrom('handover' as const, 'done' as const, 'reopen' as const),
  step: fc.nat(STEPS.length - 1),
  waitMs: fc.integer({ min: 0, max: 90_000 }),
});
// Devices 0-1 are honest (a couple of minutes off at most); 2-3 are hours ahead.
const offsetsArb = fc.tuple(
  fc.integer({ min: -120_000, max: 120_000 }),
  fc.integer({ min: -120_000, max: 120_000 }),
  fc.integer({ min: HOUR, max: 48 * HOUR }),
  fc.integer({ min: 10 * 60_000, max: 400 * 24 * HOUR }),
);

function person(device: number): string {
  return device >= 2 ? `Mallory ${device}` : `Leader ${device}`;
}

function draft(device: number, a: Pick<Act, 'what' | 'step'>): Pick<MusterEvent, 'type' | 'payload'> {
  const stepId = STEPS[a.step] ?? 'close-floodgate';
  if (a.what === 'handover') return { type: 'command.handedOver', payload: { to: person(device) } };
  if (a.what === 'done') return { type: 'step.done', payload: { stepId } };
  return { type: 'step.reopened', payload: { stepId } };
}

/**
 * A server that stores whatever it is given (as the server did before it checked stamps), so
 * the devices' rule is tested alone: each event is stored at the real time it is recorded.
 */
function simulate(offsets: readonly number[], acts: readonly Act[]): { log: HeldEvent[]; finalAt: number } {
  const clocks: HlcClock[] = offsets.map((_, i) => createClock(`d${i}`));
  const seenBy: number[] = offsets.map(() => 0);
  const log: HeldEvent[] = [];
  let now = T0;
  let serial = 0;
  const record = (device: number, body: Pick<MusterEvent, 'type' | 'payload'>): void => {
    const wall = now + (offsets[device] ?? 0);
    // The device pulls first: what it has not seen moves its clock, unless too far ahead.
    for (const e of log.slice(seenBy[device])) clocks[device] = takeIn(clocks[device]!, e, wall).clock;
    seenBy[device] = log.length;
    const stamped = tick(clocks[device]!, wall);
    clocks[device] = stamped.clock;
    serial += 1;
    log.push({
      id: `ev-${String(serial).padStart(4, '0')}`,
      streamId: STREAM,
      deviceId: `d${device}`,
      actor: person(device),
      hlc: stamped.stamp,
      v: 1,
      ...body,
      receivedAt: new Date(now).toISOString(),
      deliveredBy: `phone ${device}`,
    } as HeldEvent);
  };
  record(0, {
    type: 'incident.declared',
    payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: 'B1 flooding', place: 'B1', commander: 'Leader 0' },
  });
  for (const a of acts) {
    now += a.waitMs;
    record(a.device, draft(a.device, a));
  }
  // Afterwards the commander's device, a second later, marks every step done and takes command back.
  now += 1_000;
  for (let step = 0; step < STEPS.length; step++) record(0, draft(0, { what: 'done', step }));
  record(0, draft(0, { what: 'handover', step: 0 }));
  return { log, finalAt: now };
}

describe('clocks hours ahead (the devices’ rule)', () => {
  it('cannot keep command nor keep a step reopened against what others do later; every device converges', () => {
    fc.assert(
      fc.property(
        offsetsArb,
        fc.array(actArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), { minLength: 3, maxLength: 3 }),
        (offsets, acts, arrivalOrders) => {
          const { log } = simulate(offsets, acts);
          // Each device receives the same events in its own order.
          const states = arrivalOrders.map((keys) => {
            const arrived = log.map((e, i) => ({ e, k: keys[i % keys.length]! * 1000 + i })).sort((a, b) => a.k - b.k);
            return reduceIncident(
              STREAM,
              arrived.map((x) => x.e),
            );
          });
          for (const s of states.slice(1)) expect(s).toEqual(states[0]);
          const state = states[0]!;
          expect(currentCommander(state)?.person).toBe('Leader 0');
          for (const step of STEPS) expect(stepStatus(state, step)).toBe('done');
        },
      ),
      { numRuns: RUNS * 5, ...replay },
    );
  });
});

let server: TestServer;
let clock = T0;
beforeAll(() => {
  server = new TestServer(tempDir('clock-skew'), () => clock);
});
afterAll(() => {
  server.close();
  removeTempDirs();
});

describe('clocks hours ahead, through the real server', () => {
  let run = 0;
  it('a phone hours ahead cannot take command or reopen a step done by others; every honest device converges', async () => {
    await fc.assert(
      fc.asyncProperty(offsetsArb, fc.array(actArb, { minLength: 1, maxLength: 12 }), async (offsets, acts) => {
        run += 1;
        const orgId = `org-skew-${run}`;
        await server.addOrg(orgId);
        const devices = offsets.map((offset, i) => new TestDevice(`skew${run}-${i}`, () => clock, offset, run * 10 + i + 1));
        const tokens = await Promise.all(devices.map((_, i) => server.issueToken(orgId, `phone ${i}`)));
        const sync = (i: number) => syncOnce({ db: devices[i]!.db, transport: devices[i]!.transport(server, tokens[i]!), ...devices[i]!.env });
        try {
          for (const [i, d] of devices.entries()) await d.enrol(tokens[i]!);
          await devices[0]!.record({
            streamId: STREAM,
            actor: 'Leader 0',
            type: 'incident.declared',
            payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: 'B1 flooding', place: 'B1', commander: 'Leader 0' },
          });
          for (const step of STEPS) await devices[0]!.record({ streamId: STREAM, actor: 'Leader 0', type: 'step.done', payload: { stepId: step } });
          await sync(0);
          for (const a of acts) {
            clock += a.waitMs;
            await sync(a.device);
            // Honest devices only mark steps done; the phones hours ahead try to take over.
            const honest = a.device < 2;
            const what = honest ? 'done' : a.what === 'done' ? 'reopen' : a.what;
            await devices[a.device]!.record({ streamId: STREAM, actor: person(a.device), ...draft(a.device, { what, step: a.step }) });
            await sync(a.device);
          }
          for (let round = 0; round < 2; round++) for (let i = 0; i < devices.length; i++) await sync(i);

          const honestStates = await Promise.all([0, 1].map(async (i) => reduceIncident(STREAM, await allHeldEvents(devices[i]!.db))));
          expect(honestStates[1]).toEqual(honestStates[0]);
          for (const state of honestStates) {
            expect(currentCommander(state)?.person).toBe('Leader 0');
            for (const step of STEPS) expect(stepStatus(state, step)).toBe('done');
          }
          // What the phones ahead recorded was refused with the reason, and only theirs was.
          for (const i of [0, 1]) expect(await rejectedEvents(devices[i]!.db).count()).toBe(0);
          const ahead = [2, 3].filter((i) => acts.some((a) => a.device === i));
          for (const i of ahead) {
            const refused = await rejectedEvents(devices[i]!.db).toArray();
            expect(refused.length).toBeGreaterThan(0);
            for (const r of refused) {
              expect(r.code).toBe('clock-ahead');
              expect(r.reason).toMatch(/set its date and time to automatic/);
            }
          }
        } finally {
          for (const d of devices) await d.dispose();
        }
      }),
      { numRuns: Math.max(5, Math.round(RUNS / 4)), ...replay },
    );
  }, 300_000);
});
