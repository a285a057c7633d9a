import { describe, expect, it } from 'vitest';
import { comparePlaybookTwins } from '../../src/domain/playbook/validate';
import { groupById, loadPlaybook, routeSummary, stepById } from './support';

// Seed part 4 (银行案件防控工作计划(篇4)): the fire and evacuation plan. Each table below is the
// seed's content; if the playbook loses any of it, the test names what went missing.

const zh = loadPlaybook('fire.zh-CN.json');
const en = loadPlaybook('fire.en.json');

const GROUPS: [id: string, name: string, leaderTitle: string, leader: string, deputies: string[]][] = [
  ['hq', '应急指挥部', '总指挥', '行长', ['副行长及其他副行级领导']],
  ['fire-team', '义务消防队(灭火行动组)', '队长', '纪委书记', ['安全保卫部经理']],
  ['evacuation', '疏散引导组', '组长', '副行长', ['工会副主任', '安全保卫部副经理']],
  ['first-aid', '安全防护救护组', '组长', '副行长', ['办公室副主任', '营运管理部经理']],
  ['cordon', '火灾现场警戒组', '组长', '副行长', ['安全保卫部经理', '办公室主任', '个人金融部经理']],
  ['logistics', '后勤保障组', '组长', '工会主任', ['后勤中心主任', '后勤中心副主任']],
  ['communications', '通信联络组', '组长', '风险主管', ['信息技术管理部经理']],
  ['reserve', '机动组', '组长', '机构业务部经理', ['风险管理部经理', '住房与个人信贷部经理', '财务会计部经理']],
];

const DUTIES: [id: string, phrases: string[]][] = [
  ['hq', ['指挥协调各职能小组和义务消防队开展工作', '迅速引导人员疏散', '及时控制和扑救初起火灾', '协调配合公安消防队开展灭火救援行动']],
  ['fire-team', ['现场灭火、抢救被困人员']],
  [
    'evacuation',
    ['引导人员疏散自救，确保人员安全快速疏散', '在安全出口以及容易走错的地点安排专人值守', '其余人员分片搜索未及时疏散的人员，并将其疏散至安全区域'],
  ],
  ['first-aid', ['对受伤人员进行紧急救护，并视情转送医疗机构']],
  ['cordon', ['控制各出口，无关人员只许出不许进', '火灾扑灭后，保护现场']],
  ['logistics', ['负责通信联络、车辆调配、道路畅通、供电控制、水源保障']],
  ['communications', ['负责机关办公楼和营业网点的网络抢修']],
  ['reserve', ['受指挥部的指挥，负责增援行动']],
];

const SUB_TEAMS: [id: string, name: string][] = [
  ['fire-team.extinguisher', '灭火器灭火小组'],
  ['fire-team.hose', '水枪灭火小组'],
  ['fire-team.fire-shutter', '防火卷帘控制小组'],
  ['fire-team.goods-evacuation', '物资疏散小组'],
  ['fire-team.leak-stopping', '抢险堵漏小组'],
];

const WEST_REAR = 'primary: west-rear-fire-escape down';
const CENTRAL = 'primary: central-staircase down';
const NEAREST_STAIRS = 'primary: nearest stairs down';
const NEAREST_EXIT = 'primary: nearest exit out';
const EAST_FIRE = 'primary: east-fire-stairs down';
const EAST_HALL = 'primary: east-banking-hall-stairs down';

// Rules a–g of 四、2, resolved floor by floor (the 2nd floor of the west main building keeps
// rule c as its alternate; see the playbook's notes).
const ROUTES: [building: string, floor: number, routes: string[]][] = [
  ['west-main', 12, [WEST_REAR]],
  ['west-main', 11, [CENTRAL]],
  ['west-main', 10, [WEST_REAR]],
  ['west-main', 9, [CENTRAL]],
  ['west-main', 8, [WEST_REAR]],
  ['west-main', 7, [CENTRAL]],
  ['west-main', 6, [WEST_REAR]],
  ['west-main', 5, [CENTRAL]],
  ['west-main', 4, [NEAREST_STAIRS]],
  ['west-main', 3, [NEAREST_STAIRS]],
  ['west-main', 2, [EAST_HALL, 'alternate: nearest stairs down']],
  ['west-main', 1, [NEAREST_EXIT]],
  ['east-old', 5, [EAST_FIRE]],
  ['east-old', 4, [CENTRAL]],
  ['east-old', 3, [EAST_FIRE]],
  ['east-old', 2, [EAST_HALL]],
  ['east-old', 1, [NEAREST_EXIT]],
];

