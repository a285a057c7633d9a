import { describe, expect, it } from 'vitest';
import { buildReport, readReportFile, renderReportHtml, type ReportInput } from '../../src/domain/report';
import type { MusterEvent } from '../../src/domain/event';
import { playbookContentHash } from '../../src/domain/playbook/content-hash';
import { CHINA, floodStory, FLOOD_ID, FLOOD_START, FLOOD_VERSION, shippedPlaybook, type Language } from './stories';

/** A version the shipped playbook is not: this device's copy changed after the incident began. */
const CHANGED = '9.0.0';
import { exportAll, unescapeMarkdown, visibleText } from './support';

/** What the reader must see at the head of the report, per language. */
const see = {
  'zh-CN': {
    playbook: `预案 防汛工作应急预案（flood-emergency，版本 ${FLOOD_VERSION}，zh-CN）`,
    hashLabel: '预案内容哈希值（SHA-256）',
    notRecorded: '预案内容哈希值（SHA-256） 未记录',
    mdPlaybook: `**预案：** 防汛工作应急预案（flood-emergency，版本 ${FLOOD_VERSION}，zh-CN）`,
    mdHash: (hash: string) => `**预案内容哈希值（SHA-256）：** ${hash}`,
    changed: (ran: string, now: string) =>
      `本设备上的预案在本事件开始后已更改：本事件执行的是版本 ${FLOOD_VERSION}（哈希值 ${ran}）；本报告中的预案内容是版本 ${CHANGED}（哈希值 ${now}）。`,
    unrecorded: (now: string) => `本事件开始时未记录预案的哈希值，无法判断预案此后是否更改；本报告中的预案内容是版本 ${FLOOD_VERSION}（哈希值 ${now}）。`,
  },
  en: {
    playbook: `Playbook Flood Emergency Plan (flood-emergency, version ${FLOOD_VERSION}, en)`,
    hashLabel: 'Playbook content hash (SHA-256)',
    notRecorded: 'Playbook content hash (SHA-256) not recorded',
    mdPlaybook: `**Playbook:** Flood Emergency Plan (flood-emergency, version ${FLOOD_VERSION}, en)`,
    mdHash: (hash: string) => `**Playbook content hash (SHA-256):** ${hash}`,
    changed: (ran: string, now: string) =>
      `The playbook on this device has changed since this incident began: the incident ran on version ${FLOOD_VERSION} (hash ${ran}); this report's plan text is version ${CHANGED} (hash ${now}).`,
    unrecorded: (now: string) =>
      `This incident did not record its playbook's hash when it began, so whether the playbook changed since cannot be told; this report's plan text is version ${FLOOD_VERSION} (hash ${now}).`,
  },
} as const;

function floodInput(language: Language, change: { events?: (events: MusterEvent[]) => MusterEvent[]; version?: string } = {}): ReportInput {
  const story = floodStory(language);
  return {
    incidentId: FLOOD_ID,
    events: change.events ? change.events(story.events) : story.events,
    dutyEvents: story.dutyEvents,
    playbook: change.version ? { ...story.playbook, version: change.version } : story.playbook,
    language,
    timeZoneOffsetMinutes: CHINA,
    generatedAt: FLOOD_START + 3 * 86_400_000,
  };
}

/** The head of the printable report, as a reader sees it. */
const htmlHead = (html: string) => visibleText(/<header>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '');
/** The Markdown before the first section, with escapes undone. */
const markdownHead = (markdown: string) => unescapeMarkdown(markdown.slice(0, markdown.indexOf('\n## ')));

/** An incident declared by an older app: no hash in its declaration. */
const withoutHash = (events: MusterEvent[]) =>
  events.map((e) => {
    if (e.type !== 'incident.declared') return e;
    const { playbookHash: _, ...payload } = e.payload;
    return { ...e, payload };
  });

