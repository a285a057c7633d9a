import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { buildReport, readReportFile, renderReportHtml } from '../../src/domain/report';
import { hostileIncident } from '../report/injection';
import { pdfPageTexts } from '../report/pdf-text';
import { CHINA, floodStory, floodTexts, FLOOD_ID, FLOOD_START } from '../report/stories';
import { axeViolations, newSession, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const out = join(ROOT, '.tmp', 'screens');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function printToPdf(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
}

const paper = {
  'zh-CN': {
    // Six since issue 18: the readings the flood plan takes (measurements), charted and listed.
    pages: 6,
    pageOf: (n: number, of: number) => `第 ${n} 页，共 ${of} 页`,
    title: '事后总结报告',
    summary: '概况',
    sections: [
      '时间线',
      '对照预案的步骤执行情况',
      '岗位与指挥移交',
      '人员清点',
      '测量记录',
      '事件期间的值班日记',
      '损失与损坏',
      '物资',
      '事件结束',
      '事后总结',
      '整改计划',
      '完整性校验',
    ],
    signatures: ['签字', '报告人', '现场指挥', '批准人', '姓名：张行长'],
    total: '估计合计：4,200',
  },
  en: {
    // Seven since format 2: the sealed header block and the delivering-device column of the timeline;
    // eight since issue 18: the readings the flood plan takes (measurements), charted and listed.
    pages: 8,
    pageOf: (n: number, of: number) => `Page ${n} of ${of}`,
    title: 'After-action report',
    summary: 'Summary',
    sections: [
      'Timeline',
      'Steps against the plan',
      'Roles and command handovers',
      'Headcount',
      'Measurements',
      'Duty log during the incident',
      'Losses and damage',
      'Supplies',
      'End of the incident',
      'After-action review',
      'Improvement plan',
      'Integrity',
    ],
    signatures: ['Signatures', 'Prepared by', 'On-site commander', 'Approved by', 'Name: President Zhang'],
    total: 'Estimated total: 4,200',
  },
} as const;

describe.each(['zh-CN', 'en'] as const)('the printed night-flood report (%s)', (language) => {
  it('prints on A4 with a page number on every page, every section, the final hash and the signature block last', async () => {
    const story = floodStory(language);
    const report = buildReport({
      incidentId: FLOOD_ID,
      events: story.events,
      dutyEvents: story.dutyEvents,
      playbook: story.playbook,
      language,
      timeZoneOffsetMinutes: CHINA,
      generatedAt: FLOOD_START + 3 * 86_400_000,
    });
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    const pdf = await printToPdf(page, renderReportHtml(report));
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `report-flood-${language}.pdf`), pdf);

    const raw = pdf.toString('latin1');
    const mediaBoxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(mediaBoxes.length).toBe(paper[language].pages);
    expect(mediaBoxes.every(([w, h]) => w === 595 && h === 842)).toBe(true); // A4 in points

    const pages = pdfPageTexts(pdf);
    const x = paper[language];
    expect(pages).toHaveLength(x.pages);
    pages.forEach((text, i) => expect(text).toContain(x.pageOf(i + 1, x.pages)));
    expect(pages[0]).toContain(x.title);
    expect(pages[0]).toContain(x.summary);
    expect(pages[0]).toContain(floodTexts[language].title);
    expect(pages[0]).toContain('2026-07-14 02:00:00');
    const all = pages.join('\n');
    for (const heading of x.sections) expect(all).toContain(heading);
    expect(all).toContain(x.total);
    expect(all).toContain(floodTexts[language].dutyText);
    const last = pages.at(-1) ?? '';
    for (const s of x.signatures) expect(last).toContain(s);
    expect(last.replace(/\s+/g, '')).toContain(report.integrity.finalHash);
  });
});

describe('hostile text in a printed report', () => {
  it('runs nothing when the report is opened in Chromium, and still prints', async () => {
    const html = renderReportHtml(buildReport(hostileIncident('en')));
    session = await newSession({ locale: 'en' });
    const page = await session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const pdf = await printToPdf(page, html);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img, svg, a, iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    expect(pdfPageTexts(pdf).join('\n')).toContain('<script>window.__pwned = 1</script>');
  });
});

