import { describe, expect, it } from 'vitest';
import { comparePlaybookTwins } from '../../src/domain/playbook/validate';
import { loadPlaybook, stepById } from './support';

// Seed part 3 (银行案件防控工作计划(篇3)): the flood plan. The tables are the seed's content.

const zh = loadPlaybook('flood.zh-CN.json');
const en = loadPlaybook('flood.en.json');

const STEPS: [phase: string, id: string, owner: string, phrase: string][] = [
  ['phase.command', 'step.command.interim', 'on-duty-lead', '带班人员临时负责指挥'],
  ['phase.command', 'step.command.call-members', 'on-duty-lead', '及时通知防汛小组其他成员赶赴现场'],
  ['phase.command', 'step.command.report-head-office', 'hq.members', '第一时间向总行汇报事故概况'],
  ['phase.command', 'step.command.ready-rescuers', 'hq.members', '通知各救援人员做好应急出发准备工作'],
  ['phase.command', 'step.command.on-site', 'hq.leader', '由组长负责现场指挥，积极调配本行人员，配合进行抢险救援'],
  ['phase.respond', 'step.respond.take-posts', 'hq', '领导小组成员各就各位，各负其责，确保有备、有序、有效地领导、组织、动员全体成员全力投入抗洪救灾工作'],
  ['phase.respond', 'step.respond.evacuate', 'hq.members', '各应急成员负责各责任区重点部位的疏散、撤离和监控'],
  ['phase.respond', 'step.respond.move-property', 'hq.members', '将受威胁的财产撤离到安全位置'],
  ['phase.respond', 'step.respond.monitor', 'hq.members', '监控灾情，将损失减至最低'],
];

const ARRANGEMENTS: [id: string, title: string, phrases: string[]][] = [
  ['prep.deploy', '扎实做好防汛部署', ['召开本行协调会', '严密排查雨季防汛工作存在的隐患', '明确任务，落实责任']],
  ['prep.study', '组织全员学习', ['利用行务会时间', '《防汛应急处置预案》', '加强演练，熟知处置程序']],
  ['prep.coordinate', '加强协调', ['网络有故障、系统交接不顺利', '明确责任，强化协调', '确保现金安全']],
  [
    'prep.environment',
    '改善工作环境',
    ['办公场所及门前杂物加以清理', '疏通排水设施', '杜绝特大暴雨来临时的积水现象', '裸露的线路统一加金属边固定', '防止受潮、碰撞', '保证款项的安全'],
  ],
];

const REQUIREMENTS: [id: string, phrases: string[]][] = [
  ['requirement.discipline', ['加强组织纪律性，一切行动听指挥', '无条件地服从防汛抢险的统一调度', '不得以任何理由进行推诿，以防延误时机']],
  ['requirement.posts', ['恪守岗位，忠于职守', '严格实行交接班制度', '认真做好值班日记']],
  ['requirement.security', ['切实做好防汛的安全保卫工作', '对有碍防汛工作的人和行为必须坚决予以制止']],
  ['requirement.publicity', ['积极做好宣传报道工作', '对防汛期间的好人好事要及时报道', '以文件形式及时通报防汛工作情况']],
];

const AFTERMATH: [id: string, category: string, phrase: string][] = [
  ['aftermath.tally', 'losses', '险情发生后，要进行全面检查，统计本次汛情造成的损失和物资消耗情况'],
  ['aftermath.replenish', 'supplies', '及时补充防汛物资，做好下次防汛准备'],
  ['aftermath.record-report', 'reporting', '事件处理过程要进行详细记录，向上级部门作出汇报'],
  ['aftermath.rearrange', 'recovery', '应急结束后，应组织所有人员有序重新摆放财产'],
  ['aftermath.repair', 'recovery', '修复水毁等设施，确保恢复工作有坚实的保障'],
  ['aftermath.unrecoverable', 'recovery', '妥善安置因水毁而无法挽回的财产'],
  ['aftermath.report-disaster', 'reporting', '组织灾后工作，上报灾情'],
];

