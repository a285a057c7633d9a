import { describe, expect, it } from 'vitest';
import { buildReport, readReportFile, renderReportHtml, UTF8_BOM, type ReportInput } from '../../src/domain/report';
import { CHINA, floodStory, floodTexts, FLOOD_ID, FLOOD_START, FLOOD_VERSION, type Language } from './stories';
import { exportAll, htmlSection, markdownSection, parseCsv } from './support';

/** What the reader must see, per language. */
const see = {
  'zh-CN': {
    title: '事后总结报告',
    mode: '实战',
    closed: '已结束',
    duration: '3 小时 0 分钟',
    interim: '带班人员',
    leaderPost: '防汛抗灾工作领导小组 · 组长',
    steps: '共 16 步：完成 4，跳过 1，未完成 11，超时 0',
    done: '完成',
    skipped: '跳过：救援人员已在现场',
    notDone: '未完成',
    noTarget: '无目标',
    headcount: '名单共 2 人：安全 1，受伤 0，失踪 0，未清点到 1',
    notAccounted: '未清点到：乙',
    safe: '安全',
    lossTotal: '估计合计：4,200（2 条；已更正的不计入）',
    correction: '已更正：李组长 于 2026-07-14 03:02:00 划去；原因：数量输错',
    notCounted: '；不计入合计',
    confirmed: '李组长 于 2026-07-14 04:30:00 确认现场处置结束',
    approved: '张行长 批准终止（王值班 记录），2026-07-14 05:00:00',
    area: '装备',
    sections: {
      summary: '概况',
      timeline: '时间线',
      steps: '对照预案的步骤执行情况',
      roles: '岗位与指挥移交',
      headcount: '人员清点',
      duty: '事件期间的值班日记',
      losses: '损失与损坏',
      supplies: '物资',
      ending: '事件结束',
      afterAction: '事后总结',
      improvements: '整改计划',
      integrity: '完整性校验',
      signatures: '签字',
    },
    csvHead: ['日期和时间（UTC+08:00）', '活动', '人员', '岗位'],
    handover: '指挥移交给 李组长（防汛抗灾工作领导小组 · 组长）',
    commanderPosition: '现场指挥（带班人员）',
    dutyEntry: (text: string) => `值班日记：${text}`,
    started: '开始时间：',
    signature: ['报告人', '现场指挥', '批准人'],
  },
  en: {
    title: 'After-action report',
    mode: 'Real incident',
    closed: 'Closed',
    duration: '3 h 0 min',
    interim: 'Leader on duty',
    leaderPost: 'Flood Control and Disaster Relief Leading Group · Group Leader',
    steps: '4 of 16 steps done, 1 skipped, 11 not done, 0 overdue',
    done: 'Done',
    skipped: 'Skipped: Rescuers already on site',
    notDone: 'Not done',
    noTarget: 'no target',
    headcount: '2 on the roster: 1 safe, 0 injured, 0 missing, 1 not accounted for',
    notAccounted: 'Not accounted for: 乙',
    safe: 'Safe',
    lossTotal: 'Estimated total: 4,200 (2 entries; corrected entries not counted)',
    correction: 'Corrected: struck out by Leader Li, 2026-07-14 03:02:00; reason: Wrong quantity typed',
    notCounted: '; not counted in the totals',
    confirmed: 'On-site end confirmed by Leader Li, 2026-07-14 04:30:00',
    approved: 'Closure approved by President Zhang (recorded by Wang on duty), 2026-07-14 05:00:00',
    area: 'Equipment',
    sections: {
      summary: 'Summary',
      timeline: 'Timeline',
      steps: 'Steps against the plan',
      roles: 'Roles and command handovers',
      headcount: 'Headcount',
      duty: 'Duty log during the incident',
      losses: 'Losses and damage',
      supplies: 'Supplies',
      ending: 'End of the incident',
      afterAction: 'After-action review',
      improvements: 'Improvement plan',
      integrity: 'Integrity',
      signatures: 'Signatures',
    },
    csvHead: ['Date and time (UTC+08:00)', 'Activity', 'Person', 'Position'],
    handover: 'Command handed over to Leader Li (Flood Control and Disaster Relief Leading Group · Group Leader)',
    commanderPosition: 'Incident commander (Leader on duty)',
    dutyEntry: (text: string) => `Duty log: ${text}`,
    started: 'Started:',
    signature: ['Prepared by', 'On-site commander', 'Approved by'],
  },
} as const;

