import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/storage/sqlite';
import { axeViolations, newSession, type Session } from './browser';
import { admin, DIST, enrolmentLink, startServer, type RunningServer } from './server-process';

// Seed plan part 2, the credit-risk self-inspection, on two phones of one branch: the risk
// office's phone (Chinese) starts the campaign and enters a loan and a risk; a unit's phone
// (English) enters another unit's loan and corrects the first loan's amount. After both sync,
// both show the same two summary tables, whose totals are the sums of the entries, the corrected
// loan counted once; the CSV handed in says the same. A bad amount is refused, in each language.

const ORG = 'lianshe';
const SYNC_WAIT = { timeout: 45_000, interval: 250 };
const UI_WAIT = { timeout: 10_000 };
const PLAYBOOK = 'credit-risk-self-inspection';
const FIRST_BORROWER = '城关建材有限公司';
const SECOND_BORROWER = 'Riverside Logistics Ltd';

async function enrol(session: Session, link: string, region: string, joined: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(link);
  await expect.poll(() => page.getByRole('region', { name: region }).getByRole('status').textContent(), SYNC_WAIT).toContain(joined);
  return page;
}

/** How many loans the device holds for the campaign, straight from IndexedDB: a refused amount must store nothing. */
async function loanEventsOnDevice(page: Page, streamId: string): Promise<number> {
  return page.evaluate(async (stream) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
    });
    const events = await new Promise<{ streamId: string; type: string }[]>((ok, fail) => {
      const req = db.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => ok(req.result as { streamId: string; type: string }[]);
      req.onerror = () => fail(req.error ?? new Error('could not read the events'));
    });
    db.close();
    return events.filter((e) => e.streamId === stream && e.type === 'campaign.loanSet').length;
  }, streamId);
}

async function openTab(page: Page, tab: 'progress' | 'loans' | 'risks' | 'triggers' | 'report'): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute('aria-current'), UI_WAIT).toBe('page');
}

/** Fills the loan form; the amount as typed. */
async function fillLoan(
  page: Page,
  loan: { unit: string; category: string; borrower: string; amount: string; current: string; proposed: string; reason: string },
) {
  const form = page.getByTestId('loan-form');
  await form.getByTestId('entry-unit').selectOption(loan.unit);
  await form.getByTestId(`category-${loan.category}`).check();
  await form.getByTestId('loan-borrower').fill(loan.borrower);
  await form.getByTestId('loan-amount').fill(loan.amount);
  await form.getByTestId('loan-current').selectOption(loan.current);
  await form.getByTestId('loan-proposed').selectOption(loan.proposed);
  await form.getByTestId('loan-reason').fill(loan.reason);
}

/** A bad amount: the message under the field, in the page's language, and nothing stored. */
async function refusesAmount(page: Page, streamId: string, amount: string, message: string): Promise<void> {
  const before = await loanEventsOnDevice(page, streamId);
  const form = page.getByTestId('loan-form');
  await form.getByTestId('loan-amount').fill(amount);
  await form.getByTestId('save-loan').click();
  await expect.poll(() => form.getByRole('alert').allTextContents(), UI_WAIT).toContain(message);
  expect(await form.getByTestId('loan-amount').getAttribute('aria-invalid')).toBe('true');
  expect(await loanEventsOnDevice(page, streamId)).toBe(before);
}

/** Every row of both summary tables as the screen shows them, header cell first. */
async function summaryRows(page: Page): Promise<{ loans: string[][]; risks: string[][] }> {
  await openTab(page, 'report');
  const rows = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((trs: HTMLTableRowElement[]) => trs.map((tr) => Array.from(tr.cells, (c) => (c.textContent ?? '').trim())));
  return { loans: await rows('summary-loan-categories'), risks: await rows('summary-risk-dimensions') };
}

