import { describe, expect, it } from 'vitest';
import { orderEvents, type MusterEvent } from '../event';
import { hashChain } from '../report/chain';
import { campaignEvent as ev, campaignPlaybook, STARTED } from './fixtures.test-support';
import { campaignReportHtml, campaignTablesCsv } from './export';
import { reduceCampaign, type CampaignState } from './state';

const playbook = campaignPlaybook();
const HOSTILE = '<script>alert(1)</script> & "quoted" \'single\'';
const CST = 480;

function campaign(extra: readonly MusterEvent[] = []): { events: MusterEvent[]; state: CampaignState } {
  const events = [
    ev('campaign.started', STARTED, 0),
    ev(
      'campaign.loanSet',
      {
        entryId: 'l1',
        unitId: 'unit.coops',
        categoryId: 'loan.overdue-90',
        borrower: '某建材公司, "城关"',
        amountMinor: 123_456,
        currentClass: 'normal',
        proposedClass: 'substandard',
        reason: '本金逾期120天',
      },
      1,
    ),
    ev(
      'campaign.loanSet',
      {
        entryId: 'l2',
        unitId: 'unit.branches',
        categoryId: 'loan.bridge',
        borrower: '=HYPERLINK("http://x")',
        amountMinor: 10,
        currentClass: 'special-mention',
        proposedClass: 'doubtful',
        reason: '借新还旧',
      },
      2,
    ),
    ev(
      'campaign.riskSet',
      { entryId: 'r1', unitId: 'unit.coops', dimensionId: 'risk.industry', description: '钢贸行业授信集中', amountMinor: 20, level: 'high' },
      3,
    ),
    ...extra,
  ];
  const state = reduceCampaign(events);
  if (!state) throw new Error('no campaign');
  return { events, state };
}

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF between records). */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 1;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let field = '';
    i += 1;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (text[i] === '"') {
        i += 1;
        break;
      } else field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i += 1;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe('the summary tables as CSV', () => {
  it('gives one RFC 4180 file per table: a header, a row per category, the total; amounts in yuan from integers', () => {
    const [loans, risks] = campaignTablesCsv(campaign().state, playbook, 'zh-CN');
    expect(loans?.fileName).toBe('table.loan-classification.csv');
    expect(loans?.title).toBe('xx市银行业金融机构贷款风险分类准确性排查情况汇总表');
    const rows = parseCsv(loans?.text ?? '');
    expect(rows).toHaveLength(1 + 7 + 1);
    expect(rows.every((r) => r.length === rows[0]?.length)).toBe(true);
    expect(rows[0]?.slice(0, 3)).toEqual(['排查类别', '笔数', '金额（元）']);
    expect(rows[1]?.slice(0, 7)).toEqual(['类别1', '1', '1234.56', '1', '1234.56', '1', '1234.56']);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['合计', '2', '1234.66']);
    const riskRows = parseCsv(risks?.text ?? '');
    expect(riskRows.map((r) => r[0])).toEqual(['排查维度', '行业风险', '区域风险', '业务品种', '客户风险', '合计']);
    expect(riskRows[1]?.slice(1, 5)).toEqual(['1', '0.20', '1', '0.20']);
  });

  it('speaks English too, with the same figures', () => {
    const [loans] = campaignTablesCsv(campaign().state, playbook, 'en');
    const rows = parseCsv(loans?.text ?? '');
    expect(rows[0]?.slice(0, 3)).toEqual(['Category', 'Number', 'Amount (yuan)']);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['Total', '2', '1234.66']);
  });

  it('quotes commas and quotes, and neutralises a cell a spreadsheet would run as a formula', () => {
    const { state } = campaign([ev('campaign.unitSet', { unitId: 'unit.x', name: 'x' }, 9)]);
    const odd = { ...state, loans: state.loans.map((l) => ({ ...l, categoryId: '=1+1,"x"' })) };
    const [loans] = campaignTablesCsv(odd, playbook, 'en');
    expect(loans?.text).toContain('"\'=1+1,""x"" (not in the plan)"');
  });
});