// The panel and the viewer are mounted by IncidentPage.tsx (a "Report" tab) and App.tsx
// (/reports/view); until both are wired in, this story cannot be driven through the screens.
const mounted =
  readFileSync(join(ROOT, 'src/features/incident/IncidentPage.tsx'), 'utf8').includes('ReportPanel') &&
  readFileSync(join(ROOT, 'src/app/App.tsx'), 'utf8').includes('ReportViewer');

describe.skipIf(!mounted)('the report tab and the report viewer', () => {
  it('the on-duty leader exports a short drill in Chinese, and another phone opens the JSON read-only and intact', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel('演练', { exact: true }).check();
    await page.getByLabel(/标题/).fill('防汛演练 <b>一</b>');
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const tabs = page.getByRole('navigation', { name: /事件分栏/ });
    await tabs.getByRole('link', { name: '步骤' }).click();
    await page.getByTestId('step-step.command.interim').getByRole('button', { name: '完成' }).click();
    await expect.poll(() => page.getByTestId('step-step.command.interim').getAttribute('data-status')).toBe('done');

    await tabs.getByRole('link', { name: '报告' }).click();
    const panel = page.getByTestId('report-panel');
    await panel.getByLabel(/报告语言/).selectOption('en');
    // Print: the report goes into a frame of its own and the browser's print dialog opens on it.
    await panel.getByTestId('report-print').click();
    await expect.poll(() => page.frameLocator('[data-testid="report-print-frame"]').locator('h1').textContent()).toBe('Drill report');
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('report-download-html').click()]);
    expect(htmlDownload.suggestedFilename()).toMatch(/\.html$/);
    const html = readFileSync((await htmlDownload.path()) ?? '', 'utf8');
    expect(html).toContain('Drill report');
    expect(html).toContain('防汛演练 &lt;b&gt;一&lt;/b&gt;');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('report-download-csv').click()]);
    expect(readFileSync((await csvDownload.path()) ?? '', 'utf8').startsWith('\uFEFF"Date and time')).toBe(true);
    const [mdDownload] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('report-download-md').click()]);
    expect(readFileSync((await mdDownload.path()) ?? '', 'utf8')).toContain('# Drill report');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('report-download-json').click()]);
    const jsonPath = (await jsonDownload.path()) ?? '';
    const file = readReportFile(readFileSync(jsonPath, 'utf8'));
    expect(file.ok && file.events.length).toBe(2);
    await page.screenshot({ path: join(out, 'report-panel-zh-CN.png'), fullPage: true });
    expect(await axeViolations(page, '[data-testid="report-panel"]')).toEqual([]);

    // Another phone opens the file.
    const other = await session.context.newPage();
    await other.goto(`${baseUrl}/reports/view`);
    await other.getByTestId('report-file').setInputFiles(jsonPath);
    await expect.poll(() => other.getByTestId('report-integrity').textContent()).toContain('完整');
    const frame = other.frameLocator('[data-testid="report-view"]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('演练总结报告');
    expect(await frame.locator('#summary').textContent()).toContain('防汛演练 <b>一</b>');
    expect(await other.getByRole('button', { name: '完成' }).count()).toBe(0);
    expect(await axeViolations(other, '[data-testid="report-viewer"]')).toEqual([]);
    await other.screenshot({ path: join(out, 'report-viewer-zh-CN.png'), fullPage: true });
    await other.getByTestId('report-view').scrollIntoViewIfNeeded();
    await other.screenshot({ path: join(out, 'report-viewer-frame-zh-CN.png') });

    // A file changed by hand is named as altered, with the event.
    const altered = readFileSync(jsonPath, 'utf8').replace('"stepId":"step.command.interim"', '"stepId":"step.command.on-site"');
    const alteredPath = join(out, 'altered-report.json');
    writeFileSync(alteredPath, altered);
    await other.getByTestId('report-file').setInputFiles(alteredPath);
    await expect.poll(() => other.getByTestId('report-integrity').textContent()).toMatch(/第 2 条记录（[^）]+）起被改动/);
  });
});
