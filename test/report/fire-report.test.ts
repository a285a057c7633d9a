import { describe, expect, it } from 'vitest';
import { buildReport, readReportFile, type ReportInput } from '../../src/domain/report';
import { CHINA, fireStory, fireTexts, FIRE_ID, FIRE_START, type Language } from './stories';
import { exportAll, htmlSection, markdownSection, parseCsv } from './support';

const see = {
  'zh-CN': {
    title: '演练总结报告',
    mode: '演练',
    steps: '共 29 步：完成 10，跳过 0，未完成 19，超时 2',
    late: '完成 — 超时 3 分钟',
    overdue: '未完成 — 超时',
    onTime: '完成',
    captain: '义务消防队(灭火行动组) · 队长 (纪委书记)',
    brigade: '记录：两辆消防车到达东门 [消防队已到达]',
    headcount: '名单共 3 人：安全 3，受伤 0，失踪 0，未清点到 0',
    previous: '上次演练：春季消防演练，开始于 2026-06-01 10:00:00',
    faster: '快 4 分钟',
    same: '相同',
    missed: '未完成',
    area: '预案',
    drillHeading: '与上次演练的对比',
    missedNow: '本次演练未完成的步骤',
    missedBefore: '上次演练未完成的步骤',
    noneLosses: '无记录。',
    csvPerson: '安保值班室',
  },
  en: {
    title: 'Drill report',
    mode: 'Drill',
    steps: '10 of 29 steps done, 0 skipped, 19 not done, 2 overdue',
    late: 'Done — Late by 3 min',
    overdue: 'Not done — Overdue',
    onTime: 'Done',
    captain: 'Volunteer Fire Team (Firefighting Group) · Team Leader (Secretary of the Discipline Inspection Commission)',
    brigade: 'Note: Two engines at the east gate [Fire brigade arrived]',
    headcount: '3 on the roster: 3 safe, 0 injured, 0 missing, 0 not accounted for',
    previous: 'Previous drill: Spring fire drill, started 2026-06-01 10:00:00',
    faster: '4 min faster',
    same: 'same',
    missed: 'missed',
    area: 'Planning',
    drillHeading: 'Comparison with the previous drill',
    missedNow: 'Steps missed in this drill',
    missedBefore: 'Steps missed in the previous drill',
    noneLosses: 'None recorded.',
    csvPerson: 'Security office',
  },
} as const;

function fireInput(language: Language, withPrevious = true): ReportInput {
  const story = fireStory(language);
  return {
    incidentId: FIRE_ID,
    events: story.events,
    ...(withPrevious ? { previousDrill: story.previous } : {}),
    playbook: story.playbook,
    language,
    timeZoneOffsetMinutes: CHINA,
    generatedAt: FIRE_START + 86_400_000,
  };
}