describe('the credit-risk self-inspection on two phones of one branch', () => {
  let server: RunningServer;
  let stored: Database.Database | undefined;
  let office: Session | undefined;
  let unitPhone: Session | undefined;

  const onServer = (streamId: string): { type: string; actor: string }[] => {
    stored ??= new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    return stored.prepare('SELECT type, actor FROM events WHERE org_id = ? AND stream_id = ? ORDER BY seq').all(ORG, streamId) as {
      type: string;
      actor: string;
    }[];
  };

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Chengguan', 'Rural Credit Union', '--id', ORG);
  });
  afterAll(async () => {
    stored?.close();
    await office?.close();
    await unitPhone?.close();
    await server?.stop();
  });

  it('an entry made and corrected on two devices is merged and summarised the same on both, in both languages', async () => {
    office = await newSession({ locale: 'zh-CN' });
    unitPhone = await newSession({ locale: 'en-US' });
    const a = await enrol(office, enrolmentLink(server, ORG, 'Risk office phone'), '加入组织', '本设备已加入');
    const b = await enrol(unitPhone, enrolmentLink(server, ORG, 'Unit phone'), 'Join your organisation', 'This device has joined');

    // A campaign is not an emergency: "start an incident" never offers its plan, even when asked for it by name.
    await a.goto(`${server.url}/incidents/new?playbook=${PLAYBOOK}&lang=zh-CN`);
    await a.getByTestId('start-kind-flood').waitFor();
    expect(await a.locator('[data-testid^="start-kind-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')))).not.toContain(
      'start-kind-campaign',
    );
    expect(await a.getByTestId('start-incident').count()).toBe(0);

    // The risk office starts the campaign from its plan: the coming window, the plan's units.
    // The plan reads as a campaign, with every category and dimension in the reader.
    await a.goto(`${server.url}/playbooks/${PLAYBOOK}/zh-CN`);
    // The reader's body arrives in the playbook's own chunk: wait for it, then count.
    await a.getByTestId('campaign-dimensions').waitFor();
    await expect.poll(() => a.getByTestId('campaign-categories').locator('li').count()).toBe(7);
    await expect.poll(() => a.getByTestId('campaign-dimensions').locator('li').count()).toBe(4);
    expect(await axeViolations(a, 'main')).toEqual([]);
    await a.getByTestId('reader-start-campaign').click();
    await a.getByTestId('start-campaign').waitFor();
    expect(await axeViolations(a, 'main')).toEqual([]);
    expect(await a.getByTestId('window-start').inputValue()).toMatch(/^\d{4}-03-15$/);
    expect(await a.getByTestId('reference-date').inputValue()).toMatch(/^\d{4}-12-31$/);
    await a.getByTestId('campaign-title').fill('2027年信用风险专项排查');
    await a.getByTestId('actor-name').fill('李志伟');
    await a.getByTestId('start-campaign').click();
    await a.waitForURL(/\/campaigns\/campaign-/);
    const url = a.url();
    const streamId = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    await expect.poll(() => onServer(streamId).map((e) => e.type), SYNC_WAIT).toEqual(['campaign.started']);

    // A loan: a bad amount is refused with a message and nothing stored; then the real one.
    await openTab(a, 'loans');
    await fillLoan(a, {
      unit: 'unit.coops',
      category: 'loan.overdue-90',
      borrower: FIRST_BORROWER,
      amount: '12.345',
      current: 'normal',
      proposed: 'substandard',
      reason: '本金逾期120天仍为正常类',
    });
    await refusesAmount(a, streamId, '12.345', '金额最多精确到分（两位小数）。');
    await refusesAmount(a, streamId, 'abc', '不是有效金额，请按 1,234.56 或 1.2万 的格式填写。');
    await a.getByTestId('loan-amount').fill('1,234.56');
    await a.getByTestId('save-loan').click();
    await expect.poll(() => a.getByTestId('loan-list').textContent(), UI_WAIT).toContain(FIRST_BORROWER);
    expect(await a.getByTestId('loan-form').getByRole('alert').count()).toBe(0);

    // A risk along the industry dimension, its thresholds shown in full beside it.
    await openTab(a, 'risks');
    const risk = a.getByTestId('risk-form');
    expect(await risk.getByTestId('dimension-risk.industry').locator('xpath=..').textContent()).toContain('5000万元以上');
    await risk.getByTestId('entry-unit').selectOption('unit.coops');
    await risk.getByTestId('dimension-risk.industry').check();
    await risk.getByTestId('risk-description').fill('房地产企业单户授信超过1000万元，关注类占比上升');
    await risk.getByTestId('risk-amount').fill('500万');
    await risk.getByTestId('level-high').check();
    await risk.getByTestId('save-risk').click();
    await expect.poll(() => a.getByTestId('risk-list').textContent(), UI_WAIT).toContain('5,000,000.00');
    await expect.poll(() => onServer(streamId).length, SYNC_WAIT).toBe(3);

    // The unit's phone opens the campaign by its address; sync brings it in, in English.
    await b.goto(url);
    await expect.poll(() => b.locator('h1').textContent(), SYNC_WAIT).toBe('2027年信用风险专项排查');
    await b.getByTestId('your-name').fill('Wang Fang');
    await b.getByTestId('save-name').click();
    await openTab(b, 'loans');
    await expect.poll(() => b.getByTestId('loan-list').textContent(), SYNC_WAIT).toContain(FIRST_BORROWER);
    await fillLoan(b, {
      unit: 'unit.branches',
      category: 'loan.bridge',
      borrower: SECOND_BORROWER,
      amount: 'abc',
      current: 'special-mention',
      proposed: 'doubtful',
      reason: 'New loan used to repay the old one',
    });
    await refusesAmount(b, streamId, 'abc', 'Not an amount: write it like 1,234.56 or 1.2万.');
    await refusesAmount(b, streamId, '12.345', 'An amount has at most two decimals (fen).');
    await b.getByTestId('loan-amount').fill('250000');
    await b.getByTestId('save-loan').click();
    await expect.poll(() => b.getByTestId('loan-list').textContent(), UI_WAIT).toContain(SECOND_BORROWER);

    // It corrects the office's loan: the same entry, a new amount.
    const first = b.locator(`[data-borrower="${FIRST_BORROWER}"]`);
    await first.getByTestId('edit-entry').click();
    await expect.poll(() => b.getByTestId('loan-amount').inputValue()).toBe('1,234.56');
    await b.getByTestId('loan-amount').fill('2,000');
    await b.getByTestId('save-loan').click();
    await expect.poll(() => first.getByTestId('entry-amount').textContent(), UI_WAIT).toContain('2,000.00');
    await expect.poll(() => onServer(streamId).length, SYNC_WAIT).toBe(5);

    // The office's phone brings in both without a reload: two loans, the corrected one once.
    await openTab(a, 'loans');
    await expect.poll(() => a.getByTestId('loan-list').textContent(), SYNC_WAIT).toContain(SECOND_BORROWER);
    await expect.poll(() => a.locator(`[data-borrower="${FIRST_BORROWER}"]`).getByTestId('entry-amount').textContent(), SYNC_WAIT).toContain('2,000.00');
    expect(await a.getByTestId('loan-list').locator(':scope > li').count()).toBe(2);

    // Both show the same tables; their totals are the sums of the entries: 2,000.00 + 250,000.00, and one risk of 5,000,000.00.
    const onA = await summaryRows(a);
    const onB = await summaryRows(b);
    const numbers = (rows: string[][]) => rows.map((r) => r.slice(1));
    expect(numbers(onA.loans)).toEqual(numbers(onB.loans));
    expect(numbers(onA.risks)).toEqual(numbers(onB.risks));
    const loanTotal = onB.loans.at(-1) ?? [];
    expect(loanTotal.slice(0, 3)).toEqual(['Total', '2', '252,000.00']);
    expect(onA.loans.at(-1)?.[0]).toBe('合计');
    const riskTotal = onB.risks.at(-1) ?? [];
    expect(riskTotal.slice(0, 3)).toEqual(['Total', '1', '5,000,000.00']);
    // Row by row: the overdue loan in its category, the bridge loan in its own, each counted once.
    expect(onB.loans[0]?.slice(1, 3)).toEqual(['1', '2,000.00']);
    expect(onB.loans[3]?.slice(1, 3)).toEqual(['1', '250,000.00']);
    expect(onB.loans[0]?.[0]).toContain('overdue');
    expect(onA.loans[0]?.[0]).toContain('逾期90天以上');

    // The CSV handed in says the same totals.
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByTestId('csv-table.loan-classification').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.at(-1)?.split(',').slice(0, 3)).toEqual(['"Total"', '"2"', '"252000.00"']);

    // The printable report (print = PDF), downloaded on the office's phone, in Chinese, with the same figures.
    const [html] = await Promise.all([a.waitForEvent('download'), a.getByTestId('download-html').click()]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const printable = readFileSync((await html.path()) ?? '', 'utf8');
    expect(printable).toContain('2027年信用风险专项排查');
    expect(printable).toContain('252,000.00');
    expect(printable).toContain(SECOND_BORROWER);

    // The list and the home screen name it with its deadline; the list is accessible too.
    await b.goto(`${server.url}/campaigns`);
    await expect.poll(() => b.getByTestId(`campaign-${streamId}`).textContent(), UI_WAIT).toMatch(/due \d{4}-03-20/);
    expect(await axeViolations(b, 'main')).toEqual([]);
    await b.goto(`${server.url}/`);
    await expect.poll(() => b.getByTestId(`campaign-due-${streamId}`).textContent(), UI_WAIT).toContain('2027年信用风险专项排查');
    await b.goto(url);

    // The campaign page is accessible on both, in both languages.
    for (const page of [a, b]) {
      for (const tab of ['progress', 'loans', 'report'] as const) {
        await openTab(page, tab);
        expect(await axeViolations(page, 'main')).toEqual([]);
      }
    }
  }, 240_000);
});
