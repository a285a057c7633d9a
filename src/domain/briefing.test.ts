import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import { BRIEFING_SHOWN, buildBriefing } from './briefing';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from './event';
import { BRIEFING_LIMITS, checkCommandHandedOver } from './events/command';
import { formatStamp } from './hlc';
import { reduceIncident } from './incident';
import type { Playbook } from './playbook/schema';

/** 02:00 on a July night in China (UTC+8). */
const NIGHT = Date.UTC(2026, 6, 13, 18, 0, 0);
const CHINA = 8 * 60;
const at = (minute: number) => NIGHT + minute * 60_000;

// The flood plan's two phases (seed plan 3, 五), critical steps marked as in scenarios/flood.*.json.
const PHASES = [
  ['phase.command', '组织指挥', 'Take command', '在险情发生时', 'When a flood emergency happens'],
  ['phase.respond', '险情处理', 'Deal with the flood', '若某地出现险情时', 'When a flood emergency arises anywhere'],
] as const;
const STEPS = [
  ['phase.command', 'step.command.interim', true, '带班人员临时负责指挥', 'The leader on duty takes command for the time being'],
  ['phase.command', 'step.command.call-members', true, '及时通知防汛小组其他成员赶赴现场', 'Call the other members of the flood group to the scene at once'],
  ['phase.command', 'step.command.report-head-office', true, '第一时间向总行汇报事故概况', 'Report the situation to head office at once'],
  ['phase.command', 'step.command.ready-rescuers', false, '通知各救援人员做好应急出发准备工作', 'Tell all rescue staff to get ready to set out'],
  ['phase.command', 'step.command.on-site', true, '由组长负责现场指挥', 'The Group Leader commands on site'],
  ['phase.respond', 'step.respond.evacuate', true, '各责任区重点部位的疏散和撤离', 'Evacuate people from the key places in each area'],
  ['phase.respond', 'step.respond.move-property', false, '将受威胁的财产撤离到安全位置', 'Move threatened property to a safe place'],
] as const;

/** A flood plan in one language, with the water level at the basement ramp (10 cm within 30 minutes warns). */
function floodPlaybook(language: 'zh-CN' | 'en'): Playbook {
  const en = language === 'en';
  const sample = samplePlaybook();
  return {
    ...sample,
    language,
    kind: 'flood',
    command: { ...sample.command, roles: [{ id: 'on-duty-lead', title: en ? 'Leader on duty' : '带班人员' }] },
    phases: PHASES.map(([id, zh, enTitle, zhSummary, enSummary]) => ({
      id,
      title: en ? enTitle : zh,
      summary: en ? enSummary : zhSummary,
      steps: STEPS.filter(([phase]) => phase === id).map(([, stepId, critical, zhText, enText]) => ({
        id: stepId,
        text: en ? enText : zhText,
        owner: 'on-duty-lead',
        ...(critical ? { critical } : {}),
      })),
    })),
    measurements: [
      {
        id: 'water.ramp',
        label: en ? 'Water level' : '水位',
        unit: 'cm',
        place: en ? 'basement ramp' : '负一层坡道',
        riseWarning: { amount: 10, minutes: 30 },
      },
    ],
  };
}