describe.each(['zh-CN', 'en'] as const)('the fire drill report (%s)', (language) => {
  const x = fireTexts[language];
  const s = see[language];
  const input = fireInput(language);
  const { report, html, markdown, csv, json } = exportAll(input);
  const steps = new Map(report.steps.phases.flatMap((p) => p.steps).map((st) => [st.id, st]));

  it('is a drill report that ran 45 minutes', () => {
    expect(report.title).toBe(s.title);
    expect(report.summary).toMatchObject({ mode: 'drill', modeText: s.mode, startText: '2026-09-01 10:00:00', endText: '2026-09-01 10:45:00' });
    expect(htmlSection(html, 'summary')).toContain(s.mode);
  });

  it('compares each step with the target the safety officer set: on time, late, and overdue', () => {
    expect(report.steps.summaryText).toBe(s.steps);
    expect(steps.get('step.alarm.call-119')).toMatchObject({ status: 'done', minutesTaken: 2, targetMinutes: 2, overdue: false, statusText: s.onTime });
    expect(steps.get('step.respond.assemble')).toMatchObject({ status: 'done', minutesTaken: 8, targetMinutes: 5, overdue: true, statusText: s.late });
    expect(steps.get('step.respond.evacuate')).toMatchObject({ minutesTaken: 9, targetMinutes: 10, overdue: false });
    expect(steps.get('step.respond.first-aid')).toMatchObject({ status: 'not-done', targetMinutes: 15, overdue: true, statusText: s.overdue });
    expect(report.steps.overdue.map((st) => st.id)).toEqual(['step.respond.assemble', 'step.respond.first-aid']);
    const section = htmlSection(html, 'steps');
    expect(section).toContain(s.late);
    expect(section).toContain(s.overdue);
    expect(html).toMatch(/data-step="step\.respond\.first-aid"><td>[^<]*<\/td><td>[^<]*<\/td><td class="status-not-done overdue">/);
    expect(markdownSection(markdown, language === 'en' ? 'Steps against the plan' : '对照预案的步骤执行情况')).toContain(`**${s.late}**`);
  });

  it('shows the fire-team captain with a phone number, the headcount and the fire brigade note', () => {
    expect(report.roles.assignments).toEqual([
      expect.objectContaining({ roleId: 'fire-team.leader', roleName: s.captain, person: x.captain, phone: '139 0000 0001', when: '2026-09-01 10:05:00' }),
    ]);
    expect(htmlSection(html, 'roles')).toContain('139 0000 0001');
    expect(report.headcount.summaryText).toBe(s.headcount);
    expect(report.timeline.map((t) => t.activity)).toContain(s.brigade);
    expect(htmlSection(html, 'timeline')).toContain(s.brigade);
  });

  it('says so when nothing was lost and no duty log was written', () => {
    expect(htmlSection(html, 'losses')).toBe(`${language === 'en' ? 'Losses and damage' : '损失与损坏'} ${s.noneLosses}`);
    expect(report.dutyLog.entries).toEqual([]);
  });

  it('compares this drill with the previous one: minutes per step and the steps missed', () => {
    const d = report.drill;
    expect(d?.previous).toMatchObject({ title: x.previousTitle, startText: '2026-06-01 10:00:00' });
    const row = (id: string) => d?.rows.find((r) => r.stepId === id);
    expect(row('step.respond.assemble')).toMatchObject({ now: 8, before: 12, changeText: s.faster });
    expect(row('step.respond.firefight')).toMatchObject({ now: 12, before: 12, changeText: s.same });
    expect(row('step.activate.start-plan')).toMatchObject({ now: 4, before: null });
    expect(row('step.respond.rescue')).toMatchObject({ now: null, before: null });
    const text = (id: string) => report.steps.phases.flatMap((p) => p.steps).find((st) => st.id === id)?.text ?? '';
    expect(d?.missedNow).toContain(text('step.respond.rescue'));
    expect(d?.missedNow).not.toContain(text('step.respond.assemble'));
    expect(d?.missedBefore).toContain(text('step.activate.start-plan'));
    expect(d?.missedBefore).not.toContain(text('step.respond.assemble'));
    const section = htmlSection(html, 'drill');
    for (const v of [s.previous, s.faster, s.same, s.missed, s.missedNow, s.missedBefore]) expect(section).toContain(v);
    const md = markdownSection(markdown, s.drillHeading);
    expect(md).toContain(s.previous);
    expect(md).toContain(s.faster);
  });

  it('says when there is no earlier drill to compare with', () => {
    const alone = buildReport(fireInput(language, false));
    expect(alone.drill?.previous).toBeNull();
    expect(alone.drill?.rows.every((r) => r.before === null && r.changeText === '—')).toBe(true);
    expect(alone.drill?.missedBefore).toEqual([]);
    expect(alone.drill?.missedNow.length).toBeGreaterThan(0);
  });

  it('puts the improvement action in the plan table, and every event in the CSV and the JSON', () => {
    expect(report.improvements).toEqual([expect.objectContaining({ issue: x.issue, action: x.action, areaText: s.area, owner: x.owner, due: '2026-12-31' })]);
    expect(htmlSection(html, 'improvements')).toContain('2026-12-31');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + input.events.length);
    expect(rows.slice(1).every((r) => r[2] === s.csvPerson)).toBe(true);
    const file = readReportFile(json);
    expect(file.ok && file.events.length).toBe(input.events.length);
    expect(file.ok && file.file.playbook).toEqual({ id: 'fire-evacuation', version: input.playbook.version, language });
  });
});