function floodInput(language: Language): ReportInput {
  const story = floodStory(language);
  return {
    incidentId: FLOOD_ID,
    events: story.events,
    dutyEvents: story.dutyEvents,
    playbook: story.playbook,
    language,
    timeZoneOffsetMinutes: CHINA,
    generatedAt: FLOOD_START + 3 * 86_400_000,
  };
}

describe.each(['zh-CN', 'en'] as const)('the night flood report (%s)', (language) => {
  const x = floodTexts[language];
  const s = see[language];
  const input = floodInput(language);
  const { report, html, markdown, csv, json } = exportAll(input);

  it('sums up the incident: real, B1, 02:00 to 05:00, the on-duty leader then the leader in command', () => {
    expect(report.title).toBe(s.title);
    expect(report.summary).toMatchObject({
      title: x.title,
      mode: 'real',
      modeText: s.mode,
      place: 'B1',
      phaseText: s.closed,
      startText: '2026-07-14 02:00:00',
      endText: '2026-07-14 05:00:00',
      durationText: s.duration,
    });
    expect(report.summary.commanders.map((c) => [c.person, c.roleName, c.fromText, c.untilText])).toEqual([
      [x.onDuty, s.interim, '2026-07-14 02:00:00', '2026-07-14 02:40:00'],
      [x.leader, s.leaderPost, '2026-07-14 02:40:00', '2026-07-14 05:00:00'],
    ]);
    const summary = htmlSection(html, 'summary');
    for (const v of [x.title, s.mode, 'B1', '2026-07-14 02:00:00', '2026-07-14 05:00:00', s.duration, x.onDuty, x.leader, s.leaderPost, FLOOD_ID])
      expect(summary).toContain(v);
    const md = markdownSection(markdown, s.sections.summary);
    for (const v of [x.title, s.mode, '2026-07-14 05:00:00', s.duration, x.onDuty, x.leader]) expect(md).toContain(v);
  });

  it('lists every event of the incident on the timeline with its full date and time, the person and their position', () => {
    expect(report.timeline).toHaveLength(input.events.length);
    expect(report.timeline.every((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t.when))).toBe(true);
    const handover = report.timeline.find((t) => t.activity === s.handover);
    expect(handover).toMatchObject({ when: '2026-07-14 02:40:00', person: x.onDuty, position: s.commanderPosition });
    const struck = report.timeline.filter((t) => t.struck);
    expect(struck).toHaveLength(1);
    expect(htmlSection(html, 'timeline')).toContain(s.handover);
    expect(markdownSection(markdown, s.sections.timeline)).toContain(s.handover);
    expect(markdownSection(markdown, s.sections.timeline)).toContain('2026-07-15 02:04:00');
  });

  it('measures the steps against the plan: done, skipped with the reason, not done', () => {
    expect(report.steps.summaryText).toBe(s.steps);
    const byId = new Map(report.steps.phases.flatMap((p) => p.steps).map((st) => [st.id, st]));
    expect(byId.get('step.command.interim')).toMatchObject({
      status: 'done',
      statusText: s.done,
      by: x.onDuty,
      when: '2026-07-14 02:01:00',
      minutesTaken: 1,
      targetText: s.noTarget,
      overdue: false,
    });
    expect(byId.get('step.command.on-site')).toMatchObject({ status: 'done', by: x.leader, minutesTaken: 42 });
    expect(byId.get('step.command.ready-rescuers')).toMatchObject({ status: 'skipped', statusText: s.skipped, reason: x.rescuers });
    expect(byId.get('step.respond.move-property')).toMatchObject({ status: 'not-done', statusText: s.notDone });
    expect(report.steps.phases.at(-1)?.steps.map((st) => st.id)).toContain('aftermath.tally');
    const steps = htmlSection(html, 'steps');
    for (const v of [s.steps, s.skipped, '42']) expect(steps).toContain(v);
    expect(markdownSection(markdown, s.sections.steps)).toContain(s.skipped);
  });

  it('shows the command handover and the headcount with the person not accounted for', () => {
    expect(report.roles.handovers).toHaveLength(1);
    expect(report.roles.handovers[0]).toMatchObject({ person: x.leader, recordedBy: x.onDuty, fromText: '2026-07-14 02:40:00' });
    expect(htmlSection(html, 'roles')).toContain(x.leader);
    expect(report.headcount.summaryText).toBe(s.headcount);
    expect(report.headcount.rows.map((r) => [r.person, r.status])).toEqual([
      ['甲', 'safe'],
      ['乙', 'unknown'],
    ]);
    const headcount = htmlSection(html, 'headcount');
    expect(headcount).toContain(s.headcount);
    expect(headcount).toContain(s.notAccounted);
    expect(markdownSection(markdown, s.sections.headcount)).toContain(s.notAccounted);
  });

  it('carries the duty-log entry written during the incident, and not those before or after', () => {
    expect(report.dutyLog.entries.map((e) => [e.when, e.text])).toEqual([['2026-07-14 02:10:00', x.dutyText]]);
    const duty = htmlSection(html, 'duty-log');
    expect(duty).toContain(x.dutyText);
    expect(duty).not.toContain(x.dutyBefore);
    expect(duty).not.toContain(x.dutyAfter);
    expect(markdownSection(markdown, s.sections.duty)).toContain(x.dutyText);
  });

  it('totals the losses without the struck entry, which stays listed as corrected, and the supplies', () => {
    expect(report.losses.totalValue).toBe(4200);
    expect(report.losses.entries).toHaveLength(3);
    expect(report.losses.entries[1]?.struck?.reason).toBe(x.wrongReason);
    const losses = htmlSection(html, 'losses');
    expect(losses).toContain(s.lossTotal);
    expect(losses).toContain(s.correction + s.notCounted);
    expect(html).toContain(`<del>${x.pump}</del>`);
    expect(markdownSection(markdown, s.sections.losses)).toContain(s.lossTotal);
    expect(markdownSection(markdown, s.sections.losses)).toContain(`~~${x.pump}~~`);
    expect(markdownSection(markdown, s.sections.losses)).toContain(s.correction + s.notCounted);
    expect(report.supplies.usedTotals).toEqual([{ item: x.sandbags, quantity: 40 }]);
    expect(report.supplies.toReplenishTotals).toEqual([{ item: x.sandbags, quantity: 40 }]);
    expect(htmlSection(html, 'supplies')).toContain(`${x.sandbags} × 40`);
    expect(markdownSection(markdown, s.sections.supplies)).toContain(`${x.sandbags} × 40`);
  });

  it('records the on-site end confirmation and the approval', () => {
    expect(report.ending.confirmedText).toBe(s.confirmed);
    expect(report.ending.approvedText).toBe(s.approved);
    const ending = htmlSection(html, 'ending');
    expect(ending).toContain(s.confirmed);
    expect(ending).toContain(s.approved);
    expect(markdownSection(markdown, s.sections.ending)).toContain(s.approved);
  });

  it('prints the after-action review and the improvement plan table', () => {
    expect(report.afterAction.map((f) => f.text)).toEqual([x.causes, x.lessons, x.commendations, x.accountability]);
    const review = htmlSection(html, 'after-action');
    for (const v of [x.causes, x.lessons, x.commendations, x.accountability]) expect(review).toContain(v);
    expect(report.improvements).toEqual([
      expect.objectContaining({
        issue: x.issue,
        action: x.action,
        area: 'equipment',
        areaText: s.area,
        owner: x.owner,
        start: '2026-07-20',
        due: '2026-08-31',
      }),
    ]);
    const plan = htmlSection(html, 'improvements');
    for (const v of [x.issue, x.action, s.area, x.owner, '2026-07-20', '2026-08-31']) expect(plan).toContain(v);
    expect(markdownSection(markdown, s.sections.improvements)).toContain(`| ${x.issue} | ${x.action} | ${s.area} | ${x.owner} | 2026-07-20 | 2026-08-31 |`);
    expect(htmlSection(html, 'plan-revisions')).toContain(x.revision);
  });

  it('has no drill comparison for a real incident', () => {
    expect(report.drill).toBeNull();
    expect(html).not.toContain('id="drill"');
  });

  it('prints the final hash of the chain and a signature block', () => {
    expect(report.integrity.finalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(htmlSection(html, 'integrity')).toContain(report.integrity.finalHash);
    expect(markdownSection(markdown, s.sections.integrity)).toContain(report.integrity.finalHash);
    const signatures = htmlSection(html, 'signatures');
    for (const v of [...s.signature, x.leader, x.approver]) expect(signatures).toContain(v);
    expect(html).toMatch(/@page\s*{[^}]*size: A4/);
    expect(html).toContain('counter(page)');
  });

  it('writes the ICS 214 activity log: a BOM, a header, then one row per event with date and time, activity, person, position', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(s.csvHead);
    expect(rows).toHaveLength(1 + input.events.length + 1); // and the duty-log entry written during the incident
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows).toContainEqual(['2026-07-14 02:40:00', s.handover, x.onDuty, s.commanderPosition]);
    const struck = rows.find((r) => r[1]?.includes(s.correction));
    expect(struck?.[1]).toContain(x.pump);
    expect(struck?.[0]).toBe('2026-07-14 03:01:00');
  });

  it('puts the duty-log entry written during the incident in the ICS 214 activity log, in time order, and not those before or after', () => {
    const rows = parseCsv(csv.slice(1)).slice(1);
    const duty = rows.findIndex((r) => r[1] === s.dutyEntry(x.dutyText));
    expect(rows[duty]).toEqual(['2026-07-14 02:10:00', s.dutyEntry(x.dutyText), x.onDuty, '']);
    expect(rows[duty - 1]?.[0]).toBe('2026-07-14 02:04:00');
    expect(rows[duty + 1]?.[0]).toBe('2026-07-14 02:40:00');
    expect(csv).not.toContain(x.dutyBefore);
    expect(csv).not.toContain(x.dutyAfter);
  });

  it('writes Markdown whose dates, times and punctuation read plainly, without backslashes', () => {
    expect(markdown).not.toContain('\\');
    expect(markdown).toContain(`| 2026-07-14 02:40:00 | ${s.handover} |`);
    expect(markdown).toContain(`- **${s.started}** 2026-07-14 02:00:00`);
  });

  it('exports JSON with every event, the playbook id and version, and the chain another device can check and open', () => {
    const file = readReportFile(json);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.file.playbook).toEqual({ id: 'flood-emergency', version: FLOOD_VERSION, language });
    expect(file.events).toHaveLength(input.events.length + 1); // and the one duty-log entry written during the incident
    expect(file.finalHash).toBe(report.integrity.finalHash);
    const again = buildReport({
      incidentId: file.file.incidentId,
      events: file.events,
      dutyEvents: file.events,
      playbook: file.playbook!,
      language,
      timeZoneOffsetMinutes: file.file.timeZoneOffsetMinutes,
      generatedAt: input.generatedAt,
    });
    expect(renderReportHtml(again)).toBe(html);
  });
});

