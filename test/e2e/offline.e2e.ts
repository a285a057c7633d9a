import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLET, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT, startServer, type RunningServer } from './server-process';

const shots = join(ROOT, '.tmp', 'screens');
mkdirSync(shots, { recursive: true });

/** Every playbook shipped in scenarios/: each must open with no network, before anyone opened it online. */
const shipped = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'playbook.schema.json')
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as { id: string; language: string; title: string });

/**
 * One visit online, then no network at all: the browser is set offline AND the server is
 * stopped, so nothing can come from the network even if offline emulation missed a request
 * (service-worker fetches, for one). Everything below is served by the service worker.
 */
async function visitOnceThenGoOffline(
  locale: string,
  viewport?: { width: number; height: number },
): Promise<{ session: Session; page: Page; origin: string; server: RunningServer }> {
  const server = await startServer();
  const session = await newSession(viewport ? { locale, viewport } : { locale });
  const page = await session.context.newPage();
  await page.goto(server.url);
  await page.getByTestId('routes-entry').waitFor();
  await waitForServiceWorkerControl(page);
  await server.stop();
  await session.context.setOffline(true);
  return { session, page, origin: server.url, server };
}

describe('a member of staff in a basement with no signal, after one visit (Chinese phone)', () => {
  let session: Session;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    ({ session, page, origin } = await visitOnceThenGoOffline('zh-CN'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the home screen opens on reload and shows that the device is offline', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('routes-entry').textContent()).toContain('疏散路线');
    await page.getByRole('heading', { name: '应急预案', exact: true }).waitFor(); // the lists arrive just after the first screen
    const indicator = page.getByTestId('offline-indicator');
    await expect.poll(() => indicator.isVisible()).toBe(true);
    expect(await indicator.textContent()).toContain('离线');
    await page.screenshot({ path: join(shots, 'offline-home-phone-zh.png') });
  });

  it('the playbook library lists every shipped playbook', async () => {
    await page.goto(`${origin}/playbooks`);
    const list = page.getByTestId('playbook-list');
    await list.waitFor();
    for (const p of shipped) expect(await list.textContent()).toContain(p.title);
    expect(shipped.map((p) => `${p.id}/${p.language}`).sort()).toEqual([
      'credit-risk-self-inspection/en',
      'credit-risk-self-inspection/zh-CN',
      'fire-evacuation/en',
      'fire-evacuation/zh-CN',
      'flood-emergency/en',
      'flood-emergency/zh-CN',
    ]);
  });

  for (const p of shipped) {
    it(`the ${p.id} playbook in ${p.language} opens in full: “${p.title}”`, async () => {
      await page.goto(`${origin}/playbooks/${p.id}/${p.language}`);
      // The app's own reader (the page's pre-rendered copy has no offline mark in its top bar).
      await page.getByTestId('playbook-reader').getByRole('heading', { level: 1, name: p.title }).waitFor();
      // The body, not just the title: the response steps come from the playbook's own chunk.
      expect(await page.locator('#phases li').count()).toBeGreaterThan(3);
      expect(await page.getByTestId('offline-indicator').isVisible()).toBe(true);
    });
  }

  it('the evacuation routes open, down to the route of a floor', async () => {
    await page.goto(`${origin}/routes`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('疏散路线');
    await page.getByRole('link', { name: '灭火和应急疏散预案' }).click();
    await page.locator('main .big-choice').first().click();
    await page.getByTestId('floor-grid').getByRole('link').first().click();
    await page.getByTestId('floor-route').waitFor();
    expect(await page.getByTestId('offline-indicator').isVisible()).toBe(true);
  });

  it('the API is never answered from the cache, not even with the app shell', async () => {
    const api = await page.evaluate(async () => {
      try {
        const r = await fetch('/api/health');
        return `answered ${r.status}: ${(await r.text()).slice(0, 40)}`;
      } catch {
        return 'failed';
      }
    });
    expect(api).toBe('failed');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((u) => u.startsWith('/api'))).toEqual([]);
    // A navigation to /api/ does not fall back to the shell either: it fails like any offline request.
    const navigation = await page.goto(`${origin}/api/health`).then(
      (r) => `answered ${r?.status() ?? 0}`,
      (e: unknown) => String(e),
    );
    expect(navigation).toMatch(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|ERR_CONNECTION_REFUSED/);
  });

  // Recording offline, in the same session: no network and no server since the first visit.
  let incidentUrl = '';
  it('the on-duty leader starts the flood playbook as an incident offline, and it is on the home screen after a reload', async () => {
    // A fresh tab: the one above was left on the browser's own error page by the /api navigation.
    page = await session.context.newPage();
    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await page.goto(`${origin}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel('标题').fill('夜间地下室进水');
    await page.getByTestId('actor-name').fill('王值班');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    incidentUrl = page.url();
    await expect.poll(() => page.getByTestId('commander').textContent()).toContain('王值班');
    await page.goto(origin);
    await page.reload();
    await expect.poll(() => page.getByTestId('incident-list').textContent()).toContain('夜间地下室进水');
  });

  it('steps marked done and notes written offline are in the timeline after a reload, each with who and when', async () => {
    await page.goto(incidentUrl);
    // The incident opens on "now"; the full checklist is one tap away.
    await page.getByRole('navigation', { name: '事件分栏' }).getByRole('link', { name: '步骤' }).click();
    for (const step of ['step.command.interim', 'step.command.call-members']) {
      await page.getByTestId(`step-${step}`).getByRole('button', { name: '完成' }).click();
      await expect.poll(() => page.getByTestId(`step-${step}`).getAttribute('data-status')).toBe('done');
    }
    await page.getByRole('navigation', { name: '事件分栏' }).getByRole('link', { name: '时间线' }).click();
    await page.getByTestId('note-text').fill('负一层水深约 20 厘米');
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('负一层水深约 20 厘米');
    await page.reload();
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('负一层水深约 20 厘米');
    expect(timeline).toContain('王值班');
    expect(timeline).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/);
    expect(await page.getByTestId('timeline').locator('li').count()).toBe(4);
  });

  it('duty-log entries written offline are kept and waiting in the outbox', async () => {
    await page.goto(`${origin}/duty-log`);
    await page.getByTestId('duty-site').fill('xx支行');
    await page.getByTestId('duty-site').press('Enter');
    await page.getByTestId('duty-text').fill('02:30 已通知物业抽水');
    await page.getByTestId('duty-submit').click();
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain('02:30 已通知物业抽水');
    await page.reload();
    await expect.poll(() => page.getByTestId('duty-entries').textContent()).toContain('02:30 已通知物业抽水');
    const waiting = await page.evaluate(
      () =>
        new Promise<number>((ok, fail) => {
          const open = indexedDB.open('muster');
          open.onerror = () => fail(new Error('no database'));
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => ok(count.result);
          };
        }),
    );
    // The declaration, two steps, the note and the duty entry: nothing sent, nothing lost.
    expect(waiting).toBe(5);
  });
});

describe('offline on a tablet, in English', () => {
  it('the home screen and settings open from the cache and say the device is offline', async () => {
    const { session, page, origin } = await visitOnceThenGoOffline('en-US', TABLET);
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('routes-entry').textContent()).toContain('Evacuation routes');
      await expect.poll(() => page.getByTestId('offline-indicator').textContent()).toContain('Offline');
      await page.screenshot({ path: join(shots, 'offline-home-tablet-en.png') });
      await page.goto(`${origin}/settings`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
      // The settings page knows it is offline (its own mark in the top bar) before the check is asked for.
      await expect.poll(() => page.getByTestId('offline-indicator').textContent()).toContain('Offline');
      await page.getByTestId('check-update').click();
      // This Chromium (150) may report navigator.onLine true in a page the service worker served
      // under offline emulation: the app then says so once the browser's own check has failed.
      await expect
        .poll(() => page.getByTestId('update-check').textContent(), { timeout: 30_000, interval: 100 })
        .toBe('Could not reach the server to check for an update. Try again when the network is back.');
    } finally {
      await session.close();
    }
  });
});
