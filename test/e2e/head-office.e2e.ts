import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';
import { admin, enrolmentLink, DIST, startServer, type RunningServer } from './server-process';

// Head office watches its branches: a branch's phone declares a flood and ticks its steps; the
// head-office tablet, enrolled with a head-office token, sees the incident appear and its
// counts change without a reload (the server's `branch` hint on its stream), opens it read
// only, with its timeline and report, in both languages. Each device is its own Chromium
// profile, enrolled with a token of its own, against this file's own server.

const HQ = 'hq';
const RIVERSIDE = 'riverside';
const OFFICER = 'Officer Zhao';
const TITLE = 'Basement flooding';
/** A hint, a pull, a render: bounded for a slow, busy machine; never a sleep. */
const ARRIVAL = { timeout: 30_000, interval: 100 };
const HEAD_OFFICE_TABLET = { width: 1024, height: 768 };

async function enrol(session: Session, server: RunningServer, orgId: string, label: string, ...flags: string[]): Promise<Page> {
  const link = enrolmentLink(server, orgId, label, ...flags);
  const page = await session.context.newPage();
  await page.goto(link);
  await page.getByText('This device has joined').waitFor({ timeout: 60_000 });
  return page;
}

/** A figure of the row, as the tablet shows it ("2", "unknown"). */
function figure(row: Locator, name: 'unaccounted' | 'overdue'): Promise<string | null> {
  return row.getByTestId(name).getAttribute('data-value');
}

async function stepDone(page: Page, stepId: string): Promise<void> {
  await page.getByTestId(`step-${stepId}`).getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => page.getByTestId(`step-${stepId}`).getAttribute('data-status')).toBe('done');
}

