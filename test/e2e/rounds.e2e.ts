import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cameraJpeg } from '../fixtures/photo-camera';
import { PHONE, axeViolations, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT } from './server-process';

// The fire warden's daily check of the archives room, done on a phone with no signal: one
// extinguisher is low, photographed and ordered rectified; the round is completed and home's
// count of rounds due today drops by that area. The finding is closed with evidence, the round
// report for this month is exported (HTML and CSV) and says so. The branch sets its flood season,
// and the flood preparation round becomes due. Then the same round in Chinese.

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });
const UI = { timeout: 20_000 };
const FINDING = 'Extinguisher by the archive door: pressure in the red';
const EVIDENCE = 'Extinguisher replaced on the same day; new one checked and tagged';

/**
 * Opens the app once online (so the service worker holds every file), then takes the phone
 * offline. With `at`, the page's clock starts then, in Beijing's zone, and moves only when the test moves it.
 */
async function offlinePhone(locale: string, at?: Date): Promise<{ session: Session; page: Page }> {
  const session = await newSession({ locale, viewport: PHONE });
  const page = await session.context.newPage();
  if (at) {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' });
    await page.clock.install({ time: at });
  }
  await page.goto(baseUrl);
  await page.getByTestId('routes-entry').waitFor();
  await waitForServiceWorkerControl(page);
  await session.context.setOffline(true);
  return { session, page };
}

/** "5 due today" → 5. */
async function dueToday(page: Page): Promise<number> {
  const text = (await page.getByTestId('home-rounds-due-today').textContent()) ?? '';
  const n = /\d+/.exec(text)?.[0];
  if (n === undefined) throw new Error(`no count in "${text}"`);
  return Number(n);
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^(Home|首页)$/ }).click();
  await page.getByTestId('home-rounds-due').waitFor();
}

