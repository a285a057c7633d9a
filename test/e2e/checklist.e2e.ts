import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { TABLET, newSession, type Session } from './browser';
import { ROOT } from './server-process';

/**
 * Checklists that cannot mislead: the start screen asks the kind of emergency first and offers
 * the plan in the phone's language; a critical step is skipped only for a reason of substance
 * and after a second confirmation; a step whose target counts from its own start is started;
 * switching the app's language shows the twin playbook's words for the same steps.
 */
const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const RIVERSIDE = {
  'zh-CN': { file: join(ROOT, 'scenarios/examples/riverside.zh-CN.json'), title: '滨河支行防汛应急预案（示例）' },
  en: { file: join(ROOT, 'scenarios/examples/riverside.en.json'), title: 'Riverside Sub-branch flood plan (example)' },
} as const;

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
const status = (page: Page, stepId: string) => page.getByTestId(`step-${stepId}`).getAttribute('data-status');
const counts = (page: Page, phaseId: string) => page.getByTestId(`phase-${phaseId}`).locator('.progress-text').textContent();

/** The incident opens on "now"; the full checklist is the Steps tab. */
async function openSteps(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: /事件分栏|Incident sections/ })
    .getByRole('link', { name: /^(步骤|Steps)$/ })
    .click();
}

/** The safety officer imports the Riverside example playbook (one language file) on this phone. */
async function importRiverside(page: Page, language: keyof typeof RIVERSIDE): Promise<void> {
  await page.goto(`${baseUrl}/playbooks/import`);
  await page.getByTestId('import-file').setInputFiles(RIVERSIDE[language].file);
  await expect.poll(() => text(page, 'import-result')).toContain(RIVERSIDE[language].title);
}

/** Flood, then the Riverside plan, then who starts it; then its full checklist. */
async function startRiverside(page: Page, actor: string): Promise<void> {
  await page.goto(`${baseUrl}/incidents/new`);
  await page.getByTestId('start-kind-flood').click();
  await page.getByTestId('plan-riverside-flood').getByRole('radio').check();
  await page.getByLabel('Drill', { exact: true }).check();
  await page.getByTestId('actor-name').fill(actor);
  await page.getByTestId('start-incident').click();
  await page.waitForURL(/\/incidents\/inc-/);
  await openSteps(page);
}

describe('starting an incident: the kind of emergency first', () => {
  it('a Chinese phone with Riverside imported: flood offers the two flood plans in Chinese, the English twin only on request, then resumes the open incident', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await importRiverside(page, 'zh-CN');
    await importRiverside(page, 'en');

    // Two big buttons, nothing open to resume yet.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-fire').waitFor();
    expect(await page.getByTestId('start-kind-flood').textContent()).toBe('水灾');
    expect(await page.getByTestId('start-kind-fire').textContent()).toBe('火灾');
    expect(await page.getByTestId('resume-list').count()).toBe(0);
    expect(await page.getByTestId('start-incident').count()).toBe(0);
    const flood = await page.getByTestId('start-kind-flood').boundingBox();
    expect(flood?.height).toBeGreaterThanOrEqual(80);
    await page.screenshot({ path: join(shots, 'start-kind-phone-zh.png'), fullPage: true });

    // Flood: the flood plans once each, in Chinese; never the fire plan, never a plan twice.
    await page.getByTestId('start-kind-flood').click();
    const plans = page.getByTestId('start-plan');
    await plans.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('启动事件：水灾');
    expect(await plans.getByRole('radio').count()).toBe(2);
    const planText = (await plans.textContent()) ?? '';
    expect(planText).toContain('防汛工作应急预案');
    expect(planText).toContain(RIVERSIDE['zh-CN'].title);
    expect(planText).not.toContain('灭火');
    expect(planText).not.toContain('Flood Emergency Plan');
    // The plan of the phone's language comes first and is chosen.
    expect(await plans.getByRole('radio').first().isChecked()).toBe(true);
    expect(await page.getByTestId('plan-flood-emergency').getAttribute('lang')).toBe('zh-CN');
    await page.screenshot({ path: join(shots, 'start-flood-phone-zh.png'), fullPage: true });

    // The English twin, on request only; and back.
    await page.getByTestId('use-twin-en').click();
    await expect.poll(() => page.getByTestId('plan-flood-emergency').textContent()).toBe('Flood Emergency Plan');
    expect(await page.getByTestId('plan-flood-emergency').getAttribute('lang')).toBe('en');
    await page.getByTestId('use-twin-zh-CN').click();
    await expect.poll(() => page.getByTestId('plan-flood-emergency').textContent()).toBe('防汛工作应急预案');

    // Another kind: the fire plan alone, in Chinese.
    await page.getByTestId('start-other-kind').click();
    await page.getByTestId('start-kind-fire').click();
    await expect.poll(() => text(page, 'start-plan')).toContain('灭火和应急疏散预案');
    expect(await text(page, 'start-plan')).not.toContain('防汛');
    expect(await page.getByTestId('start-plan').getByRole('radio').count()).toBe(0);

    // The flood starts with the Chinese flood plan.
    await page.getByTestId('start-other-kind').click();
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel('标题').fill('坡道进水');
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const incidentUrl = page.url();
    await openSteps(page);
    await expect.poll(() => text(page, 'step-step.command.interim')).toContain('带班人员临时负责指挥');

    // Back on the start screen, the open incident comes first, to resume rather than start twice.
    await page.goto(`${baseUrl}/incidents/new`);
    const resume = page.getByTestId('resume-list').getByRole('link', { name: /继续：坡道进水/ });
    await resume.waitFor();
    await page.screenshot({ path: join(shots, 'start-resume-phone-zh.png'), fullPage: true });
    await resume.click();
    await expect.poll(() => page.url()).toBe(incidentUrl);
  });

  it('an English tablet offers the English flood plan first', async () => {
    session = await newSession({ locale: 'en-US', viewport: TABLET });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await expect.poll(() => text(page, 'start-plan')).toContain('Flood Emergency Plan');
    expect(await text(page, 'start-plan')).not.toContain('防汛工作应急预案');
    expect(await page.getByTestId('use-twin-zh-CN').textContent()).toContain('使用中文版');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: join(shots, 'start-flood-tablet-en.png'), fullPage: true });
  });
});

