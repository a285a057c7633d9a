import { describe, expect, it } from 'vitest';
import { readReportFile, type ReportFile, type ReportInput } from '../../src/domain/report';
import { CHINA, twoAmStory, twoAmTexts, TWO_AM_ID, TWO_AM_PHOTOS, TWO_AM_START, type Language } from './stories';
import { exportAll, htmlSection, markdownSection, parseCsv } from './support';

// The 2 a.m. flood of issue 18 in every export: the water levels with their rise warnings, the
// east-door photos, the people by name, floor and assembly point, the briefing handed to the
// leader, and the end confirmed while two people were still unaccounted for.

/** What the reader must see, per language. */
const see = {
  'zh-CN': {
    sections: { headcount: '人员清点', measurements: '测量记录', photos: '照片', roles: '岗位与指挥移交', ending: '事件结束' },
    door: '门前积水深度',
    keyArea: '重点部位积水深度',
    reached: '5 个读数中有 2 个达到上涨预警，首次在 2026-11-30 02:25:00。',
    warning25: '20 分钟内上涨 12 cm（自 2026-11-30 02:05:00 的 5 cm）',
    notReached: '从未达到上涨预警。',
    rule: '预案的上涨预警：比此前 30 分钟内的最低读数高出 10 cm 或以上。',
    notAccounted: (a: string, b: string) => `未清点到：${a}、${b}`,
    group1F: '楼层 1F · 集合点 东门广场',
    groupNone: '名单未写楼层和集合点',
    visitor: '访客',
    contractor: '外来施工人员',
    scanned: '扫码',
    twice: (onDuty: string, leader: string) => `被不同人员或设备报告 2 次：${onDuty} 2026-11-30 02:20:00（安全）、${leader} 2026-11-30 02:22:00（安全）`,
    override: (x: { reason: string; leader: string }) =>
      `在2 人未清点到、1 个关键步骤未完成的情况下结束现场处置——原因：${x.reason}；${x.leader}，2026-11-30 04:30:00`,
    overrideLine: '在2 人未清点到、1 个关键步骤未完成的情况下确认现场处置结束——原因：',
    unaccounted: (a: string, b: string) => `确认结束时未清点到：${a}、${b}`,
    briefingTitle: (leader: string) => `向 ${leader} 移交时的简报，2026-11-30 02:40:00（ICS 201）`,
    situation: '现场情况',
    missing: (a: string, b: string) => `未清点到的人员：${a}、${b}`,
    photo1: '照片 1',
    notHere: `照片 2：${TWO_AM_PHOTOS[1].hash} 不在本设备上`,
    photoDetail: 'JPEG，1600 × 1200 像素，412 KB',
  },
  en: {
    sections: { headcount: 'Headcount', measurements: 'Measurements', photos: 'Photos', roles: 'Roles and command handovers', ending: 'End of the incident' },
    door: 'Water depth at the door',
    keyArea: 'Water depth at the key areas',
    reached: 'The rise warning was reached at 2 of 5 readings, first at 2026-11-30 02:25:00.',
    warning25: 'Up 12 cm in 20 min (from 5 cm at 2026-11-30 02:05:00)',
    notReached: 'The rise warning was never reached.',
    rule: 'The playbook warns of a rise of 10 cm or more above the lowest reading in the 30 min before.',
    notAccounted: (a: string, b: string) => `Not accounted for: ${a}, ${b}`,
    group1F: 'Floor 1F · assembly point East gate square',
    groupNone: 'No floor or assembly point on the roster',
    visitor: 'Visitor',
    contractor: 'Contractor',
    scanned: 'Scanned',
    twice: (onDuty: string, leader: string) =>
      `Reported 2 times by different people or devices: ${onDuty} 2026-11-30 02:20:00 (Safe), ${leader} 2026-11-30 02:22:00 (Safe)`,
    override: (x: { reason: string; leader: string }) =>
      `Ended with 2 people unaccounted for and 1 critical step open — reason: ${x.reason}; by ${x.leader}, 2026-11-30 04:30:00`,
    overrideLine: 'On-site end confirmed with 2 people unaccounted for and 1 critical step open — reason: ',
    unaccounted: (a: string, b: string) => `Not accounted for when the end was confirmed: ${a}, ${b}`,
    briefingTitle: (leader: string) => `Briefing given to ${leader}, 2026-11-30 02:40:00 (ICS 201)`,
    situation: 'Situation',
    missing: (a: string, b: string) => `not accounted for: ${a}, ${b}`,
    photo1: 'Photo 1',
    notHere: `Photo 2: ${TWO_AM_PHOTOS[1].hash} is not on this device`,
    photoDetail: 'JPEG, 1600 × 1200 px, 412 KB',
  },
} as const;