/** The CSV's rows as arrays of fields (every field quoted, CRLF between rows, a BOM first). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

describe('the daily fire round of the archives room, on a phone with no signal (English)', () => {
  let session: Session;
  let page: Page;
  let roundUrl = '';
  let before = 0;

  beforeAll(async () => {
    ({ session, page } = await offlinePhone('en-GB'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('home shows the inspections due today, and /rounds lists each area with Start', async () => {
    await page.reload();
    const card = page.getByTestId('home-rounds-due');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Inspections\d+ due today0 overdue/);
    before = await dueToday(page);
    expect(before).toBeGreaterThanOrEqual(5); // the five key areas' daily check, at least
    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Inspections' }).waitFor();
    const archives = page.locator('[data-testid="round-fire-evacuation-daily"] [data-area="archives"]');
    expect(await archives.getAttribute('data-status')).toBe('due');
    expect(await archives.textContent()).toContain('Due today');

    // Starting asks who does the round: the name is what every record carries.
    await archives.getByTestId('round-start').click();
    await expect.poll(() => page.getByRole('alert').textContent(), UI).toContain('Enter your name first');
    await page.getByTestId('rounds-inspector-name').fill('Wang An');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('rounds-inspector').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the warden checks each item, records the low extinguisher with a photo, and completes the round', async () => {
    await page.locator('[data-testid="round-fire-evacuation-daily"] [data-area="archives"] [data-testid="round-start"]').click();
    await page.waitForURL(/\/rounds\/round-/);
    roundUrl = page.url();
    await page.getByRole('heading', { level: 1, name: /Daily fire check.*Archives room/ }).waitFor();
    const items = page.getByTestId('round-item');
    const count = await items.count();
    expect(count).toBe(7);
    expect(await axeViolations(page)).toEqual([]);

    // Each result is a big target.
    const box = await items.first().getByTestId('result-pass').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThanOrEqual(48);

    await items.nth(0).getByTestId('result-pass').click();
    await expect.poll(() => items.nth(0).getAttribute('data-result'), UI).toBe('pass');
    await items.nth(2).getByTestId('result-finding').click();
    const form = page.getByTestId('finding-form');
    await form.waitFor();
    // The owner and the deadline come from the round's rule: the fire-prevention owners, in 7 days.
    expect(await form.getByTestId('finding-owner').inputValue()).toContain('fire prevention');
    const due = await form.getByTestId('finding-due').inputValue();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    expect(Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000)).toBe(7);
    await form.getByTestId('finding-description').fill(FINDING);
    await form.getByTestId('finding-severity-major').check();
    const photo = await cameraJpeg(page, { width: 1200, height: 900 });
    await form.getByTestId('note-photo-input').setInputFiles({ name: 'IMG_0007.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => form.getByTestId('note-photos').locator('img').count(), UI).toBe(1);
    expect(await axeViolations(page, '[data-testid="finding-form"]')).toEqual([]);
    await form.getByTestId('finding-save').click();
    await expect.poll(() => items.nth(2).getAttribute('data-result'), UI).toBe('finding');
    expect(await items.nth(2).getByTestId('round-finding').textContent()).toContain(FINDING);

    for (let i = 0; i < count; i++) if (i !== 2 && i !== 0) await items.nth(i).getByTestId('result-pass').click();
    await expect.poll(() => page.getByTestId('round-progress').textContent(), UI).toBe('7 of 7 items checked');
    await page.getByTestId('round-complete').click();
    await expect.poll(() => page.getByTestId('round-completed').textContent(), UI).toContain('Completed');
    expect(await page.getByTestId('round-completed').textContent()).toContain('Wang An');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('home’s count of rounds due today drops by the archives room, and the finding waits to be rectified', async () => {
    await goHome(page);
    await expect.poll(() => dueToday(page), UI).toBe(before - 1);
    expect(await page.getByTestId('home-rounds-findings').textContent()).toBe('One finding to rectify');
    await page.getByTestId('home-rounds-due').click();
    const archives = page.locator('[data-testid="round-fire-evacuation-daily"] [data-area="archives"]');
    await expect.poll(() => archives.getAttribute('data-status'), UI).toBe('done');
    const finding = page.getByTestId('open-finding');
    expect(await finding.textContent()).toContain(FINDING);
    expect(await finding.textContent()).toContain('Major hazard');
    expect(await finding.textContent()).toContain('Archives room');
  });

  it('the finding is closed with evidence (evidence is required)', async () => {
    await page.getByTestId('open-finding').getByRole('link').click();
    const view = page.getByTestId('rectification');
    await view.waitFor();
    expect(await view.getAttribute('data-status')).toBe('open');
    // The photo taken with the finding is shown from the phone.
    await expect.poll(() => view.locator('[data-testid="timeline-photos"] img').count(), UI).toBe(1);
    await page.getByTestId('rect-close').click();
    await page.getByTestId('rect-save').click();
    await expect.poll(() => page.getByRole('alert').textContent(), UI).toBe('Closing needs the evidence.');
    await page.getByTestId('rect-text').fill(EVIDENCE);
    await page.getByTestId('rect-save').click();
    await expect.poll(() => view.getAttribute('data-status'), UI).toBe('closed');
    expect(await page.getByTestId('rect-history').textContent()).toContain(EVIDENCE);
    expect(await page.getByTestId('rectification-status').textContent()).toBe('Rectified');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the round report for this month says what was done and found, in HTML and CSV', async () => {
    await page.goto(`${baseUrl}/rounds/report`); // offline: the service worker serves the app
    await page.getByTestId('report-rows').waitFor();
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('round-report-html').click()]);
    expect(htmlDownload.suggestedFilename()).toMatch(/^muster-rounds-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}-en\.html$/);
    const html = readFileSync((await htmlDownload.path()) ?? '', 'utf8');
    expect(html).toContain('Archives room');
    expect(html).toContain(FINDING);
    expect(html).toContain(EVIDENCE);
    expect(html).toContain('data-testid="round-summary"');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('round-report-csv').click()]);
    const rows = csvRows(readFileSync((await csvDownload.path()) ?? '', 'utf8'));
    const head = rows[0] ?? [];
    const col = (name: string) => head.indexOf(name);
    const archives = rows.find((r) => r[col('Section')] === 'Summary' && r[col('Round')]?.startsWith('Daily fire check') && r[col('Area')] === 'Archives room');
    expect(archives).toBeDefined();
    // Done against due: today's window is done; the days before it this month were due and not done.
    expect(archives?.[col('Done')]).toBe('1');
    expect(Number(archives?.[col('Due')])).toBeGreaterThanOrEqual(1);
    expect(archives?.[col('Found')]).toBe('1');
    expect(archives?.[col('Closed')]).toBe('1');
    const bankingHall = rows.find(
      (r) => r[col('Section')] === 'Summary' && r[col('Round')]?.startsWith('Daily fire check') && r[col('Area')] === 'Banking hall',
    );
    expect(bankingHall?.[col('Done')]).toBe('0');
    const finding = rows.find((r) => r[col('Section')] === 'Finding');
    expect(finding?.[col('Area')]).toBe('Archives room');
    expect(finding?.join(' ')).toContain(FINDING);
    expect(finding?.[col('Status')]).toBe('Rectified');
  });

  it('the branch sets its flood season start (a bad date is refused with why), and the flood preparation round is due', async () => {
    await page.getByRole('link', { name: 'Back to inspections' }).click();
    const flood = page.getByTestId('round-flood-emergency-flood-season-prep');
    const row = flood.getByTestId('round-area');
    expect(await row.getAttribute('data-status')).toBe('no-season-date');
    await flood.getByTestId('season-input').fill('June 1');
    await flood.getByTestId('season-save').click();
    await expect.poll(() => flood.getByTestId('season-problem').textContent(), UI).toBe('Write the month and the day as MM-DD, for example 06-01.');
    await flood.getByTestId('season-input').fill('02-30');
    await flood.getByTestId('season-save').click();
    await expect.poll(() => flood.getByTestId('season-problem').textContent(), UI).toBe('There is no such day in the calendar: 02-30.');
    // A season a month from now: the round is due before it.
    const startsOn = await page.evaluate(() => {
      const d = new Date(Date.now() + 30 * 86_400_000);
      return `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await flood.getByTestId('season-input').fill(startsOn);
    await flood.getByTestId('season-save').click();
    // Due later than today: the round moves among those due later in their period, folded but one tap away.
    await page.getByTestId('rounds-later').locator('summary').click();
    const later = page.getByTestId('round-flood-emergency-flood-season-prep');
    await expect.poll(() => later.getByTestId('round-area').getAttribute('data-status'), UI).toBe('due');
    expect(await later.getByTestId('season-date').textContent()).toContain(startsOn);
    expect(await later.getByTestId('round-area').textContent()).toMatch(/Due by \d{4}-\d{2}-\d{2}/);
    expect(await later.getByTestId('round-start').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The round done earlier is still there to read.
    await page.goto(roundUrl);
    await page.getByTestId('round-completed').waitFor();
  });
});

describe('the same round in Chinese, offline, on 10 March 2026 in Beijing', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await offlinePhone('zh-CN', new Date('2026-03-10T09:00:00+08:00')));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the duty officer checks the banking hall and records a finding in Chinese', async () => {
    await page.reload();
    await page.getByTestId('home-rounds-due').waitFor();
    expect(await page.getByTestId('home-rounds-due').textContent()).toContain('今日待检');
    const before = await dueToday(page);
    await page.getByTestId('home-rounds-due').click();
    await page.getByRole('heading', { level: 1, name: '安全检查' }).waitFor();
    await page.getByTestId('rounds-inspector-name').fill('王安全');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const hall = page.locator('[data-testid="round-fire-evacuation-daily"] [data-area="banking-hall"]');
    expect(await hall.textContent()).toContain('营业室');
    expect(await hall.textContent()).toContain('今日待检');
    expect(await axeViolations(page)).toEqual([]);
    await hall.getByRole('button', { name: /开始检查/ }).click();
    await page.getByRole('heading', { level: 1, name: /每日防火检查.*营业室/ }).waitFor();

    const items = page.getByTestId('round-item');
    await items.nth(0).getByRole('button', { name: '有隐患' }).click();
    const form = page.getByTestId('finding-form');
    expect(await form.getByLabel('整改期限').inputValue()).toBe('2026-03-17');
    await form.getByLabel('隐患描述').fill('营业室东侧灭火器被柜台遮挡');
    await form.getByLabel('一般隐患').check();
    expect(await form.getByLabel('整改责任人').inputValue()).toContain('防火责任');
    await form.getByRole('button', { name: '保存隐患' }).click();
    await expect.poll(() => items.nth(0).getAttribute('data-result'), UI).toBe('finding');
    expect(await items.nth(0).getByTestId('round-finding').textContent()).toContain('整改中');
    const count = await items.count();
    for (let i = 1; i < count; i++) await items.nth(i).getByRole('button', { name: '合格' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '完成检查' }).click();
    await expect.poll(() => page.getByTestId('round-completed').textContent(), UI).toContain('王安全 已于');

    await goHome(page);
    await expect.poll(() => dueToday(page), UI).toBe(before - 1);
    expect(await page.getByTestId('home-rounds-findings').textContent()).toBe('待整改隐患 1 项');
  });

  it('nine days on, with no round done since, the daily rounds and the finding are overdue, in the alarm style', async () => {
    await page.clock.fastForward(9 * 24 * 3600_000);
    const card = page.getByTestId('home-rounds-due');
    await expect.poll(() => card.getAttribute('class'), UI).toContain('alarm');
    // Yesterday's window was missed for every key area (and the first half of March for the office round).
    expect(Number(/\d+/.exec((await page.getByTestId('home-rounds-overdue').textContent()) ?? '')?.[0])).toBeGreaterThanOrEqual(5);
    await card.click();
    const hall = page.locator('[data-testid="round-fire-evacuation-daily"] [data-area="banking-hall"]');
    await expect.poll(() => hall.getAttribute('data-status'), UI).toBe('overdue');
    expect(await hall.textContent()).toContain('逾期');
    expect(await page.getByTestId('rounds-summary').getAttribute('class')).toContain('alarm-box');
    const finding = page.getByTestId('open-finding');
    expect(await finding.getAttribute('data-status')).toBe('overdue');
    expect(await finding.textContent()).toContain('逾期未整改');
    expect(await finding.textContent()).toContain('整改期限：2026-03-17');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'rounds-overdue-phone-zh.png'), fullPage: true });
  });
});