describe('the flood plan (seed part 3) in Chinese', () => {
  it('is a flood playbook of xx支行 with its purpose', () => {
    expect(zh).toMatchObject({ id: 'flood-emergency', kind: 'flood', language: 'zh-CN', title: '防汛工作应急预案', organisation: 'xx支行' });
    for (const phrase of [
      '为了做好汛期突发事件的防范工作',
      '未雨绸缪，积极预防，多措并举',
      '有计划、有准备地防御洪水',
      '有章可循，增强主动性，减少盲目性',
      '把灾害损失降低到最低程度',
    ]) {
      expect(zh.purpose).toContain(phrase);
    }
    expect(zh.buildings).toBeUndefined();
  });

  it('has the leading group with 组长, 副组长 and 成员 left unnamed, and the 值班电话 left blank', () => {
    const hq = zh.command.headquarters;
    expect(hq.name).toBe('防汛抗灾工作领导小组');
    expect(hq.leader).toMatchObject({ id: 'hq.leader', title: '组长' });
    expect(hq.deputies?.map((d) => [d.id, d.title])).toEqual([['hq.deputy', '副组长']]);
    expect(hq.members?.map((m) => [m.id, m.title])).toEqual([['hq.members', '成员']]);
    for (const post of [hq.leader, ...(hq.deputies ?? []), ...(hq.members ?? [])]) {
      expect(post?.heldBy).toBeUndefined();
      expect(post?.person).toBeUndefined();
    }
    expect(zh.emergencyNumbers.find((n) => n.id === 'duty-phone')).toEqual({ id: 'duty-phone', label: '值班电话' });
    expect(zh.emergencyNumbers.find((n) => n.id === 'head-office')?.label).toBe('总行');
    expect(zh.command.description).toContain('防大汛、抢大险、抗大灾');
  });

  it('gives the leader and the members their duties', () => {
    const leader = zh.command.headquarters.leader?.duties?.join('；') ?? '';
    expect(leader).toContain('负责现场指挥，积极调配本行人员，配合进行抢险救援');
    expect(leader).toContain('负责事故的决策和全面指挥，调动各组员的救援人员、设备、物资等资源');
    const members = zh.command.headquarters.members?.[0]?.duties?.join('；') ?? '';
    expect(members).toContain('协助组长工作，负责事故现场的具体处置，组织相关成员及时赶到事故现场，组织指挥救援工作');
    expect(members).toContain('接到现场报警通知后，第一时间向总行汇报事故概况，并通知各救援人员做好应急出发准备工作');
  });

  it('hands command to the leader on duty at night and on rest days, who calls the others in', () => {
    expect(zh.command.interimCommand).toMatchObject({ when: '险情发生在夜间或休息日时', role: 'on-duty-lead' });
    expect(zh.command.interimCommand?.duties).toEqual(['临时负责指挥', '及时通知防汛小组其他成员赶赴现场']);
    expect(zh.command.roles).toEqual([{ id: 'on-duty-lead', title: '带班人员' }]);
    expect(stepById(zh, 'step.command.interim').when).toBe('险情发生在夜间或休息日时');
    expect(stepById(zh, 'step.command.call-members').when).toBe('险情发生在夜间或休息日时');
  });

  it('has every command and flood-handling step with its owner, people before property', () => {
    expect(zh.phases.map((p) => [p.id, p.title])).toEqual([
      ['phase.command', '组织指挥'],
      ['phase.respond', '险情处理'],
    ]);
    expect(zh.phases.flatMap((p) => p.steps.map((s) => s.id))).toEqual(STEPS.map(([, id]) => id));
    for (const [phase, id, owner, phrase] of STEPS) {
      expect(
        zh.phases.find((p) => p.id === phase)?.steps.some((s) => s.id === id),
        id,
      ).toBe(true);
      expect(stepById(zh, id).owner, id).toBe(owner);
      expect(stepById(zh, id).text, id).toContain(phrase);
    }
  });

  it('keeps the principles and the rules for everyone from 五(1) and 六(1)', () => {
    expect(zh.principles?.map((p) => p.text)).toEqual(['生命第一原则', '损失最小化原则', '及时性', '有效性', '第一响应', '先人后物']);
    expect(zh.rulesForEveryone?.map((r) => r.text)).toEqual(['先人后物，确保人员不伤亡，最大程度地减少损失', '一切行动听指挥']);
  });

  it('has the four work arrangements before the flood season', () => {
    expect(zh.preparation?.tasks.map((t) => [t.id, t.title])).toEqual(ARRANGEMENTS.map(([id, title]) => [id, title]));
    for (const [id, , phrases] of ARRANGEMENTS) {
      const text = zh.preparation?.tasks.find((t) => t.id === id)?.text ?? '';
      for (const phrase of phrases) expect(text, id).toContain(phrase);
    }
  });

  it('has the four requirements during the response', () => {
    expect(zh.requirements?.map((r) => r.id)).toEqual(REQUIREMENTS.map(([id]) => id));
    for (const [id, phrases] of REQUIREMENTS) {
      const text = zh.requirements?.find((r) => r.id === id)?.text ?? '';
      for (const phrase of phrases) expect(text, id).toContain(phrase);
    }
  });

  it('lists the tally, replenishment, record, report and recovery that follow', () => {
    expect(zh.aftermath.map((a) => [a.id, a.category])).toEqual(AFTERMATH.map(([id, category]) => [id, category]));
    for (const [id, , phrase] of AFTERMATH) expect(zh.aftermath.find((a) => a.id === id)?.text, id).toContain(phrase);
  });

  it('records its editorial choices', () => {
    const notes = zh.notes?.join('') ?? '';
    expect(notes).toContain('带班人员');
    expect(notes).toContain('先人后物');
    expect(notes).toContain('防大汛');
  });
});

describe('the flood plan in English', () => {
  it('has exactly the structure of the Chinese plan', () => {
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    for (const [, id, owner] of STEPS) expect(stepById(en, id).owner, id).toBe(owner);
    expect(en.command.interimCommand?.role).toBe('on-duty-lead');
  });

  it('is in plain English', () => {
    expect(en.language).toBe('en');
    expect(en.command.headquarters.name).toBe('Flood Control and Disaster Relief Leading Group');
    expect(en.rulesForEveryone?.[0]?.text).toContain('People before property');
    expect(en.requirements?.find((r) => r.id === 'requirement.posts')?.text).toContain('duty log');
    const { notes: _notes, ...withoutNotes } = en;
    expect(JSON.stringify(withoutNotes)).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});
