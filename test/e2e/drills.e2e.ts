import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';
import { admin, DIST, enrolmentLink, ROOT, startServer, type RunningServer } from './server-process';

// Drills on a calendar (seed plan 4, 一、6(3): at least one drill every six months). A fresh
// phone has never drilled: home says both plans are due now. The on-duty officer runs a flood
// drill from the drill calendar; six months later, by the phone's clock, the calendar says
// when the next one is due and lists the drill in its history; past that date it is overdue,
// in the alarm style, on home too. Head office sees a branch's overdue drill on its overview.
// The clock is the page's own (Playwright's fake clock) and the zone is Beijing's, so the
// dates do not depend on when or where the test runs.

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

const ZONE = 'Asia/Shanghai';
const MARCH_10 = new Date('2026-03-10T10:00:00+08:00');
const SEPTEMBER_20 = new Date('2026-09-20T10:00:00+08:00');
const FLOOD = 'flood-emergency';
const FIRE = 'fire-evacuation';

const texts = {
  'zh-CN': {
    flood: '防汛工作应急预案',
    fire: '灭火和应急疏散预案',
    never: '尚无演练记录，现在就应演练',
    dueIn184: '184 天后到期',
    overdue10: '已逾期 10 天',
    nextDate: '2026年9月10日',
    drill: '演练',
    title: '三月防汛演练',
    officer: '王值班',
    reason: '演练到此结束，其余步骤下次演练',
    revision: '预案中写明地下室挡水板的存放位置',
    approver: '张行长',
    zeroMinutes: '0 分钟',
  },
  en: {
    flood: 'Flood Emergency Plan',
    fire: 'Firefighting and Emergency Evacuation Plan',
    never: 'No drill recorded yet: due now',
    dueIn184: 'Due in 184 days',
    overdue10: 'Overdue by 10 days',
    nextDate: /^10 Sept? 2026$/,
    drill: 'Drill',
    title: 'March flood drill',
    officer: 'Wang on duty',
    reason: 'Drill ends here; the remaining steps next time',
    revision: 'Say in the plan where the basement flood boards are kept',
    approver: 'President Zhang',
    zeroMinutes: '0 min',
  },
} as const;

/** A page of `context` whose clock starts at `time` and runs on, in Beijing's zone. */
async function pageAt(context: BrowserContext, time: Date): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: ZONE });
  await page.clock.install({ time });
  return page;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe.each(['zh-CN', 'en'] as const)('drills on a calendar (%s)', (language) => {
  const x = texts[language];

  it('a fresh phone shows both drills due; a flood drill is run; six months on it says when the next is due, then that it is overdue', async () => {
    session = await newSession({ locale: language });
    const page = await pageAt(session.context, MARCH_10);

    // Never drilled on this phone: both plans are due now, on home.
    await page.goto(baseUrl);
    const card = page.getByTestId('drills-due');
    await card.waitFor();
    expect(await text(page, `drill-due-${FLOOD}`)).toBe(`${x.flood} ${x.never}`);
    expect(await text(page, `drill-due-${FIRE}`)).toBe(`${x.fire} ${x.never}`);
    expect(await card.getAttribute('href')).toBe('/drills');
    // No campaign plan is ever drilled.
    expect(await card.locator('[data-testid^="drill-due-"]').count()).toBe(2);
    await page.screenshot({ path: join(shots, `drills-home-${language}.png`), fullPage: true });

    // The calendar: start a drill of the flood plan from it.
    await card.click();
    await page.waitForURL(/\/drills$/);
    const flood = page.getByTestId(`drills-${FLOOD}`);
    await flood.waitFor();
    expect(await flood.getAttribute('data-status')).toBe('due-soon');
    expect(await flood.getByTestId('drill-history').count()).toBe(0);
    await flood.getByTestId(`start-drill-${FLOOD}`).click();
    await page.waitForURL(/\/incidents\/new\?playbook=flood-emergency/);
    // The calendar's link opens the start form with Drill already chosen.
    await expect.poll(() => page.getByRole('radio', { name: x.drill, exact: true }).isChecked()).toBe(true);
    await page.getByLabel(/标题|Title/).fill(x.title);
    await page.getByTestId('actor-name').fill(x.officer);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const incident = page.url().split('?')[0] ?? '';

    // The first step is done; the drill is ended with a reason (steps left open) and closed, with one change to the plan.
    const first = page.getByTestId('now-steps').locator(':scope > li').first();
    await expect.poll(() => first.getAttribute('data-testid')).toBe('now-step-step.command.interim');
    await first.getByTestId('now-done').click();
    await expect.poll(() => first.getAttribute('data-testid')).not.toBe('now-step-step.command.interim');
    await page.goto(`${incident}?tab=end`);
    await page.getByTestId('end-reason').fill(x.reason);
    await page.getByTestId('confirm-end').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('end-confirmed').waitFor();
    await page.getByTestId('approver').fill(x.approver);
    await page.getByTestId('approve-closure').click();
    await page.getByTestId('closure-approved').waitFor();
    await page.locator('.end-revision input').fill(x.revision);
    await page.locator('.end-revision button').click();
    await expect.poll(() => page.getByTestId('plan-revisions').textContent()).toContain(x.revision);

    // Back on the calendar the same day: next due 10 September, in 184 days; fire is still due now.
    await page.goto(`${baseUrl}/drills`);
    await expect.poll(() => text(page, `drills-${FLOOD}`)).toContain(x.title);
    const floodNow = page.getByTestId(`drills-${FLOOD}`);
    expect(await floodNow.getByTestId('drill-when').textContent()).toBe(x.dueIn184);
    expect(await floodNow.getAttribute('data-status')).toBe('ok');
    expect(await page.getByTestId(`drills-${FIRE}`).getByTestId('drill-when').textContent()).toBe(x.never);
    const next = (await floodNow.getByTestId('drill-next').textContent()) ?? '';
    if (typeof x.nextDate === 'string') expect(next).toBe(x.nextDate);
    else expect(next).toMatch(x.nextDate);

    // Home no longer lists the flood drill: only plans due within 30 days are there.
    await page.goto(baseUrl);
    await page.getByTestId(`drill-due-${FIRE}`).waitFor();
    expect(await page.getByTestId(`drill-due-${FLOOD}`).count()).toBe(0);

    // Six months and ten days later, by the phone's clock: overdue, in the alarm style, with the drill in the history.
    const later = await pageAt(session.context, SEPTEMBER_20);
    await later.goto(`${baseUrl}/drills`);
    const floodLater = later.getByTestId(`drills-${FLOOD}`);
    await expect.poll(() => floodLater.getAttribute('data-status')).toBe('overdue');
    const when = floodLater.getByTestId('drill-when');
    expect(await when.textContent()).toBe(x.overdue10);
    expect(await when.getAttribute('class')).toContain('alarm-box');
    // The history is read after the calendar's status (its events, stream by stream): waited for, not assumed.
    const row = floodLater.getByTestId('drill-history').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('run-first').textContent()).toBe(x.zeroMinutes);
    expect(await row.textContent()).toContain(x.title);
    expect(await floodLater.getByTestId('drill-chart').getAttribute('aria-label')).toContain('1');
    expect(await floodLater.getByTestId('drill-revisions').textContent()).toContain(x.revision);
    await later.screenshot({ path: join(shots, `drills-${language}.png`), fullPage: true });

    const found = (await axeViolations(later)).map((v) => `${v.id} ${v.targets.slice(0, 3).join(' ')}`);
    expect(found).toEqual([]);

    // At 200 % text the calendar wraps instead of pushing the page sideways; the numbers stay on screen.
    await later.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    expect(await later.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await row.getByTestId('run-first').isVisible()).toBe(true);

    await later.goto(baseUrl);
    await expect.poll(() => text(later, `drill-due-${FLOOD}`)).toBe(`${x.flood} ${x.overdue10}`);
    expect(await later.getByTestId(`drill-due-${FLOOD}`).getAttribute('data-status')).toBe('overdue');
  });
});

