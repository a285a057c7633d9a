import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PHONE, axeViolations, newSession, waitForHomeTakeOver, type Session } from './browser';
import { ROOT } from './server-process';

/**
 * The on-duty officer at 2 a.m., alone, one hand free: the incident opens on "now" with the first
 * Done above the fold of a phone, the next step moves up under the thumb, Skip still asks why,
 * 119/110/120 are one tap away with the numbers shown, a step whose target runs out buzzes the
 * phone once, and the home screen offers Resume, then flood and fire, above everything else.
 */
const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const texts = {
  'zh-CN': {
    actor: '王值班',
    now: '现在',
    done: '完成',
    skip: '跳过',
    why: '为什么跳过？',
    skipStep: '跳过此步',
    yesSkip: '是，跳过',
    criticalReason: '组员已全部在现场，无需再通知',
    reason: '救援人员已在现场',
    emptyRoster: '清点人数：名单为空，还没有清点任何人',
    missingOne: '未清点到 1 人',
    resume: /^实战 继续：/,
    flood: '水灾',
    fire: '火灾',
    drill: '演练',
    riverside: join(ROOT, 'scenarios/examples/riverside.zh-CN.json'),
    riversideTitle: '滨河支行防汛应急预案（示例）',
    left: /^\d\d:\d\d 前完成 · 还剩 0:0[45]:\d\d$/,
    overdue: /^已超时 0:0\d:\d\d（应于 \d\d:\d\d 完成）$/,
    commander: '指挥 王值班',
  },
  en: {
    actor: 'Wang on duty',
    now: 'Now',
    done: 'Done',
    skip: 'Skip',
    why: 'Why is it skipped?',
    skipStep: 'Skip step',
    yesSkip: 'Yes, skip it',
    criticalReason: 'Every member is already on site',
    reason: 'Rescuers already on site',
    emptyRoster: 'Headcount: nobody on the roster yet',
    missingOne: 'missing 1',
    resume: /^Real Resume: /,
    flood: 'Flood',
    fire: 'Fire',
    drill: 'Drill',
    riverside: join(ROOT, 'scenarios/examples/riverside.en.json'),
    riversideTitle: 'Riverside Sub-branch flood plan (example)',
    left: /^Due \d\d:\d\d · 0:0[45]:\d\d left$/,
    overdue: /^Overdue by 0:0\d:\d\d \(due \d\d:\d\d\)$/,
    commander: 'Commander Wang on duty',
  },
} as const;

const nowSteps = (page: Page) => page.getByTestId('now-steps').locator(':scope > li');
const firstStepId = (page: Page) => nowSteps(page).first().getAttribute('data-testid');
const stepIds = async (page: Page) => nowSteps(page).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));