describe('the report does not depend on the device', () => {
  it('is the same whatever order the events arrived in, and prints times in the zone passed in', () => {
    const input = floodInput('en');
    const a = buildReport(input);
    const b = buildReport({ ...input, events: [...input.events].reverse(), dutyEvents: [...(input.dutyEvents ?? [])].reverse() });
    expect(renderReportHtml(b)).toBe(renderReportHtml(a));
    const utc = buildReport({ ...input, timeZoneOffsetMinutes: 0 });
    expect(utc.summary.startText).toBe('2026-07-13 18:00:00');
    expect(utc.zone).toBe('UTC');
    expect(utc.integrity.finalHash).toBe(a.integrity.finalHash);
  });

  it('judges an open incident at the time the report is made', () => {
    const input = floodInput('en');
    const open = input.events.filter(
      (e) =>
        e.type !== 'closure.approved' &&
        e.type !== 'end.confirmed' &&
        !e.type.startsWith('afterAction') &&
        e.type !== 'improvement.added' &&
        e.type !== 'planRevision.added',
    );
    const report = buildReport({ ...input, events: open, generatedAt: FLOOD_START + 90 * 60_000 });
    expect(report.summary).toMatchObject({
      end: null,
      phaseText: 'Open',
      endText: 'not closed yet (report made 2026-07-14 03:30:00)',
      durationText: '1 h 30 min',
    });
    expect(report.ending.confirmedText).toBe('The on-site end has not been confirmed.');
    // An open incident still takes duty-log entries written up to now.
    expect(report.dutyLog.entries.map((e) => e.text)).toEqual([floodTexts.en.dutyText]);
  });
});
