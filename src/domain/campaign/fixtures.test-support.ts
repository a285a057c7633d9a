import { EVENT_SCHEMA_VERSION, validateEvent, type EventPayloads, type EventType, type MusterEvent } from '../event';
import type { CampaignStarted } from '../events/campaign';
import { formatStamp } from '../hlc';
import type { Playbook } from '../playbook/schema';
import { validatePlaybook } from '../playbook/validate';

/**
 * For tests only: campaign events as two phones write them, each checked by the real event
 * validator (a fixture that the app would refuse is a broken fixture), and a small campaign
 * playbook with the shipped part-2 playbook's ids (test/playbooks/campaign-fidelity.test.ts runs
 * the real one through the same summaries). The campaign is the 2027 self-inspection: window
 * 03-15..03-20, deadline 03-20.
 */
export const CAMPAIGN_STREAM = 'campaign-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const T0 = Date.UTC(2027, 2, 15, 1, 0, 0);

const CATEGORY_IDS = [
  'loan.overdue-90',
  'loan.evaded-debt',
  'loan.restructured',
  'loan.bridge',
  'loan.false-transfer',
  'loan.should-be-special-mention',
  'loan.other',
];
const DIMENSIONS = [
  ['risk.industry', '行业风险'],
  ['risk.region', '区域风险'],
  ['risk.product', '业务品种'],
  ['risk.customer', '客户风险'],
] as const;
const SECTIONS = ['content.organisation', 'content.overall', 'content.findings', 'content.triggers', 'content.paths', 'content.causes'];

/** A campaign playbook with the shipped one's ids and tables, validated; a fresh copy on every call. */
export function campaignPlaybook(): Playbook {
  const result = validatePlaybook({
    id: 'credit-risk-self-inspection',
    version: '1.0.0',
    language: 'zh-CN',
    kind: 'campaign',
    schemaVersion: 2,
    title: '信用风险专项排查自查方案',
    summary: '测试用。',
    organisation: '城关联社',
    command: {
      headquarters: { id: 'leadership', name: '信用风险专项排查自查领导小组', leader: { id: 'leadership.leader', title: '组长' } },
      groups: [
        {
          id: 'office',
          name: '领导小组办公室',
          location: '风险资产管理经营中心',
          leader: { id: 'office.director', title: '办公室主任', person: '李志伟' },
        },
      ],
    },
    emergencyNumbers: [],
    phases: [{ id: 'phase.report', title: '报告', steps: [{ id: 'step.report.submit', text: '于3月20日前报送', owner: 'office' }] }],
    aftermath: [],
    campaign: {
      lead: 'office',
      window: { start: '03-15', end: '03-20' },
      referenceDate: { monthDay: '12-31', yearsBefore: 1 },
      deadline: '03-20',
      reportTo: '风险管理经营中心，汇总后报审计中心',
      units: [
        { id: 'unit.coops', name: '各社' },
        { id: 'unit.customer-managers', name: '客户经理部' },
        { id: 'unit.branches', name: '各分部' },
      ],
      loanCategories: CATEGORY_IDS.map((id, i) => ({ id, text: `类别${i + 1}`, source: `四、(一)${i + 1}` })),
      riskDimensions: DIMENSIONS.map(([id, title]) => ({ id, title, text: `${title}排查` })),
      triggers: [{ id: 'trigger.points', text: '风险引爆点' }],
      tables: [
        { id: 'table.loan-classification', title: 'xx市银行业金融机构贷款风险分类准确性排查情况汇总表', rows: 'loan-categories' },
        { id: 'table.major-credit-risks', title: 'xx市银行业金融机构重大信用风险隐患排查情况汇总表', rows: 'risk-dimensions' },
      ],
      reportContents: SECTIONS.map((id) => ({ id, text: `正文 ${id}` })),
    },
  });
  if (!result.ok) throw new Error(`the campaign fixture playbook is invalid: ${JSON.stringify(result.issues)}`);
  return result.playbook;
}

export const STARTED: CampaignStarted = {
  playbookId: 'credit-risk-self-inspection',
  playbookVersion: '1.0.0',
  playbookLanguage: 'zh-CN',
  title: '信用风险专项排查自查方案',
  windowStart: '2027-03-15',
  windowEnd: '2027-03-20',
  referenceDate: '2026-12-31',
  deadline: '2027-03-20',
  currency: 'CNY',
  units: [
    { unitId: 'unit.coops', name: '城关信用社', owner: '王主任' },
    { unitId: 'unit.customer-managers', name: '客户经理部' },
    { unitId: 'unit.branches', name: '东区分部' },
  ],
};

let seq = 0;

/** One event, `minute` minutes after 09:00 on 15 March 2027 (UTC+8), from `deviceId`; validated. */
export function campaignEvent<K extends EventType>(
  type: K,
  payload: EventPayloads[K],
  minute: number,
  options: { deviceId?: string; actor?: string; streamId?: string; counter?: number } = {},
): MusterEvent {
  seq += 1;
  const deviceId = options.deviceId ?? 'phone-a';
  const event = {
    id: `e${String(seq).padStart(5, '0')}-${deviceId}`,
    streamId: options.streamId ?? CAMPAIGN_STREAM,
    deviceId,
    actor: options.actor ?? '李志伟',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: options.counter ?? 0, deviceId }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  };
  const checked = validateEvent(event);
  if (!checked.ok) throw new Error(`fixture event ${type} is invalid: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

/** The list as given, reversed, and `count` shuffles from a seeded generator (mulberry32): the same on every run. */
export function shuffles<T>(items: readonly T[], count = 50, seed = 19): T[][] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: T[][] = [[...items], [...items].reverse()];
  for (let n = 0; n < count; n++) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    out.push(copy);
  }
  return out;
}
