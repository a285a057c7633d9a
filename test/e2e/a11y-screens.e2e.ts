import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';
import { startServer, type RunningServer } from './server-process';

/** The shared server, opened at 127.0.0.1 with no public address: the posters screen refuses there. */
const baseUrl = inject('baseUrl');

/** A server that knows the https:// address phones use, so the posters themselves are drawn. */
let branchServer: RunningServer | undefined;
beforeAll(async () => {
  branchServer = await startServer({ env: { PUBLIC_URL: 'https://muster.branch.test:8443' } });
});
afterAll(async () => {
  await branchServer?.stop();
});

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The screens a leader uses during an incident, and the route pages staff reach from a poster. */
describe.each([
  ['zh-CN', 'zh-CN'],
  ['en-US', 'en'],
] as const)('axe finds nothing on the incident and route screens (%s)', (locale, language) => {
  it('start, every incident tab, the handover briefing, floor route, posters, duty log, sync and import', async () => {
    session = await newSession({ locale });
    const page = await session.context.newPage();
    const found: string[] = [];
    const scan = async (where: string) => {
      for (const v of await axeViolations(page)) found.push(`${where}: ${v.id} ${v.targets.slice(0, 3).join(' ')}`);
    };
    // The kind of emergency first; the fire playbook in the phone's language is then chosen.
    await page.goto(`${baseUrl}/incidents/new`);
    await page.getByTestId('start-kind-fire').waitFor();
    await scan('start: the kind of emergency');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await page.getByTestId('start-kind-fire').click();
    await page.getByTestId('start-incident').waitFor();
    await scan('start: the fire playbook');
    await page.getByTestId('actor-name').fill('A');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const url = page.url();
    for (const tab of ['now', 'steps', 'timeline', 'roles', 'people', 'log', 'losses', 'end', 'report']) {
      await page.goto(`${url}?tab=${tab}`);
      await page.getByTestId('commander').waitFor();
      await page.locator('.tab-panel > *').first().waitFor();
      await scan(`incident ${tab}`);
    }
    // Handing over command: the briefing the incoming commander reads, a dialog over the incident.
    await page.goto(`${url}?tab=roles`);
    await page.getByTestId('hand-over').click();
    await page.getByTestId('handover-to').fill('B');
    await page.getByTestId('handover-submit').click();
    await page.getByTestId('handover-briefing').waitFor();
    await scan('incident handover briefing');
    // Phone to phone with no network: this phone was never enrolled, so it says it cannot hand over yet.
    await page.goto(`${url}/handover`);
    await page.getByTestId('handover-not-certified').waitFor();
    await scan('incident handover to another phone (not certified)');
    const posters = '/routes/fire-evacuation/west-main/posters';
    const branchUrl = branchServer?.url;
    if (!branchUrl) throw new Error('the PUBLIC_URL server did not start');
    const pages: [string, string, string][] = [
      [baseUrl, '/routes/fire-evacuation/west-main/floor-7', '[data-testid="floor-route"]'],
      // The refusal (this PC's own address), then the posters at the address phones use.
      [baseUrl, posters, '[data-testid="poster-address-problem"]'],
      [branchUrl, posters, '[data-testid="poster-floor-7"]'],
      [baseUrl, '/duty-log', '[data-testid="duty-site"]'],
      [baseUrl, '/sync', 'h1'],
      [baseUrl, '/playbooks/import', '[data-testid="import-file"]'],
      [baseUrl, '/handover', '[data-testid="handover-scan"]'],
    ];
    for (const [origin, path, ready] of pages) {
      await page.goto(`${origin}${path}`);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      await scan(`${path} (${ready})`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