describe.each(['zh-CN', 'en'] as const)('the playbook the night flood ran on, at the head of the report (%s)', (language) => {
  const s = see[language];
  const ran = playbookContentHash(shippedPlaybook('flood', language));

  it('shows the playbook and its whole content hash, as the start screen recorded it, in HTML, Markdown and JSON', () => {
    const { report, html, markdown, json } = exportAll(floodInput(language));
    expect(report.summary.playbook).toEqual({
      id: 'flood-emergency',
      version: FLOOD_VERSION,
      language,
      title: shippedPlaybook('flood', language).title,
      hash: ran,
    });
    expect(report.summary.playbookRun.status).toBe('same');
    const head = htmlHead(html);
    expect(head).toContain(s.playbook);
    expect(head).toContain(`${s.hashLabel} ${ran}`);
    expect(html).toContain(`<span class="hash" data-testid="playbook-hash">${ran}</span>`);
    expect(html).not.toContain('data-testid="playbook-notice"');
    const md = markdownHead(markdown);
    expect(md).toContain(s.mdPlaybook);
    expect(md).toContain(s.mdHash(`\`${ran}\``));
    const file = readReportFile(json);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.file.incidentPlaybook).toEqual({ id: 'flood-emergency', version: FLOOD_VERSION, language, title: report.summary.playbook.title, hash: ran });
    expect(file.file.playbookHash).toBe(ran);
    expect(file.file.playbookNotice).toBeUndefined();
  });

  it('says plainly that the playbook on this device changed since the incident began, with both versions and both hashes', () => {
    const input = floodInput(language, { version: CHANGED });
    const now = playbookContentHash(input.playbook);
    expect(now).not.toBe(ran);
    const { report, html, markdown, json } = exportAll(input);
    expect(report.summary.playbookRun.status).toBe('changed');
    expect(report.summary.playbookTexts.notice).toBe(s.changed(ran, now));
    const head = htmlHead(html);
    expect(head).toContain(s.playbook);
    expect(head).toContain(`${s.hashLabel} ${ran}`);
    expect(head).toContain(s.changed(ran, now));
    expect(html).toContain('class="playbook-notice changed"');
    expect(markdownHead(markdown)).toContain(`**${s.changed(ran, now)}**`);
    const file = readReportFile(json);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.file.playbookNotice).toBe(s.changed(ran, now));
    expect(file.file.incidentPlaybook?.hash).toBe(ran);
    expect(file.file.playbook.version).toBe(CHANGED);
    expect(file.file.playbookHash).toBe(now);
    // Another device opening the file sees the same warning: the recorded hash travels in the events.
    const again = buildReport({ ...input, events: file.events, dutyEvents: file.events, playbook: file.playbook! });
    expect(renderReportHtml(again)).toBe(html);
  });

  it('says "not recorded" for an incident declared before hashes were recorded, and gives the copy’s hash', () => {
    const { report, html, markdown, json } = exportAll(floodInput(language, { events: withoutHash }));
    expect(report.summary.playbook.hash).toBeNull();
    expect(report.summary.playbookRun.status).toBe('unrecorded');
    const head = htmlHead(html);
    expect(head).toContain(s.notRecorded);
    expect(head).toContain(s.unrecorded(ran));
    expect(markdownHead(markdown)).toContain(s.mdHash(language === 'en' ? 'not recorded' : '未记录'));
    expect(markdownHead(markdown)).toContain(`_${s.unrecorded(ran)}_`);
    const file = readReportFile(json);
    expect(file.ok && file.file.incidentPlaybook?.hash).toBeNull();
    expect(file.ok && file.file.playbookNotice).toBe(s.unrecorded(ran));
  });
});

describe('a report worded from the playbook’s twin', () => {
  it('says which language the plan text is in, and does not call the translation a change', () => {
    const input = { ...floodInput('zh-CN'), language: 'en' as const, playbook: shippedPlaybook('flood', 'en') };
    const { report, html } = exportAll(input);
    expect(report.summary.playbookRun.status).toBe('translated');
    expect(report.summary.playbook).toMatchObject({ language: 'zh-CN', hash: playbookContentHash(shippedPlaybook('flood', 'zh-CN')) });
    expect(htmlHead(html)).toContain(
      `This report's plan text is the playbook's en text, version ${FLOOD_VERSION} (hash ${playbookContentHash(input.playbook)}); the hash above is of the zh-CN text the incident ran on.`,
    );
    expect(html).not.toContain('playbook-notice changed');
  });
});
