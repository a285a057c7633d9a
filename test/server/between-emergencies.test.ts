import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/domain/sync-protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Between emergencies over real HTTP with a real SQLite file: a daily fire round with its finding
// and rectification, and a credit-risk campaign with its entries, pushed by a branch phone. The
// server checks every record with the same rules as the phone, so a forged or careless push
// (money as a float, a made-up loan class, a date that does not exist) is refused per record,
// naming the field, and nothing of it is stored.

let server: RunningServer;
let admin: SqliteEventStore;
const token = newDeviceToken();
const DEVICE = 'd-safety';
let n = 0;

beforeAll(async () => {
  const work = makeTempDir('between');
  const dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  admin = openSqliteStore(dataDir);
  const at = '2026-11-30T02:00:00.000Z';
  await admin.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
  await admin.addDeviceToken({ id: 'dt-safety', orgId: 'org-bank-sz', label: 'safety officer phone', tokenHash: hashDeviceToken(token) }, at);
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

function event(streamId: string, type: string, payload: Record<string, unknown>) {
  n += 1;
  const id = `0198b000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return { id, streamId, deviceId: DEVICE, actor: '李安全', hlc: `00178${String(4080800000 + n).padStart(10, '0')}-0000-${DEVICE}`, type, payload, v: 1 };
}

/** The reason a refused record was given ('' for one that was not refused). */
const reasonOf = (r: PushResponse['results'][number] | undefined): string => (r && 'reason' in r ? String(r.reason) : '');

async function push(events: unknown[]): Promise<PushResponse> {
  const res = await fetch(new URL('/api/v1/events', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

async function pullIds(): Promise<string[]> {
  const res = await fetch(new URL('/api/v1/events?after=0', server.url), { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as PullResponse).events.map((e) => e.id);
}

const ROUND = 'round-0198b000-0000-7000-8000-00000000a001';
const CAMPAIGN = 'campaign-0198b000-0000-7000-8000-00000000c001';

describe('records between emergencies, pushed to the server', () => {
  const started = event(ROUND, 'round.started', {
    playbookId: 'bank-fire-evacuation',
    playbookVersion: '1.2.0',
    playbookLanguage: 'zh-CN',
    roundId: 'fire.daily',
    areaId: 'archives',
    title: '每日防火检查',
    areaName: '档案室',
    inspector: '李安全',
  });
  const checked = event(ROUND, 'round.itemChecked', { itemId: 'extinguishers', result: 'finding' });
  const finding = event(ROUND, 'finding.recorded', {
    findingId: 'f-0198b000-01',
    itemId: 'extinguishers',
    description: '档案室灭火器压力不足',
    severity: 'general',
    owner: '张保卫',
    dueDate: '2026-12-07',
  });
  const closed = event(ROUND, 'rectification.closed', { findingId: 'f-0198b000-01', evidence: '已更换灭火器', closedBy: '李安全' });
  const campaign = event(CAMPAIGN, 'campaign.started', {
    playbookId: 'credit-risk-self-inspection',
    playbookVersion: '1.0.0',
    playbookLanguage: 'zh-CN',
    title: '信用风险专项排查自查',
    windowStart: '2027-03-15',
    windowEnd: '2027-03-20',
    referenceDate: '2026-12-31',
    deadline: '2027-03-20',
    currency: 'CNY',
    units: [{ unitId: 'credit-union-1', name: '城关信用社', owner: '王主任' }],
  });
  const loan = {
    entryId: 'loan-1',
    unitId: 'credit-union-1',
    categoryId: 'overdue-90',
    borrower: '某建材有限公司',
    amountMinor: 123_456_789,
    currentClass: 'normal',
    proposedClass: 'substandard',
    reason: '本金逾期120天仍列正常类',
  };

  it('stores a round, its finding and its rectification, and a campaign with a loan entry', async () => {
    const good = [started, checked, finding, closed, campaign, event(CAMPAIGN, 'campaign.loanSet', loan)];
    const answer = await push(good);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(await pullIds()).toEqual(good.map((e) => e.id));
  });

  it.each([
    ['money as a float', { ...loan, amountMinor: 1234.5 }, 'payload.amountMinor'],
    ['a negative amount', { ...loan, amountMinor: -100 }, 'payload.amountMinor'],
    ['an amount past exact integers', { ...loan, amountMinor: 2 ** 53 }, 'payload.amountMinor'],
    ['a loan class that does not exist', { ...loan, proposedClass: 'fine' }, 'payload.proposedClass'],
    ['a field the record does not have', { ...loan, interestRate: 0.05 }, 'payload'],
  ])('refuses a loan entry with %s, naming the field, and stores nothing of it', async (_, payload, path) => {
    const bad = event(CAMPAIGN, 'campaign.loanSet', payload);
    const answer = await push([bad]);
    expect(answer.results).toEqual([expect.objectContaining({ id: bad.id, status: 'rejected', code: 'invalid' })]);
    expect(reasonOf(answer.results[0])).toContain(path);
    expect(await pullIds()).not.toContain(bad.id);
  });

  it('refuses a finding whose deadline is not a real date, and a campaign that ends before it starts', async () => {
    const badDate = event(ROUND, 'finding.recorded', { ...finding.payload, findingId: 'f-0198b000-02', dueDate: '2026-02-30' });
    const backwards = event(CAMPAIGN, 'campaign.started', { ...campaign.payload, windowEnd: '2027-03-10' });
    const answer = await push([badDate, backwards]);
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(reasonOf(answer.results[0])).toContain('payload.dueDate');
    expect(reasonOf(answer.results[1])).toContain('payload.windowEnd');
    const held = await pullIds();
    expect(held).not.toContain(badDate.id);
    expect(held).not.toContain(backwards.id);
  });
});
