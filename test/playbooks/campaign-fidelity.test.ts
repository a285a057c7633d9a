import { describe, expect, it } from 'vitest';
import { campaignTables, reduceCampaign } from '../../src/domain/campaign';
import { EVENT_SCHEMA_VERSION } from '../../src/domain/event';
import { comparePlaybookTwins, validatePlaybook } from '../../src/domain/playbook/validate';
import { groupById, loadPlaybook, readScenario, stepById } from './support';

// Seed part 2 (银行案件防控工作计划(篇2)): the credit-risk self-inspection, shipped as a playbook of
// kind "campaign". The tables are the seed's content; the English phrases are what its twin must say.

const FILES = ['campaign-credit-risk.zh-CN.json', 'campaign-credit-risk.en.json'] as const;
const zh = loadPlaybook(FILES[0]);
const en = loadPlaybook(FILES[1]);

/** 四、(一): the seven kinds of loan checked one by one. */
const CATEGORIES: [id: string, source: string, zh: string[], en: string[]][] = [
  ['loan.overdue-90', '四、(一)1', ['贷款本金或利息逾期90天以上', '正常类或关注类贷款'], ['more than 90 days overdue', 'normal or special-mention']],
  ['loan.evaded-debt', '四、(一)2', ['逃废债务且本金或利息逾期', '正常类或关注类贷款'], ['evades the debt', 'overdue']],
  ['loan.restructured', '四、(一)3', ['6个月观察期内重组贷款'], ['Restructured loans', '6-month observation period']],
  [
    'loan.bridge',
    '四、(一)4',
    ['实质成为不良', '借新还旧、还旧借新', '“搭桥”', '延缓风险暴露、藏匿不良贷款'],
    ['"bridge" lending', 'hides non-performing loans'],
  ],
  [
    'loan.false-transfer',
    '四、(一)5',
    [
      '通过各种通道虚假转让不良贷款',
      '20xx年末未体现为不良资产',
      '理财产品、委托投资、同业代持、同业投资、受益权转让、资产证券化',
      '资产管理公司',
      '虚假转移出表',
    ],
    ['falsely transferred through any channel', 'wealth-management products', 'asset securitisation', 'asset management companies', 'off the balance sheet'],
  ],
  ['loan.should-be-special-mention', '四、(一)6', ['应划分为关注类而实际划分为正常类的贷款'], ['should be classed special-mention but are classed normal']],
  ['loan.other', '四、(一)7', ['其他分类不准确的情况'], ['other inaccurate classification']],
];

/** 四、(二): the four dimensions of major credit risk, with the thresholds the plan gives. */
const DIMENSIONS: [id: string, source: string, title: string, zh: string[], en: string[]][] = [
  [
    'risk.industry',
    '四、(二)1',
    '行业风险',
    [
      '不良存量较高',
      '不良贷款率增幅超过1个百分点',
      '关注类贷款率增幅超过3个百分点',
      '产能过剩行业、房地产行业',
      '单户授信在5000万元以上',
      '地方中小法人银行1000万元以上',
      '逐户排查',
    ],
    [
      'more than 1 percentage point',
      'more than 3 percentage points',
      'overcapacity',
      'real estate',
      '50 million yuan or more',
      '10 million yuan or more',
      'one by one',
    ],
  ],
  [
    'risk.region',
    '四、(二)2',
    '区域风险',
    ['典型风险、信用环境以及风险迁徙变化趋势', '产业结构单一、风险集中度高、信用环境明显恶化'],
    ['risk migration', 'single-industry structure', 'high concentration of risk', 'worsening credit environment'],
  ],
  [
    'risk.product',
    '四、(二)3',
    '业务品种',
    ['各项贷款、债券、投资、同业业务', '表外业务', '未实施穿透管理', '《贷款风险分类指引》', '非信贷类资产业务'],
    ['bonds, investments and interbank', 'off-balance-sheet', 'look-through', 'Guidelines on Loan Risk Classification', 'non-credit asset business'],
  ],
  [
    'risk.customer',
    '四、(二)4',
    '客户风险',
    ['多头过度授信、担保圈', '产能过剩行业债务人授信', '债券发生违约的债务人授信', '正在进行债务重组的债务人授信'],
    ['excessive credit from many lenders', 'guarantee circles', 'defaulted on bonds', 'being restructured'],
  ],
];

/** 五: the two summary tables handed in. */
const TABLES: [id: string, rows: string, zh: string, en: string[]][] = [
  ['table.loan-classification', 'loan-categories', '贷款风险分类准确性排查情况汇总表', ['accuracy of loan risk classification']],
  ['table.major-credit-risks', 'risk-dimensions', '重大信用风险隐患排查情况汇总表', ['major hidden credit risks']],
];

