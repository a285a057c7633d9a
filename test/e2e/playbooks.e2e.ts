import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newSession, TABLET, type Session } from './browser';
import { DIST, ROOT } from './server-process';

const baseUrl = inject('baseUrl');
const shots = join(ROOT, '.tmp', 'screens');
const files = mkdtempSync(join(tmpdir(), 'muster-playbooks-'));

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

async function openFromLibrary(page: Page, title: string): Promise<void> {
  await page.goto(`${baseUrl}/playbooks`);
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('reading the shipped playbooks', () => {
  it('the safety officer reads the fire plan in Chinese: command chart, steps, routes and aftermath', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await openFromLibrary(page, '灭火和应急疏散预案');
    const chart = await text(page, 'group-fire-team');
    expect(chart).toContain('义务消防队');
    expect(chart).toContain('纪委书记');
    expect(chart).toContain('灭火器灭火小组');
    expect(chart).toContain('抢险堵漏小组');
    expect(await page.getByRole('link', { name: /119/ }).first().getAttribute('href')).toBe('tel:119');
    expect(await text(page, 'phase-phase.alarm')).toContain('119');
    expect(await text(page, 'floor-west-main-floor-7')).toContain('中央楼梯');
    expect(await text(page, 'floor-west-main-floor-6')).toContain('西');
    expect(await text(page, 'floor-east-old-floor-5')).toContain('东消防通道');
    expect(await text(page, 'rules-for-everyone')).toContain('电梯');
    expect(await text(page, 'shelter')).toContain('湿毛巾');
    expect(await text(page, 'aftermath')).toContain('保险');
    expect(await text(page, 'schedule')).toMatch(/每季度至少 1 次/);
    await page.screenshot({ path: join(shots, 'reader-fire-zh.png'), fullPage: false });
  });

  it('reads the fire plan in English with the same structure', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await openFromLibrary(page, 'Firefighting and Emergency Evacuation Plan');
    expect(await text(page, 'group-fire-team')).toMatch(/Volunteer fire team/i);
    expect(await text(page, 'floor-west-main-floor-7')).toMatch(/central stair/i);
    expect(await text(page, 'floor-east-old-floor-5')).toMatch(/east fire/i);
    expect(await text(page, 'rules-for-everyone')).toMatch(/elevator|lift/i);
    expect(await page.getByRole('heading', { name: 'Command structure' }).isVisible()).toBe(true);
  });

  it('reads the flood plan in both languages, with who commands at night', async () => {
    session = await newSession({ locale: 'zh-CN', viewport: TABLET });
    const page = await session.context.newPage();
    await openFromLibrary(page, '防汛工作应急预案');
    const interim = await page.getByRole('complementary', { name: '夜间或休息日' }).textContent();
    expect(interim).toContain('带班人员');
    expect(await text(page, 'requirements')).toContain('值班日记');
    await page.screenshot({ path: join(shots, 'reader-flood-zh-tablet.png'), fullPage: false });
    await page.getByTestId('language-toggle').click();
    await openFromLibrary(page, 'Flood Emergency Plan');
    expect(await page.getByRole('complementary', { name: 'At night and on rest days' }).textContent()).toMatch(/leader on duty/i);
  });
});

describe('importing a playbook', () => {
  const flood = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'flood.en.json'), 'utf8')) as Record<string, unknown>;
  const custom = { ...flood, id: 'basement-flood', title: 'Basement flood, Branch 12', version: '1.0.0' };
  const customPath = join(files, 'basement-flood.json');
  writeFileSync(customPath, JSON.stringify(custom));
  const newerPath = join(files, 'basement-flood-1.1.json');
  writeFileSync(newerPath, JSON.stringify({ ...custom, version: '1.1.0', title: 'Basement flood, Branch 12 (revised)' }));
  const phases = flood.phases as { steps: { owner: string }[] }[];
  const broken = {
    ...custom,
    phases: phases.map((p, i) => (i === 0 ? { ...p, steps: p.steps.map((s, j) => (j === 0 ? { ...s, owner: 'nobody-here' } : s)) } : p)),
  };
  const brokenPath = join(files, 'broken.json');
  writeFileSync(brokenPath, JSON.stringify(broken));

  it('a valid custom playbook is kept on the device and is still in the library after a reload', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks`);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(customPath);
    await expect.poll(() => text(page, 'import-result')).toContain('“Basement flood, Branch 12” is now on this device');
    await page.goto(`${baseUrl}/playbooks`);
    await page.reload();
    await expect.poll(() => text(page, 'playbook-list')).toContain('Basement flood, Branch 12');
    expect(await text(page, 'playbook-list')).toContain('imported');

    // A newer version replaces it only after the user confirms.
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(newerPath);
    await expect.poll(() => text(page, 'import-result')).toContain('Replace it with version 1.1.0?');
    await page.goto(`${baseUrl}/playbooks`);
    await expect.poll(() => text(page, 'playbook-list')).toContain('version 1.0.0');
    expect(await text(page, 'playbook-list')).not.toContain('(revised)');
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(newerPath);
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => text(page, 'import-result')).toContain('(revised)');
    await page.goto(`${baseUrl}/playbooks`);
    await expect.poll(() => text(page, 'playbook-list')).toContain('Basement flood, Branch 12 (revised)');

    // The same version again is refused: it is not newer.
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(newerPath);
    await expect.poll(() => text(page, 'import-result')).toContain('is not newer than the version 1.1.0');
  });

  it('an invalid playbook is refused with the JSON path of the fault, and nothing changes', async () => {
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByTestId('import-file').setInputFiles(brokenPath);
    await expect.poll(() => text(page, 'import-result')).toContain('broken.json 未被接受');
    const errors = await text(page, 'import-errors');
    expect(errors).toContain('phases[0].steps[0].owner');
    expect(errors).toContain('nobody-here');
    expect(errors).toMatch(/[\u4e00-\u9fff]/); // the validator speaks Chinese to a Chinese user
    expect(errors).not.toMatch(/expected|unknown/);
    await page.screenshot({ path: join(shots, 'import-invalid-zh.png'), fullPage: true });
    await page.goto(`${baseUrl}/playbooks`);
    await expect.poll(() => text(page, 'playbook-list')).toContain('防汛工作应急预案');
    expect(await text(page, 'playbook-list')).not.toContain('Basement');
  });

  it('imports from a web address, and explains a download that fails', async () => {
    session = await newSession({ locale: 'en-US' });
    const page = await session.context.newPage();
    await page.goto(`${baseUrl}/playbooks/import`);
    await page.getByLabel('Or download from a web address').fill(`${baseUrl}/api/no-such-playbook.json`);
    await page.getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => text(page, 'import-result')).toContain('The server refused the download: 404');

    // A file published on a web server (here: dropped into the served folder) imports as from a file.
    const published = join(DIST, 'e2e-published');
    mkdirSync(published, { recursive: true });
    writeFileSync(join(published, 'warehouse.json'), JSON.stringify({ ...custom, id: 'warehouse-flood', title: 'Warehouse flood' }));
    try {
      await page.getByLabel('Or download from a web address').fill(`${baseUrl}/e2e-published/warehouse.json`);
      await page.getByRole('button', { name: 'Download' }).click();
      await expect.poll(() => text(page, 'import-result')).toContain('“Warehouse flood” is now on this device');
    } finally {
      rmSync(published, { recursive: true, force: true });
    }
  });
});