describe('head office sees a branch’s overdue drill', () => {
  const HQ = 'hq';
  const RIVERSIDE = 'riverside';
  const ARRIVAL = { timeout: 30_000, interval: 100 };
  let server: RunningServer;
  let phone: Session | undefined;
  let tablet: Session | undefined;

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Head office', '--id', HQ);
    admin(server.dataDir, 'org', 'create', 'Riverside Sub-branch', '--id', RIVERSIDE, '--parent', HQ);
  });

  afterAll(async () => {
    await phone?.close();
    await tablet?.close();
    await server?.stop();
  });

  async function enrol(session: Session, orgId: string, label: string, time: Date, ...flags: string[]): Promise<Page> {
    const page = await pageAt(session.context, time);
    await page.goto(enrolmentLink(server, orgId, label, ...flags));
    await page.getByText('This device has joined').waitFor({ timeout: 60_000 });
    return page;
  }

  it('Riverside drilled the flood plan on 1 March; on 11 September the overview says it is 10 days overdue', async () => {
    phone = await newSession({ locale: 'en-US' });
    tablet = await newSession({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    const officer = await enrol(phone, RIVERSIDE, 'Officer’s phone', new Date('2026-03-01T10:00:00+08:00'));
    const hq = await enrol(tablet, HQ, 'Head office tablet', new Date('2026-09-11T10:00:00+08:00'), '--role', 'head-office');

    await officer.goto(`${server.url}/incidents/new?playbook=${FLOOD}&lang=en`);
    await officer.getByRole('radio', { name: 'Drill', exact: true }).check();
    await officer.getByTestId('actor-name').fill('Officer Zhao');
    await officer.getByTestId('start-incident').click();
    await officer.waitForURL(/\/incidents\/inc-/);

    await hq.goto(`${server.url}/head-office`);
    const riverside = hq.getByTestId(`branch-drills-${RIVERSIDE}`);
    const flood = riverside.getByTestId(`branch-drill-${FLOOD}`);
    await expect.poll(() => flood.getAttribute('data-status'), ARRIVAL).toBe('overdue');
    expect(await flood.textContent()).toContain('Overdue by 10 days');
    expect(await flood.textContent()).toContain('last drill 1 Mar 2026');
    // Never drilled there: the fire plan is due now.
    expect(await riverside.getByTestId(`branch-drill-${FIRE}`).textContent()).toContain('No drill recorded yet: due now');
    expect(await hq.getByTestId('branch-drills-summary').textContent()).toBe('Branches with a drill overdue: 1 · due within 30 days: 0');
    await hq.screenshot({ path: join(shots, 'drills-head-office.png'), fullPage: true });
    const found = (await axeViolations(hq, '[data-testid="branch-drills"]')).map((v) => `${v.id} ${v.targets.slice(0, 3).join(' ')}`);
    expect(found).toEqual([]);
  });
});
