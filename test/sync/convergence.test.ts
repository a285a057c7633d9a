import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceIncident } from '../../src/domain/incident';
import { rejectedEvents } from '../../src/storage/sync-state';
import { syncOnce } from '../../src/sync/engine';
import type { FetchLike } from '../../src/sync/transport';
import { EngineTestServer, ENGINES, removeTempDirs, T0, TestDevice } from './support';
import { allHeldEvents } from '../../src/storage/packs';

/**
 * The promise of the event log: any two devices holding the same events show the same state.
 * Here several devices record into the same incidents while the network partitions them,
 * loses requests and answers, delivers some twice and some late and out of order, and the
 * server restarts; once the network heals and everyone syncs, every device must hold exactly
 * the events anyone recorded — none lost, none twice — and show the same incident.
 *
 * SYNC_RUNS and SYNC_SEED (and SYNC_PATH) replay a failure; fast-check prints them on failure.
 */
const RUNS = Number(process.env.SYNC_RUNS ?? 200);
const SEED = process.env.SYNC_SEED === undefined ? undefined : Number(process.env.SYNC_SEED);
const PATH = process.env.SYNC_PATH;

const STREAMS = ['inc-flood-b1', 'inc-fire-3f'];
const MAX_DEVICES = 4;

type Action =
  | { kind: 'record'; device: number; what: number; stream: number; step: number }
  | { kind: 'sync'; device: number }
  | { kind: 'syncAll' }
  | { kind: 'partition'; device: number }
  | { kind: 'deliverHeld'; pick: number }
  | { kind: 'restart' }
  | { kind: 'tick'; ms: number }
  | { kind: 'reload'; device: number };

const deviceIndex = fc.nat(MAX_DEVICES - 1);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('record' as const), device: deviceIndex, what: fc.nat(5), stream: fc.nat(STREAMS.length - 1), step: fc.nat(3) }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: deviceIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('syncAll' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), device: deviceIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliverHeld' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), device: deviceIndex }) },
);

const scheduleArb = fc.record({
  devices: fc.integer({ min: 2, max: MAX_DEVICES }),
  // Up to ten minutes apart: some pairs are beyond the five-minute drift limit. None is more
  // than five minutes ahead of the server, which refuses that (clock-skew.test.ts).
  offsets: fc.array(fc.integer({ min: -310_000, max: 290_000 }), { minLength: MAX_DEVICES, maxLength: MAX_DEVICES }),
  faultRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  faultSeed: fc.integer({ min: 1, max: 2 ** 31 - 2 }),
  pullLimit: fc.constantFrom(1, 2, 3, 1000),
  actions: fc.array(actionArb, { minLength: 1, maxLength: 30 }),
});
type Schedule = typeof scheduleArb extends fc.Arbitrary<infer S> ? S : never;

/**
 * The network between devices and server: partitions, lost requests, lost answers, requests
 * delivered twice, and requests held back to be delivered later in another order.
 */
class FaultyNetwork {
  readonly offline = new Set<number>();
  readonly held: { input: string; init: RequestInit }[] = [];
  private seed: number;
  constructor(
    private readonly server: EngineTestServer,
    private readonly faultRate: number,
    seed: number,
  ) {
    this.seed = 1 + (seed % 2147483646);
  }
  private random(): number {
    this.seed = (this.seed * 48271) % 2147483647;
    return this.seed / 2147483647;
  }
  fetchFor(device: number): FetchLike {
    return async (input, init) => {
      if (this.offline.has(device)) throw new TypeError('fetch failed: no route to the server');
      const roll = this.random();
      const slice = this.faultRate / 4;
      if (roll < slice) throw new TypeError('fetch failed: request lost');
      if (roll < slice * 2) {
        await this.server.fetch(input, init);
        throw new TypeError('fetch failed: answer lost');
      }
      if (roll < slice * 3) {
        await this.server.fetch(input, init);
        return this.server.fetch(input, init);
      }
      if (roll < slice * 4) {
        this.held.push({ input, init });
        throw new TypeError('fetch failed: timed out (the request is still on its way)');
      }
      return this.server.fetch(input, init);
    };
  }
  /** Delivers one held-back request now; its answer goes nowhere. */
  async deliverOne(pick: number): Promise<void> {
    if (this.held.length === 0) return;
    const [late] = this.held.splice(pick % this.held.length, 1);
    if (late) await (await this.server.fetch(late.input, late.init)).text();
  }
  async deliverAll(): Promise<void> {
    while (this.held.length > 0) await this.deliverOne(0);
  }
}

let server: EngineTestServer;
let runNumber = 0;
let clock = T0;

