import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportReportJson } from '../../src/domain/report';
import { CHINA, floodStory, FLOOD_ID, FLOOD_START } from '../report/stories';
import { axeViolations, newSession, PHONE, type Session } from './browser';
import { admin, DIST, enrolmentLink, ROOT, startServer, type RunningServer } from './server-process';

// What a new user hit in the field (issue 18, part 7), each on a 390 × 844 phone in real Chromium.

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });
const LANGUAGES = ['zh-CN', 'en'] as const;

/** A link pasted into a note, and a word with no place to break (a German compound, a serial number). */
const LONG_URL = 'https://example.com/photos/flood/2026/07/14/basement-east-door/IMG_20260714_021045_HDR_full_resolution_original.jpg';
const LONG_WORD = 'Notfallausrüstungskellergeschossostflügelzwischenlagersandsäcke';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The page scrolls sideways when the document is wider than the window: on a phone, a lost edge. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement?.scrollWidth ?? 0, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where} is wider than the phone`).toBeLessThanOrEqual(innerWidth);
}

/** A flood playbook whose title and first step carry an unbreakable word and a URL, in `language`. */
function longWordsPlaybook(language: (typeof LANGUAGES)[number]): Buffer {
  const plan = JSON.parse(readFileSync(join(ROOT, 'scenarios', `flood.${language}.json`), 'utf8')) as {
    id: string;
    title: string;
    phases: { steps: { text: string }[] }[];
  };
  plan.id = 'flood-long-words';
  plan.title = `${plan.title} ${LONG_WORD}`;
  const first = plan.phases[0]?.steps[0];
  if (first) first.text = `${first.text} ${LONG_URL}`;
  return Buffer.from(JSON.stringify(plan, null, 2));
}

/** Starts a flood incident from the start form with a long name and place; answers its address. */
async function startFlood(page: Page, planId?: string): Promise<string> {
  await page.goto(`${baseUrl}/incidents/new?kind=flood`);
  if (planId) await page.getByTestId(`plan-${planId}`).click();
  await expectNoSidewaysScroll(page, 'start form');
  await page.getByLabel(/标题|Title/).fill(`Flood ${LONG_WORD}`);
  await page.getByLabel(/地点|Place/).fill(LONG_WORD);
  await page.getByTestId('actor-name').fill(`Wang${LONG_WORD}`);
  await page.getByTestId('start-incident').click();
  await page.waitForURL(/\/incidents\/inc-/);
  return page.url().split('?')[0] ?? '';
}

describe.each(LANGUAGES)('long unbroken text on a phone (%s)', (language) => {
  it('a long playbook title, a URL in a step and a long commander’s name wrap inside the 390 px screen', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles({ name: 'flood-long-words.json', mimeType: 'application/json', buffer: longWordsPlaybook(language) });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain(LONG_WORD);
    await page.goto(`${baseUrl}/playbooks`);
    await page.getByText(LONG_WORD).first().waitFor();
    await expectNoSidewaysScroll(page, 'playbook library');
    await page.goto(`${baseUrl}/playbooks/flood-long-words/${language}`);
    await page.getByText(LONG_URL).first().waitFor();
    await expectNoSidewaysScroll(page, 'playbook reader');

    // The start form lists the long-titled plan beside the shipped one.
    const incident = await startFlood(page, 'flood-long-words');
    await page.goto(`${incident}?tab=steps`);
    await expect.poll(() => page.getByTestId('commander').textContent()).toContain(LONG_WORD);
    await expect.poll(() => page.getByTestId('step-step.command.interim').textContent()).toContain(LONG_URL);
    await expectNoSidewaysScroll(page, 'steps');
    await page.screenshot({ path: join(shots, `field-long-step-${language}.png`) });
    await page.goto(`${incident}?tab=roles`);
    await page.getByRole('navigation', { name: /事件分栏|Incident sections/ }).waitFor();
    await expectNoSidewaysScroll(page, 'roles');
  });

  it('a URL in a note and in the duty log, and a long loss wrap inside the 390 px screen', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    const incident = await startFlood(page);
    // Written while the incident is open, so the incident's duty-log tab shows it too.
    await page.goto(`${baseUrl}/duty-log`);
    await page.getByTestId('duty-site').fill(`xx支行${LONG_WORD}`);
    await page.getByTestId('duty-site').press('Enter');
    await page.getByTestId('duty-text').fill(`02:10 ${LONG_URL}`);
    await page.getByTestId('duty-submit').click();
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain(LONG_URL);
    await expectNoSidewaysScroll(page, 'duty log');

    await page.goto(`${incident}?tab=timeline`);
    await page.getByTestId('note-text').fill(`${language === 'en' ? 'Photos at' : '照片见'} ${LONG_URL}`);
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(LONG_URL);
    await expectNoSidewaysScroll(page, 'timeline');
    // The note is whole, wrapped inside its card, not cut off.
    const box = await page.getByTestId('timeline').locator(':scope > li').filter({ hasText: LONG_URL }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await page.screenshot({ path: join(shots, `field-long-url-timeline-${language}.png`) });

    await page.goto(`${incident}?tab=log`);
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain(LONG_URL);
    await expectNoSidewaysScroll(page, 'the incident’s duty log');

    await page.goto(`${incident}?tab=losses`);
    const loss = page.getByTestId('loss-form');
    await loss.getByLabel(/^物品$|^What$/).fill(LONG_WORD);
    await loss.getByLabel(/^地点$|^Where$/).fill(LONG_URL);
    await loss.getByLabel(/^数量$|^Quantity$/).fill('3');
    await loss.getByLabel(/估计价值|Estimated value/).fill('1200');
    await loss.getByRole('button', { name: /登记损失|Record loss/ }).click();
    await expect.poll(() => page.getByTestId('losses').textContent()).toContain(LONG_URL);
    const used = page.getByTestId('supplies-used-form');
    await used.getByLabel(/^物资$|^Item$/).fill(LONG_WORD);
    await used.getByRole('button').click();
    await expect.poll(() => page.getByTestId('supplies-used').textContent()).toContain(LONG_WORD);
    await expectNoSidewaysScroll(page, 'losses');
    // The amount keeps its digits on one line beside the long words.
    const amountLines = await page
      .getByTestId('losses')
      .locator('tbody td')
      .nth(3)
      .evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getClientRects().length;
      });
    expect(amountLines).toBe(1);
    await page.screenshot({ path: join(shots, `field-long-losses-${language}.png`), fullPage: true });
  });
});

describe.each(LANGUAGES)('the start form at 200 %% text (%s)', (language) => {
  it('neither the kind choice nor the form scrolls sideways on a 390 px phone', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').waitFor();
    // 200 % text, as test/e2e/insecure.e2e.ts sets it: the root size is 18 px in app.css.
    await page.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    await expectNoSidewaysScroll(page, 'kind choice at 200 %');
    await page.screenshot({ path: join(shots, `field-start-kind-200-${language}.png`) });
    await page.getByTestId('start-kind-flood').click();
    await page.getByTestId('start-incident').waitFor();
    await expectNoSidewaysScroll(page, 'start form at 200 %');
    // Every radio keeps a size a thumb can hit beside its wrapped label.
    for (const radio of await page.locator('input[type=radio]').all()) expect((await radio.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: join(shots, `field-start-form-200-${language}.png`), fullPage: true });
  });
});

/** Relative luminance (WCAG) of a CSS `rgb(…)` colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe('the offline banner in dark mode', () => {
  it.each(LANGUAGES)('stays dark on a dark screen, with text that passes contrast (%s)', async (language) => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('language-toggle').waitFor();
    await session.context.setOffline(true);
    const banner = page.getByTestId('offline-indicator');
    await banner.waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    const colours = await banner.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
    // Not the bright white strip it was (#f2f2f2): darker than mid-grey, with light text on it.
    expect(luminance(colours.background)).toBeLessThan(0.1);
    expect(luminance(colours.text)).toBeGreaterThan(0.6);
    expect(await axeViolations(page, '[data-testid="offline-indicator"]')).toEqual([]);
    await page.screenshot({ path: join(shots, `field-offline-dark-${language}.png`) });
    // In light mode it stays the dark strip on the light page it always was.
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await axeViolations(page, '[data-testid="offline-indicator"]')).toEqual([]);
  });
});

describe('on an enrolled phone', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', 'riverside');
  });
  afterAll(async () => {
    await server.stop();
  });

  /** How many lines the app's name takes in the top bar: one rectangle per line of its text. */
  const titleLines = (page: Page) =>
    page.locator('.topbar .brand').evaluate((brand) => {
      const range = document.createRange();
      range.selectNodeContents(brand);
      return range.getClientRects().length;
    });

  it('the Chinese top bar keeps "Muster 应急指挥" on one line once the sync badge shows, with records waiting', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(enrolmentLink(server, 'riverside', 'phone-zh'));
    await page.getByTestId('sync-badge').waitFor({ timeout: 30_000 });
    // Records written with no network: the badge says how many wait, its longest everyday text.
    await page.goto(`${server.url}/duty-log`);
    await page.getByTestId('sync-badge').waitFor();
    await session.context.setOffline(true);
    await page.getByTestId('duty-site').fill('xx支行');
    await page.getByTestId('duty-site').press('Enter');
    for (const text of ['22:00 接班', '02:10 负一层进水约 20 厘米']) {
      await page.getByTestId('duty-text').fill(text);
      await page.getByTestId('duty-submit').click();
    }
    await expect.poll(() => page.getByTestId('sync-badge').textContent(), { timeout: 15_000 }).toMatch(/条待发送/);
    expect(await page.locator('.topbar .brand').textContent()).toBe('Muster 应急指挥');
    expect(await titleLines(page)).toBe(1);
    await expectNoSidewaysScroll(page, 'top bar');
    // The badge and the language switch are whole and on the screen.
    for (const id of ['sync-badge', 'language-toggle']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    }
    await page.screenshot({ path: join(shots, 'field-topbar-badge-zh-CN.png'), clip: { x: 0, y: 0, width: PHONE.width, height: 220 } });
    // At 200 % text the name may take a line of its own, and then breaks only between its words.
    await page.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    await expectNoSidewaysScroll(page, 'top bar at 200 %');
    const words = await page.locator('.topbar .brand').evaluate((brand) => {
      const text = brand.firstChild;
      if (!text) return [];
      const range = document.createRange();
      return Array.from(text.textContent ?? '', (_, i) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return Math.round(range.getBoundingClientRect().top);
      });
    });
    // "应急指挥" (the last four characters) stays on one line.
    expect(new Set(words.slice(-4)).size).toBe(1);
  });
});

describe.each(LANGUAGES)('"my floor" (%s)', (language) => {
  it('only "This is my floor" sets it: looking at another floor’s route leaves it alone', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/routes/fire-evacuation/west-main/floor-7`);
    await page.getByTestId('floor-route').waitFor();
    await page.getByTestId('set-my-floor').click();
    await page.getByTestId('my-floor-saved').waitFor();
    await page.screenshot({ path: join(shots, `field-my-floor-saved-${language}.png`) });

    // A colleague's floor, looked at: still offered as "This is my floor", not taken as mine.
    await page.goto(`${baseUrl}/routes/fire-evacuation/west-main/floor-2`);
    await page.getByTestId('floor-route').waitFor();
    await page.getByTestId('set-my-floor').waitFor();
    expect(await page.getByTestId('my-floor-saved').count()).toBe(0);

    await page.goto(`${baseUrl}/routes`);
    const floor7 = language === 'en' ? 'West main building Floor 7' : '西主楼 7楼';
    await expect.poll(() => page.getByTestId('my-floor').textContent()).toContain(floor7);
    await page.getByTestId('my-floor').click();
    await page.waitForURL(/\/floor-7$/);
    await page.getByTestId('my-floor-saved').waitFor();
  });
});

