import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dutyStreamId } from '../../domain/duty-log';
import type { EventPayloads } from '../../domain/event';
import { reduceIncident } from '../../domain/incident';
import { openDb, type MusterDb } from '../../storage/db';
import { appendEvent, readStream, type WriteEnv } from '../../storage/events';
import { loadReportSources } from './sources';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1, 2, 0);
let now = T0;
let r = 7;
const env: WriteEnv = { now: () => now, random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff) };

let db: MusterDb;
beforeEach(async () => {
  db = openDb('report-sources-test');
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function declare(streamId: string, at: number, p: Partial<EventPayloads['incident.declared']>): Promise<void> {
  now = at;
  await appendEvent(
    db,
    {
      streamId,
      actor: '安保值班室',
      type: 'incident.declared',
      payload: { playbookId: 'fire-evacuation', playbookVersion: '1.0.0', mode: 'drill', title: streamId, place: '', ...p },
    },
    env,
  );
  await appendEvent(db, { streamId, actor: '安保值班室', type: 'step.done', payload: { stepId: 'step.alarm.report' } }, env);
}

describe('what a report reads from the device besides the incident', () => {
  it('finds the latest earlier drill of the same playbook, and the duty log of the site', async () => {
    await declare('inc-drill-spring', T0 - 90 * DAY, {});
    await declare('inc-drill-summer', T0 - 30 * DAY, {});
    await declare('inc-real-fire', T0 - 10 * DAY, { mode: 'real' });
    await declare('inc-flood-drill', T0 - 5 * DAY, { playbookId: 'flood-emergency' });
    await declare('inc-drill-now', T0, {});
    await declare('inc-drill-later', T0 + DAY, {});
    now = T0 + 60_000;
    await appendEvent(db, { streamId: dutyStreamId('xx支行'), actor: '王值班', type: 'duty.entry', payload: { text: '演练开始' } }, env);

    const incident = reduceIncident('inc-drill-now', await readStream(db, 'inc-drill-now'));
    const sources = await loadReportSources(db, incident, 'xx支行');
    expect(new Set(sources.previousDrill?.map((e) => e.streamId))).toEqual(new Set(['inc-drill-summer']));
    expect(sources.dutyEvents.map((e) => e.type === 'duty.entry' && e.payload.text)).toEqual(['演练开始']);

    const real = reduceIncident('inc-real-fire', await readStream(db, 'inc-real-fire'));
    expect((await loadReportSources(db, real, '')).previousDrill).toBeUndefined();
    expect((await loadReportSources(db, real, '')).dutyEvents).toEqual([]);
    const first = reduceIncident('inc-drill-spring', await readStream(db, 'inc-drill-spring'));
    expect((await loadReportSources(db, first, 'xx支行')).previousDrill).toBeUndefined();
  });
});
