import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from '../../src/domain/event';
import { dutyStreamId } from '../../src/domain/duty-log';
import { formatStamp } from '../../src/domain/hlc';
import { playbookContentHash } from '../../src/domain/playbook/content-hash';
import { currentPlaybook } from '../../src/domain/playbook/migrate';
import type { PlaybookV1 } from '../../src/domain/playbook/schema-v1';
import type { Playbook } from '../../src/domain/playbook/schema';

/**
 * The two incident stories (the flood at 02:00, the fire drill) as event lists, as the
 * browser tests (test/e2e/incident-flood.e2e.ts, incident-fire.e2e.ts) record them through
 * the screens, plus the corrections and the after-action review a report must show.
 */

export const ROOT = join(import.meta.dirname, '../..');
export const CHINA = 480;
import type { Language } from '../../src/domain/text';
export type { Language };

export function shippedPlaybook(id: 'flood' | 'fire', language: Language): Playbook {
  return currentPlaybook(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.${language}.json`), 'utf8')) as Playbook | PlaybookV1);
}

/** Local wall-clock time in China as epoch ms: `china(2026, 7, 14, 2, 0)` is 02:00 on 14 July 2026, UTC+8. */
export function china(y: number, mo: number, d: number, h: number, mi: number, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) - CHINA * 60_000;
}

/** Makes events of one stream, `minute` after `t0`, each with its own id and clock stamp. */
export function recorder(streamId: string, t0: number) {
  let n = 0;
  return function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor: string, deviceId = 'phone-a'): MusterEvent {
    n += 1;
    return {
      id: `${streamId}-e${String(n).padStart(4, '0')}`,
      streamId,
      deviceId,
      actor,
      hlc: formatStamp({ wall: t0 + Math.round(minute * 60_000), counter: 0, deviceId }),
      type,
      payload,
      v: EVENT_SCHEMA_VERSION,
    } as MusterEvent;
  };
}

export const floodTexts = {
  'zh-CN': {
    title: '地下室进水',
    onDuty: '王值班',
    leader: '李组长',
    approver: '张行长',
    site: 'xx支行',
    rescuers: '救援人员已在现场',
    dutyBefore: '22:00 接班，无异常',
    dutyText: '02:10 负一层进水约 20 厘米，已通知物业',
    dutyAfter: '08:00 交班',
    boxes: '凭证箱',
    sandbags: '沙袋',
    wrongReason: '数量输错',
    lessons: '汛期前检查排水泵',
    causes: '暴雨导致排水泵失效，雨水倒灌负一层',
    commendations: '王值班处置及时',
    accountability: '物业未按时检修排水泵',
    issue: '排水泵无人检修',
    action: '每月检修排水泵并记录',
    owner: '综合部经理',
    revision: '在预案中加入排水泵检查',
    pump: '排水泵',
  },
  en: {
    title: 'Basement flooding',
    onDuty: 'Wang on duty',
    leader: 'Leader Li',
    approver: 'President Zhang',
    site: 'xx sub-branch',
    rescuers: 'Rescuers already on site',
    dutyBefore: '22:00 took over, all quiet',
    dutyText: '02:10 water 20 cm deep in B1, property manager called',
    dutyAfter: '08:00 handed over',
    boxes: 'Voucher boxes',
    sandbags: 'Sandbags',
    wrongReason: 'Wrong quantity typed',
    lessons: 'Check the sump pump before the rainy season',
    causes: 'Heavy rain stopped the sump pump; water came back into B1',
    commendations: 'Wang acted at once',
    accountability: 'The property manager skipped the pump service',
    issue: 'Nobody services the sump pump',
    action: 'Service the pump monthly and log it',
    owner: 'General office manager',
    revision: 'Add a sump pump check to the plan',
    pump: 'Sump pump',
  },
} as const;

export const FLOOD_ID = 'inc-flood-1';
/** The version of the shipped flood playbook: what the start screen records when it declares the flood. */
export const FLOOD_VERSION = shippedPlaybook('flood', 'en').version;
export const FLOOD_START = china(2026, 7, 14, 2, 0);

/** The night flood: the on-duty leader commands until the leader arrives at 02:40; closed at 05:00. */
export function floodStory(language: Language): { events: MusterEvent[]; dutyEvents: MusterEvent[]; playbook: Playbook } {
  const x = floodTexts[language];
  const ev = recorder(FLOOD_ID, FLOOD_START);
  const duty = recorder(dutyStreamId(x.site), FLOOD_START);
  const events: MusterEvent[] = [];
  events.push(
    ev(
      'incident.declared',
      {
        playbookId: 'flood-emergency',
        playbookVersion: FLOOD_VERSION,
        playbookLanguage: language,
        // As the start screen records it: the hash of the playbook exactly as loaded and run.
        playbookHash: playbookContentHash(shippedPlaybook('flood', language)),
        mode: 'real',
        title: x.title,
        place: 'B1',
        commander: x.onDuty,
        commanderRole: 'on-duty-lead',
      },
      0,
      x.onDuty,
    ),
  );
  events.push(ev('step.done', { stepId: 'step.command.interim' }, 1, x.onDuty));
  events.push(ev('step.done', { stepId: 'step.command.call-members' }, 2, x.onDuty));
  events.push(ev('step.skipped', { stepId: 'step.command.ready-rescuers', reason: x.rescuers }, 4, x.onDuty));
  events.push(ev('command.handedOver', { to: x.leader, toRole: 'hq.leader' }, 40, x.onDuty));
  events.push(ev('step.done', { stepId: 'step.command.on-site' }, 42, x.leader, 'tablet'));
  events.push(ev('step.done', { stepId: 'step.respond.evacuate' }, 45, x.onDuty));
  events.push(ev('roster.added', { people: ['甲', '乙'] }, 50, x.onDuty));
  events.push(ev('person.accounted', { person: '甲', status: 'safe' }, 52, x.onDuty));
  events.push(ev('loss.recorded', { what: x.boxes, where: 'B1', quantity: 3, kind: 'damaged', estimatedValue: 1200 }, 60, x.onDuty));
  const wrong = ev('loss.recorded', { what: x.pump, where: 'B1', quantity: 30, kind: 'damaged', estimatedValue: 90000 }, 61, x.onDuty);
  events.push(wrong);
  events.push(ev('entry.struck', { targetId: wrong.id, reason: x.wrongReason }, 62, x.leader, 'tablet'));
  events.push(ev('loss.recorded', { what: x.pump, where: 'B1', quantity: 1, kind: 'damaged', estimatedValue: 3000 }, 63, x.leader, 'tablet'));
  events.push(ev('supplies.used', { item: x.sandbags, quantity: 40 }, 65, x.onDuty));
  events.push(ev('supplies.toReplenish', { item: x.sandbags, quantity: 40 }, 66, x.onDuty));
  events.push(ev('end.confirmed', {}, 150, x.leader, 'tablet'));
  events.push(ev('closure.approved', { approver: x.approver }, 180, x.onDuty));
  // After closure, only the after-action review still changes.
  events.push(ev('afterAction.set', { field: 'lessons', text: x.lessons }, 181, x.onDuty));
  events.push(ev('afterAction.set', { field: 'causes', text: x.causes }, 1440, x.leader, 'tablet'));
  events.push(ev('afterAction.set', { field: 'commendations', text: x.commendations }, 1441, x.leader, 'tablet'));
  events.push(ev('afterAction.set', { field: 'accountability', text: x.accountability }, 1442, x.leader, 'tablet'));
  events.push(
    ev(
      'improvement.added',
      { issue: x.issue, action: x.action, area: 'equipment', owner: x.owner, start: '2026-07-20', due: '2026-08-31' },
      1443,
      x.leader,
      'tablet',
    ),
  );
  events.push(ev('planRevision.added', { text: x.revision }, 1444, x.leader, 'tablet'));
  const dutyEvents = [
    duty('duty.entry', { text: x.dutyBefore }, -240, x.onDuty),
    duty('duty.entry', { text: x.dutyText }, 10, x.onDuty),
    duty('duty.entry', { text: x.dutyAfter }, 360, x.onDuty),
  ];
  return { events, dutyEvents, playbook: shippedPlaybook('flood', language) };
}

export const fireTexts = {
  'zh-CN': {
    title: '消防演练',
    security: '安保值班室',
    captain: '纪书记',
    approver: '行长',
    note: '两辆消防车到达东门',
    issue: '东楼梯堆放纸箱',
    action: '清理并每周检查',
    owner: '安全保卫部经理',
    previousTitle: '春季消防演练',
  },
  en: {
    title: 'Fire drill',
    security: 'Security office',
    captain: 'Ji',
    approver: 'President',
    note: 'Two engines at the east gate',
    issue: 'East stairs blocked by boxes',
    action: 'Clear and inspect weekly',
    owner: 'Security manager',
    previousTitle: 'Spring fire drill',
  },
} as const;

export const FIRE_ID = 'inc-fire-2';
export const FIRE_START = china(2026, 9, 1, 10, 0);
export const PREVIOUS_FIRE_ID = 'inc-fire-1';
export const PREVIOUS_FIRE_START = china(2026, 6, 1, 10, 0);

/** The safety officer's adaptation of the fire playbook: target times for the first steps. */
export function fireWithTargets(language: Language): Playbook {
  const p = shippedPlaybook('fire', language);
  const targets: Record<string, number> = { 'step.alarm.call-119': 2, 'step.respond.assemble': 5, 'step.respond.evacuate': 10, 'step.respond.first-aid': 15 };
  return {
    ...p,
    phases: p.phases.map((ph) => ({
      ...ph,
      steps: ph.steps.map((s) => {
        const minutes = targets[s.id];
        return minutes !== undefined ? { ...s, target: { minutes, from: 'incident' as const } } : s;
      }),
    })),
  };
}

function fireDeclared(language: Language, title: string): EventPayloads['incident.declared'] {
  return {
    playbookId: 'fire-evacuation',
    playbookVersion: '1.0.0',
    playbookLanguage: language,
    playbookHash: playbookContentHash(fireWithTargets(language)),
    mode: 'drill',
    title,
    place: '',
    commander: fireTexts[language].security,
    commanderRole: 'hq.commander',
  };
}

/** The fire drill: alarm, activation, the fire team's captain, evacuation, headcount, fire brigade, end and aftermath. */
export function fireStory(language: Language): { events: MusterEvent[]; previous: MusterEvent[]; playbook: Playbook } {
  const x = fireTexts[language];
  const ev = recorder(FIRE_ID, FIRE_START);
  const events: MusterEvent[] = [ev('incident.declared', fireDeclared(language, x.title), 0, x.security)];
  const done = (stepId: string, minute: number) => events.push(ev('step.done', { stepId }, minute, x.security));
  done('step.alarm.report', 1);
  done('step.alarm.call-119', 1.5);
  done('step.activate.notify', 3);
  done('step.activate.start-plan', 4);
  events.push(ev('role.assigned', { roleId: 'fire-team.leader', person: x.captain, phone: '139 0000 0001' }, 5, x.security));
  done('step.respond.assemble', 8);
  done('step.respond.evacuate', 9);
  done('step.respond.guide-evacuation', 10);
  done('step.respond.firefight', 12);
  events.push(ev('roster.added', { people: ['A', 'B', 'C'] }, 14, x.security));
  for (const [i, p] of ['A', 'B', 'C'].entries()) events.push(ev('person.accounted', { person: p, status: 'safe' }, 15 + i, x.security));
  events.push(ev('note.added', { text: x.note, tags: ['fire-brigade-arrived'] }, 20, x.security));
  done('step.end.protect-scene', 30);
  done('aftermath.losses', 35);
  events.push(ev('end.confirmed', {}, 40, x.security));
  events.push(ev('closure.approved', { approver: x.approver }, 45, x.security));
  events.push(ev('improvement.added', { issue: x.issue, action: x.action, area: 'planning', owner: x.owner, due: '2026-12-31' }, 50, x.security));

  const pv = recorder(PREVIOUS_FIRE_ID, PREVIOUS_FIRE_START);
  const previous: MusterEvent[] = [pv('incident.declared', fireDeclared(language, x.previousTitle), 0, x.security)];
  const before = (stepId: string, minute: number) => previous.push(pv('step.done', { stepId }, minute, x.security));
  before('step.alarm.report', 2);
  before('step.alarm.call-119', 4);
  before('step.activate.notify', 6);
  before('step.respond.assemble', 12);
  before('step.respond.evacuate', 15);
  before('step.respond.firefight', 12);
  previous.push(pv('end.confirmed', {}, 50, x.security));
  previous.push(pv('closure.approved', { approver: x.approver }, 55, x.security));
  return { events, previous, playbook: fireWithTargets(language) };
}

export const twoAmTexts = {
  'zh-CN': {
    title: '夜间地下室进水',
    onDuty: '王值班',
    leader: '李组长',
    approver: '张行长',
    site: 'xx支行',
    staff: [
      { personId: 'p-001', name: '王伟', floor: '1F', team: '营业部', assemblyPoint: '东门广场' },
      { personId: 'p-002', name: '李娜', floor: '1F', team: '营业部', assemblyPoint: '东门广场' },
      { personId: 'p-003', name: '张强', floor: 'B1', team: '保卫部', assemblyPoint: '停车场' },
    ],
    visitor: '访客 陈先生',
    contractor: '维修工 刘师傅',
    sprain: '脚踝扭伤',
    note: '东门进水，水从坡道流入负一层',
    keyPlace: '金库门口',
    typo: '多打了一位',
    reason: '水位持续上涨，现场人员全部撤离，由消防继续搜寻',
    briefing: {
      situation: ['门前积水 20 厘米，30 分钟内上涨 15 厘米', '东门进水'],
      objectives: ['应急处置：疏散人员，转移财产'],
      done: ['带班人员临时负责指挥', '及时通知防汛小组其他成员赶赴现场'],
      open: ['将受威胁的财产撤离到安全位置'],
      resources: ['沙袋 40 袋', '排水泵 1 台'],
      losses: ['凭证箱 3 个（损坏）'],
      messages: ['02:35 水位 20 厘米', '02:38 李组长到达'],
    },
    dutyText: '02:10 负一层进水约 20 厘米，已通知物业',
  },
  en: {
    title: 'Basement flooding at night',
    onDuty: 'Wang on duty',
    leader: 'Leader Li',
    approver: 'President Zhang',
    site: 'xx sub-branch',
    staff: [
      { personId: 'p-001', name: 'Wang Wei', floor: '1F', team: 'Counter', assemblyPoint: 'East gate square' },
      { personId: 'p-002', name: 'Li Na', floor: '1F', team: 'Counter', assemblyPoint: 'East gate square' },
      { personId: 'p-003', name: 'Zhang Qiang', floor: 'B1', team: 'Security', assemblyPoint: 'Car park' },
    ],
    visitor: 'Visitor Mr Chen',
    contractor: 'Fitter Liu',
    sprain: 'Sprained ankle',
    note: 'Water coming in at the east door, down the ramp into B1',
    keyPlace: 'Vault door',
    typo: 'One digit too many',
    reason: 'Water still rising; everyone on site withdrawn, the fire brigade searches on',
    briefing: {
      situation: ['20 cm of water at the door, up 15 cm in 30 min', 'Water coming in at the east door'],
      objectives: ['Respond: evacuate people, move property'],
      done: ['The leader on duty takes command', 'Call the other members of the flood team'],
      open: ['Move threatened property to safety'],
      resources: ['40 sandbags', '1 pump'],
      losses: ['3 voucher boxes (damaged)'],
      messages: ['02:35 water at 20 cm', '02:38 Leader Li arrived'],
    },
    dutyText: '02:10 water 20 cm deep in B1, property manager called',
  },
} as const;

export const TWO_AM_ID = 'inc-2am-1';
export const TWO_AM_START = china(2026, 11, 30, 2, 0);
/** Two photos with the east-door note: this device holds the first, not the second. */
export const TWO_AM_PHOTOS = [
  { hash: '1a'.repeat(32), type: 'image/jpeg', bytes: 412_345, width: 1600, height: 1200 },
  { hash: '2b'.repeat(32), type: 'image/webp', bytes: 98_765, width: 1200, height: 1600 },
] as const;

/**
 * The 2 a.m. flood with everything issue 18 records: the branch roster linked, people scanned
 * and ticked (one reported by two people), a visitor and a contractor added on the spot,
 * water levels read against the playbook's rise warning (one struck out), a note with two
 * photos, a handover with its briefing, and the end confirmed with two people unaccounted for
 * and a critical step open.
 */
export function twoAmStory(language: Language): { events: MusterEvent[]; dutyEvents: MusterEvent[]; playbook: Playbook } {
  const x = twoAmTexts[language];
  const ev = recorder(TWO_AM_ID, TWO_AM_START);
  const duty = recorder(dutyStreamId(x.site), TWO_AM_START);
  const playbook = shippedPlaybook('flood', language);
  const [wang, li, zhang] = x.staff;
  const events: MusterEvent[] = [
    ev(
      'incident.declared',
      {
        playbookId: playbook.id,
        playbookVersion: playbook.version,
        playbookLanguage: language,
        playbookHash: playbookContentHash(playbook),
        mode: 'real',
        title: x.title,
        place: 'B1',
        commander: x.onDuty,
        commanderRole: 'on-duty-lead',
      },
      0,
      x.onDuty,
    ),
    ev('step.done', { stepId: 'step.command.interim' }, 1, x.onDuty),
    ev('roster.linked', { people: [...x.staff] }, 2, x.onDuty),
    ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 5, unit: 'cm' }, 5, x.onDuty),
    ev('note.added', { text: x.note, tags: ['water-level'], photos: [...TWO_AM_PHOTOS] }, 12, x.onDuty),
    ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 9, unit: 'cm' }, 15, x.onDuty),
    ev('roster.added', { people: [x.visitor], kind: 'visitor' }, 16, x.onDuty),
    ev('roster.added', { people: [x.contractor], kind: 'contractor' }, 17, x.onDuty),
    ev('person.accounted', { person: wang.name, personId: wang.personId, status: 'safe', floor: '1F', via: 'scan' }, 20, x.onDuty, 'phone-a'),
    ev('person.accounted', { person: li.name, personId: li.personId, status: 'injured', floor: '1F', via: 'list', note: x.sprain }, 21, x.onDuty, 'phone-a'),
    ev('person.accounted', { person: wang.name, personId: wang.personId, status: 'safe', via: 'list' }, 22, x.leader, 'tablet'),
    ev('person.accounted', { person: x.visitor, status: 'safe', via: 'list' }, 23, x.onDuty, 'phone-a'),
    ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 17, unit: 'cm' }, 25, x.onDuty),
    ev('measurement.recorded', { measureId: 'measure.water.key-area', value: 2, unit: 'cm', place: x.keyPlace }, 30, x.onDuty),
    ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 20, unit: 'cm' }, 35, x.onDuty),
    ev(
      'command.handedOver',
      { to: x.leader, toRole: 'hq.leader', briefing: { ...x.briefing, accounted: 3, missing: [zhang.name, x.contractor] } },
      40,
      x.onDuty,
    ),
  ];
  const typo = ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 99, unit: 'cm' }, 41, x.leader, 'tablet');
  events.push(
    typo,
    ev('entry.struck', { targetId: typo.id, reason: x.typo }, 42, x.leader, 'tablet'),
    ev('measurement.recorded', { measureId: 'measure.water.key-area', value: 4, unit: 'cm', place: x.keyPlace }, 45, x.leader, 'tablet'),
    ev('measurement.recorded', { measureId: 'measure.water.entrance', value: 21, unit: 'cm' }, 50, x.leader, 'tablet'),
    ev(
      'end.confirmed',
      { override: { reason: x.reason, unaccounted: [zhang.name, x.contractor], openSteps: ['step.respond.evacuate'] } },
      150,
      x.leader,
      'tablet',
    ),
    ev('closure.approved', { approver: x.approver }, 180, x.onDuty),
  );
  return { events, dutyEvents: [duty('duty.entry', { text: x.dutyText }, 10, x.onDuty)], playbook };
}
