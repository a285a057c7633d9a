import type { Language } from '../../src/domain/text';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, type Session } from './browser';

const baseUrl = inject('baseUrl');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const x = {
  'zh-CN': {
    done: '完成',
    tabs: /事件分栏/,
    timeline: '时间线',
    people: '清点人数',
    roles: '岗位',
    end: '结束',
    steps: '步骤',
    brigade: '消防队已到达',
    fireTeam: '义务消防队',
    closed: '已结束',
    aftermath: '善后工作',
  },
  en: {
    done: 'Done',
    tabs: /Incident sections/,
    timeline: 'Timeline',
    people: 'Headcount',
    roles: 'Roles',
    end: 'End',
    steps: 'Steps',
    brigade: 'Fire brigade arrived',
    fireTeam: 'Volunteer Fire Team',
    closed: 'Closed',
    aftermath: 'After the emergency',
  },
} as const;

async function tab(page: Page, language: Language, name: string): Promise<void> {
  await page.getByRole('navigation', { name: x[language].tabs }).getByRole('link', { name }).click();
}

async function done(page: Page, language: Language, stepId: string): Promise<void> {
  await page.getByTestId(`step-${stepId}`).getByRole('button', { name: x[language].done }).click();
  await expect.poll(() => page.getByTestId(`step-${stepId}`).getAttribute('data-status')).toBe('done');
}

describe.each(['zh-CN', 'en'] as const)('the fire (%s)', (language) => {
  const t = x[language];
  it('alarm, activation of the groups, evacuation, headcount, fire brigade, end and aftermath', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    // The kind of emergency first; the fire playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-fire').click();
    await page.getByLabel(language === 'en' ? 'Drill' : '演练', { exact: true }).check();
    await page.getByTestId('actor-name').fill(language === 'en' ? 'Security office' : '安保值班室');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);

    // Alarm: report and call 119. Activation: notify the headquarters, groups and fire team.
    await done(page, language, 'step.alarm.report');
    await done(page, language, 'step.alarm.call-119');
    await done(page, language, 'step.activate.notify');
    await done(page, language, 'step.activate.start-plan');
    expect(await page.getByTestId('phase-phase.alarm').textContent()).toMatch(/已完成 2 · 已跳过 0 · 未完成 0|2 done · 0 skipped · 0 open/);

    // The groups are filled in: the volunteer fire team's captain.
    await tab(page, language, t.roles);
    const captain = page.getByTestId('role-fire-team.leader');
    await captain.getByRole('button').click();
    await captain.getByLabel(/姓名|Name/).fill(language === 'en' ? 'Ji' : '纪书记');
    await captain.getByLabel(/电话|Phone/).fill('139 0000 0001');
    await captain.getByRole('button', { name: /指定|Assign/ }).click();
    await expect.poll(() => captain.textContent()).toContain('139 0000 0001');
    expect(await captain.getByRole('link').getAttribute('href')).toBe('tel:13900000001');
    expect(await page.getByTestId('roles').textContent()).toContain(t.fireTeam);

    // Respond: assemble, evacuate, guide; the fire team fights the fire.
    await tab(page, language, t.steps);
    for (const s of ['step.respond.assemble', 'step.respond.evacuate', 'step.respond.guide-evacuation', 'step.respond.firefight'])
      await done(page, language, s);

    // Headcount at the assembly point.
    await tab(page, language, t.people);
    await page.getByTestId('roster-input').fill('A\nB\nC');
    await page.getByRole('button', { name: /^加入$|^Add$/ }).click();
    for (const p of ['A', 'B', 'C'])
      await page
        .getByTestId(`person-${p}`)
        .getByRole('button', { name: /安全|Safe/ })
        .click();
    await expect.poll(() => page.getByTestId('headcount-summary').textContent()).toMatch(/均已清点|Everyone on the roster is accounted for/);

    // The fire brigade arrives: a tagged note.
    await tab(page, language, t.timeline);
    await page.getByRole('button', { name: t.brigade }).click();
    await page.getByTestId('note-text').fill(language === 'en' ? 'Two engines at the east gate' : '两辆消防车到达东门');
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(t.brigade);
    await page.getByRole('button', { name: language === 'en' ? 'Notes' : '记录', exact: true }).click();
    const notesOnly = await page.getByTestId('timeline').locator('li').count();
    expect(notesOnly).toBe(1);

    // End of the emergency, then the aftermath steps of the plan.
    await tab(page, language, t.steps);
    await done(page, language, 'step.end.protect-scene');
    expect(await page.getByTestId('phase-phase.aftermath').textContent()).toContain(t.aftermath);
    await done(page, language, 'aftermath.losses');
    await tab(page, language, t.end);
    await page.getByTestId('confirm-end').click();
    await page.getByTestId('approver').fill(language === 'en' ? 'President' : '行长');
    await page.getByTestId('approve-closure').click();
    await expect.poll(() => page.getByTestId('phase').textContent()).toBe(t.closed);
    const form = page.getByTestId('improvement-form');
    await form.getByLabel(/^问题$|^Issue$/).fill(language === 'en' ? 'East stairs blocked by boxes' : '东楼梯堆放纸箱');
    await form.getByLabel(/^整改措施$|^Corrective action$/).fill(language === 'en' ? 'Clear and inspect weekly' : '清理并每周检查');
    await form.getByLabel(/^责任人$|^Owner$/).fill(language === 'en' ? 'Security manager' : '安全保卫部经理');
    await form.getByLabel(/^期限$|^Due$/).fill('2026-12-31');
    await form.getByRole('button').click();
    await expect.poll(() => page.getByTestId('improvements').textContent()).toContain('2026-12-31');
  });
});