const STEPS: [phase: string, id: string, owner: string, phrase: string][] = [
  ['phase.alarm', 'step.alarm.report', 'discoverer', '发现火情后，发现人要立即向本单位安全生产主管部门或行领导汇报'],
  ['phase.alarm', 'step.alarm.call-119', 'discoverer', '同时向“119”火警台报警'],
  ['phase.activate', 'step.activate.notify', 'duty-leader', '值班领导、安全保卫部门接警后，立即通知指挥部、各职能小组和义务消防队'],
  ['phase.activate', 'step.activate.start-plan', 'duty-leader', '启动应急预案'],
  ['phase.respond', 'step.respond.assemble', 'hq', '指挥部、各行动小组和义务消防队迅速集结，按照职责分工，进入相应位置开展灭火救援行动'],
  ['phase.respond', 'step.respond.evacuate', 'all-staff', '切不可使用电梯'],
  ['phase.respond', 'step.respond.guide-evacuation', 'evacuation', '引导人员疏散自救'],
  ['phase.respond', 'step.respond.rescue', 'fire-team', '抢救被困人员'],
  ['phase.respond', 'step.respond.firefight', 'fire-team', '义务消防队员根据燃烧物不同选用不同的灭火器材，由指挥人员安排统一进入火场灭火'],
  ['phase.respond', 'step.respond.move-hazards', 'fire-team', '搬运着火点附近的易燃、易爆和贵重物品'],
  ['phase.respond', 'step.respond.contain', 'fire-team', '争取在消防队员赶到之前控制火势蔓延'],
  ['phase.respond', 'step.respond.first-aid', 'first-aid', '对受伤人员进行紧急救护'],
  ['phase.respond', 'step.respond.cordon', 'cordon', '无关人员只许出不许进'],
  ['phase.respond', 'step.respond.fire-brigade', 'hq', '协调配合公安消防队'],
  ['phase.respond', 'step.respond.logistics', 'logistics', '车辆调配'],
  ['phase.respond', 'step.respond.network', 'communications', '网络抢修'],
  ['phase.respond', 'step.respond.reinforce', 'reserve', '负责增援行动'],
  ['phase.end', 'step.end.protect-scene', 'cordon', '火灾扑灭后，保护现场'],
  ['phase.end', 'step.end.confirm', 'hq', '现场应急处置工作完成后，经现场组织协调指挥机构确认'],
  ['phase.end', 'step.end.approve', 'hq.commander', '经应急领导机构批准，终止本预案'],
  ['phase.end', 'step.end.withdraw', 'hq', '现场应急救援队伍撤离现场'],
];

const AFTERMATH: [id: string, category: string, phrase: string][] = [
  ['aftermath.losses', 'losses', '及时清点统计火灾给本单位造成的直接和间接损失'],
  ['aftermath.restore-business', 'business', '各部门要通力合作尽快恢复停业网点的正常营业，消除事故影响'],
  ['aftermath.insurance', 'insurance', '积极配合保险公司的理赔工作'],
  ['aftermath.lessons', 'lessons', '及时总结事故的经验和教训'],
  ['aftermath.investigation', 'investigation', '写出详尽的事故调查分析报告，查明火灾事故的原因，完成事故原因定性'],
  ['aftermath.commendation', 'commendation', '表彰在火灾救援工作中先进典型'],
  ['aftermath.accountability', 'accountability', '追究事故责任人的责任'],
  ['aftermath.plan-revision', 'plan-revision', '根据上级的要求，修改完善本预案'],
];

