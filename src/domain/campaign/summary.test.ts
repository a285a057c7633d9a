import { describe, expect, it } from 'vitest';
import type { MusterEvent } from '../event';
import type { CampaignLoanSet, CampaignRiskSet } from '../events/campaign';
import { LOAN_CLASSES } from '../playbook/round-terms';
import { campaignEvent as ev, campaignPlaybook, shuffles, STARTED } from './fixtures.test-support';
import { reduceCampaign, type CampaignState } from './state';
import { campaignTables, sumMinor, unitProgress, type LoanTallies, type Tally } from './summary';

const playbook = campaignPlaybook();

function state(events: readonly MusterEvent[]): CampaignState {
  const s = reduceCampaign([ev('campaign.started', STARTED, 0), ...events]);
  if (!s) throw new Error('no campaign');
  return s;
}

function loan(entryId: string, over: Partial<CampaignLoanSet>): CampaignLoanSet {
  return {
    entryId,
    unitId: 'unit.coops',
    categoryId: 'loan.overdue-90',
    borrower: `借款人 ${entryId}`,
    amountMinor: 100,
    currentClass: 'normal',
    proposedClass: 'normal',
    reason: '逐笔排查',
    ...over,
  };
}

function risk(entryId: string, over: Partial<CampaignRiskSet>): CampaignRiskSet {
  return { entryId, unitId: 'unit.coops', dimensionId: 'risk.industry', description: `隐患 ${entryId}`, amountMinor: 100, level: 'low', ...over };
}

function tables(s: CampaignState) {
  const [loans, risks] = campaignTables(s, playbook);
  if (loans?.rows !== 'loan-categories' || risks?.rows !== 'risk-dimensions') throw new Error('the playbook lists the loan table first');
  return { loans, risks };
}

const sumTallies = (ts: readonly Tally[]): Tally => ({ count: ts.reduce((n, t) => n + t.count, 0), amountMinor: sumMinor(ts.map((t) => t.amountMinor)) });