describe('the Riverside checklist (en)', () => {
  it('skips the critical power cut only for a reason of substance, after a confirmation naming it, and counts it as skipped', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await importRiverside(page, 'en');
    await startRiverside(page, 'Wang on duty');

    const power = page.getByTestId('step-step.alert.power');
    // Who may do it is its own line, apart from the owner.
    expect(await power.getByTestId('step-may').textContent()).toBe('Who may do it: the electrician only');
    expect(await power.locator('.step-meta').textContent()).not.toContain('electrician only');
    expect(await power.locator('.step-meta').textContent()).toContain('Target 10 min from its start');

    // A one-word reason is refused, and the rule is said.
    await power.getByRole('button', { name: 'Skip', exact: true }).click();
    await power.getByLabel('Why is it skipped?').fill('n/a');
    await power.getByRole('button', { name: 'Skip step' }).click();
    const refused = power.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('at least 10 letters or digits, or 4 Chinese characters');
    expect(await power.getByTestId('skip-confirm').count()).toBe(0);
    expect(await status(page, 'step.alert.power')).toBe('open');
    await page.screenshot({ path: join(shots, 'skip-refused-phone-en.png') });

    // A reason of substance: a second confirmation naming the step and the reason. Cancel keeps it open.
    await power.getByLabel('Why is it skipped?').fill('Switch room flooded, no safe access');
    await power.getByRole('button', { name: 'Skip step' }).click();
    const confirm = power.getByTestId('skip-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Skip the critical step “Cut power to B1 and B2 at the main switchboard.”?');
    expect(await confirm.textContent()).toContain('Reason: Switch room flooded, no safe access');
    await page.screenshot({ path: join(shots, 'skip-confirm-phone-en.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await status(page, 'step.alert.power')).toBe('open');

    await power.getByRole('button', { name: 'Skip', exact: true }).click();
    await power.getByLabel('Why is it skipped?').fill('Switch room flooded, no safe access');
    await power.getByRole('button', { name: 'Skip step' }).click();
    await confirm.getByRole('button', { name: 'Yes, skip it' }).click();
    await expect.poll(() => status(page, 'step.alert.power')).toBe('skipped');
    // Counted as skipped, never as done.
    expect(await counts(page, 'phase.alert')).toBe('0 done · 1 skipped · 3 open');
    expect(await power.textContent()).toContain('Skipped by Wang on duty');

    // A step that is not critical keeps the one-step skip with any reason.
    const refuge = page.getByTestId('step-step.evacuate.refuge');
    await refuge.getByRole('button', { name: 'Skip', exact: true }).click();
    await refuge.getByLabel('Why is it skipped?').fill('Done');
    await refuge.getByRole('button', { name: 'Skip step' }).click();
    await expect.poll(() => status(page, 'step.evacuate.refuge')).toBe('skipped');
  });

  it('the sweep is started and shows when, by whom and its own target; it turns overdue once its 3 minutes pass', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    // The page's clock is the test's: the overdue mark is checked by moving it on, not by waiting.
    await page.clock.install();
    await importRiverside(page, 'en');
    await startRiverside(page, 'Electrician Zhou');

    const sweep = page.getByTestId('step-step.evacuate.sweep');
    expect(await sweep.locator('.step-meta').textContent()).toContain('Target 3 min from its start');
    const start = sweep.getByTestId('step-start');
    const box = await start.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await start.click();
    await expect.poll(() => status(page, 'step.evacuate.sweep')).toBe('started');
    expect(await sweep.getByTestId('step-started').textContent()).toMatch(/^Started \d\d:\d\d by Electrician Zhou · target 3 min$/);
    // Started is still open work.
    expect(await counts(page, 'phase.evacuate')).toBe('0 done · 0 skipped · 3 open');
    expect(await sweep.getAttribute('class')).not.toContain('overdue');
    await page.screenshot({ path: join(shots, 'step-started-phone-en.png') });

    await page.clock.fastForward('04:00');
    await expect.poll(() => sweep.getAttribute('class')).toContain('overdue');
    expect(await sweep.getByTestId('step-started').textContent()).toMatch(/^Overdue: started \d\d:\d\d by Electrician Zhou, target 3 min$/);
    await page.screenshot({ path: join(shots, 'step-overdue-phone-en.png') });

    await sweep.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => status(page, 'step.evacuate.sweep')).toBe('done');
    expect(await counts(page, 'phase.evacuate')).toBe('1 done · 0 skipped · 2 open');
    await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => text(page, 'timeline')).toContain('Started: Sweep B2 and B1 and send everyone up.');
  });
});