/** Top and bottom of an element on screen, and where the app's bottom tab bar starts. */
async function onScreen(page: Page, target: Locator): Promise<{ top: number; bottom: number; tabbarTop: number; scrollY: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('not rendered');
  const tabbarTop = await page.locator('nav.tabbar').evaluate((el) => el.getBoundingClientRect().top);
  return { top: box.y, bottom: box.y + box.height, tabbarTop, scrollY: await page.evaluate(() => window.scrollY) };
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(['zh-CN', 'en'] as const)('the now view at 2 a.m. (%s)', (language) => {
  const x = texts[language];

  it('home offers flood and fire first; the flood opens on "now" with the first Done above the fold; Done moves the next step up; Skip asks why; calls and headcount are one tap away', async () => {
    session = await newSession({ locale: language, viewport: PHONE });
    const page = await session.context.newPage();

    // Home, nothing open: flood and fire, then the routes entry, all on the first screen.
    await page.goto(baseUrl);
    const flood = page.getByTestId('home-kind-flood');
    expect(await flood.textContent()).toBe(x.flood);
    expect(await page.getByTestId('home-kind-fire').textContent()).toBe(x.fire);
    await waitForHomeTakeOver(page); // the app's own lists, not index.html's copy
    expect(await page.getByTestId('home-resume').count()).toBe(0);
    const routes = await onScreen(page, page.getByTestId('routes-entry'));
    expect((await onScreen(page, flood)).bottom).toBeLessThanOrEqual(routes.top);
    expect(routes.bottom).toBeLessThanOrEqual(routes.tabbarTop);

    // Flood, a name, start: the incident opens on "now" (no tab asked for).
    await flood.click();
    await page.getByTestId('actor-name').fill(x.actor);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-[^?]*$/);
    const incidentUrl = page.url();
    const tabs = page.getByRole('navigation', { name: /事件分栏|Incident sections/ });
    expect(await tabs.getByRole('link', { name: x.now }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => firstStepId(page)).toBe('now-step-step.command.interim');
    expect(await stepIds(page)).toEqual(['now-step-step.command.interim', 'now-step-step.command.call-members', 'now-step-step.command.report-head-office']);
    expect(await page.getByTestId('commander').textContent()).toContain(x.actor);

    // The first Done is on screen without scrolling, above the tab bar, and a thumb-sized target.
    const firstDone = nowSteps(page).first().getByRole('button', { name: x.done, exact: true });
    const done = await onScreen(page, firstDone);
    expect(done.scrollY).toBe(0);
    expect(done.top).toBeGreaterThanOrEqual(0);
    expect(done.bottom).toBeLessThanOrEqual(PHONE.height);
    expect(done.bottom).toBeLessThanOrEqual(done.tabbarTop);
    expect(done.bottom - done.top).toBeGreaterThanOrEqual(48);
    const skipBox = await nowSteps(page).first().getByRole('button', { name: x.skip, exact: true }).boundingBox();
    expect(skipBox?.height).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: join(shots, `now-phone-${language}.png`) });

    // Done: the next step moves up under the thumb.
    await firstDone.click();
    await expect.poll(() => firstStepId(page)).toBe('now-step-step.command.call-members');
    expect(await stepIds(page)).toEqual([
      'now-step-step.command.call-members',
      'now-step-step.command.report-head-office',
      'now-step-step.command.ready-rescuers',
    ]);

    // Skip goes through the skip flow: a reason, and for a critical step a second confirmation.
    const callMembers = page.getByTestId('now-step-step.command.call-members');
    await callMembers.getByRole('button', { name: x.skip, exact: true }).click();
    await callMembers.getByLabel(x.why).fill(x.criticalReason);
    await callMembers.getByRole('button', { name: x.skipStep }).click();
    await callMembers.getByTestId('skip-confirm').getByRole('button', { name: x.yesSkip }).click();
    await expect.poll(() => firstStepId(page)).toBe('now-step-step.command.report-head-office');
    const rescuers = page.getByTestId('now-step-step.command.ready-rescuers');
    await rescuers.getByRole('button', { name: x.skip, exact: true }).click();
    await rescuers.getByLabel(x.why).fill(x.reason);
    await rescuers.getByRole('button', { name: x.skipStep }).click();
    await expect.poll(() => rescuers.count()).toBe(0);
    expect(await stepIds(page)).toEqual(['now-step-step.command.report-head-office', 'now-step-step.command.on-site', 'now-step-step.respond.take-posts']);

    // One tap to call 119, 110 and 120, each number written out in full.
    const calls = page.getByTestId('call-bar');
    for (const number of ['119', '110', '120']) {
      const link = calls.locator(`a[href="tel:${number}"]`);
      expect(await link.locator('.phone-number').textContent()).toBe(number);
      expect(await link.isVisible()).toBe(true);
    }
    expect(await sideways(page)).toBe(0);

    // The headcount in one line, in the alarm style while nobody is counted; it opens the headcount tab.
    const headcount = page.getByTestId('now-headcount');
    expect(await headcount.textContent()).toBe(x.emptyRoster);
    expect(await headcount.getAttribute('class')).toContain('alarm');
    await headcount.click();
    await page.waitForURL(/tab=people/);
    await page.getByTestId('roster-input').fill('甲\n乙');
    await page.getByRole('button', { name: /^加入$|^Add$/ }).click();
    await page
      .getByTestId('person-甲')
      .getByRole('button', { name: /安全|Safe/ })
      .click();
    await expect.poll(() => page.getByTestId('headcount-summary').textContent()).toMatch(/1/);
    await tabs.getByRole('link', { name: x.now }).click();
    await expect.poll(() => headcount.locator('.now-missing').textContent()).toBe(x.missingOne);

    // Nothing for axe to find on the now view.
    expect(await axeViolations(page)).toEqual([]);

    // At 200 % text nothing goes off the side of the phone.
    await page.evaluate(() => (document.documentElement.style.fontSize = '36px'));
    expect(await sideways(page)).toBe(0);
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));

    // The full checklist is one tap away, with what was done and skipped.
    await page.getByTestId('now-full-checklist').click();
    await page.waitForURL(/tab=steps/);
    await expect.poll(() => page.getByTestId('step-step.command.interim').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('step-step.command.call-members').getAttribute('data-status')).toBe('skipped');

    // Home now puts the open incident first: Resume above flood and fire, the routes still on the first screen.
    await page.goto(baseUrl);
    const resume = page.getByTestId('home-resume');
    await expect.poll(() => resume.textContent()).toMatch(x.resume);
    const resumeBox = await onScreen(page, resume);
    const floodBox = await onScreen(page, page.getByTestId('home-kind-flood'));
    const routesBox = await onScreen(page, page.getByTestId('routes-entry'));
    expect(resumeBox.bottom).toBeLessThanOrEqual(floodBox.top);
    expect(floodBox.bottom).toBeLessThanOrEqual(routesBox.top);
    expect(routesBox.bottom).toBeLessThanOrEqual(routesBox.tabbarTop);
    await page.screenshot({ path: join(shots, `home-resume-phone-${language}.png`) });
    await resume.click();
    await page.waitForURL(incidentUrl);
    await expect.poll(() => firstStepId(page)).toBe('now-step-step.command.report-head-office');
  });

  it('the river-gauge watch (5 minutes from the start) counts down, turns overdue and buzzes the phone exactly once; the call bar has the commander’s number', async () => {
    session = await newSession({ locale: language, viewport: PHONE });
    const page = await session.context.newPage();
    // Every call to vibrate is recorded in the page (there is no motor in a headless browser).
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      Object.assign(window, { vibrations: calls });
      Object.defineProperty(Navigator.prototype, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => {
          calls.push(pattern);
          return true;
        },
      });
    });
    const vibrations = () => page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length);
    // The page's clock is the test's: the target runs out by moving it on, not by waiting.
    await page.clock.install();

    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(x.riverside);
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain(x.riversideTitle);
    await page.goto(`${baseUrl}/incidents/new?kind=flood`);
    await page.getByTestId('plan-riverside-flood').getByRole('radio').check();
    await page.getByLabel(x.drill, { exact: true }).check();
    await page.getByTestId('actor-name').fill(x.actor);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-[^?]*$/);

    const watch = page.getByTestId('now-step-step.alert.watch');
    const clock = watch.getByTestId('now-clock');
    await expect.poll(() => clock.textContent()).toMatch(x.left);
    expect(await watch.getAttribute('class')).not.toContain('overdue');

    // The officer's number for the commander, written out, and a tel: link to it.
    const commander = page.getByTestId('call-bar').locator('a[href="tel:03165550100"]');
    expect(await commander.textContent()).toBe(`${x.commander}0316 555 0100`);

    await page.clock.fastForward('04:00');
    await expect.poll(() => clock.textContent()).toMatch(/0:00:\d\d|0:01:0\d/);
    expect(await vibrations()).toBe(0);

    // 02:05 passes while the view is open: overdue, and one buzz.
    await page.clock.fastForward('01:30');
    await expect.poll(() => watch.getAttribute('class')).toContain('overdue');
    await expect.poll(() => clock.textContent()).toMatch(x.overdue);
    await expect.poll(vibrations).toBe(1);
    await page.screenshot({ path: join(shots, `now-overdue-phone-${language}.png`) });

    // Time goes on: the clock keeps counting, the phone stays still.
    await page.clock.fastForward('02:00');
    await expect.poll(() => clock.textContent()).toMatch(/0:0[23]:\d\d/);
    expect(await vibrations()).toBe(1);

    // Done: the overdue step leaves the list.
    await watch.getByRole('button', { name: x.done, exact: true }).click();
    await expect.poll(() => watch.count()).toBe(0);
    expect(await vibrations()).toBe(1);
  });
});
