import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType } from '../domain/event';
import type { BranchesResponse, BranchSummary } from '../domain/head-office-protocol';
import { formatStamp } from '../domain/hlc';
import { openDb, type MusterDb } from './db';
import { appendEvent, listIncidentStreams, openIncidentIds, outboxSize, type WriteEnv } from './events';
import {
  applyBranchPage,
  forgetBranches,
  listBranches,
  readBranch,
  readBranchDeclarations,
  readBranchIncidents,
  readBranchReportSources,
  readBranchStream,
  readHeadOffice,
  recordBranchList,
  recordBranchProblem,
  type BranchEventRow,
} from './branches';
import { heldEventCount } from './packs';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const DAY = 24 * 60 * 60_000;
const HQ = { id: 'hq', name: 'Head office' };

function summary(id: string, name: string, latestSeq: number, live = true): BranchSummary {
  return {
    id,
    name,
    parentId: HQ.id,
    latestSeq,
    lastEventAt: latestSeq ? new Date(T0).toISOString() : null,
    lastContactAt: new Date(T0).toISOString(),
    live,
  };
}

function list(branches: BranchSummary[], epoch = 'epoch-1', org = HQ): BranchesResponse {
  return { org, branches, serverTime: new Date(T0).toISOString(), epoch };
}

