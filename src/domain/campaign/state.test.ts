import { describe, expect, it } from 'vitest';
import { campaignEvent as ev, CAMPAIGN_STREAM, shuffles, STARTED } from './fixtures.test-support';
import { reduceCampaign } from './state';

const loan = (entryId: string, over: Partial<{ borrower: string; amountMinor: number; proposedClass: 'normal' | 'substandard' | 'doubtful' }> = {}) => ({
  entryId,
  unitId: 'unit.coops',
  categoryId: 'loan.overdue-90',
  borrower: '某建材公司',
  amountMinor: 1_200_000_00,
  currentClass: 'normal' as const,
  proposedClass: 'substandard' as const,
  reason: '本金逾期120天',
  ...over,
});

describe('one campaign from its events', () => {
  it('knows nothing before campaign.started', () => {
    expect(reduceCampaign([])).toBeNull();
    expect(reduceCampaign([ev('campaign.loanSet', loan('l1'), 1)])).toBeNull();
  });

  it('the office starts the campaign with three units; each is open until it reports', () => {
    const s = reduceCampaign([ev('campaign.started', STARTED, 0)]);
    expect(s?.streamId).toBe(CAMPAIGN_STREAM);
    expect(s?.started).toMatchObject({ deadline: '2027-03-20', currency: 'CNY', set: { actor: '李志伟' } });
    expect(s?.units.map((u) => [u.unitId, u.name, u.status, u.fromStart])).toEqual([
      ['unit.coops', '城关信用社', 'open', true],
      ['unit.customer-managers', '客户经理部', 'open', true],
      ['unit.branches', '东区分部', 'open', true],
    ]);
  });

  it('a unit renamed later keeps its status; a unit added later comes last', () => {
    const s = reduceCampaign([
      ev('campaign.started', STARTED, 0),
      ev('campaign.unitStatus', { unitId: 'unit.branches', status: 'reported', note: '无问题贷款' }, 5),
      ev('campaign.unitSet', { unitId: 'unit.branches', name: '东区分部（含西街）', owner: '赵经理' }, 6),
      ev('campaign.unitSet', { unitId: 'unit.north', name: '北关信用社' }, 7),
    ]);
    expect(s?.units.map((u) => [u.unitId, u.name, u.owner, u.status, u.statusNote, u.fromStart])).toEqual([
      ['unit.coops', '城关信用社', '王主任', 'open', undefined, true],
      ['unit.customer-managers', '客户经理部', undefined, 'open', undefined, true],
      ['unit.branches', '东区分部（含西街）', '赵经理', 'reported', '无问题贷款', true],
      ['unit.north', '北关信用社', undefined, 'open', undefined, false],
    ]);
  });

  it('a loan corrected on two devices is one entry: the later write wins, whichever arrived first', () => {
    const onA = ev('campaign.loanSet', loan('l1', { amountMinor: 1_200_000_00 }), 10, { deviceId: 'phone-a' });
    const onB = ev('campaign.loanSet', loan('l1', { amountMinor: 1_150_000_00, proposedClass: 'doubtful' }), 12, { deviceId: 'phone-b', actor: '王主任' });
    for (const order of [
      [onA, onB],
      [onB, onA],
    ]) {
      const s = reduceCampaign([ev('campaign.started', STARTED, 0), ...order]);
      expect(s?.loans).toHaveLength(1);
      expect(s?.loans[0]).toMatchObject({ amountMinor: 1_150_000_00, proposedClass: 'doubtful', set: { actor: '王主任' }, first: { actor: '李志伟' } });
    }
  });

  it('at the same moment, the clock stamp breaks the tie the same way on every device', () => {
    const a = ev('campaign.findingsSet', { sectionId: 'content.overall', text: '甲' }, 20, { deviceId: 'phone-a' });
    const b = ev('campaign.findingsSet', { sectionId: 'content.overall', text: '乙' }, 20, { deviceId: 'phone-b' });
    const start = ev('campaign.started', STARTED, 0);
    const texts = [reduceCampaign([start, a, b]), reduceCampaign([b, a, start])].map((s) => s?.findings['content.overall']?.text);
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toBe('乙'); // phone-b sorts after phone-a in the stamp
  });

  it('a removal takes an entry off and keeps it on record with its reason; a later set puts it back', () => {
    const start = ev('campaign.started', STARTED, 0);
    const set = ev(
      'campaign.riskSet',
      { entryId: 'r1', unitId: 'unit.coops', dimensionId: 'risk.industry', description: '钢贸行业', amountMinor: 500_000_000_00, level: 'high' },
      1,
    );
    const removed = ev('campaign.entryRemoved', { entryId: 'r1', reason: '重复录入' }, 2);
    const s1 = reduceCampaign([start, set, removed]);
    expect(s1?.risks).toEqual([]);
    expect(s1?.removed.map((r) => [r.entry.entryId, r.entry.kind, r.reason])).toEqual([['r1', 'risk', '重复录入']]);
    const again = ev(
      'campaign.riskSet',
      { entryId: 'r1', unitId: 'unit.coops', dimensionId: 'risk.industry', description: '钢贸行业（更正）', amountMinor: 1, level: 'medium' },
      3,
    );
    const s2 = reduceCampaign([again, removed, start, set]);
    expect(s2?.risks.map((r) => r.description)).toEqual(['钢贸行业（更正）']);
    expect(s2?.removed).toEqual([]);
  });

  it('a removal that arrives before the entry it removes still removes it', () => {
    const start = ev('campaign.started', STARTED, 0);
    const set = ev('campaign.pathSet', { entryId: 'p1', description: '担保圈传导', cutOff: '压降互保额度' }, 1);
    const removed = ev('campaign.entryRemoved', { entryId: 'p1', reason: '并入 p2' }, 2);
    expect(reduceCampaign([removed, start])?.removed).toEqual([]);
    expect(reduceCampaign([removed, start, set])?.paths).toEqual([]);
  });

  it('keeps every hand-in; the last one is the campaign’s', () => {
    const s = reduceCampaign([
      ev('campaign.started', STARTED, 0),
      ev('campaign.submitted', { to: '风险管理经营中心' }, 100),
      ev('campaign.submitted', { to: '审计中心', note: '已汇总' }, 200),
    ]);
    expect(s?.submissions.map((x) => x.to)).toEqual(['风险管理经营中心', '审计中心']);
    expect(s?.submitted).toMatchObject({ to: '审计中心', note: '已汇总' });
  });

  it('ignores events of other streams and repeats of the same event', () => {
    const start = ev('campaign.started', STARTED, 0);
    const l1 = ev('campaign.loanSet', loan('l1'), 1);
    const other = ev('campaign.loanSet', loan('l9'), 2, { streamId: 'campaign-other' });
    const s = reduceCampaign([start, l1, l1, other, start]);
    expect(s?.loans.map((l) => l.entryId)).toEqual(['l1']);
    expect(s?.eventCount).toBe(2);
  });

  it('gives the same state whatever order 40 events from three phones arrive in', () => {
    const events = [ev('campaign.started', STARTED, 0)];
    for (let i = 0; i < 39; i++) {
      const deviceId = ['phone-a', 'phone-b', 'phone-c'][i % 3]!;
      const id = `l${i % 7}`;
      if (i % 9 === 8) events.push(ev('campaign.entryRemoved', { entryId: id, reason: `第${i}次删除` }, i + 1, { deviceId }));
      else if (i % 5 === 4) events.push(ev('campaign.unitStatus', { unitId: 'unit.coops', status: i % 2 ? 'reported' : 'open' }, i + 1, { deviceId }));
      else events.push(ev('campaign.loanSet', loan(id, { amountMinor: 100 * (i + 1), borrower: `借款人${i}` }), i + 1, { deviceId }));
    }
    const expected = reduceCampaign(events);
    expect(expected?.loans.length).toBeGreaterThan(0);
    expect(expected?.removed.length).toBeGreaterThan(0);
    for (const order of shuffles(events)) expect(reduceCampaign(order)).toEqual(expected);
  });
});
