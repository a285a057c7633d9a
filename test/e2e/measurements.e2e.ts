import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, PHONE, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The water at the door of the shipped flood playbook: cm, warns at a rise of 10 cm within 30 min. */
const DOOR = 'measure.water.entrance';
const KEY_AREA = 'measure.water.key-area';

const texts = {
  'zh-CN': {
    title: '门前进水',
    onDuty: '王值班',
    none: '尚无读数',
    empty: '请输入读数（数字）。',
    notANumber: '“abc”不是数字。只输入数字，小数用小数点，例如 12 或 12.5。',
    latest: (value: string) => new RegExp(`^最新：${value} · \\d\\d:\\d\\d，王值班$`),
    rise: '上涨过快：24 分钟内上涨 11 cm（预案：30 分钟内 10 cm 即预警）',
    chart: /^门前积水深度的变化趋势：\d\d:\d\d 5 cm；\d\d:\d\d 9 cm；\d\d:\d\d 16 cm$/,
    reason: '看错刻度',
    strike: '划去',
  },
  en: {
    title: 'Water at the door',
    onDuty: 'Wang on duty',
    none: 'No reading yet',
    empty: 'Type the reading as a number.',
    notANumber: '“abc” is not a number. Type digits only, with a point for decimals, e.g. 12 or 12.5.',
    latest: (value: string) => new RegExp(`^Latest: ${value} · \\d\\d:\\d\\d, Wang on duty$`),
    rise: 'Rising fast: +11 cm in 24 min (plan: 10 cm in 30 min)',
    chart: /^Trend of Water depth at the door: 5 cm at \d\d:\d\d; 9 cm at \d\d:\d\d; 16 cm at \d\d:\d\d$/,
    reason: 'Misread the gauge',
    strike: 'Strike out',
  },
} as const;

async function startFlood(page: Page, title: string, actor: string): Promise<string> {
  await page.goto(`${baseUrl}/incidents/new`);
  await page.getByTestId('start-kind-flood').click();
  await page.getByLabel(/标题|Title/).fill(title);
  await page.getByLabel(/地点|Place/).fill('1F');
  await page.getByTestId('actor-name').fill(actor);
  await page.getByTestId('start-incident').click();
  await page.waitForURL(/\/incidents\/inc-/);
  return page.url().replace(/\?.*$/, '');
}