describe('the loan-categories table (贷款风险分类准确性排查情况汇总表)', () => {
  it('has a row for each of the seven categories, in the playbook’s order, then the total', () => {
    const { loans } = tables(state([]));
    expect(loans.title).toBe('xx市银行业金融机构贷款风险分类准确性排查情况汇总表');
    expect(loans.lines.map((l) => l.categoryId)).toEqual(playbook.campaign?.loanCategories.map((c) => c.id));
    expect(loans.total.all).toEqual({ count: 0, amountMinor: 0n });
  });

  it('counts a loan once, whose class changes from normal to substandard, in every column it belongs to', () => {
    const { loans } = tables(state([ev('campaign.loanSet', loan('l1', { amountMinor: 1_234_567, proposedClass: 'substandard' }), 1)]));
    const row = loans.lines[0]!;
    expect(row.all).toEqual({ count: 1, amountMinor: 1_234_567n });
    expect(row.reclassified).toEqual({ count: 1, amountMinor: 1_234_567n });
    expect(row.intoNonPerforming).toEqual({ count: 1, amountMinor: 1_234_567n });
    expect(row.byProposedClass.substandard).toEqual({ count: 1, amountMinor: 1_234_567n });
    expect(row.byProposedClass.normal.count).toBe(0);
  });

  it('a proposed class change corrected on two phones is counted once, with the later figures', () => {
    const a = ev('campaign.loanSet', loan('l1', { amountMinor: 500_000, proposedClass: 'special-mention' }), 1, { deviceId: 'phone-a' });
    const b = ev('campaign.loanSet', loan('l1', { amountMinor: 480_000, proposedClass: 'doubtful' }), 2, { deviceId: 'phone-b' });
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const { loans } = tables(state(order));
      expect(loans.total.all).toEqual({ count: 1, amountMinor: 480_000n });
      expect(loans.total.reclassified).toEqual({ count: 1, amountMinor: 480_000n });
      expect(loans.total.intoNonPerforming).toEqual({ count: 1, amountMinor: 480_000n });
      expect(loans.total.byProposedClass['special-mention'].count).toBe(0);
      expect(loans.total.byProposedClass.doubtful).toEqual({ count: 1, amountMinor: 480_000n });
    }
  });

  it('does not call a move within non-performing, or one to special-mention, a move into non-performing', () => {
    const { loans } = tables(
      state([
        ev('campaign.loanSet', loan('l1', { currentClass: 'substandard', proposedClass: 'loss' }), 1),
        ev('campaign.loanSet', loan('l2', { currentClass: 'normal', proposedClass: 'special-mention', categoryId: 'loan.should-be-special-mention' }), 2),
        ev('campaign.loanSet', loan('l3', { currentClass: 'special-mention', proposedClass: 'special-mention' }), 3),
      ]),
    );
    expect(loans.total.reclassified.count).toBe(2);
    expect(loans.total.intoNonPerforming.count).toBe(0);
  });

  it('adds 10 fen and 20 fen to exactly 30 fen (no floating point: 0.1 + 0.2 is not 0.3 in a double)', () => {
    const { loans } = tables(state([ev('campaign.loanSet', loan('l1', { amountMinor: 10 }), 1), ev('campaign.loanSet', loan('l2', { amountMinor: 20 }), 2)]));
    expect(loans.total.all.amountMinor).toBe(30n);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('adds amounts past the largest exact double without losing a fen', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const { loans } = tables(state([ev('campaign.loanSet', loan('l1', { amountMinor: max }), 1), ev('campaign.loanSet', loan('l2', { amountMinor: max }), 2)]));
    expect(loans.total.all.amountMinor).toBe(2n * BigInt(max));
  });

  it('keeps an entry whose category the playbook lacks in a row of its own, so the total still equals the rows', () => {
    const { loans } = tables(state([ev('campaign.loanSet', loan('l1', { categoryId: 'loan.retired', amountMinor: 7 }), 1)]));
    expect(loans.lines.at(-1)).toMatchObject({ categoryId: 'loan.retired', known: false, all: { count: 1, amountMinor: 7n } });
  });

  it('has totals equal to the sum of the rows and to the sum of the entries, for 300 random loans in any order', () => {
    const categories = [...(playbook.campaign?.loanCategories.map((c) => c.id) ?? []), 'loan.unknown'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const events = Array.from({ length: 300 }, (_, i) =>
      ev(
        'campaign.loanSet',
        loan(`l${next(200)}`, {
          categoryId: categories[next(categories.length)]!,
          amountMinor: next(10_000_000_00),
          currentClass: LOAN_CLASSES[next(2)]!,
          proposedClass: LOAN_CLASSES[next(5)]!,
        }),
        i + 1,
        { deviceId: `phone-${next(3)}` },
      ),
    );
    const s = state(events);
    const { loans } = tables(s);
    const total: LoanTallies = loans.total;
    expect(total.all.count).toBe(s.loans.length);
    expect(total.all.amountMinor).toBe(sumMinor(s.loans.map((l) => l.amountMinor)));
    for (const column of ['all', 'reclassified', 'intoNonPerforming'] as const) expect(sumTallies(loans.lines.map((l) => l[column]))).toEqual(total[column]);
    for (const c of LOAN_CLASSES) expect(sumTallies(loans.lines.map((l) => l.byProposedClass[c]))).toEqual(total.byProposedClass[c]);
    expect(sumTallies(LOAN_CLASSES.map((c) => total.byProposedClass[c]))).toEqual(total.all);
    for (const order of shuffles(events, 5)) expect(tables(state(order)).loans).toEqual(loans);
  });
});

describe('the risk-dimensions table (重大信用风险隐患排查情况汇总表)', () => {
  it('counts each dimension by level, with a total equal to the rows', () => {
    const { risks } = tables(
      state([
        ev('campaign.riskSet', risk('r1', { level: 'high', amountMinor: 5_000_000_000 }), 1),
        ev('campaign.riskSet', risk('r2', { level: 'medium', amountMinor: 3 }), 2),
        ev('campaign.riskSet', risk('r3', { dimensionId: 'risk.customer', level: 'high', amountMinor: 4 }), 3),
      ]),
    );
    expect(risks.lines.map((l) => [l.dimensionId, l.all.count, l.byLevel.high.count, l.byLevel.medium.count, l.byLevel.low.count])).toEqual([
      ['risk.industry', 2, 1, 1, 0],
      ['risk.region', 0, 0, 0, 0],
      ['risk.product', 0, 0, 0, 0],
      ['risk.customer', 1, 1, 0, 0],
    ]);
    expect(risks.total.all).toEqual({ count: 3, amountMinor: 5_000_000_007n });
    expect(risks.total.byLevel.high).toEqual({ count: 2, amountMinor: 5_000_000_004n });
  });
});

describe('progress per unit', () => {
  it('shows each unit’s entries and whether it has reported, and a unit only entries name', () => {
    const rows = unitProgress(
      state([
        ev('campaign.loanSet', loan('l1', { amountMinor: 10 }), 1),
        ev('campaign.loanSet', loan('l2', { amountMinor: 20 }), 2),
        ev('campaign.riskSet', risk('r1', { unitId: 'unit.branches' }), 3),
        ev('campaign.triggerSet', { entryId: 't1', unitId: 'unit.coops', horizon: 'near', description: '到期集中' }, 4),
        ev('campaign.pathSet', { entryId: 'p1', unitId: 'unit.elsewhere', description: '担保圈' }, 5),
        ev('campaign.unitStatus', { unitId: 'unit.branches', status: 'reported' }, 6),
      ]),
    );
    expect(rows.map((u) => [u.unitId, u.loans, u.risks, u.triggers, u.paths, u.entries, u.loanAmountMinor, u.status, u.listed])).toEqual([
      ['unit.coops', 2, 0, 1, 0, 3, 30n, 'open', true],
      ['unit.customer-managers', 0, 0, 0, 0, 0, 0n, 'open', true],
      ['unit.branches', 0, 1, 0, 0, 1, 0n, 'reported', true],
      ['unit.elsewhere', 0, 0, 0, 1, 1, 0n, 'open', false],
    ]);
    expect(rows[0]?.owner).toBe('王主任');
  });
});