describe('switching the language during an incident', () => {
  it('the flood started in Chinese shows the English twin’s steps, phases and owners with the same statuses, and back', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    await openSteps(page);
    await page.getByTestId('step-step.command.interim').getByRole('button', { name: '完成' }).click();
    await expect.poll(() => status(page, 'step.command.interim')).toBe('done');
    const rescuers = page.getByTestId('step-step.command.ready-rescuers');
    await rescuers.getByRole('button', { name: '跳过', exact: true }).click();
    await rescuers.getByLabel('为什么跳过？').fill('救援人员已在现场');
    await rescuers.getByRole('button', { name: '跳过此步' }).click();
    await expect.poll(() => status(page, 'step.command.ready-rescuers')).toBe('skipped');
    expect(await text(page, 'phase-phase.command')).toContain('组织指挥');

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => text(page, 'step-step.command.interim')).toContain('The leader on duty takes command for the time being');
    expect(await text(page, 'phase-phase.command')).toContain('Take command');
    expect(await text(page, 'phase-phase.command')).not.toContain('组织指挥');
    expect(await text(page, 'step-step.command.call-members')).toContain('Call the other members of the flood group');
    expect(await status(page, 'step.command.interim')).toBe('done');
    expect(await status(page, 'step.command.ready-rescuers')).toBe('skipped');
    expect(await counts(page, 'phase.command')).toBe('1 done · 1 skipped · 3 open');
    // The reason stays as it was written.
    expect(await text(page, 'step-step.command.ready-rescuers')).toContain('救援人员已在现场');
    expect(await page.getByTestId('no-twin').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'incident-twin-phone-en.png') });

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => text(page, 'step-step.command.interim')).toContain('带班人员临时负责指挥');
    expect(await status(page, 'step.command.ready-rescuers')).toBe('skipped');
  });

  it('a playbook with no twin on the phone stays in the language it was started in, and says so', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await importRiverside(page, 'zh-CN');
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByTestId('plan-riverside-flood').getByRole('radio').check();
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    await openSteps(page);
    await expect.poll(() => text(page, 'step-step.alert.power')).toContain('在总配电柜切断地下一层和地下二层的电源。');
    expect(await page.getByTestId('step-step.alert.power').getByTestId('step-may').textContent()).toBe('可由谁执行：仅限电工');

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => text(page, 'no-twin')).toContain('This device has no English version of this playbook');
    expect(await text(page, 'no-twin')).toContain('(zh-CN)');
    expect(await text(page, 'step-step.alert.power')).toContain('在总配电柜切断地下一层和地下二层的电源。');
    expect(await page.getByTestId('step-step.alert.power').getByTestId('step-may').textContent()).toBe('Who may do it: 仅限电工');
  });
});