function draftFor(a: Extract<Action, { kind: 'record' }>, actor: string, serial: number): Parameters<TestDevice['record']>[0] {
  const streamId = STREAMS[a.stream] ?? 'inc-flood-b1';
  const stepId = `step-${a.step}`;
  switch (a.what) {
    case 0:
      return {
        streamId,
        actor,
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: `Drill ${serial}`, place: 'B1' },
      };
    case 1:
      return { streamId, actor, type: 'step.done', payload: { stepId } };
    case 2:
      return { streamId, actor, type: 'step.skipped', payload: { stepId, reason: `no power (${serial})` } };
    case 3:
      return { streamId, actor, type: 'step.reopened', payload: { stepId } };
    case 4:
      return { streamId, actor, type: 'step.started', payload: { stepId } };
    default:
      return { streamId, actor, type: 'note.added', payload: { text: `${actor}: water at ${serial} cm`, tags: ['water'] } };
  }
}

async function runSchedule(s: Schedule): Promise<void> {
  runNumber += 1;
  const orgId = `org-run-${runNumber}`;
  await server.addOrg(orgId);
  // One token per device: a token pushes only the device id it was first used with.
  const tokens = await Promise.all(Array.from({ length: s.devices }, (_, i) => server.issueToken(orgId, `phone ${i}`)));
  const net = new FaultyNetwork(server, s.faultRate, s.faultSeed);
  const devices = Array.from({ length: s.devices }, (_, i) => new TestDevice(`d${i}`, () => clock, s.offsets[i] ?? 0, s.faultSeed + i));
  const recorded = new Set<string>();
  let serial = 0;
  const sync = async (i: number): Promise<void> => {
    const d = devices[i]!;
    try {
      await syncOnce({ db: d.db, transport: d.transport({ fetch: net.fetchFor(i) }, tokens[i]!), ...d.env, pullLimit: s.pullLimit });
    } catch (error) {
      // A failed round is what the network did; the next one must make up for it.
      if (!(error instanceof Error) || error.name !== 'SyncError') throw error;
    }
  };
  try {
    for (const [i, d] of devices.entries()) await d.enrol(tokens[i]!);
    for (const a of s.actions) {
      const i = 'device' in a ? a.device % s.devices : 0;
      switch (a.kind) {
        case 'record':
          serial += 1;
          recorded.add(await devices[i]!.record(draftFor(a, devices[i]!.name, serial)));
          break;
        case 'sync':
          await sync(i);
          break;
        case 'syncAll':
          await Promise.all(devices.map((_, k) => sync(k)));
          break;
        case 'partition':
          if (net.offline.has(i)) net.offline.delete(i);
          else net.offline.add(i);
          break;
        case 'deliverHeld':
          await net.deliverOne(a.pick);
          break;
        case 'restart':
          await server.restart();
          break;
        case 'tick':
          clock += a.ms;
          break;
        case 'reload':
          await devices[i]!.reload();
          break;
      }
    }

    // The network heals; late requests arrive; everyone syncs twice (push all, then pull all).
    net.offline.clear();
    const healed = new FaultyNetwork(server, 0, 1);
    await net.deliverAll();
    for (let round = 0; round < 2; round++) {
      for (const [i, d] of devices.entries()) {
        await syncOnce({ db: d.db, transport: d.transport({ fetch: healed.fetchFor(0) }, tokens[i]!), ...d.env, pullLimit: s.pullLimit });
      }
    }

    const expected = [...recorded].sort();
    const onServer = await server.eventIds(orgId);
    expect(onServer.length, 'each event is stored once on the server').toBe(new Set(onServer).size);
    expect([...onServer].sort(), 'the server holds every recorded event').toEqual(expected);
    let reference: unknown;
    for (const d of devices) {
      expect(await d.eventIds(), `${d.name} holds every recorded event`).toEqual(expected);
      expect(await d.db.outbox.count(), `${d.name} has nothing left to send`).toBe(0);
      expect(await rejectedEvents(d.db).count(), `${d.name} had nothing refused`).toBe(0);
      const events = await allHeldEvents(d.db);
      const state = STREAMS.map((streamId) => reduceIncident(streamId, events));
      if (reference === undefined) reference = state;
      else expect(state, `${d.name} shows the same incidents`).toEqual(reference);
    }
  } finally {
    for (const d of devices) await d.dispose();
  }
}

// The same schedules on each storage engine: the server's guarantees (insert-or-ignore by id,
// seq in commit order) are the adapter's, so each adapter is held to them.
describe.each(ENGINES)('sync convergence under faults, on %s', (engine) => {
  beforeAll(async () => {
    server = await EngineTestServer.start(engine, `convergence-${engine}`, () => clock);
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  // The timeout only catches a hang: it is far above what the runs take on a busy machine.
  it(`every device ends with the same events and state, none lost or doubled (${RUNS} random schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async (s) => {
        await runSchedule(s);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }), endOnFailure: false },
    );
  }, 600_000);
});