async function record(page: Page, value: string): Promise<void> {
  await page.getByTestId(`measure-input-${DOOR}`).fill(value);
  await page.getByTestId(`measure-record-${DOOR}`).click();
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe.each(['zh-CN', 'en'] as const)('water at the door, read on a phone (%s)', (language) => {
  const x = texts[language];

  it('the on-duty officer reads 5, 9 and 16 cm within 24 minutes: three points on the trend and the rise warning; a typo is refused and a misread is struck out', async () => {
    session = await newSession({ locale: language, viewport: PHONE });
    const page = await session.context.newPage();
    // The readings are stamped by the phone's clock; the test moves it on instead of waiting.
    await page.clock.install({ time: new Date('2026-07-14T02:10:00+08:00') });
    const incident = await startFlood(page, x.title, x.onDuty);
    await page.goto(`${incident}?tab=now`);

    const door = page.getByTestId(`measure-${DOOR}`);
    await door.waitFor();
    expect(await text(page, `measure-latest-${DOOR}`)).toContain(x.none);
    // Both readings of the plan are offered; the unit is shown beside the number.
    expect(await page.getByTestId(`measure-${KEY_AREA}`).count()).toBe(1);
    expect(await door.locator('.measure-unit').textContent()).toBe('cm');
    expect(await page.getByTestId(`measure-input-${DOOR}`).getAttribute('inputmode')).toBe('decimal');

    // Nothing typed, then letters: each is refused with a message, and nothing is recorded.
    await record(page, '');
    expect(await text(page, `measure-error-${DOOR}`)).toBe(x.empty);
    await record(page, 'abc');
    expect(await text(page, `measure-error-${DOOR}`)).toBe(x.notANumber);
    expect(await page.getByTestId(`measure-input-${DOOR}`).getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, `measure-latest-${DOOR}`)).toContain(x.none);
    expect(await door.getByTestId('trend-chart').count()).toBe(0);
    expect(await door.getByTestId('measure-reading').count()).toBe(0);

    // Input and Record sit on one row, under the thumb.
    const input = await page.getByTestId(`measure-input-${DOOR}`).boundingBox();
    const button = await page.getByTestId(`measure-record-${DOOR}`).boundingBox();
    expect(input && button && Math.abs(input.y + input.height / 2 - (button.y + button.height / 2))).toBeLessThan(4);
    expect(button?.height).toBeGreaterThanOrEqual(48);

    await record(page, '5');
    await expect.poll(() => text(page, `measure-latest-${DOOR}`)).toMatch(x.latest('5 cm'));
    expect(await page.getByTestId(`measure-error-${DOOR}`).count()).toBe(0);
    expect(await page.getByTestId(`measure-input-${DOOR}`).inputValue()).toBe('');
    await page.clock.fastForward('10:00');
    await record(page, '9');
    await expect.poll(() => text(page, `measure-latest-${DOOR}`)).toMatch(x.latest('9 cm'));
    // +4 cm in 10 minutes stays under the plan's 10 cm in 30 minutes.
    expect(await page.getByTestId(`measure-rise-${DOOR}`).count()).toBe(0);
    await page.clock.fastForward('14:00');
    await record(page, '16');
    await expect.poll(() => text(page, `measure-latest-${DOOR}`)).toMatch(x.latest('16 cm'));

    const chart = door.getByTestId('trend-chart');
    expect(await chart.locator('circle.trend-point').count()).toBe(3);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(x.chart);
    expect(await text(page, `measure-rise-${DOOR}`)).toBe(x.rise);
    expect(await page.getByTestId(`measure-rise-${KEY_AREA}`).count()).toBe(0);
    expect(await door.getByTestId('measure-reading').count()).toBe(3);
    expect(await axeViolations(page, '[data-testid="measurements"]')).toEqual([]);
    await door.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `measurements-rise-phone-${language}.png`) });

    // 16 was misread: struck out with a reason, it leaves the trend and the warning, and stays listed, crossed out.
    await door.locator('details.measure-readings summary').click();
    const latestRow = door.getByTestId('measure-reading').first();
    await latestRow.getByRole('button', { name: x.strike }).click();
    await latestRow.getByRole('textbox').fill(x.reason);
    await latestRow.getByRole('button', { name: x.strike }).click();
    await expect.poll(() => latestRow.getAttribute('data-struck')).toBe('true');
    expect(await latestRow.textContent()).toContain(x.reason);
    await expect.poll(() => chart.locator('circle.trend-point').count()).toBe(2);
    expect(await page.getByTestId(`measure-rise-${DOOR}`).count()).toBe(0);
    expect(await text(page, `measure-latest-${DOOR}`)).toMatch(x.latest('9 cm'));

    // At 200 % text the panel wraps instead of pushing the page sideways.
    await page.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));

    // The same correction from the timeline: the 9 cm reading's entry, struck there with a reason, stays listed, crossed out.
    await page.goto(`${incident}?tab=timeline`);
    const entry = page.getByTestId('timeline').locator(':scope > li').filter({ hasText: '9 cm' }).first();
    await entry.getByRole('button', { name: x.strike }).click();
    await entry.getByRole('textbox').fill(x.reason);
    await entry.getByRole('button', { name: x.strike }).click();
    await expect.poll(() => entry.getAttribute('class')).toBe('struck');
    expect(await entry.locator('.tl-note').textContent()).toContain(x.reason);
    expect(await entry.getByRole('textbox').count()).toBe(0);
  });
});