/** A few bytes standing for the first photo, as the device's photo store gives them. */
const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQ==';

function twoAmInput(language: Language): ReportInput {
  const story = twoAmStory(language);
  return {
    incidentId: TWO_AM_ID,
    events: story.events,
    dutyEvents: story.dutyEvents,
    playbook: story.playbook,
    language,
    timeZoneOffsetMinutes: CHINA,
    generatedAt: TWO_AM_START + 86_400_000,
    photos: new Map([[TWO_AM_PHOTOS[0].hash, { type: 'image/jpeg', base64: JPEG }]]),
  };
}

describe.each(['zh-CN', 'en'] as const)('the 2 a.m. flood report (%s)', (language) => {
  const x = twoAmTexts[language];
  const s = see[language];
  const input = twoAmInput(language);
  const { report, html, markdown, csv, json } = exportAll(input);
  const file = JSON.parse(json) as ReportFile & Required<Pick<ReportFile, 'contents'>>;
  const [wang, li, zhang] = x.staff;

  it('lists every reading of each playbook measurement, struck ones marked, with the rise warnings as the app showed them', () => {
    const door = report.measurements.find((m) => m.id === 'measure.water.entrance');
    expect(door?.label).toBe(s.door);
    expect(door?.readings.map((r) => [r.when, r.valueText, r.by, r.warning ?? null, r.struck ? 'struck' : null])).toEqual([
      ['2026-11-30 02:05:00', '5 cm', x.onDuty, null, null],
      ['2026-11-30 02:15:00', '9 cm', x.onDuty, null, null],
      ['2026-11-30 02:25:00', '17 cm', x.onDuty, s.warning25, null],
      ['2026-11-30 02:35:00', '20 cm', x.onDuty, expect.any(String), null],
      ['2026-11-30 02:41:00', '99 cm', x.leader, null, 'struck'],
      ['2026-11-30 02:50:00', '21 cm', x.leader, null, null],
    ]);
    expect(door?.warningsText).toBe(s.reached);
    expect(door?.ruleText.startsWith(s.rule)).toBe(true);
    const key = report.measurements.find((m) => m.id === 'measure.water.key-area');
    expect(key?.readings.map((r) => [r.valueText, r.place])).toEqual([
      ['2 cm', x.keyPlace],
      ['4 cm', x.keyPlace],
    ]);
    expect(key?.warningsText).toBe(s.notReached);

    const section = htmlSection(html, 'measurements');
    for (const v of [s.door, s.keyArea, s.reached, s.warning25, s.notReached, '2026-11-30 02:50:00', x.keyPlace]) expect(section).toContain(v);
    // The trend is the app's: the same polyline in the same box, red once the warning was reached.
    expect(html).toContain(`<polyline class="trend-line" points="${door?.trend?.points}"/>`);
    expect(html).toMatch(/<figure class="trend alarm" data-testid="trend">/);
    expect(html).toContain('<svg viewBox="0 0 300 100"');
    const md = markdownSection(markdown, s.sections.measurements);
    expect(md).toContain(`| 2026-11-30 02:25:00 | 17 cm |`);
    expect(md).toContain(`**${s.warning25}**`);
    expect(md).toContain(`**${s.reached}**`);
    expect(md).toContain('~~99 cm~~');
    const readings = file.contents.measurements.find((m) => m.measureId === 'measure.water.entrance')?.readings;
    expect(readings?.map((r) => [r.value, r.struck ?? false, r.riseWarning?.rise ?? null])).toEqual([
      [5, false, null],
      [9, false, null],
      [17, false, 12],
      [20, false, 15],
      [99, true, null],
      [21, false, null],
    ]);
  });

  it('embeds the photo this device holds next to its note with its SHA-256, and names the one it does not hold', () => {
    expect(report.photos).toMatchObject({ count: 2, missing: 1 });
    const section = htmlSection(html, 'photos');
    for (const v of [x.note, s.photo1, s.photoDetail, `SHA-256 ${TWO_AM_PHOTOS[0].hash}`, s.notHere]) expect(section).toContain(v);
    expect(html).toContain(`<img src="data:image/jpeg;base64,${JPEG}"`);
    expect(html).toContain(`width="1600" height="1200"`);
    expect(html.match(/<img /g)).toHaveLength(1);
    const md = markdownSection(markdown, s.sections.photos);
    expect(md).toContain(`SHA-256 \`${TWO_AM_PHOTOS[0].hash}\``);
    expect(md).toContain(`SHA-256 \`${TWO_AM_PHOTOS[1].hash}\``);
    expect(file.contents.photos.map(({ hash, type, bytes, width, height }) => ({ hash, type, bytes, width, height }))).toEqual(TWO_AM_PHOTOS);
    const note = parseCsv(csv.slice(1)).find((r) => r[1]?.includes(x.note));
    expect(note?.[1]).toContain(TWO_AM_PHOTOS[0].hash);
    expect(note?.[1]).toContain(TWO_AM_PHOTOS[1].hash);
  });

  it('shows a photo as not on this device when no photo was loaded, never leaving it out', () => {
    const { html: bare } = exportAll({ ...input, photos: undefined });
    expect(bare).not.toContain('<img');
    expect(bare.match(/data-testid="photo-missing"/g)).toHaveLength(2);
  });

  it('counts people by name, by floor and assembly point, with their kind, last floor, scan or list, and who was reported twice', () => {
    const h = report.headcount;
    expect(h.rows.map((r) => [r.person, r.kind, r.status])).toEqual([
      [wang.name, 'staff', 'safe'],
      [li.name, 'staff', 'injured'],
      [zhang.name, 'staff', 'unknown'],
      [x.visitor, 'visitor', 'safe'],
      [x.contractor, 'contractor', 'unknown'],
    ]);
    expect(h.notAccounted).toEqual([zhang.name, x.contractor]);
    expect(h.groups.map((g) => [g.title, g.rows.length])).toEqual([
      [s.group1F, 2],
      [expect.stringContaining('B1'), 1],
      [s.groupNone, 2],
    ]);
    expect(h.rows[0]).toMatchObject({ lastSeen: '1F', via: 'list', reportedTwice: s.twice(x.onDuty, x.leader) });
    expect(h.rows[1]).toMatchObject({ lastSeen: '1F', note: x.sprain });
    expect(h.reportedTwice).toBe(1);

    const section = htmlSection(html, 'headcount');
    for (const v of [s.notAccounted(zhang.name, x.contractor), s.group1F, s.groupNone, s.visitor, s.contractor, s.twice(x.onDuty, x.leader), x.sprain])
      expect(section).toContain(v);
    expect(section).not.toContain('p-001');
    const md = markdownSection(markdown, s.sections.headcount);
    for (const v of [s.notAccounted(zhang.name, x.contractor), `### ${s.group1F}`, s.twice(x.onDuty, x.leader)]) expect(md).toContain(v);
    expect(md).not.toContain('p-003');
    expect(file.contents.headcount.notAccounted).toEqual([zhang.name, x.contractor]);
    expect(file.contents.headcount.people.find((p) => p.key === 'p-001')).toMatchObject({ name: wang.name, reportedTwice: true, lastSeenFloor: '1F' });
  });

  it('says in the ending, in alarm style, who and what were left open, why, by whom and when, and so does the timeline line', () => {
    const o = report.ending.override;
    expect(o?.text).toBe(s.override(x));
    expect(o?.unaccountedText).toBe(s.unaccounted(zhang.name, x.contractor));
    const section = htmlSection(html, 'ending');
    expect(section.startsWith(`${s.sections.ending} ${s.override(x)}`)).toBe(true);
    expect(section).toContain(s.unaccounted(zhang.name, x.contractor));
    expect(html).toMatch(/<div class="alarm-box" role="note" data-testid="end-override">/);
    expect(markdownSection(markdown, s.sections.ending)).toContain(`**${s.override(x)}**`);
    const line = report.timeline.find((t) => t.activity.startsWith(s.overrideLine));
    expect(line?.activity).toContain(x.reason);
    expect(line?.activity).toContain(s.unaccounted(zhang.name, x.contractor));
    expect(parseCsv(csv.slice(1)).some((r) => r[1] === line?.activity)).toBe(true);
    expect(file.contents.endOverride).toMatchObject({
      reason: x.reason,
      unaccounted: [zhang.name, x.contractor],
      openSteps: ['step.respond.evacuate'],
      actor: x.leader,
    });
  });

  it('prints the briefing given with the handover, part by part as in an ICS 201', () => {
    const b = report.roles.handovers[0]?.briefing;
    expect(b?.title).toBe(s.briefingTitle(x.leader));
    expect(b?.parts).toHaveLength(8);
    const section = htmlSection(html, 'roles');
    for (const v of [s.briefingTitle(x.leader), s.situation, ...x.briefing.situation, ...x.briefing.messages, s.missing(zhang.name, x.contractor)])
      expect(section).toContain(v);
    const md = markdownSection(markdown, s.sections.roles);
    expect(md).toContain(`#### ${s.briefingTitle(x.leader)}`);
    for (const v of x.briefing.open) expect(md).toContain(`  - ${v}`);
    expect(file.contents.handovers[0]?.briefing).toEqual({ ...x.briefing, accounted: 3, missing: [zhang.name, x.contractor] });
  });

  it('exports a JSON file that verifies, contents included', () => {
    expect(readReportFile(json).ok).toBe(true);
  });
});