/** 五: what the written report says. */
const CONTENTS: [id: string, zh: string][] = [
  ['content.organisation', '自查工作组织开展情况'],
  ['content.overall', '本机构信用风险整体评价'],
  ['content.findings', '贷款分类不准确以及重大信用风险隐患情况'],
  ['content.triggers', '近期以及中长期的风险引爆点'],
  ['content.paths', '风险传导路径'],
  ['content.causes', '风险形成原因'],
];

describe('the credit-risk self-inspection (seed part 2), both files', () => {
  it.each(FILES)('%s passes the validator as a campaign of schema version 2', (name) => {
    const json = readScenario(name) as Record<string, unknown>;
    const result = validatePlaybook(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(json.$schema).toBe('./playbook.schema.json');
    expect(json.schemaVersion).toBe(2);
    expect(json.kind).toBe('campaign');
  });

  it('is a pair of twins: same id and version, every id and owner the same', () => {
    expect(en.id).toBe(zh.id);
    expect(en.version).toBe(zh.version);
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    expect(comparePlaybookTwins(en, zh)).toEqual([]);
  });

  it.each([zh, en])('$language: the window 3/15–3/20, data as of 12/31 of the year before, the report due 3/20', (p) => {
    expect(p.campaign?.window).toEqual({ start: '03-15', end: '03-20' });
    expect(p.campaign?.referenceDate).toEqual({ monthDay: '12-31', yearsBefore: 1 });
    expect(p.campaign?.deadline).toBe('03-20');
  });

  it.each([zh, en])('$language: all seven loan categories, in the order of 四、(一)', (p) => {
    expect(p.campaign?.loanCategories.map((c) => [c.id, c.source])).toEqual(CATEGORIES.map(([id, source]) => [id, source]));
  });

  it.each([zh, en])('$language: all four risk dimensions, in the order of 四、(二)', (p) => {
    expect(p.campaign?.riskDimensions.map((d) => [d.id, d.source])).toEqual(DIMENSIONS.map(([id, source]) => [id, source]));
  });

  it.each([zh, en])('$language: both summary tables, and the six parts of the written report', (p) => {
    expect(p.campaign?.tables.map((t) => [t.id, t.rows])).toEqual(TABLES.map(([id, rows]) => [id, rows]));
    expect(p.campaign?.reportContents.map((c) => c.id)).toEqual(CONTENTS.map(([id]) => id));
  });

  it.each([zh, en])(
    '$language: the units are each cooperative, the customer managers’ department and each sub-branch, each with its member of the group',
    (p) => {
      expect(p.campaign?.units.map((u) => [u.id, u.owner])).toEqual([
        ['unit.coops', 'leadership.members.coops'],
        ['unit.customer-managers', 'leadership.members.customer-managers'],
        ['unit.branches', 'leadership.members.branches'],
      ]);
    },
  );

  it.each([zh, en])('$language: the office leads; the plan’s blank posts stay blank', (p) => {
    expect(p.campaign?.lead).toBe('office');
    const leadership = groupById(p, 'leadership');
    expect([leadership.leader?.person, leadership.leader?.heldBy, leadership.leader?.phone]).toEqual([undefined, undefined, undefined]);
    expect(leadership.deputies?.map((d) => [d.person, d.heldBy, d.phone])).toEqual([[undefined, undefined, undefined]]);
    expect(p.command.roles?.map((r) => [r.id, r.person, r.phone])).toEqual([['contact', undefined, undefined]]);
    expect(p.emergencyNumbers.map((n) => [n.id, n.number])).toEqual([['contact-phone', undefined]]);
    expect(p.dutyPhone).toBeUndefined();
    expect(p.aftermath).toEqual([]);
  });
});

describe('the credit-risk self-inspection (seed part 2) in Chinese', () => {
  it.each(CATEGORIES)('category %s (%s) says what the plan says', (id, _source, phrases) => {
    const text = zh.campaign?.loanCategories.find((c) => c.id === id)?.text ?? '';
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it.each(DIMENSIONS)('dimension %s (%s) is “%s” with the plan’s thresholds', (id, _source, title, phrases) => {
    const d = zh.campaign?.riskDimensions.find((x) => x.id === id);
    expect(d?.title).toBe(title);
    for (const phrase of phrases) expect(d?.text).toContain(phrase);
  });

  it.each(TABLES)('table %s is titled as handed in: “…%s”', (id, _rows, title) => {
    expect(zh.campaign?.tables.find((t) => t.id === id)?.title).toBe(`xx市银行业金融机构${title}`);
  });

  it.each(CONTENTS)('the report has the part %s: %s', (id, phrase) => {
    expect(zh.campaign?.reportContents.find((c) => c.id === id)?.text).toContain(phrase);
  });

  it('sends the report to the risk management centre, then to the audit centre', () => {
    expect(zh.campaign?.reportTo).toContain('风险管理经营中心');
    expect(zh.campaign?.reportTo).toContain('审计中心');
    expect(stepById(zh, 'step.report.submit').text).toBe('于20xx年3月20日前报风险管理经营中心汇总后报审计中心');
  });

  it('has the leadership group with its members and its office in the risk asset management centre under 李志伟', () => {
    const leadership = groupById(zh, 'leadership');
    expect(leadership.name).toBe('信用风险专项排查自查领导小组');
    expect([leadership.leader?.title, ...(leadership.deputies ?? []).map((d) => d.title)]).toEqual(['组长', '副组长']);
    expect(leadership.members?.map((m) => m.heldBy).join('、')).toBe('各社主任、客户经理部经理、各分部经理');
    const office = groupById(zh, 'office');
    expect(office.location).toBe('风险资产管理经营中心');
    expect(office.leader?.person).toBe('李志伟');
  });

  it('names the trigger points, the transmission chains, the plans to cut them and the financial risk map', () => {
    const text = zh.campaign?.triggers.map((t) => t.text).join('\n') ?? '';
    for (const phrase of ['系统性、区域性金融风险', '近期风险引爆点以及中长期风险引爆点', '重大风险传导链条', '切断链条的预案', '“金融风险图谱”'])
      expect(text).toContain(phrase);
  });

  it('rests on the CBRC notice 银监办发【20xx】31号 and covers every kind of exposure', () => {
    expect(zh.legalBasis?.[0]).toContain('《中国银监会办公厅关于开展银行业信用风险专项排查的通知》');
    expect(zh.legalBasis?.[0]).toContain('银监办发【20xx】31号');
    expect(zh.purpose).toContain('各项贷款、债券、投资、同业、表外、通道业务等风险敞口');
    expect(stepById(zh, 'step.organise.data').text).toContain('20xx年12月31日数据为准');
    expect(stepById(zh, 'step.organise.data').text).toContain('1104系统');
  });
});

describe('the credit-risk self-inspection (seed part 2) in English', () => {
  it.each(CATEGORIES)('category %s (%s) says what the plan says', (id, _source, _zh, phrases) => {
    const text = en.campaign?.loanCategories.find((c) => c.id === id)?.text ?? '';
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it.each(DIMENSIONS)('dimension %s (%s) keeps the plan’s thresholds', (id, _source, _title, _zh, phrases) => {
    const text = en.campaign?.riskDimensions.find((x) => x.id === id)?.text ?? '';
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it.each(TABLES)('table %s is there in English', (id, _rows, _zh, phrases) => {
    const title = en.campaign?.tables.find((t) => t.id === id)?.title ?? '';
    for (const phrase of phrases) expect(title).toContain(phrase);
  });

  it('sends the report to the risk management centre, then to the audit centre, by 20 March', () => {
    expect(en.campaign?.reportTo).toContain('Risk Management Centre');
    expect(en.campaign?.reportTo).toContain('Audit Centre');
    expect(stepById(en, 'step.report.submit').text).toContain('20 March');
    expect(en.legalBasis?.[0]).toContain('No. 31');
    expect(groupById(en, 'office').leader?.person).toBe('Li Zhiwei');
  });
});

describe('the shipped campaign in the app’s summaries', () => {
  it.each([zh, en])('$language: a campaign started from it gives both tables, a row per category and per dimension', (p) => {
    const state = reduceCampaign([
      {
        id: 'e1',
        streamId: 'campaign-1',
        deviceId: 'phone-a',
        actor: '李志伟',
        hlc: '001773532800000-0000-phone-a',
        type: 'campaign.started',
        v: EVENT_SCHEMA_VERSION,
        payload: {
          playbookId: p.id,
          playbookVersion: p.version,
          playbookLanguage: p.language,
          title: p.title,
          windowStart: '2027-03-15',
          windowEnd: '2027-03-20',
          referenceDate: '2026-12-31',
          deadline: '2027-03-20',
          currency: 'CNY',
          units: (p.campaign?.units ?? []).map((u) => ({ unitId: u.id, name: u.name })),
        },
      },
    ]);
    if (!state) throw new Error('the campaign did not start');
    const tables = campaignTables(state, p);
    expect(tables.map((t) => [t.title, t.lines.length])).toEqual([
      [p.campaign?.tables[0]?.title, 7],
      [p.campaign?.tables[1]?.title, 4],
    ]);
  });
});
