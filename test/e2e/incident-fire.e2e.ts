import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../src/domain/text';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, type Session } from './browser';
import { ROOT } from './server-process';

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
    reason: '本次演练未设置被困和受伤人员，救人和急救不在演练范围内',
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
    reason: 'This drill had nobody trapped or hurt: rescue and first aid were not rehearsed',
  },
} as const;

/** A step's text as the shipped fire plan words it, in that language. */
function stepText(language: Language, stepId: string): string {
  const plan = JSON.parse(readFileSync(join(ROOT, 'scenarios', `fire.${language}.json`), 'utf8')) as { phases: { steps: { id: string; text: string }[] }[] };
  const step = plan.phases.flatMap((p) => p.steps).find((st) => st.id === stepId);
  if (!step) throw new Error(`no ${stepId} in the ${language} fire plan`);
  return step.text;
}

async function tab(page: Page, language: Language, name: string): Promise<void> {
  await page.getByRole('navigation', { name: x[language].tabs }).getByRole('link', { name }).click();
}

async function done(page: Page, language: Language, stepId: string): Promise<void> {
  await page.getByTestId(`step-${stepId}`).getByRole('button', { name: x[language].done }).click();
  await expect.poll(() => page.getByTestId(`step-${stepId}`).getAttribute('data-status')).toBe('done');
}

describe.each(['zh-CN', 'en'] as const)('the fire (%s)', (language) => {
  const t = x[language];
  it('alarm, activation of the groups, evacuation, headcount, fire brigade, an end that overrides the steps not rehearsed, and aftermath', async () => {
    session = await newSession({ locale: language });
    const page = await session.context.newPage();
    // The kind of emergency first; the fire playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-fire').click();
    await page.getByLabel(language === 'en' ? 'Drill' : '演练', { exact: true }).check();
    await page.getByTestId('actor-name').fill(language === 'en' ? 'Security office' : '安保值班室');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);

    // The incident opens on "now"; the whole plan is on the Steps tab.
    await page.getByTestId('now-step-step.alarm.report').waitFor();
    await tab(page, language, t.steps);
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
    // Everyone is accounted for, but rescue and first aid, critical steps, were not rehearsed: the
    // end names them, asks why it should end anyway, and asks a second time.
    const blockers = page.getByTestId('end-blockers');
    await blockers.waitFor();
    for (const id of ['end-missing', 'end-unknown', 'end-no-headcount']) expect(await blockers.getByTestId(id).count()).toBe(0);
    const rescue = stepText(language, 'step.respond.rescue');
    const firstAid = stepText(language, 'step.respond.first-aid');
    const critical = await blockers.getByTestId('end-critical').locator('li').allTextContents();
    expect(critical).toEqual(expect.arrayContaining([rescue, firstAid]));
    // "Confirm the end" and "approval" are the end itself: listed here only until the fire plan
    // marks them `doneBy`; nothing else may be.
    const theEndItself = [stepText(language, 'step.end.confirm'), stepText(language, 'step.end.approve')];
    expect(critical.filter((c) => ![rescue, firstAid, ...theEndItself].includes(c))).toEqual([]);
    await page.getByTestId('end-reason').fill(t.reason);
    await page.getByTestId('confirm-end').click();
    const confirm = page.getByTestId('end-confirm');
    expect(await confirm.textContent()).toContain(t.reason);
    expect(await page.getByTestId('end-confirmed').count()).toBe(0);
    await confirm.getByTestId('confirm-end-yes').click();
    await expect.poll(() => page.getByTestId('end-confirmed').isVisible()).toBe(true);
    const override = (await page.getByTestId('end-override').textContent()) ?? '';
    expect(override).toContain(t.reason);
    expect(override).toContain(rescue);
    expect(override).toContain(firstAid);
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