describe('the printable report', () => {
  const options = (events: readonly MusterEvent[]) => ({ events, today: '2027-03-18', generatedAt: Date.UTC(2027, 2, 18, 2, 0), offsetMinutes: CST });

  it('holds the header, both tables, every entry, progress, what is missing and the hash chain of the events', () => {
    const { events, state } = campaign();
    const html = campaignReportHtml(state, playbook, 'zh-CN', options(events));
    for (const text of [
      '信用风险专项排查自查方案：自查报告',
      '城关联社',
      '2027-03-15 至 2027-03-20',
      '2026-12-31',
      '2027-03-20',
      '风险管理经营中心，汇总后报审计中心',
      '信用风险专项排查自查领导小组',
      '牵头部门：领导小组办公室',
      '李志伟',
      '风险资产管理经营中心',
      'xx市银行业金融机构贷款风险分类准确性排查情况汇总表',
      'xx市银行业金融机构重大信用风险隐患排查情况汇总表',
      '1,234.66',
      '近期风险引爆点',
      '中长期风险引爆点',
      '钢贸行业授信集中',
      '城关信用社',
      '距报送截止日期还有 2 天（2027-03-20）。',
      '尚未填写近期风险引爆点。',
      '2027-03-18 10:00:00',
    ])
      expect(html).toContain(text);
    expect(html).toContain(hashChain(orderEvents(events)).finalHash);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script/i);
  });

  it('prints the same report whatever order the events came in', () => {
    const { events, state } = campaign();
    const shuffled = [...events].reverse();
    expect(campaignReportHtml(reduceCampaign(shuffled)!, playbook, 'en', options(shuffled))).toBe(campaignReportHtml(state, playbook, 'en', options(events)));
  });

  it('leaves the events of another stream out of the chain', () => {
    const { events, state } = campaign();
    const stray = ev('campaign.submitted', { to: 'x' }, 5, { streamId: 'campaign-other' });
    expect(campaignReportHtml(state, playbook, 'en', options([...events, stray]))).toBe(campaignReportHtml(state, playbook, 'en', options(events)));
  });

  it('escapes every text a person typed: borrower, reason, description, unit, findings, paths, removal reasons', () => {
    const { events, state } = campaign([
      ev('campaign.unitSet', { unitId: 'unit.coops', name: HOSTILE, owner: HOSTILE }, 10),
      ev(
        'campaign.loanSet',
        {
          entryId: 'l3',
          unitId: 'unit.coops',
          categoryId: 'loan.other',
          borrower: HOSTILE,
          amountMinor: 1,
          currentClass: 'normal',
          proposedClass: 'loss',
          reason: HOSTILE,
        },
        11,
      ),
      ev(
        'campaign.riskSet',
        { entryId: 'r2', unitId: 'unit.coops', dimensionId: HOSTILE.slice(0, 20), description: HOSTILE, amountMinor: 1, level: 'low' },
        12,
      ),
      ev('campaign.triggerSet', { entryId: 't1', horizon: 'near', description: HOSTILE }, 13),
      ev('campaign.pathSet', { entryId: 'p1', description: HOSTILE, cutOff: HOSTILE }, 14),
      ev('campaign.findingsSet', { sectionId: 'content.overall', text: HOSTILE }, 15),
      ev('campaign.findingsSet', { sectionId: 'content.<b>', text: HOSTILE }, 16),
      ev('campaign.entryRemoved', { entryId: 'r1', reason: HOSTILE }, 17),
      ev('campaign.submitted', { to: HOSTILE }, 18),
    ]);
    const html = campaignReportHtml(state, playbook, 'en', options(events));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('"quoted"');
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;').length - 1).toBeGreaterThanOrEqual(10);
  });

  it('shows a bidirectional override in a name rather than letting it turn the text around', () => {
    const { events, state } = campaign([ev('campaign.unitSet', { unitId: 'unit.coops', name: 'abc\u202Egnp.exe' }, 10)]);
    expect(campaignReportHtml(state, playbook, 'en', options(events))).toContain('abc⟦U+202E⟧gnp.exe');
  });

  it('says when the report is overdue, and that it was handed in once it was', () => {
    const { events, state } = campaign();
    const late = campaignReportHtml(state, playbook, 'en', { ...options(events), today: '2027-03-23' });
    expect(late).toContain('The report is 3 days overdue (due 2027-03-20).');
    const submitted = campaign([ev('campaign.submitted', { to: 'Risk Management Centre' }, 30)]);
    const html = campaignReportHtml(submitted.state, playbook, 'en', { ...options(submitted.events), today: '2027-03-23' });
    expect(html).toContain('2027-03-15 09:30:00 by 李志伟 to Risk Management Centre');
    expect(html).not.toContain('days overdue');
  });
});
