import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, type Session } from './browser';
import { ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const texts = {
  'zh-CN': {
    lang: 'zh-CN',
    title: '地下室进水',
    done: '完成',
    tab: { steps: '步骤', timeline: '时间线', people: '清点人数', log: '值班日记', losses: '损失', end: '结束', roles: '岗位' },
    leader: '李组长',
    onDuty: '王值班',
    handedOver: '指挥移交给 李组长',
    dutyText: '02:10 负一层进水约 20 厘米，已通知物业',
    approver: '张行长',
    closed: '已结束',
    missing: '未清点到：1 人',
    allSafe: '均已清点',
  },
  en: {
    lang: 'en',
    title: 'Basement flooding',
    done: 'Done',
    tab: { steps: 'Steps', timeline: 'Timeline', people: 'Headcount', log: 'Duty log', losses: 'Losses', end: 'End', roles: 'Roles' },
    leader: 'Leader Li',
    onDuty: 'Wang on duty',
    handedOver: 'Command handed over to Leader Li',
    dutyText: '02:10 water 20 cm deep in B1, property manager called',
    approver: 'President Zhang',
    closed: 'Closed',
    missing: 'Not accounted for: 1',
    allSafe: 'Everyone on the roster is accounted for',
  },
} as const;

async function tab(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: /事件分栏|Incident sections/ })
    .getByRole('link', { name })
    .click();
}

async function stepStatus(page: Page, stepId: string): Promise<string | null> {
  return page.getByTestId(`step-${stepId}`).getAttribute('data-status');
}

