import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { buildApp } from '../../build/build-app';
import { DIST, ROOT, startServer, type RunningServer } from './server-process';

const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

const VERSION_B = 'e2e-next';
const TITLE = '地下一层进水（演练）';

/** What the device holds, read with raw IndexedDB (the page exposes nothing for tests). */
interface Stored {
  events: { id: string; streamId: string; type: string }[];
  outbox: { eventId: string }[];
  streams: { streamId: string; rev: number }[];
}

async function readRaw(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(new Error(String(req.error)));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(new Error(String(req.error)));
      });
    // Rows, and an incident's synced events packed many to a row (src/storage/packs.ts).
    const [rows, outbox, streams, packs] = await Promise.all([all('events'), all('outbox'), all('streams'), all('packs')]);
    db.close();
    const events = [...rows, ...(packs as { events: unknown[] }[]).flatMap((p) => p.events)];
    return { events, outbox, streams } as Stored;
  });
}

async function version(page: Page): Promise<string> {
  const el = page.getByTestId('app-version');
  await el.waitFor();
  return (await el.textContent()) ?? '';
}

/** Client-side navigation through the tab bar: no reload, the same page keeps running. */
async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('navigation').last().getByRole('link', { name }).click();
}

describe('a new version arrives during an open incident', () => {
  let work: string;
  let served: string;
  let server: RunningServer;
  let session: Session;

  beforeAll(() => {
    // Version A is the suite's shared build; version B the same sources with another version.
    work = mkdtempSync(join(tmpdir(), 'muster-update-'));
    served = join(work, 'served');
    cpSync(DIST, served, { recursive: true });
    buildApp({ outDir: join(work, 'b'), env: { MUSTER_APP_VERSION: VERSION_B } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('is offered and waits for the leader; accepted, it keeps the incident and every event', async () => {
    server = await startServer({ staticDir: served });
    session = await newSession({ locale: 'zh-CN' });
    const page = await session.context.newPage();
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);

    // The on-duty leader starts the flood playbook as a drill and ticks off two steps.
    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await page.goto(`${server.url}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('地点').fill('营业部 B1');
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    await page.getByRole('navigation', { name: '事件分栏' }).getByRole('link', { name: '步骤' }).click();
    for (const step of ['step.command.interim', 'step.command.call-members']) {
      await page.getByTestId(`step-${step}`).getByRole('button', { name: '完成' }).click();
      await expect.poll(() => page.getByTestId(`step-${step}`).getAttribute('data-status')).toBe('done');
    }
    const before = await readRaw(page);
    expect(before.events.length).toBeGreaterThanOrEqual(3);
    await openTab(page, '首页');
    await expect.poll(() => page.getByText(TITLE).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    await openTab(page, '设置');
    const versionA = await version(page);
    expect(versionA).not.toBe(VERSION_B);

    // Version B goes up on the server; the next visit finds it.
    rmSync(served, { recursive: true, force: true });
    cpSync(join(work, 'b'), served, { recursive: true });
    await page.reload();
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 30_000 });
    // The words wait for the database to say whether an incident is open: never the plain hint first.
    await expect
      .poll(() => page.getByTestId('update-banner-text').textContent())
      .toBe('本设备上有进行中的事件，更新将等待您的决定。请在事件处置允许时再更新，已记录的内容都会保留。');
    expect(await axeViolations(page, '[data-testid="update-banner"]')).toEqual([]);
    await page.screenshot({ path: join(shots, 'update-banner-incident-phone-zh.png') });

    // Never forced: reloading keeps version A running, and the offer stands.
    await page.goto(`${server.url}/settings`);
    expect(await version(page)).toBe(versionA);
    await banner.waitFor();

    // "Later" hides it; "check for update" on the settings screen brings it back.
    await page.getByTestId('update-later').click();
    await expect.poll(() => banner.count()).toBe(0);
    await page.getByTestId('check-update').click();
    await expect.poll(() => page.getByTestId('update-check').textContent()).toBe('新版本已准备好，可通过屏幕顶部的提示进行更新。');
    await banner.waitFor();
    expect(await version(page)).toBe(versionA);

    // Accepted: the new worker takes over and the page reloads into version B.
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByTestId('update-accept').click()]);
    await expect.poll(() => page.getByTestId('app-version').textContent(), { timeout: 15_000 }).toBe(VERSION_B);
    expect(await banner.count()).toBe(0);

    // Everything recorded is still there, field for field, and the incident is on the home screen.
    const after = await readRaw(page);
    const byKey =
      <T>(key: keyof T) =>
      (a: T, b: T) =>
        String(a[key]).localeCompare(String(b[key]));
    expect([...after.events].sort(byKey('id'))).toEqual([...before.events].sort(byKey('id')));
    expect([...after.streams].sort(byKey('streamId'))).toEqual([...before.streams].sort(byKey('streamId')));
    // Nothing was sent (this phone is not enrolled), so nothing may have left the outbox either.
    expect([...after.outbox].sort(byKey('eventId'))).toEqual([...before.outbox].sort(byKey('eventId')));
    await openTab(page, '首页');
    await expect.poll(() => page.getByText(TITLE).count()).toBeGreaterThan(0);

    // And version B works offline too: its worker precached its own chunks.
    await server.stop();
    await session.context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByText(TITLE).count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/settings`);
    expect(await version(page)).toBe(VERSION_B);
  });
});