/** An event of a branch as the server hands it out, with its seq there. */
function branchEvent<K extends EventType>(orgId: string, seq: number, streamId: string, type: K, payload: EventPayloads[K], at = T0): BranchEventRow {
  return {
    orgId,
    seq,
    id: `${orgId}-${streamId}-${seq}`,
    streamId,
    deviceId: 'branch-phone',
    actor: 'Officer Zhao',
    hlc: formatStamp({ wall: at, counter: 0, deviceId: 'branch-phone' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
    receivedAt: new Date(at).toISOString(),
    deliveredBy: 'Officer’s phone',
  } as BranchEventRow;
}

const declared = (orgId: string, seq: number, streamId: string, at = T0) =>
  branchEvent(
    orgId,
    seq,
    streamId,
    'incident.declared',
    { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: 'Basement flooding', place: 'B1' },
    at,
  );

const env: WriteEnv = { now: () => T0, random: (bytes) => bytes.map((_, i) => i + 1) };

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`branches-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('head office keeps its branches’ events apart', () => {
  it('a branch’s page is stored with its cursor, and never reaches the device’s own incidents or outbox', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside Sub-branch', 2)]), T0, 120_000);
    const page = {
      epoch: 'epoch-1',
      next: 2,
      more: false,
      unreadable: 0,
      events: [declared('riverside', 1, 'inc-1'), branchEvent('riverside', 2, 'inc-1', 'step.done', { stepId: 'alarm' })],
    };

    expect(await applyBranchPage(db, 'riverside', page, T0 + 1000)).toEqual({ ok: true, added: 2, cursor: 2 });
    expect(await readBranch(db, 'riverside')).toMatchObject({ cursor: 2, rev: 1, currentAt: T0 + 1000, problem: null });
    expect(await listIncidentStreams(db)).toEqual([]);
    expect(await openIncidentIds(db)).toEqual([]);
    expect(await outboxSize(db)).toBe(0);
    expect(await heldEventCount(db)).toBe(0);
    // Read back as the branch's own devices hold them: no branch id or seq on the envelope.
    const stream = await readBranchStream(db, 'riverside', 'inc-1');
    expect(stream.map((e) => e.type).sort()).toEqual(['incident.declared', 'step.done']);
    expect(stream[0]).not.toHaveProperty('orgId');
    expect(stream[0]).not.toHaveProperty('seq');
    expect(stream[0]?.deliveredBy).toBe('Officer’s phone');
  });

  it('the device’s own incident is not among the branches’ events', async () => {
    await appendEvent(
      db,
      {
        streamId: 'inc-own',
        actor: 'HQ',
        type: 'incident.declared',
        payload: { playbookId: 'fire', playbookVersion: '1.0.0', mode: 'drill', title: 'HQ drill', place: '1F' },
      },
      env,
    );
    await recordBranchList(db, list([summary('riverside', 'Riverside', 1)]), T0, 120_000);
    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 1, more: false, unreadable: 0, events: [declared('riverside', 1, 'inc-1')] }, T0);
    expect([...(await readBranchIncidents(db, 'riverside', 0)).keys()]).toEqual(['inc-1']);
    expect((await listIncidentStreams(db)).map((e) => e.streamId)).toEqual(['inc-own']);
  });

  it('applying the same page twice changes nothing, and the cursor never goes back', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 3)]), T0, 120_000);
    const page = { epoch: 'epoch-1', next: 3, more: false, unreadable: 0, events: [declared('riverside', 3, 'inc-1')] };
    await applyBranchPage(db, 'riverside', page, T0);
    expect(await applyBranchPage(db, 'riverside', page, T0)).toEqual({ ok: true, added: 0, cursor: 3 });
    expect(await applyBranchPage(db, 'riverside', { ...page, next: 1, events: [] }, T0)).toEqual({ ok: true, added: 0, cursor: 3 });
    expect(await readBranch(db, 'riverside')).toMatchObject({ cursor: 3, rev: 1 });
    expect(await db.branchEvents.count()).toBe(1);
  });

  it('a page of another epoch, or of a branch not listed, writes nothing', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 1)]), T0, 120_000);
    const page = { epoch: 'epoch-2', next: 1, more: false, unreadable: 0, events: [declared('riverside', 1, 'inc-1')] };
    expect(await applyBranchPage(db, 'riverside', page, T0)).toEqual({ ok: false, reason: 'other-epoch' });
    expect(await applyBranchPage(db, 'harbour', { ...page, epoch: 'epoch-1' }, T0)).toEqual({ ok: false, reason: 'not-listed' });
    expect(await db.branchEvents.count()).toBe(0);
  });

  it('a server restored from a backup (new epoch) puts every branch cursor back to 0 and keeps the events held', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 5), summary('harbour', 'Harbour', 2)]), T0, 120_000);
    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 5, more: false, unreadable: 0, events: [declared('riverside', 5, 'inc-1')] }, T0);
    await applyBranchPage(db, 'harbour', { epoch: 'epoch-1', next: 2, more: false, unreadable: 0, events: [declared('harbour', 2, 'inc-2')] }, T0);

    const rows = await recordBranchList(db, list([summary('riverside', 'Riverside', 3), summary('harbour', 'Harbour', 2)], 'epoch-2'), T0 + DAY, 120_000);
    expect(rows.map((r) => [r.orgId, r.cursor, r.currentAt])).toEqual([
      ['riverside', 0, null],
      ['harbour', 0, null],
    ]);
    expect((await readHeadOffice(db)).state?.epoch).toBe('epoch-2');
    expect(await db.branchEvents.count()).toBe(2);
    // The re-pull stores each event once, by its id, whatever its new seq.
    const again = { ...declared('riverside', 1, 'inc-1'), id: declared('riverside', 5, 'inc-1').id };
    expect(await applyBranchPage(db, 'riverside', { epoch: 'epoch-2', next: 1, more: false, unreadable: 0, events: [again] }, T0 + DAY)).toMatchObject({
      ok: true,
      added: 0,
    });
    expect(await db.branchEvents.count()).toBe(2);
  });

  it('a branch that left the tree is dropped with its events; another head office starts afresh', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 1), summary('harbour', 'Harbour', 1)]), T0, 120_000);
    await applyBranchPage(db, 'harbour', { epoch: 'epoch-1', next: 1, more: false, unreadable: 0, events: [declared('harbour', 1, 'inc-2')] }, T0);
    await recordBranchList(db, list([summary('riverside', 'Riverside', 1)]), T0, 120_000);
    expect((await listBranches(db)).map((b) => b.orgId)).toEqual(['riverside']);
    expect(await db.branchEvents.count()).toBe(0);

    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 1, more: false, unreadable: 0, events: [declared('riverside', 1, 'inc-1')] }, T0);
    await recordBranchList(db, list([summary('north', 'North', 0)], 'epoch-1', { id: 'hq-north', name: 'North region' }), T0, 120_000);
    expect((await listBranches(db)).map((b) => b.orgId)).toEqual(['north']);
    expect(await db.branchEvents.count()).toBe(0);
  });

  it('a device that is head office no more forgets every branch and its events, and keeps its own', async () => {
    await appendEvent(db, { streamId: 'inc-own', actor: 'HQ', type: 'note.added', payload: { text: 'Our own' } }, env);
    await recordBranchList(db, list([summary('riverside', 'Riverside', 1)]), T0, 120_000);
    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 1, more: false, unreadable: 0, events: [declared('riverside', 1, 'inc-1')] }, T0);
    await forgetBranches(db);
    expect(await listBranches(db)).toEqual([]);
    expect(await db.branchEvents.count()).toBe(0);
    expect(await readHeadOffice(db)).toEqual({ state: null, problem: null });
    expect(await heldEventCount(db)).toBe(1);
  });

  it('says when each branch was last known current, and keeps problems until the next success', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 0), summary('harbour', 'Harbour', 4)]), T0, 120_000);
    expect((await readBranch(db, 'riverside'))?.currentAt).toBe(T0);
    expect((await readBranch(db, 'harbour'))?.currentAt).toBeNull();

    await recordBranchProblem(db, 'harbour', { kind: 'server', message: 'HTTP 500', at: T0 });
    await recordBranchProblem(db, null, { kind: 'offline', message: 'No answer', at: T0 });
    expect((await readBranch(db, 'harbour'))?.problem?.kind).toBe('server');
    expect((await readHeadOffice(db)).problem?.kind).toBe('offline');

    // A first page is not yet everything; the last one is.
    await applyBranchPage(db, 'harbour', { epoch: 'epoch-1', next: 2, more: true, unreadable: 1, events: [declared('harbour', 1, 'inc-2')] }, T0 + 1);
    expect(await readBranch(db, 'harbour')).toMatchObject({ currentAt: null, problem: null, unreadable: 1 });
    await applyBranchPage(db, 'harbour', { epoch: 'epoch-1', next: 4, more: false, unreadable: 0, events: [] }, T0 + 2);
    expect((await readBranch(db, 'harbour'))?.currentAt).toBe(T0 + 2);
    await recordBranchList(db, list([summary('riverside', 'Riverside', 0), summary('harbour', 'Harbour', 4)]), T0 + 3, 120_000);
    expect((await readHeadOffice(db)).problem).toBeNull();
  });

  it('an incident closed more than the given time ago is not read', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 5)]), T0, 120_000);
    const old = T0 - 100 * DAY;
    const events = [
      declared('riverside', 1, 'inc-old', old),
      branchEvent('riverside', 2, 'inc-old', 'end.confirmed', {}, old + 60_000),
      branchEvent('riverside', 3, 'inc-old', 'closure.approved', { approver: 'President Zhang' }, old + 120_000),
      declared('riverside', 4, 'inc-new'),
      branchEvent('riverside', 5, 'duty-riverside', 'duty.entry', { text: '22:00 took over' }),
    ];
    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 5, more: false, unreadable: 0, events }, T0);
    expect([...(await readBranchIncidents(db, 'riverside', T0 - 90 * DAY)).keys()]).toEqual(['inc-new']);
    expect([...(await readBranchIncidents(db, 'riverside', 0)).keys()].sort()).toEqual(['inc-new', 'inc-old']);
  });

  it('gives the drill calendar every declaration of the branches asked for, and nothing else', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 3), summary('hillside', 'Hillside', 1)]), T0, 120_000);
    const riverside = [
      declared('riverside', 1, 'inc-a'),
      branchEvent('riverside', 2, 'inc-a', 'step.done', { stepId: 's1' }),
      declared('riverside', 3, 'inc-b'),
    ];
    await applyBranchPage(db, 'riverside', { epoch: 'epoch-1', next: 3, more: false, unreadable: 0, events: riverside }, T0);
    await applyBranchPage(db, 'hillside', { epoch: 'epoch-1', next: 1, more: false, unreadable: 0, events: [declared('hillside', 1, 'inc-h')] }, T0);
    const ids = (rows: BranchEventRow[]) => rows.map((r) => `${r.orgId}/${r.streamId}/${r.type}`).sort();
    expect(ids(await readBranchDeclarations(db, ['riverside']))).toEqual(['riverside/inc-a/incident.declared', 'riverside/inc-b/incident.declared']);
    expect(ids(await readBranchDeclarations(db, ['riverside', 'hillside']))).toHaveLength(3);
    expect(await readBranchDeclarations(db, [])).toEqual([]);
  });
});

describe('a branch incident’s report is built from the branch’s records, not head office’s', () => {
  it('takes the branch’s duty logs and its previous drill of the same playbook', async () => {
    await recordBranchList(db, list([summary('riverside', 'Riverside', 6), summary('harbour', 'Harbour', 1)]), T0, 120_000);
    const drill = (seq: number, streamId: string, at: number) =>
      branchEvent(
        'riverside',
        seq,
        streamId,
        'incident.declared',
        { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', title: 'Drill', place: 'B1' },
        at,
      );
    await applyBranchPage(
      db,
      'riverside',
      {
        epoch: 'epoch-1',
        next: 6,
        more: false,
        unreadable: 0,
        events: [
          drill(1, 'inc-old', T0 - 2 * DAY),
          drill(2, 'inc-older', T0 - 9 * DAY),
          drill(3, 'inc-now', T0),
          branchEvent('riverside', 4, 'duty-riverside-0a1b2c3d', 'duty.entry', { text: 'Pump checked' }, T0 + 1000),
          branchEvent('riverside', 5, 'inc-now', 'note.added', { text: 'not a duty entry' }, T0 + 2000),
          branchEvent('riverside', 6, 'inc-now', 'step.done', { stepId: 'alarm' }, T0 + 3000),
        ],
      },
      T0,
    );
    await applyBranchPage(
      db,
      'harbour',
      {
        epoch: 'epoch-1',
        next: 1,
        more: false,
        unreadable: 0,
        events: [branchEvent('harbour', 1, 'duty-harbour-00000000', 'duty.entry', { text: 'Other branch' })],
      },
      T0,
    );
    // Head office's own duty log is not the branch's.
    await appendEvent(db, { streamId: 'duty-hq-11111111', actor: 'HQ', type: 'duty.entry', payload: { text: 'HQ desk' } }, env);

    const declaredNow = (await readBranchStream(db, 'riverside', 'inc-now')).find((e) => e.type === 'incident.declared');
    const sources = await readBranchReportSources(db, 'riverside', {
      id: 'inc-now',
      declared: { mode: 'drill', playbookId: 'flood', hlc: declaredNow?.hlc ?? '' },
    });
    expect(sources.dutyEvents.map((e) => e.payload)).toEqual([{ text: 'Pump checked' }]);
    // The latest earlier drill of the same playbook, not an older one.
    expect(sources.previousDrill?.map((e) => e.streamId)).toEqual(['inc-old']);

    const real = await readBranchReportSources(db, 'riverside', { id: 'inc-now', declared: null });
    expect(real.previousDrill).toBeUndefined();
  });
});