describe.each([
  ['zh-CN', '同步'],
  ['en', 'Sync'],
] as const)('/sync (%s)', (language, title) => {
  it('says its heading once, as the one h1', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/sync`);
    await page.locator('.sync-panel').waitFor();
    expect(await page.locator('h1').allTextContents()).toEqual([title]);
    expect(await page.getByRole('heading', { name: title, exact: true }).count()).toBe(1);
    // The panel is still named by it for a screen reader.
    expect(await page.getByRole('region', { name: title, exact: true }).count()).toBe(1);
  });
});

describe.each([
  ['zh-CN', '是导出的事件报告记录，不是预案。请在报告查看器中打开它。', '打开报告查看器'],
  ['en', 'is an exported incident report, not a playbook. Open it in the report viewer.', 'Open the report viewer'],
] as const)('importing a report as a playbook (%s)', (language, says, open) => {
  it('says in one line that it is a report and leads to the report viewer, which opens it', async () => {
    const story = floodStory(language);
    const report = exportReportJson({
      incidentId: FLOOD_ID,
      events: story.events,
      dutyEvents: story.dutyEvents,
      playbook: story.playbook,
      language,
      timeZoneOffsetMinutes: CHINA,
      generatedAt: FLOOD_START + 86_400_000,
    });
    const file = { name: 'muster-record-2026-07-14-inc-flood.json', mimeType: 'application/json', buffer: Buffer.from(report) };
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    const refusal = page.getByTestId('import-not-a-playbook');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`${file.name} ${says}`);
    // Not the schema's 21 missing fields.
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await page.locator('.issues li').count()).toBe(0);
    expect(await axeViolations(page, '[data-testid="import-result"]')).toEqual([]);
    await page.screenshot({ path: join(shots, `field-import-report-${language}.png`) });

    await page.getByRole('link', { name: open }).click();
    await page.waitForURL(/\/reports\/view$/);
    await page.getByTestId('report-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('report-integrity').getAttribute('class')).toContain('ok');

    // A spreadsheet is named as one.
    await page.goto(`${baseUrl}/playbooks/import`);
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'ics214.csv', mimeType: 'text/csv', buffer: Buffer.from('Time,Who,What\r\n02:00,Wang,Started\r\n') });
    await expect
      .poll(() => page.getByTestId('import-not-a-playbook').textContent())
      .toMatch(language === 'en' ? /not a playbook: it looks like a table \(CSV\)/ : /不是预案：它看起来是一张表格（CSV）/);
  });
});
