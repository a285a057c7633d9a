import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CampaignStarted } from '../domain/events/campaign';
import { listCampaigns } from './campaigns';
import { openDb, type MusterDb } from './db';
import { appendEvent, type WriteEnv } from './events';

const T0 = Date.UTC(2027, 2, 10, 1, 0, 0);

function testEnv(start = T0): WriteEnv & { set(ms: number): void } {
  let now = start;
  let r = 7;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff),
  };
}

const started = (title: string): CampaignStarted => ({
  playbookId: 'campaign-credit-risk',
  playbookVersion: '1.0.0',
  playbookLanguage: 'zh-CN',
  title,
  windowStart: '2027-03-15',
  windowEnd: '2027-03-20',
  referenceDate: '2026-12-31',
  deadline: '2027-03-20',
  currency: 'CNY',
  units: [{ unitId: 'u1', name: '城关信用社', owner: '张主任' }],
});

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`campaigns-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the campaigns on this device', () => {
  it('lists each campaign once, newest first, and says which were handed in', async () => {
    const env = testEnv();
    await appendEvent(db, { streamId: 'campaign-a', actor: '李志伟', type: 'campaign.started', payload: started('2027 信用风险专项排查') }, env);
    env.set(T0 + 60_000);
    await appendEvent(db, { streamId: 'campaign-b', actor: 'Li', type: 'campaign.started', payload: started('Second campaign') }, env);
    await appendEvent(db, { streamId: 'campaign-a', actor: '李志伟', type: 'campaign.submitted', payload: { to: '风险管理经营中心' } }, env);
    // An incident is not a campaign.
    await appendEvent(
      db,
      {
        streamId: 'inc-1',
        actor: 'x',
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: 'B1', place: '' },
      },
      env,
    );

    const list = await listCampaigns(db);
    expect(list.map((c) => [c.streamId, c.started.title, c.submitted])).toEqual([
      ['campaign-b', 'Second campaign', false],
      ['campaign-a', '2027 信用风险专项排查', true],
    ]);
    expect(list[1]?.actor).toBe('李志伟');
  });

  it('keeps the first start of a stream when two devices started it (the earlier stamp)', async () => {
    const env = testEnv();
    await appendEvent(db, { streamId: 'campaign-a', actor: 'A', type: 'campaign.started', payload: started('First') }, env);
    env.set(T0 + 1000);
    await appendEvent(db, { streamId: 'campaign-a', actor: 'B', type: 'campaign.started', payload: started('Later') }, env);
    expect((await listCampaigns(db)).map((c) => c.started.title)).toEqual(['First']);
  });

  it('is empty on a new device', async () => {
    expect(await listCampaigns(db)).toEqual([]);
  });
});
