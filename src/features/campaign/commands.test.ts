import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignTables, reduceCampaign } from '../../domain/campaign';
import { CAMPAIGN_STREAM_PREFIX, ENTRY_ID_PATTERN } from '../../domain/events/campaign';
import type { Playbook } from '../../domain/playbook/schema';
import { appDb } from '../../storage';
import { listCampaigns } from '../../storage/campaigns';
import { readStream } from '../../storage/events';
import { useSession } from '../../ui/session';
import { handIn, newCampaignId, newEntryId, removeEntry, setLoan, setUnitStatus, startCampaign } from './commands';

// The commands write through the app's own database (fake-indexeddb here), as the screens do.

const playbook = {
  campaign: {
    loanCategories: [
      { id: 'loan.overdue-90', text: '逾期90天以上' },
      { id: 'loan.bridge', text: '搭桥' },
    ],
    riskDimensions: [],
    tables: [{ id: 'table.loans', title: '贷款风险分类准确性排查情况汇总表', rows: 'loan-categories' }],
    reportContents: [],
  },
} as unknown as Playbook;

const loan = (entryId: string, amountMinor: number, unitId = 'unit.coops', categoryId = 'loan.overdue-90') => ({
  entryId,
  unitId,
  categoryId,
  borrower: '城关建材',
  amountMinor,
  currentClass: 'normal' as const,
  proposedClass: 'substandard' as const,
  reason: '逾期120天',
});

async function stateOf(id: string) {
  return reduceCampaign(await readStream(appDb(), id));
}

beforeEach(() => {
  useSession.setState({ actorName: '李志伟', language: 'zh-CN', writeError: null });
});
afterAll(() => appDb().close());

describe('the campaign commands', () => {
  it('make ids the events accept: one stream per campaign, entry ids that survive a correction', () => {
    expect(newCampaignId().startsWith(CAMPAIGN_STREAM_PREFIX)).toBe(true);
    expect(newEntryId()).toMatch(ENTRY_ID_PATTERN);
    expect(newEntryId()).not.toBe(newEntryId());
  });

  it('start a campaign, enter and correct a loan, and the tables count the corrected loan once', async () => {
    const id = newCampaignId();
    await startCampaign(id, {
      playbookId: 'credit-risk-self-inspection',
      playbookVersion: '1.0.0',
      playbookLanguage: 'zh-CN',
      title: '2027年信用风险专项排查',
      windowStart: '2027-03-15',
      windowEnd: '2027-03-20',
      referenceDate: '2026-12-31',
      deadline: '2027-03-20',
      currency: 'CNY',
      units: [
        { unitId: 'unit.coops', name: '各社' },
        { unitId: 'unit.branches', name: '各分部' },
      ],
    });
    const first = newEntryId();
    await setLoan(id, loan(first, 123_456));
    await setLoan(id, loan(newEntryId(), 25_000_000, 'unit.branches', 'loan.bridge'));
    await setLoan(id, loan(first, 200_000)); // corrected: same entry, new amount
    await setUnitStatus(id, 'unit.coops', 'reported');

    const state = await stateOf(id);
    expect(state?.loans.map((l) => l.amountMinor)).toEqual([200_000, 25_000_000]);
    expect(state?.loans[0]?.set.actor).toBe('李志伟');
    const [table] = state ? campaignTables(state, playbook) : [];
    expect(table?.total).toMatchObject({ all: { count: 2, amountMinor: 25_200_000n } });
    expect(state?.units.find((u) => u.unitId === 'unit.coops')?.status).toBe('reported');
    expect((await listCampaigns(appDb())).find((c) => c.streamId === id)?.submitted).toBe(false);

    // A removal needs a reason and stays on record; the hand-in shows in the list.
    await removeEntry(id, first, '重复录入');
    await handIn(id, '风险管理经营中心');
    const after = await stateOf(id);
    expect(after?.loans.map((l) => l.amountMinor)).toEqual([25_000_000]);
    expect(after?.removed.map((r) => r.reason)).toEqual(['重复录入']);
    expect((await listCampaigns(appDb())).find((c) => c.streamId === id)?.submitted).toBe(true);
  });

  it('store nothing when an event is refused (a fractional amount), and say why in the top bar', async () => {
    const id = newCampaignId();
    const before = (await readStream(appDb(), id)).length;
    expect(await setLoan(id, loan(newEntryId(), 12.345))).toBeNull();
    expect(await readStream(appDb(), id)).toHaveLength(before);
    expect(useSession.getState().writeError).toContain('amountMinor');
  });
});
