import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../src/domain/playbook/schema';
import type { Round } from '../../src/domain/playbook/schema-rounds';
import { allGroups, loadPlaybook } from './support';

// The inspection rounds of the shipped playbooks against the seed plans. Fire: part 4 (篇4),
// 三、1 (the key fire-protection areas and what each must meet) and 三、2 (实行检查机制: the four
// inspection frequencies, and 发现危险隐患应及时责令进行整改). Flood: part 3 (篇3), 四、防汛应急工作安排,
// and 五(2) (replenish flood supplies). The tables are the seed's content.

const fireZh = loadPlaybook('fire.zh-CN.json');
const fireEn = loadPlaybook('fire.en.json');
const floodZh = loadPlaybook('flood.zh-CN.json');
const floodEn = loadPlaybook('flood.en.json');

const rounds = (p: Playbook): Round[] => p.preparation?.rounds ?? [];

/** 三、2: who checks, how often. */
const FREQUENCIES: [who: string, owner: string, times: number, per: string][] = [
  ['消防员、安全员每天应对防火责任区内防火情况进行检查', 'fire-wardens', 1, 'day'],
  ['各行处每月防火检查不少于二次', 'sub-branches', 2, 'month'],
  ['分行安全保卫部每季度抽查不少于一次', 'security-dept', 1, 'quarter'],
  ['每年全面检查不少于二次', 'security-dept', 2, 'year'],
];

/** 三、1: the key fire-protection areas. */
const KEY_AREAS: [id: string, zh: string][] = [
  ['banking-hall', '营业室'],
  ['archives', '档案室'],
  ['computer-room', '机房'],
  ['finance-office', '财务室'],
  ['credit-records', '信贷资料室'],
];

/** 三、1(一)–(五): what every key area must meet. */
const REQUIREMENTS: [source: string, phrase: string][] = [
  ['三、1(一)', '位置、平面布局、建筑材料等符合有关防火要求'],
  ['三、1(二)', '防火制度或措施'],
  ['三、1(三)', '专人负责消防管理'],
  ['三、1(四)', '相应的消防设施、器材'],
  ['三、1(五)', '明显的防火标志'],
];

/** 四、防汛应急工作安排 (and 五(2)): each preparation, as the plan words it. */
const FLOOD_PREPARATION: [source: string, phrase: string][] = [
  ['四、一', '召开本行协调会'],
  ['四、一', '严密排查雨季防汛工作存在的隐患'],
  ['四、二', '《防汛应急处置预案》'],
  ['四、二', '加强演练，熟知处置程序'],
  ['四、三', '网络故障、系统交接不顺利'],
  ['四、四', '门前杂物'],
  ['四、四', '疏通排水设施'],
  ['四、四', '裸露的线路统一加金属边固定'],
  ['五(2)', '防汛物资'],
];

function personIds(p: Playbook): Set<string> {
  const ids = new Set<string>(p.command.roles?.map((r) => r.id) ?? []);
  for (const g of allGroups(p)) {
    ids.add(g.id);
    for (const post of [g.leader, ...(g.deputies ?? []), ...(g.members ?? [])]) if (post) ids.add(post.id);
  }
  return ids;
}

