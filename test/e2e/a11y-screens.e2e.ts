import { afterEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';

const baseUrl = inject('baseUrl');

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
  it('start, every incident tab, floor route, posters, duty log, sync and import', async () => {
    session = await newSession({ locale });
    const page = await session.context.newPage();
    const found: string[] = [];
    const scan = async (where: string) => {
      for (const v of await axeViolations(page)) found.push(`${where}: ${v.id} ${v.targets.slice(0, 3).join(' ')}`);
    };
    await page.goto(`${baseUrl}/incidents/new?playbook=fire-evacuation&lang=${language}`);
    await page.getByTestId('start-incident').waitFor();
    await scan('start');
    await page.getByTestId('actor-name').fill('A');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const url = page.url();
    for (const tab of ['steps', 'timeline', 'roles', 'people', 'log', 'losses', 'end', 'report']) {
      await page.goto(`${url}?tab=${tab}`);
      await page.getByTestId('commander').waitFor();
      await page.locator('.tab-panel > *').first().waitFor();
      await scan(`incident ${tab}`);
    }
    const pages: [string, string][] = [
      ['/routes/fire-evacuation/west-main/floor-7', '[data-testid="floor-route"]'],
      ['/routes/fire-evacuation/west-main/posters', '[data-testid="poster-floor-7"]'],
      ['/duty-log', '[data-testid="duty-site"]'],
      ['/sync', 'h1'],
      ['/playbooks/import', '[data-testid="import-file"]'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      await scan(path);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