describe.each(['zh-CN', 'en'] as const)('the night flood (%s)', (language) => {
  const x = texts[language];
  it('the on-duty leader starts the flood incident at night, follows the steps, hands over, logs, tallies and closes it in two steps', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();

    // The duty log of the site exists before any incident.
    await page.goto(`${baseUrl}/duty-log`);
    await page.getByTestId('duty-site').fill('xx支行');
    await page.getByTestId('duty-site').press('Enter');

    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel(/标题|Title/).fill(x.title);
    await page.getByLabel(/地点|Place/).fill('B1');
    await page.getByTestId('actor-name').fill(x.onDuty);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const incidentUrl = page.url();

    // The incident opens on "now": the on-duty leader commands for the time being, and does the first step under the thumb.
    await expect.poll(() => page.getByTestId('commander').textContent()).toContain(x.onDuty);
    const nowFirst = page.getByTestId('now-steps').locator(':scope > li').first();
    await expect.poll(() => nowFirst.getAttribute('data-testid')).toBe('now-step-step.command.interim');
    await nowFirst.getByTestId('now-done').click();
    // Done, it leaves "now" and the next step moves up.
    await expect.poll(() => nowFirst.getAttribute('data-testid')).toBe('now-step-step.command.call-members');

    // The full checklist is one tap away.
    await tab(page, x.tab.steps);
    expect(await stepStatus(page, 'step.command.interim')).toBe('done');
    expect(await page.getByTestId('step-step.command.interim').textContent()).toContain(x.onDuty);
    await page.getByTestId('step-step.command.call-members').getByRole('button', { name: x.done }).click();
    await page.getByTestId('step-step.command.report-head-office').getByRole('button', { name: x.done }).click();
    await expect.poll(() => stepStatus(page, 'step.command.call-members')).toBe('done');
    await expect.poll(() => stepStatus(page, 'step.command.report-head-office')).toBe('done');
    // A skipped step needs a reason.
    await page
      .getByTestId('step-step.command.ready-rescuers')
      .getByRole('button', { name: /跳过|Skip/ })
      .click();
    await page.getByLabel(/为什么跳过|Why is it skipped/).fill(language === 'en' ? 'Rescuers already on site' : '救援人员已在现场');
    await page.getByRole('button', { name: /跳过此步|Skip step/ }).click();
    await expect.poll(() => stepStatus(page, 'step.command.ready-rescuers')).toBe('skipped');
    // A skip is counted apart from the steps done, never as one of them.
    expect(await page.getByTestId('phase-phase.command').locator('.progress-text').textContent()).toMatch(
      language === 'en' ? /^\d done · 1 skipped · \d open$/ : /^已完成 \d · 已跳过 1 · 未完成 \d$/,
    );
    await page.screenshot({ path: join(shots, `incident-steps-${language}.png`) });

    // The leader arrives and command is handed over with one action.
    await page.getByTestId('hand-over').click();
    await page.getByTestId('handover-to').fill(x.leader);
    await page.getByTestId('handover-submit').click();
    // The leader reads the briefing first; command passes only when they say they were briefed.
    const briefing = page.getByTestId('handover-briefing');
    await expect.poll(() => briefing.isVisible()).toBe(true);
    expect(await briefing.getByRole('heading', { level: 2 }).textContent()).toContain(x.leader);
    expect(await page.getByTestId('commander').textContent()).not.toContain(x.leader);
    await briefing.getByTestId('handover-take').click();
    await expect.poll(() => page.getByTestId('commander').textContent()).toContain(x.leader);
    for (const s of ['step.command.on-site', 'step.respond.take-posts', 'step.respond.evacuate']) {
      await page.getByTestId(`step-${s}`).getByRole('button', { name: x.done }).click();
      await expect.poll(() => stepStatus(page, s)).toBe('done');
    }

    // Headcount against the roster.
    await tab(page, x.tab.people);
    await page.getByTestId('roster-input').fill('甲\n乙');
    await page.getByRole('button', { name: /^加入$|^Add$/ }).click();
    await page
      .getByTestId('person-甲')
      .getByRole('button', { name: /安全|Safe/ })
      .click();
    await expect.poll(() => page.getByTestId('headcount-summary').textContent()).toContain(x.missing);

    // A duty-log entry written while the incident is open shows in the incident.
    await page.goto(`${baseUrl}/duty-log`);
    await page.getByTestId('duty-text').fill(x.dutyText);
    await page.getByTestId('duty-submit').click();
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain(x.dutyText);
    await page.goto(incidentUrl);
    await tab(page, x.tab.log);
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain(x.dutyText);

    // Losses and supplies.
    await tab(page, x.tab.losses);
    const loss = page.getByTestId('loss-form');
    await loss.getByLabel(/^物品$|^What$/).fill(language === 'en' ? 'Voucher boxes' : '凭证箱');
    await loss.getByLabel(/^地点$|^Where$/).fill('B1');
    await loss.getByLabel(/^数量$|^Quantity$/).fill('3');
    await loss.getByLabel(/估计价值|Estimated value/).fill('1200');
    await loss.getByRole('button', { name: /登记损失|Record loss/ }).click();
    await expect.poll(() => page.getByTestId('loss-total').textContent()).toContain('1,200');
    const used = page.getByTestId('supplies-used-form');
    await used.getByLabel(/^物资$|^Item$/).fill(language === 'en' ? 'Sandbags' : '沙袋');
    await used.getByLabel(/^数量$|^Quantity$/).fill('40');
    await used.getByRole('button').click();
    await expect.poll(() => page.getByTestId('supplies-used').textContent()).toMatch(/沙袋|Sandbags/);
    const replenish = page.getByTestId('supplies-replenish-form');
    await replenish.getByLabel(/^物资$|^Item$/).fill(language === 'en' ? 'Sandbags' : '沙袋');
    await replenish.getByLabel(/^数量$|^Quantity$/).fill('40');
    await replenish.getByRole('button').click();
    await expect.poll(() => page.getByTestId('supplies-replenish').textContent()).toMatch(/40/);

    // 乙 reaches the assembly point: everyone on the roster is accounted for.
    await tab(page, x.tab.people);
    await page
      .getByTestId('person-乙')
      .getByRole('button', { name: /安全|Safe/ })
      .click();
    await expect.poll(() => page.getByTestId('headcount-summary').textContent()).toContain(x.allSafe);

    // Ending in two steps: confirm on site, then leadership approves. Everyone is accounted for
    // and every critical step is done, so nothing blocks the end and no reason is asked.
    await tab(page, x.tab.end);
    expect(await page.getByTestId('approve-closure').count()).toBe(0);
    expect(await page.getByTestId('end-blockers').count()).toBe(0);
    expect(await page.getByTestId('end-reason').count()).toBe(0);
    await page.getByTestId('confirm-end').click();
    await expect.poll(() => page.getByTestId('end-confirmed').isVisible()).toBe(true);
    expect(await page.getByTestId('end-override').count()).toBe(0);
    await page.getByTestId('approver').fill(x.approver);
    await page.getByTestId('approve-closure').click();
    await expect.poll(() => page.getByTestId('closure-approved').textContent()).toContain(x.approver);
    expect(await page.getByTestId('phase').textContent()).toBe(x.closed);
    // Closed: read-only, except the after-action review.
    expect(await page.getByTestId('hand-over').count()).toBe(0);
    await page.getByTestId('aa-lessons').fill(language === 'en' ? 'Check the sump pump before the rainy season' : '汛期前检查排水泵');
    await page
      .getByTestId('aa-lessons')
      .locator('xpath=../..')
      .getByRole('button', { name: /保存|Save/ })
      .click();
    await tab(page, x.tab.steps);
    expect(await page.getByRole('button', { name: x.done }).count()).toBe(0);

    // The timeline has it all, with full dates.
    await tab(page, x.tab.timeline);
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain(x.handedOver);
    expect(timeline).toContain(x.approver);
    expect(timeline).toMatch(/20\d\d/);
    await page.screenshot({ path: join(shots, `incident-timeline-${language}.png`), fullPage: true });

    // Home lists it with the closed incidents, no longer with the open ones.
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('closed-incidents').textContent()).toContain(x.title);
    expect(await page.getByTestId('no-incidents').count()).toBe(1);
  });
});

describe('nothing is lost', () => {
  it('a tab killed in the middle of a run is reopened with every recorded event', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByTestId('actor-name').fill('Wang');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const url = page.url();
    const steps = ['step.command.interim', 'step.command.call-members', 'step.command.report-head-office', 'step.respond.take-posts'];
    await tab(page, 'Steps');
    for (const s of steps) await page.getByTestId(`step-${s}`).getByRole('button', { name: 'Done' }).click();
    await tab(page, 'Timeline');
    await page.getByTestId('note-text').fill('Water rising at the east door');
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Water rising at the east door');
    // Kill the tab without any unload handling, then open the incident in a fresh tab.
    await page.close({ runBeforeUnload: false });
    const again = await session.context.newPage();
    await again.goto(url);
    await tab(again, 'Steps');
    for (const s of steps) await expect.poll(() => again.getByTestId(`step-${s}`).getAttribute('data-status')).toBe('done');
    await tab(again, 'Timeline');
    await expect.poll(() => again.getByTestId('timeline').textContent()).toContain('Water rising at the east door');
    const count = await again.getByTestId('timeline').locator('li').count();
    expect(count).toBe(1 + steps.length + 1);
  });
});