let seq = 0;
function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = '王值班'): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId: 'inc-flood',
    deviceId: 'phone-a',
    actor,
    hlc: formatStamp({ wall: at(minute), counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

/** The night so far: declared at 02:00 by the on-duty leader, three people on the roster, one counted, the water rising. */
function nightSoFar(): MusterEvent[] {
  return [
    ev(
      'incident.declared',
      { playbookId: 'flood-emergency', playbookVersion: '1.0.0', mode: 'real', title: '地下室进水', place: '负一层', commanderRole: 'on-duty-lead' },
      0,
    ),
    ev('step.done', { stepId: 'step.command.interim' }, 1),
    ev('step.done', { stepId: 'step.command.call-members' }, 3),
    ev('role.assigned', { roleId: 'on-duty-lead', person: '王值班', phone: '13800000001' }, 4),
    ev('measurement.recorded', { measureId: 'water.ramp', value: 10, unit: 'cm' }, 5),
    ev('roster.added', { people: ['甲', '乙', '丙'] }, 8),
    ev('person.accounted', { person: '甲', status: 'safe' }, 12),
    ev('measurement.recorded', { measureId: 'water.ramp', value: 15, unit: 'cm' }, 20),
    ev('supplies.used', { item: '沙袋', quantity: 40, unit: '袋' }, 25),
    ev('note.added', { text: '负一层东门进水，已关闭配电室电源' }, 30),
    ev('measurement.recorded', { measureId: 'water.ramp', value: 24, unit: 'cm' }, 35),
    ev('loss.recorded', { what: '凭证箱', where: '负一层', quantity: 3, unit: '箱', kind: 'damaged', estimatedValue: 1200 }, 38),
  ];
}

const briefingAt0240 = (language: 'zh-CN' | 'en', events = nightSoFar()) =>
  buildBriefing(reduceIncident('inc-flood', events), floodPlaybook(language), { now: at(40), language, timeZoneOffsetMinutes: CHINA });

describe('the on-duty leader hands command to the branch leader at 02:40', () => {
  it('with two people missing and the water rising, the briefing says so (zh-CN)', () => {
    const b = briefingAt0240('zh-CN');
    expect(b.missing).toEqual(['乙', '丙']);
    expect(b.accounted).toBe(1);
    // The rising water comes first, with its warning; then the latest note.
    expect(b.situation[0]).toBe('⚠ 水位（负一层坡道）：02:35 为 24 cm，比 02:20 上升 9 cm。上涨过快：30 分钟内上升 14 cm（预案警戒：10 cm）');
    expect(b.situation).toContain('02:30 王值班：负一层东门进水，已关闭配电室电源');
    expect(b.objectives).toEqual(['当前阶段：组织指挥', '在险情发生时']);
    expect(b.done).toEqual(['02:03 完成：及时通知防汛小组其他成员赶赴现场（王值班）', '02:01 完成：带班人员临时负责指挥（王值班）']);
    // Critical steps first, in plan order; the one step that is not critical after them.
    expect(b.open).toEqual([
      '关键：第一时间向总行汇报事故概况',
      '关键：由组长负责现场指挥',
      '关键：各责任区重点部位的疏散和撤离',
      '通知各救援人员做好应急出发准备工作',
      '将受威胁的财产撤离到安全位置',
    ]);
    expect(b.resources).toEqual(['带班人员：王值班，电话 13800000001', '已用物资：沙袋 40 袋']);
    expect(b.losses).toEqual(['估计损失合计 1,200', '负一层：凭证箱 3 箱，受损，估计 1,200']);
    expect(b.messages).toHaveLength(BRIEFING_SHOWN.messages);
    expect(b.messages.at(-1)).toMatch(/^02:38 王值班：.*凭证箱/);
    expect(checkCommandHandedOver({ to: '李行长', toRole: 'hq.leader', briefing: b })).toEqual([]);
  });

  it('the same night in English', () => {
    const b = briefingAt0240('en');
    expect(b.missing).toEqual(['乙', '丙']);
    expect(b.situation[0]).toBe(
      '⚠ Water level (basement ramp): 24 cm at 02:35, up 9 cm since 02:20. Rising fast: up 14 cm within 30 min (the plan warns at 10 cm)',
    );
    expect(b.objectives[0]).toBe('Phase now: Take command');
    expect(b.done[0]).toMatch(/^02:03 done: Call the other members .* \(王值班\)$/);
    expect(b.open[0]).toBe('Critical: Report the situation to head office at once');
  });
});

describe('what each section says', () => {
  it('a first reading says so, and a slower rise gives no warning', () => {
    const events = nightSoFar().filter((e) => e.type !== 'measurement.recorded' || (e.payload as { value: number }).value === 15);
    expect(briefingAt0240('en', events).situation[0]).toBe('Water level (basement ramp): 15 cm at 02:20, the first reading');
  });

  it('a falling level says down', () => {
    const events = [...nightSoFar(), ev('measurement.recorded', { measureId: 'water.ramp', value: 20, unit: 'cm' }, 39)];
    expect(briefingAt0240('en', events).situation.join('\n')).toContain('Water level (basement ramp): 20 cm at 02:39, down 4 cm since 02:35');
  });

  it('an injured person is counted as accounted for and named in the situation', () => {
    const events = [...nightSoFar(), ev('person.accounted', { person: '乙', status: 'injured' }, 39)];
    const b = briefingAt0240('zh-CN', events);
    expect(b.accounted).toBe(2);
    expect(b.missing).toEqual(['丙']);
    expect(b.situation).toContain('受伤：乙');
  });

  it('with nothing noted or read yet, the situation says so', () => {
    const b = briefingAt0240('en', nightSoFar().slice(0, 1));
    expect(b.situation).toEqual(['No notes or readings recorded yet.']);
    expect(b.missing).toEqual([]);
    expect(b.accounted).toBe(0);
    expect(b.losses).toEqual([]);
  });

  it('a struck note is left out', () => {
    const events = nightSoFar();
    const note = events.find((e) => e.type === 'note.added') as MusterEvent;
    const b = briefingAt0240('zh-CN', [...events, ev('entry.struck', { targetId: note.id, reason: '写错地点' }, 39)]);
    expect(b.situation.join('\n')).not.toContain('东门进水');
  });

  it('a step under way and past its target says since when and by how much', () => {
    const playbook = floodPlaybook('en');
    const evacuate = playbook.phases[1]?.steps[0];
    if (!evacuate) throw new Error('the flood plan has an evacuation step');
    Object.assign(evacuate, { target: { minutes: 10, from: 'step' } });
    const state = reduceIncident('inc-flood', [...nightSoFar(), ev('step.started', { stepId: 'step.respond.evacuate' }, 15)]);
    const b = buildBriefing(state, playbook, { now: at(40), language: 'en', timeZoneOffsetMinutes: CHINA });
    expect(b.open).toContain(`Critical: ${evacuate.text} (started 02:15) — overdue by 15 min`);
  });

  it('a skipped step is listed with its reason among the actions done', () => {
    const events = [...nightSoFar(), ev('step.skipped', { stepId: 'step.command.ready-rescuers', reason: '救援人员已在现场' }, 39)];
    expect(briefingAt0240('zh-CN', events).done[0]).toBe('02:39 跳过：通知各救援人员做好应急出发准备工作（王值班）：救援人员已在现场');
  });

  it('a long list says how many more there are, never drops them silently', () => {
    const ids = floodPlaybook('en').phases.flatMap((p) => p.steps.map((s) => s.id));
    const events = [nightSoFar()[0] as MusterEvent, ...ids.map((stepId, i) => ev('step.done', { stepId }, 1 + i))];
    const b = briefingAt0240('en', events);
    expect(b.done).toHaveLength(BRIEFING_SHOWN.done);
    expect(b.done.at(-1)).toBe(`… and ${ids.length - BRIEFING_SHOWN.done + 1} more done earlier`);
    // Every phase done: the aftermath is what is left.
    expect(b.objectives).toEqual([expect.stringMatching(/^Phase now: the aftermath, \d+ items open$/)]);
    expect(b.open.length).toBeGreaterThan(0);
  });

  it('every missing name is kept, however many, up to what a record holds', () => {
    const people = Array.from({ length: 300 }, (_, i) => `员工${String(i).padStart(3, '0')}`);
    const events = [nightSoFar()[0] as MusterEvent, ev('roster.added', { people }, 2)];
    const b = briefingAt0240('zh-CN', events);
    expect(b.missing).toEqual(people);
    expect(b.missing.length).toBeLessThanOrEqual(BRIEFING_LIMITS.missing);
    expect(checkCommandHandedOver({ to: '李行长', briefing: b })).toEqual([]);
  });

  it('after midnight an earlier day shows its date', () => {
    const b = buildBriefing(reduceIncident('inc-flood', nightSoFar()), floodPlaybook('en'), { now: at(24 * 60), language: 'en', timeZoneOffsetMinutes: CHINA });
    expect(b.situation.join('\n')).toContain('07-14 02:30 王值班');
  });
});
