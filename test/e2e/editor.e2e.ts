import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../src/domain/playbook/check';
import { axeViolations, newSession, TABLET, waitForServiceWorkerControl, type Session } from './browser';
import { admin, startServer, type RunningServer } from './server-process';

// The safety officer writes a playbook for a building that is not in scenarios/ on a phone,
// in the app, and publishes it; a member's phone gets it on its next sync and opens a floor
// page with no network. Each device is its own Chromium profile enrolled with a token the
// admin CLI issued: two editors' and a member's.

const ORG = 'harbour';
const SYNC_WAIT = { timeout: 45_000, interval: 250 };
const UI_WAIT = { timeout: 10_000 };
const TITLE = 'Harbour Road fire and evacuation plan';
const BUILDING = 'Harbour Road branch';

function enrolmentLink(server: RunningServer, label: string, role: 'editor' | 'member'): string {
  const printed = admin(server.dataDir, 'device', 'add', ORG, label, '--role', role, '--url', server.url, '--no-qr');
  const link = printed.split('\n').find((line) => line.includes('/enrol#code='));
  if (!link) throw new Error(`device add printed no enrolment link:\n${printed}`);
  return link.trim();
}

async function enrol(session: Session, link: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(link);
  await expect
    .poll(() => page.getByRole('region', { name: 'Join your organisation' }).getByRole('status').textContent(), SYNC_WAIT)
    .toContain('This device has joined');
  return page;
}

/** The input (or list, or item) of the draft's field at a JSON path, as the validator names it. */
function field(page: Page, path: string): Locator {
  return page.locator(`[id="field:${path}"]`);
}

/** The block around a field: its label, hint, input and the validator's messages about it. */
function fieldBlock(page: Page, path: string): Locator {
  return page.locator('.ed-field', { has: field(page, path) });
}

async function section(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Parts of the playbook' })
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .click();
}

/** Adds an item to the list at `path` with its "Add" button; it opens, ready to fill in. */
async function add(page: Page, path: string): Promise<void> {
  await field(page, path).locator(':scope > .ed-add').click();
}

async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('draft-save').textContent(), UI_WAIT).toContain('Saved on this device');
}