describe('the fire rounds (seed part 4, 三、2 实行检查机制)', () => {
  it.each(FREQUENCIES)('「%s」 is a round of %s, %i per %s, in both languages', (_, owner, times, per) => {
    for (const p of [fireZh, fireEn]) {
      const round = rounds(p).find((r) => r.every?.times === times && r.every.per === per);
      expect(round, `${p.language}: no round ${times}/${per}`).toBeDefined();
      expect(round!.owner).toBe(owner);
      expect(round!.source).toBe(p.language === 'zh-CN' ? '三、2' : 'III.2');
    }
  });

  it('the Chinese titles say who and how often as the plan does', () => {
    expect(rounds(fireZh).map((r) => r.title)).toEqual([
      '每日防火检查（消防员、安全员）',
      '各行处防火检查（每月不少于二次）',
      '分行安全保卫部抽查（每季度不少于一次）',
      '全面检查（每年不少于二次）',
    ]);
  });

  it('the daily check, the office inspection and the full inspection go through every key area of 三、1, named as preparation.keyAreas names them', () => {
    for (const p of [fireZh, fireEn]) {
      const keyAreas = p.preparation!.keyAreas!.areas;
      expect(keyAreas.map((a) => a.id)).toEqual(KEY_AREAS.map(([id]) => id));
      for (const id of ['daily', 'office', 'full']) {
        const round = rounds(p).find((r) => r.id === id)!;
        expect(round.areas?.map((a) => [a.id, a.name])).toEqual(keyAreas.map((a) => [a.id, a.name]));
      }
    }
    expect(rounds(fireZh)[0]!.areas!.map((a) => a.name)).toEqual(KEY_AREAS.map(([, zh]) => zh));
  });

  it.each(REQUIREMENTS)('requirement %s 「%s」 is checked in the office and full inspections and the spot check', (source, phrase) => {
    for (const id of ['office', 'spot-check', 'full']) {
      const item = rounds(fireZh)
        .find((r) => r.id === id)!
        .items.find((i) => i.source === source);
      expect(item?.text, `${id} ${source}`).toContain(phrase);
    }
  });

  it('a finding is ordered rectified as 三、2 says, by the department responsible for fire prevention (三、1)', () => {
    for (const r of rounds(fireZh)) {
      expect(r.finding.text).toBe('发现危险隐患应及时责令进行整改，并按照应急预案及时研究确定应对方案，预防事故发生。');
      expect(r.finding.owner).toBe('fire-prevention-owners');
    }
    for (const r of rounds(fireEn)) expect(r.finding.text).toMatch(/^When an inspection finds a hazard, order it fixed at once/);
  });

  it('the check items the plan does not list are said to be Muster’s wording, in the notes', () => {
    for (const p of [fireZh, fireEn]) {
      const unsourced = rounds(p).flatMap((r) => r.items.filter((i) => i.source === undefined));
      expect(unsourced.length).toBeGreaterThan(0);
      expect(p.notes?.some((n) => n.includes('preparation.rounds') && n.includes('Muster'))).toBe(true);
    }
  });
});

describe('the flood-season preparation (seed part 3, 四、防汛应急工作安排)', () => {
  it('is one round due before the flood season, whose start the branch sets', () => {
    expect(rounds(floodZh)).toHaveLength(1);
    expect(rounds(floodZh)[0]!.beforeSeason).toEqual({ season: '汛期', daysBefore: 0 });
    expect(rounds(floodEn)[0]!.beforeSeason).toEqual({ season: 'the flood season', daysBefore: 0 });
  });

  it.each(FLOOD_PREPARATION)('%s 「%s」 is a check item with its source', (source, phrase) => {
    const item = rounds(floodZh)[0]!.items.find((i) => i.text.includes(phrase));
    expect(item, phrase).toBeDefined();
    expect(item!.source).toBe(source);
  });
});

describe('the rounds in both languages', () => {
  const shape = (p: Playbook) =>
    rounds(p).map((r) => ({
      id: r.id,
      owner: r.owner,
      every: r.every,
      daysBefore: r.beforeSeason?.daysBefore,
      areas: r.areas?.map((a) => a.id),
      items: r.items.map((i) => [i.id, i.source === undefined]),
      finding: { owner: r.finding.owner, days: r.finding.days },
    }));

  it('have the same ids, recurrences, areas, items and finding rules', () => {
    expect(shape(fireEn)).toEqual(shape(fireZh));
    expect(shape(floodEn)).toEqual(shape(floodZh));
  });

  it('name people of the command section', () => {
    for (const p of [fireZh, fireEn, floodZh, floodEn]) {
      const ids = personIds(p);
      for (const r of rounds(p)) {
        expect(ids.has(r.owner), `${p.id} ${r.id} owner ${r.owner}`).toBe(true);
        if (r.finding.owner) expect(ids.has(r.finding.owner), `${p.id} ${r.id} finding owner`).toBe(true);
      }
    }
  });

  it('raised the minor version with the rounds', () => {
    for (const p of [fireZh, fireEn, floodZh, floodEn]) expect(p.version).toBe('1.2.0');
  });
});