describe('head office sees a branch’s flood live, and reads it without touching it', () => {
  let server: RunningServer;
  let phone: Session | undefined;
  let tablet: Session | undefined;
  let officer: Page;
  let hq: Page;
  let incidentId = '';

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Head office', '--id', HQ);
    admin(server.dataDir, 'org', 'create', 'Riverside Sub-branch', '--id', RIVERSIDE, '--parent', HQ);
    // A long name, as real ones are: it wraps, it never pushes a number off the screen.
    admin(server.dataDir, 'org', 'create', 'Harbour District Sub-branch of the Eastern Region (Business Department No. 2)', '--id', 'harbour', '--parent', HQ);
    phone = await newSession({ locale: 'en-US' });
    tablet = await newSession({ locale: 'en-US', viewport: HEAD_OFFICE_TABLET });
    officer = await enrol(phone, server, RIVERSIDE, 'Officer’s phone');
    hq = await enrol(tablet, server, HQ, 'Head office tablet', '--role', 'head-office');
  });

  afterAll(async () => {
    await phone?.close();
    await tablet?.close();
    await server?.stop();
  });

  it('the home screen of the head-office tablet offers the overview, which has nothing open yet', async () => {
    await hq.goto(server.url);
    await hq.getByTestId('head-office-entry').click({ timeout: ARRIVAL.timeout });
    await hq.waitForURL(/\/head-office$/);
    await hq.getByTestId('no-open-incidents').waitFor({ timeout: ARRIVAL.timeout });
    expect(await hq.getByTestId('head-office-summary').textContent()).toContain('0 open');
    // The branch's phone is a member's: no such entry there.
    await officer.goto(server.url);
    await officer.getByTestId('new-incident').waitFor();
    expect(await officer.getByTestId('head-office-entry').count()).toBe(0);
  });

  it('the officer declares a flood: it appears on the tablet without a reload, with its steps, headcount and live branch', async () => {
    // What the tablet asks the server from here on: the hint must bring that one branch, not a round.
    const asked: string[] = [];
    hq.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/v1/branches')) asked.push(path);
    });
    await officer.goto(`${server.url}/incidents/new`);
    await officer.getByTestId('start-kind-flood').click();
    await officer.getByLabel('Title').fill(TITLE);
    await officer.getByLabel('Place').fill('B1');
    await officer.getByTestId('actor-name').fill(OFFICER);
    await officer.getByTestId('start-incident').click();
    await officer.waitForURL(/\/incidents\/inc-/);
    incidentId = decodeURIComponent(new URL(officer.url()).pathname.split('/').pop() ?? '');

    const row = hq.getByTestId(`row-${incidentId}`);
    await row.waitFor({ timeout: ARRIVAL.timeout });
    // The kind and the figures that need the playbook follow once the tablet has loaded it.
    await expect.poll(() => row.textContent(), ARRIVAL).toContain('Flood');
    const text = await row.textContent();
    expect(text).toContain(TITLE);
    expect(text).toContain('Riverside Sub-branch');
    expect(text).toContain('Flood');
    expect(text).toContain('Real');
    expect(text).toContain(OFFICER);
    expect(await row.getByTestId('branch-contact').textContent()).toBe('Live');
    expect(await row.getByTestId('steps').textContent()).toMatch(/^0 done · 0 skipped · of \d+$/);
    // No headcount taken yet: unknown, and said so, never 0.
    expect(await figure(row, 'unaccounted')).toBe('unknown');
    expect(await row.getByTestId('unaccounted').textContent()).toContain('no headcount yet');
    // The shipped flood plan sets no target times: nothing is overdue, and 0 is shown as 0.
    expect(await figure(row, 'overdue')).toBe('0');
    expect(await row.getByTestId('overdue').textContent()).toBe('0');
    // A tablet gets the table.
    expect(await hq.getByRole('table', { name: 'Open incidents across branches' }).count()).toBe(1);
    // Brought by the branch's hint: only Riverside's events were asked for, never the list.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([`/api/v1/branches/${RIVERSIDE}/events`]));
  });

  it('the officer ticks steps and counts people: the tablet’s counts follow, open incidents needing attention first', async () => {
    await officer.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Steps' }).click();
    await stepDone(officer, 'step.command.interim');
    await stepDone(officer, 'step.command.call-members');
    const row = hq.getByTestId(`row-${incidentId}`);
    await expect.poll(() => row.getByTestId('steps').textContent(), ARRIVAL).toMatch(/^2 done · 0 skipped/);

    await officer.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Headcount' }).click();
    await officer.getByTestId('roster-input').fill('Li\nWang\nZhou');
    await officer.getByRole('button', { name: /^Add$/ }).click();
    await officer.getByTestId('person-Li').getByRole('button', { name: 'Safe' }).click();
    await expect.poll(() => officer.getByTestId('headcount-summary').textContent()).toContain('Not accounted for: 2');

    await expect.poll(() => figure(row, 'unaccounted'), ARRIVAL).toBe('2');
    expect(await row.getAttribute('class')).toContain('attention');
    expect(await row.textContent()).toContain('Needs attention');
    expect(await hq.getByTestId('head-office-summary').textContent()).toContain('1 need attention');
  });

  it('the tablet opens the incident read only: whose it is, as of when, its timeline and report, and no button that writes', async () => {
    await hq.getByTestId(`row-${incidentId}`).getByRole('link', { name: TITLE }).click();
    await hq.waitForURL(new RegExp(`/head-office/${RIVERSIDE}/incidents/`));
    const banner = hq.getByTestId('read-only-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Riverside Sub-branch’s incident · read only');
    expect(await hq.getByTestId('as-of').textContent()).toMatch(/Records received as of \d\d:\d\d/);
    expect(await hq.getByTestId('commander').textContent()).toContain(OFFICER);

    // The checklist, as the branch sees it, with nothing to press.
    await expect.poll(() => hq.getByTestId('step-step.command.interim').getAttribute('data-status')).toBe('done');
    const writing = hq.getByRole('button', { name: /^(Done|Skip|Start|Reopen|Hand over command)$/ });
    expect(await writing.count()).toBe(0);

    await hq.getByRole('navigation', { name: 'Parts of this incident' }).getByRole('link', { name: 'Timeline' }).click();
    await expect.poll(() => hq.getByTestId('timeline').textContent()).toContain(OFFICER);
    expect(await hq.getByTestId('note-text').count()).toBe(0);
    expect(await hq.getByRole('button', { name: 'Strike out' }).count()).toBe(0);

    await hq.getByRole('navigation', { name: 'Parts of this incident' }).getByRole('link', { name: 'People' }).click();
    await expect.poll(() => hq.getByTestId('headcount-summary').textContent()).toContain('Not accounted for: 2');
    expect(await hq.getByTestId('roster-input').count()).toBe(0);
    expect(await hq.getByTestId('person-Wang').getByRole('button').count()).toBe(0);

    await hq.getByRole('navigation', { name: 'Parts of this incident' }).getByRole('link', { name: 'Report' }).click();
    await expect.poll(() => hq.getByTestId('report-summary').textContent(), ARRIVAL).toMatch(/^2 of \d+ steps done/);

    // A step ticked at the branch now shows here too, without a reload.
    await officer.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Steps' }).click();
    await stepDone(officer, 'step.command.report-head-office');
    await hq.getByRole('navigation', { name: 'Parts of this incident' }).getByRole('link', { name: 'Steps' }).click();
    await expect.poll(() => hq.getByTestId('step-step.command.report-head-office').getAttribute('data-status'), ARRIVAL).toBe('done');
  });

  it('reads in Chinese too', async () => {
    await hq.getByTestId('language-toggle').click();
    expect(await hq.getByTestId('read-only-banner').textContent()).toContain('Riverside Sub-branch 的事件 · 只读');
    await hq.getByRole('link', { name: '返回各网点事件' }).click();
    const row = hq.getByTestId(`row-${incidentId}`);
    await row.waitFor();
    expect(await hq.getByRole('heading', { level: 1 }).textContent()).toBe('各网点事件');
    expect(await row.textContent()).toContain('实战');
    expect(await row.textContent()).toContain('完成 3 · 跳过 0');
    expect(await row.getByTestId('branch-contact').textContent()).toBe('在线');
    await hq.getByTestId('language-toggle').click();
    await expect.poll(() => hq.getByRole('heading', { level: 1 }).textContent()).toBe('Branches’ incidents');
  });

  it('has no accessibility violations on the overview or the branch’s incident, in either language', async () => {
    const found: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      await hq.goto(`${server.url}/head-office`);
      await hq.getByTestId(`row-${incidentId}`).waitFor();
      for (const v of await axeViolations(hq)) found.push(`${language} overview: ${v.id} ${v.targets.slice(0, 3).join(' ')}`);
      for (const tab of ['steps', 'timeline', 'people']) {
        await hq.goto(`${server.url}/head-office/${RIVERSIDE}/incidents/${encodeURIComponent(incidentId)}?tab=${tab}`);
        await hq.getByTestId('read-only-banner').waitFor();
        await hq.getByTestId('branch-incident').locator('.tab-panel > *').first().waitFor();
        for (const v of await axeViolations(hq)) found.push(`${language} ${tab}: ${v.id} ${v.targets.slice(0, 3).join(' ')}`);
      }
      await hq.getByTestId('language-toggle').click();
    }
    expect(found).toEqual([]);
  });
});