describe('the fire plan (seed part 4) in Chinese', () => {
  it('is a fire playbook of 建行廊坊分行 with its purpose and scope', () => {
    expect(zh).toMatchObject({ id: 'fire-evacuation', kind: 'fire', language: 'zh-CN', title: '灭火和应急疏散预案', organisation: '建行廊坊分行' });
    expect(zh.purpose).toContain('统一指挥，及时有效地整合人力、物力、信息等资源');
    expect(zh.purpose).toContain('最大限度地减少人员伤亡和财产损失');
    expect(zh.purpose).toContain('发现和整改一般消防安全检查不易发现的安全隐患');
    expect(zh.scope).toEqual(['本预案适用于建行廊坊分行发生消防事故时的应对处置。', '本预案指导建行廊坊分行所辖各支行(办事处)发生消防事故时的应对工作。']);
  });

  it('keeps the legal basis, the plan contents and the seven steps of writing the plan', () => {
    expect(zh.legalBasis).toEqual(
      expect.arrayContaining([
        '《中华人民共和国消防法》',
        '《中华人民共和国安全生产法》',
        '《河北省安全生产条例》',
        '《廊坊市安全生产事故灾难应急预案》',
        '《中国建设银行安全保卫工作暂行规定》',
        '《建行廊坊分行消防管理暂行办法》',
        '本单位消防安全制度',
      ]),
    );
    expect(zh.legalBasis?.join()).toContain('《机关、团体、企业、事业单位消防安全管理规定》');
    expect(zh.planDevelopment?.content).toContain('应急组织机构、单位基本情况、灭火和应急疏散行动方案、灭火和应急疏散计划图');
    expect(zh.planDevelopment?.steps?.map((s) => s.text)).toEqual([
      '明确预案编制部门或成立预案编制小组',
      '搜集整理与灭火和应急疏散相关的信息资料',
      '具体编制预案',
      '实地演练',
      '进一步修订',
      '制定发布',
      '定期演练和修订',
    ]);
  });

  it("keeps the four working principles: who is responsible, 以人为本, 预防为主, everyone's duty", () => {
    const text = (id: string): string => zh.principles?.find((p) => p.id === id)?.text ?? '';
    expect(text('principle.responsibility')).toContain('行长是全行消防安全的负责人，安全保卫部经理是全行消防安全的管理人');
    expect(text('principle.responsibility')).toContain('发生消防事故时由行长统一领导，各部门、各行处负责人具体负责实施，安全保卫部组织协调');
    expect(text('principle.people-first')).toContain('以人为本');
    expect(text('principle.people-first')).toContain('把保障人的生命和健康安全作为首要任务');
    expect(text('principle.prevention-first')).toContain('预防为主');
    expect(text('principle.prevention-first')).toContain('至少每半年组织一次应急演练');
    expect(text('principle.everyone')).toContain('全行员工都有执行本预案中明确的相关职责的义务');
  });

  it('has every group with the leader and deputies the plan names, and no person filled in', () => {
    const groups = [zh.command.headquarters, ...zh.command.groups];
    expect(groups.map((g) => g.id)).toEqual(GROUPS.map(([id]) => id));
    for (const [id, name, leaderTitle, leader, deputies] of GROUPS) {
      const group = groupById(zh, id);
      expect(group.name, id).toBe(name);
      expect(group.leader, id).toMatchObject({ title: leaderTitle, heldBy: leader });
      expect(
        group.deputies?.map((d) => d.heldBy),
        id,
      ).toEqual(deputies);
      expect(
        [group.leader, ...(group.deputies ?? [])].every((p) => p?.person === undefined),
        id,
      ).toBe(true);
    }
    expect(zh.command.headquarters.deputies?.[0]?.title).toBe('副总指挥');
    expect(zh.command.headquarters.members).toEqual([{ id: 'hq.members', title: '成员', heldBy: '各部门主要负责人' }]);
    expect(zh.command.headquarters.location).toBe('分行安全保卫部');
    expect(zh.command.description).toContain('归口管理、统一指挥、讲究效率、责权对等和灵活机动的原则');
  });

  it("keeps every group's duties, and the extra guides for the banking hall", () => {
    for (const [id, phrases] of DUTIES) {
      const duties = groupById(zh, id).duties?.join('；') ?? '';
      for (const phrase of phrases) expect(duties, id).toContain(phrase);
    }
    expect(groupById(zh, 'evacuation').staffing).toBe('要加强分行营业室的疏散引导力量配备');
  });

  it('has the five sub-teams of the volunteer fire team', () => {
    expect(zh.command.groups.find((g) => g.id === 'fire-team')?.teams?.map((t) => [t.id, t.name])).toEqual(SUB_TEAMS);
  });

  it('names the roles steps are given to: the finder, the duty leader, the security department', () => {
    expect(zh.command.roles?.map((r) => [r.id, r.title])).toEqual(
      expect.arrayContaining([
        ['discoverer', '发现人'],
        ['duty-leader', '值班领导'],
        ['fire-wardens', '消防员、安全员'],
        ['sub-branches', '各行处'],
        ['all-staff', '全行员工'],
      ]),
    );
  });

  it('resolves the evacuation route of every floor by rules a–g', () => {
    for (const [building, floor, routes] of ROUTES) expect(routeSummary(zh, building, `floor-${floor}`), `${building} ${floor}`).toEqual(routes);
    expect(zh.buildings?.map((b) => [b.id, b.name, b.floors.length])).toEqual([
      ['west-main', '西主楼', 12],
      ['east-old', '东旧楼', 5],
    ]);
    expect(zh.stairways?.map((s) => s.name)).toEqual(['西侧后面消防通道', '中央楼梯', '东消防通道楼梯', '东营业室楼梯']);
  });

  it('words each route as the plan does and cites its rule', () => {
    const primary = (building: string, floor: number) => zh.buildings?.find((b) => b.id === building)?.floors.find((f) => f.id === `floor-${floor}`)?.routes[0];
    expect(primary('west-main', 6)).toMatchObject({ instruction: '从西侧后面消防通道向下疏散', source: '四、2、a' });
    expect(primary('west-main', 7)).toMatchObject({ instruction: '从中央楼梯向下疏散', source: '四、2、b' });
    expect(primary('west-main', 4)).toMatchObject({ instruction: '就近向下疏散', source: '四、2、c' });
    expect(primary('east-old', 5)).toMatchObject({ instruction: '从东消防通道楼梯向下疏散', source: '四、2、d' });
    expect(primary('east-old', 4)).toMatchObject({ instruction: '从中央楼梯向下疏散', source: '四、2、e' });
    expect(primary('east-old', 2)).toMatchObject({ instruction: '从东营业室楼梯向下疏散', source: '四、2、f' });
    expect(primary('west-main', 1)).toMatchObject({ instruction: '就近疏散', source: '四、2、g' });
  });

  it('tells everyone never to use the elevator, and those who cannot get down where to shelter (rule h)', () => {
    expect(zh.rulesForEveryone?.map((r) => r.text)).toContain('切不可使用电梯');
    const shelter = zh.shelterInPlace?.map((s) => s.text).join('，') ?? '';
    for (const phrase of ['紧急情况暂时无法下楼的人员', '卫生间', '楼梯间的休息平台', '用湿毛巾捂住口鼻', '趴在地上', '以减少危险性'])
      expect(shelter).toContain(phrase);
  });

  it('follows alarm → receive and activate → respond → end, each step with its owner', () => {
    expect(zh.phases.map((p) => [p.id, p.title])).toEqual([
      ['phase.alarm', '报警'],
      ['phase.activate', '接警'],
      ['phase.respond', '处置'],
      ['phase.end', '应急结束'],
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
    expect(stepById(zh, 'step.activate.notify').support).toEqual(['security-dept']);
    expect(stepById(zh, 'step.respond.move-hazards').support).toEqual(['fire-team.goods-evacuation']);
    expect(stepById(zh, 'step.respond.guide-evacuation').items?.map((i) => i.text)).toEqual([
      '在安全出口以及容易走错的地点安排专人值守',
      '其余人员分片搜索未及时疏散的人员，并将其疏散至安全区域',
    ]);
    expect(zh.emergencyNumbers.find((n) => n.number === '119')?.label).toBe('火警');
  });

  it('lists everything that must happen after the fire', () => {
    expect(zh.aftermath.map((a) => [a.id, a.category])).toEqual(AFTERMATH.map(([id, category]) => [id, category]));
    for (const [id, , phrase] of AFTERMATH) expect(zh.aftermath.find((a) => a.id === id)?.text, id).toContain(phrase);
  });

  it('protects the five key areas, each meeting the five requirements', () => {
    const key = zh.preparation?.keyAreas;
    expect(key?.areas.map((a) => a.name)).toEqual(['营业室', '档案室', '机房', '财务室', '信贷资料室']);
    expect(key?.text).toContain('重点防火部位的消防管理由防火责任部门负责');
    expect(key?.requirements.map((r) => r.text)).toEqual([
      '位置、平面布局、建筑材料等符合有关防火要求',
      '建立防火制度或措施',
      '指定专人负责消防管理',
      '配置相应的消防设施、器材',
      '设立明显的防火标志',
    ]);
  });

  it('inspects daily, twice a month, quarterly and twice a year, and drills every six months', () => {
    expect(zh.preparation?.schedule?.map((s) => [s.id, s.kind, s.owner, s.times, s.per])).toEqual([
      ['inspect.daily', 'inspection', 'fire-wardens', 1, 'day'],
      ['inspect.sub-branch', 'inspection', 'sub-branches', 2, 'month'],
      ['inspect.spot-check', 'inspection', 'security-dept', 1, 'quarter'],
      ['inspect.full', 'inspection', 'security-dept', 2, 'year'],
      ['drill.half-yearly', 'drill', 'security-dept', 1, 'half-year'],
    ]);
    const schedule = zh.preparation?.schedule?.map((s) => s.text).join('；') ?? '';
    for (const phrase of [
      '每天应对防火责任区内防火情况进行检查',
      '每月防火检查不少于二次',
      '每季度抽查不少于一次',
      '每年全面检查不少于二次',
      '至少每半年组织一次应急演练',
    ])
      expect(schedule).toContain(phrase);
  });

  it('keeps fixing hazards, fire safety education and reporting hazards', () => {
    const tasks = zh.preparation?.tasks.map((t) => t.text).join('') ?? '';
    for (const phrase of [
      '发现危险隐患应及时责令进行整改',
      '举办消防知识讲座、举行消防演习和印发各种宣传资料',
      '增强员工自救能力',
      '任何建设银行员工发现火灾隐情，都必须立即报告有关部门',
      '抢救人员、疏散物资和扑灭火灾',
    ])
      expect(tasks).toContain(phrase);
  });

  it('sets no assembly point (the plan names none) and says so in its notes', () => {
    expect(zh.assemblyPoints).toBeUndefined();
    const notes = zh.notes?.join('') ?? '';
    expect(notes).toContain('集合点');
    expect(notes).toContain('西主楼二楼的主要路线为东营业室楼梯');
    expect(notes).toContain('西侧后面消防通道');
  });
});

describe('the fire plan in English', () => {
  it('has exactly the structure of the Chinese plan: ids, owners, routes, cadences', () => {
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    for (const [building, floor, routes] of ROUTES) expect(routeSummary(en, building, `floor-${floor}`), `${building} ${floor}`).toEqual(routes);
    for (const [, id, owner] of STEPS) expect(stepById(en, id).owner, id).toBe(owner);
  });

  it('is in plain English, with the rules staff must see on the route screen', () => {
    expect(en.language).toBe('en');
    expect(en.rulesForEveryone?.map((r) => r.text)).toContain('Never use the elevator.');
    expect(en.shelterInPlace?.map((s) => s.text)).toEqual([
      'If you cannot get downstairs for the moment, take shelter in a toilet or on a stairwell landing.',
      'Cover your mouth and nose with a wet towel.',
      'Lie flat on the floor to lower the danger.',
    ]);
    expect(groupById(en, 'fire-team').leader?.heldBy).toBe('Secretary of the Discipline Inspection Commission');
    expect(stepById(en, 'step.alarm.call-119').text).toContain('119');
    // Only the editorial notes quote the Chinese original (a typo it corrects).
    const { notes: _notes, ...withoutNotes } = en;
    expect(JSON.stringify(withoutNotes)).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});