describe('the safety officer writes and publishes a building’s playbook', () => {
  let server: RunningServer;
  let officer: Session;
  let member: Session;
  let deputy: Session;
  let playbookId = '';

  beforeAll(async () => {
    server = await startServer();
    admin(server.dataDir, 'org', 'create', 'Harbour Road Sub-branch', '--id', ORG);
  });
  afterAll(async () => {
    await officer?.close();
    await member?.close();
    await deputy?.close();
    await server?.stop();
  });

  it('from the template: a building with three floors and a step-free route, a message at a field fixed, the poster previewed, published', async () => {
    officer = await newSession({ locale: 'en-GB' });
    const page = await enrol(officer, enrolmentLink(server, "Safety officer's phone", 'editor'));
    await page.goto(`${server.url}/playbooks`);
    await page.getByTestId('new-playbook').click();
    await page.getByTestId('new-from-template-fire').click();
    await page.waitForURL(/\/edit\?lang=en/);
    playbookId = decodeURIComponent(/\/playbooks\/([^/]+)\/edit/.exec(page.url())?.[1] ?? '');

    await field(page, 'title').fill(TITLE);
    await field(page, 'summary').fill('What every member of staff does when a fire breaks out at Harbour Road.');
    await field(page, 'organisation').fill('Harbour Road Sub-branch');

    await section(page, 'Phases and steps');
    await field(page, 'phases[0]').click();
    await field(page, 'phases[0].steps[0]').click();
    await field(page, 'phases[0].steps[0].text').fill('Raise the alarm and call 119');

    await section(page, 'Buildings and routes');
    await add(page, 'stairways');
    await field(page, 'stairways[0].name').fill('North stairs');
    await add(page, 'assemblyPoints');
    await field(page, 'assemblyPoints[0].name').fill('Car park');
    await field(page, 'assemblyPoints[0].location').fill('Across Harbour Road, by the bus stop');
    await add(page, 'buildings');
    await field(page, 'buildings[0].name').fill(BUILDING);

    const floors = [
      { label: 'B1', order: '-1' },
      { label: '1F', order: '1' },
      { label: '2F', order: '2' },
    ];
    for (const [f, floor] of floors.entries()) {
      const at = `buildings[0].floors[${f}]`;
      await add(page, 'buildings[0].floors');
      // A floor just added has no label yet: the validator says so at the label's field.
      await expect.poll(() => fieldBlock(page, `${at}.label`).textContent(), UI_WAIT).toContain('Error');
      await field(page, `${at}.label`).fill(floor.label);
      await expect.poll(() => fieldBlock(page, `${at}.label`).textContent(), UI_WAIT).not.toContain('Error');
      await field(page, `${at}.order`).fill(floor.order);
      await add(page, `${at}.routes`);
      await field(page, `${at}.routes[0].instruction`).fill(`From ${floor.label}, take the North stairs down and leave by the main door`);
      await add(page, `${at}.routes[0].legs`);
      await field(page, `${at}.routes[0].legs[0].text`).fill('North stairs to the ground floor');
      await field(page, `${at}.routes[0].legs[0].stairway`).selectOption('stairway-1');
      await field(page, `${at}.routes[0].exit`).fill('Main door');
      await field(page, `${at}.routes[0].assemblyPoint`).selectOption('assembly-point-1');
    }
    // The ground floor's way for someone who cannot use stairs.
    const ground = 'buildings[0].floors[1].routes[1]';
    await add(page, 'buildings[0].floors[1].routes');
    await field(page, `${ground}.kind`).selectOption('step-free');
    await field(page, `${ground}.instruction`).fill('Along the level corridor to the east door');
    await add(page, `${ground}.legs`);
    await field(page, `${ground}.legs[0].kind`).selectOption('corridor');
    await field(page, `${ground}.legs[0].text`).fill('Level corridor to the east door, no steps');
    await field(page, `${ground}.exit`).fill('East door');
    await field(page, `${ground}.assemblyPoint`).selectOption('assembly-point-1');

    // A message at a field, reached from the summary: the B1 route's leg names no stairway.
    await field(page, 'buildings[0].floors[0].routes[0].legs[0].stairway').selectOption('');
    const summary = page.getByTestId('editor-summary');
    await expect.poll(() => summary.textContent(), UI_WAIT).toContain('1 error');
    await summary.locator('summary').click();
    await summary.getByRole('button', { name: /Error/ }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), UI_WAIT).toBe('field:buildings[0].floors[0].routes[0].legs[0]');
    await field(page, 'buildings[0].floors[0].routes[0].legs[0].stairway').selectOption('stairway-1');
    // No error left; B1 and 2F have no step-free way, which the validator warns about.
    await expect.poll(() => page.getByTestId('editor-summary').textContent(), UI_WAIT).toContain('the playbook can be published');

    // The preview is the floor page and the poster staff will see, for the floor being edited.
    const preview = page.getByTestId('editor-preview');
    await preview.getByLabel('Floor to preview').selectOption({ label: `${BUILDING} · 1F` });
    await expect.poll(() => preview.getByTestId('preview-floor-page').textContent(), UI_WAIT).toContain('Along the level corridor to the east door');
    await preview.getByRole('button', { name: 'A4 poster' }).click();
    const poster = preview.getByTestId('preview-poster');
    await expect.poll(() => poster.textContent(), UI_WAIT).toContain('North stairs to the ground floor');
    expect(await poster.locator('[data-url]').getAttribute('data-url')).toContain(`/routes/${playbookId}/building-1/floor-2`);
    await page.screenshot({ path: '.tmp/screens/editor-preview-phone-en.png' });

    await section(page, 'Check and publish');
    await page.getByLabel('What changed').fill('First version for the Harbour Road building');
    await waitSaved(page);
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('publish-done').textContent(), SYNC_WAIT).toContain('revision 1');
  });

  it('a member phone gets it on its next sync and opens a floor page with no network', async () => {
    member = await newSession({ locale: 'en-GB' });
    const page = await enrol(member, enrolmentLink(server, 'Teller phone', 'member'));
    await waitForServiceWorkerControl(page);
    await page.goto(`${server.url}/playbooks`);
    await expect.poll(() => page.locator('main').textContent(), SYNC_WAIT).toContain(TITLE);
    expect(await page.locator('main').textContent()).toMatch(/revision 1/);
    await member.context.setOffline(true);
    await page.goto(`${server.url}/routes/${playbookId}/building-1/floor-1`);
    const route = page.getByTestId('floor-route');
    await expect.poll(() => route.textContent(), SYNC_WAIT).toContain('From B1, take the North stairs down');
    expect(await route.textContent()).toContain('Car park');
    await member.context.setOffline(false);
  });

  it('a member phone may not publish: the editor says so before anything is sent', async () => {
    const page = await member.context.newPage();
    await page.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en&section=publish`);
    await expect.poll(() => page.getByTestId('publish-not-editor').textContent(), SYNC_WAIT).toContain('may not publish');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
  });

  it('a draft survives a killed tab, and a publish over a newer version is told what differs', async () => {
    // The officer starts changing the published playbook on the phone …
    const first = await officer.context.newPage();
    await first.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en`);
    await field(first, 'summary').fill('Revised after the spring drill: B1 leaves by the North stairs only.');
    await waitSaved(first);
    await first.close({ runBeforeUnload: false });
    const again = await officer.context.newPage();
    await again.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en`);
    await expect.poll(() => field(again, 'summary').inputValue(), UI_WAIT).toBe('Revised after the spring drill: B1 leaves by the North stairs only.');

    // … while the deputy, on a tablet, publishes another change from the same version.
    deputy = await newSession({ locale: 'en-GB', viewport: TABLET });
    const tablet = await enrol(deputy, enrolmentLink(server, "Deputy's tablet", 'editor'));
    await tablet.goto(`${server.url}/playbooks`);
    await expect.poll(() => tablet.locator('main').textContent(), SYNC_WAIT).toContain(TITLE);
    await tablet.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en`);
    await field(tablet, 'organisation').fill('Harbour Road Sub-branch (Kowloon)');
    await section(tablet, 'Check and publish');
    await tablet.getByLabel('What changed').fill('Full name of the sub-branch');
    await tablet.getByTestId('publish').click();
    await expect.poll(() => tablet.getByTestId('publish-done').textContent(), SYNC_WAIT).toContain('revision 2');

    // The officer's publish is refused as stale and shows where the two differ.
    await section(again, 'Check and publish');
    await again.getByLabel('What changed').fill('Summary after the drill');
    await again.getByTestId('publish').click();
    const stale = again.getByTestId('publish-stale');
    await expect.poll(() => stale.textContent(), SYNC_WAIT).toContain('revision 2');
    const text = (await stale.textContent()) ?? '';
    expect(text).toContain("Deputy's tablet");
    expect(text).toContain('organisation');
    expect(text).toContain('Harbour Road Sub-branch (Kowloon)');
    expect(text).toContain('summary');
    await again.getByTestId('publish-over').click();
    await expect.poll(() => again.getByTestId('publish-done').textContent(), SYNC_WAIT).toContain('revision 3');
  });

  it('exports the draft as the file the validator checks, imports a file into it, and discards it only when asked twice', async () => {
    const page = await officer.context.newPage();
    await page.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en&section=publish`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-draft').click()]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as Record<string, unknown>;
    const checked = validatePlaybook(exported);
    expect(checked.ok).toBe(true);
    expect(exported.title).toBe(TITLE);

    const file = join(mkdtempSync(join(tmpdir(), 'muster-editor-')), 'harbour.en.json');
    writeFileSync(file, JSON.stringify({ ...exported, title: 'Harbour Road plan, from a file' }));
    await page.getByTestId('import-into-draft').setInputFiles(file);
    await expect.poll(() => page.locator('main').textContent(), UI_WAIT).toContain('Imported "harbour.en.json" into the draft');
    await section(page, 'The plan');
    expect(await field(page, 'title').inputValue()).toBe('Harbour Road plan, from a file');
    await waitSaved(page);

    await section(page, 'Check and publish');
    await page.getByTestId('discard').click();
    // Nothing is gone until the second, on-page confirmation.
    await page.goto(`${server.url}/playbooks`);
    await expect.poll(() => page.getByTestId('drafts').textContent(), UI_WAIT).toContain('Harbour Road plan, from a file');
    await page.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en&section=publish`);
    await page.getByTestId('discard').click();
    await page.getByTestId('discard-confirm').click();
    await page.waitForURL(/\/playbooks$/);
    await expect.poll(() => page.getByTestId('drafts').textContent(), UI_WAIT).not.toContain('Harbour Road plan, from a file');
    // The published playbook is untouched (the library lists it once it has read the device).
    await expect.poll(() => page.getByTestId('playbook-list').textContent(), UI_WAIT).toContain(TITLE);
    await page.close();
  });

  it('every editor section passes an accessibility scan, in English and in Chinese, on a phone', async () => {
    const page = await officer.context.newPage();
    for (const language of ['en', 'zh-CN'] as const) {
      await page.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en`);
      // The top bar's switch; the choice is kept for the pages that follow.
      if (language === 'zh-CN') await page.locator('.lang-toggle').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), UI_WAIT).toBe(language);
      for (const id of ['plan', 'command', 'numbers', 'steps', 'buildings', 'preparation', 'aftermath', 'publish']) {
        await page.goto(`${server.url}/playbooks/${playbookId}/edit?lang=en&section=${id}`);
        await page.getByTestId(`editor-section-${id}`).waitFor();
        // Open the first item of each list, so the fields inside are scanned too.
        const toggles = page.locator('.ed-item-toggle[aria-expanded="false"]');
        if ((await toggles.count()) > 0) await toggles.first().click();
        const violations = await axeViolations(page);
        expect({ language, section: id, violations }).toEqual({ language, section: id, violations: [] });
      }
      await page.screenshot({ path: `.tmp/screens/editor-publish-${language}.png` });
    }
  });
});
