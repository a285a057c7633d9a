import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { reduceCampaign } from '../../domain/campaign';
import type { MusterEvent } from '../../domain/event';
import type { Playbook } from '../../domain/playbook/schema';
import { appDb } from '../../storage';
import { loadPlaybook } from '../playbooks';
import { twinCoversCampaign } from './playbook';
import { SummaryTables } from './SummaryTables';

// The tables as a screen reader and a sighted reader get them: titled, one header per column, one per row, the total last.

// The shipped part-2 playbook, both languages, loaded as the app loads it.
async function shipped(language: string): Promise<Playbook> {
  const loaded = await loadPlaybook(appDb(), 'credit-risk-self-inspection', language);
  if (!loaded) throw new Error(`no shipped campaign playbook in ${language}`);
  return loaded.playbook;
}
const zhPlaybook = await shipped('zh-CN');
const enPlaybook = await shipped('en');

const at = (n: number, device: string) => `${String(1804000000000 + n * 60_000).padStart(15, '0')}-0000-${device}`;
const event = (n: number, type: string, payload: unknown, device = 'phone-a'): MusterEvent =>
  ({
    id: `0198e000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamId: 'campaign-1',
    deviceId: device,
    actor: 'x',
    hlc: at(n, device),
    type,
    payload,
    v: 1,
  }) as MusterEvent;

const loan = (entryId: string, amountMinor: number, categoryId: string) => ({
  entryId,
  unitId: 'unit.coops',
  categoryId,
  borrower: 'b',
  amountMinor,
  currentClass: 'normal',
  proposedClass: 'substandard',
  reason: 'r',
});

const state = reduceCampaign([
  event(1, 'campaign.started', {
    playbookId: zhPlaybook.id,
    playbookVersion: zhPlaybook.version,
    playbookLanguage: 'zh-CN',
    title: 't',
    windowStart: '2027-03-15',
    windowEnd: '2027-03-20',
    referenceDate: '2026-12-31',
    deadline: '2027-03-20',
    currency: 'CNY',
    units: [{ unitId: 'unit.coops', name: '各社' }],
  }),
  event(2, 'campaign.loanSet', loan('e-1', 123_456, 'loan.overdue-90')),
  event(3, 'campaign.loanSet', loan('e-2', 25_000_000, 'loan.bridge'), 'phone-b'),
  event(4, 'campaign.loanSet', loan('e-1', 200_000, 'loan.overdue-90'), 'phone-b'),
]);

describe('the summary tables on screen', () => {
  it('title each table, head each column and row, and end with the total of the entries (a corrected loan once)', () => {
    if (!state) throw new Error('no campaign');
    const html = renderToStaticMarkup(<SummaryTables state={state} playbook={enPlaybook} language="en" />);
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col">Number</th>');
    expect(html).toMatch(/<tr class="total" data-testid="summary-total"><th scope="row">Total<\/th><td class="num">2<\/td><td class="num">252,000.00<\/td>/);
    // Seven categories and four dimensions, each a row, then the totals.
    expect(html.match(/<th scope="row"/g)).toHaveLength(7 + 1 + 4 + 1);
  });

  it('read the same in the other language, by the same ids', () => {
    expect(twinCoversCampaign(zhPlaybook, enPlaybook)).toBe(true);
    expect(twinCoversCampaign(enPlaybook, zhPlaybook)).toBe(true);
    if (!state) throw new Error('no campaign');
    const html = renderToStaticMarkup(<SummaryTables state={state} playbook={zhPlaybook} language="zh-CN" />);
    expect(html).toMatch(/<th scope="row">合计<\/th><td class="num">2<\/td><td class="num">252,000.00<\/td>/);
  });
});
