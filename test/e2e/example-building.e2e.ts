import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT, startServer, type RunningServer } from './server-process';

/**
 * The Riverside example (scenarios/examples/): a flood plan with two basements, a mezzanine,
 * refuge areas, conditional and two-leg routes, that a safety officer imports on the Playbooks
 * screen. Once imported, a phone with no network shows every floor's rules and routes, the
 * finder lists it with its floors bottom up, and its posters carry the basement's rule.
 *
 * The branch's server knows the address phones use (PUBLIC_URL), so its posters can be drawn:
 * at 127.0.0.1 they are refused (routes.e2e.ts).
 */
const PUBLIC_URL = 'https://muster.branch.test:8443';
let server: RunningServer | undefined;
beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_URL } });
});
afterAll(async () => {
  await server?.stop();
});
const branchUrl = () => {
  if (!server) throw new Error('the branch server did not start');
  return server.url;
};

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const shots = join(ROOT, '.tmp', 'screens');
const RIVERSIDE = [
  { file: join(ROOT, 'scenarios', 'examples', 'riverside.zh-CN.json'), title: '滨河支行防汛应急预案（示例）' },
  { file: join(ROOT, 'scenarios', 'examples', 'riverside.en.json'), title: 'Riverside Sub-branch flood plan (example)' },
];

/** What each language says, word for word as the plan and the app's texts put it. */
const words = {
  'zh-CN': {
    locale: 'zh-CN',
    title: RIVERSIDE[0]!.title,
    floors: ['B2', 'B1', '一楼', '2M', '二楼'],
    carLift: '无论水位高低，绝不能乘坐汽车电梯。',
    liftRule: '危险：汛情中切勿乘坐电梯',
    firstLeg: /从坡道旁楼梯上到一楼。\s*向上 · 坡道旁楼梯 · 到一楼/,
    secondLeg: /从正门出楼，到滨河路。\s*向外 · 到正门/,
    condition: '适用情况：坡道被水淹时',
    rampRule: '危险：坡道上有积水时切勿涉水',
    stay: '不要下楼，到此等候：二楼避难区：北楼梯旁绿色防火门内',
    firstAction: '留在防火门内，保持防火门关闭。',
    callDesk: /打电话给安保值班台（疏散椅）：\s*0316 555 0110/,
    callTeam: '打电话给疏散引导组： 预案中未填写号码',
    onlyBy: '谁可执行: 仅限电工',
    fromStep: '开始此步骤后 10 分钟内',
    fromIncident: '事件开始后 5 分钟内',
  },
  en: {
    locale: 'en-US',
    title: RIVERSIDE[1]!.title,
    floors: ['B2', 'B1', '1F', '2M', '2F'],
    carLift: 'Never take the car lift, whatever the water level.',
    liftRule: 'Danger: Never use a lift in a flood',
    firstLeg: /Go up the ramp stairs to 1F\.\s*Go up · Ramp stairs \(beside the car ramp\) · to 1F/,
    secondLeg: /Leave by the main door onto Binhe Road\.\s*Go out · to the main door/,
    condition: 'Condition: when the ramp is flooded',
    rampRule: 'Danger: Never walk through water on the ramp',
    stay: 'Do not go down. Wait at: The refuge area on 2F, behind the green fire door by the north stairs',
    firstAction: 'Stay behind the fire door and keep it closed.',
    callDesk: /Call Security desk \(evacuation chair\):\s*0316 555 0110/,
    callTeam: 'Call Evacuation team: number not set in the plan',
    onlyBy: 'Only: the electrician only',
    fromStep: 'within 10 min of starting this step',
    fromIncident: '5 min from the start of the incident',
  },
} as const;

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** Both language files, through the import screen, as the safety officer does it. */
async function importRiverside(page: Page): Promise<void> {
  await page.goto(`${branchUrl()}/playbooks`);
  await page.getByTestId('open-import').click();
  for (const { file, title } of RIVERSIDE) {
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => textOf(page.getByTestId('import-result'))).toContain(title);
  }
}

async function openFloor(page: Page, floorId: string): Promise<Locator> {
  await page.goto(`${branchUrl()}/routes/riverside-flood/main/${floorId}`);
  const floor = page.getByTestId('floor-route');
  await floor.locator('.route-card.kind-primary').waitFor();
  return floor;
}

describe.each(['zh-CN', 'en'] as const)('the Riverside example on a phone with no network (%s)', (language) => {
  const w = words[language];

  it('imported once, shows each floor’s rules, legs, conditions and refuge offline; the finder and the posters have it too', async () => {
    session = await newSession({ locale: w.locale });
    const page = await session.context.newPage();
    await importRiverside(page);
    // The posters learn the address phones use while online, and remember it for printing offline.
    await page.goto(`${branchUrl()}/routes/riverside-flood/main/posters`);
    await page.getByTestId('poster-address').waitFor();
    await waitForServiceWorkerControl(page);
    await session.context.setOffline(true);

    // B2: the building's and the car park's rules before any route, the most severe first.
    const b2 = await openFloor(page, 'floor-b2');
    const rules = b2.locator('.safety-rules').first();
    expect(await rules.locator('.safety-rule').evaluateAll((items) => items.map((li) => li.getAttribute('data-severity')))).toEqual([
      'danger',
      'danger',
      'warning',
    ]);
    expect(await textOf(rules)).toContain(w.liftRule);
    expect(await textOf(rules)).toContain(w.carLift);
    // The rules come first: before the floor's notes and the first route.
    expect(await b2.evaluate((el) => el.querySelector('.safety-rules')?.compareDocumentPosition(el.querySelector('.route-card')!))).toBe(
      4, // Node.DOCUMENT_POSITION_FOLLOWING
    );
    const legs = b2.locator('.route-card.kind-primary .route-legs li');
    expect(await legs.count()).toBe(2);
    expect(await textOf(legs.nth(0))).toMatch(w.firstLeg);
    expect(await textOf(legs.nth(1))).toMatch(w.secondLeg);
    expect(await textOf(b2.locator('.route-card.kind-alternate .route-when'))).toBe(w.condition);
    expect(await textOf(b2.locator('.route-card.kind-step-free'))).toContain(w.rampRule);
    // The other language follows in full: its rules too.
    expect(await textOf(page.getByTestId('floor-route-other').locator('.safety-rules').first())).toContain(
      language === 'en' ? words['zh-CN'].carLift : words.en.carLift,
    );
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: join(shots, `riverside-b2-${language}.png`), fullPage: true });

    // 2F: someone who cannot use the stairs waits in the refuge and calls.
    const second = await openFloor(page, 'floor-2');
    const stay = second.locator('.route-card[data-route="stay"]');
    expect(await textOf(stay.locator('.stay-refuge'))).toBe(w.stay);
    expect(await textOf(stay.locator('.stay-actions li').first())).toBe(w.firstAction);
    const desk = stay.getByRole('link', { name: w.callDesk });
    expect(await desk.getAttribute('href')).toBe('tel:03165550110');
    // The evacuation team has no number in the plan: said so, and no link to nowhere.
    expect(await textOf(stay.locator('.stay-call').nth(1))).toContain(w.callTeam);
    expect(await stay.locator('.stay-call').nth(1).getByRole('link').count()).toBe(0);
    expect(await axeViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: join(shots, `riverside-2f-${language}.png`), fullPage: true });

    // The finder lists the imported flood plan, and its floors bottom up.
    await page.goto(`${branchUrl()}/routes`);
    await page.getByRole('link', { name: w.title }).click();
    const grid = page.getByTestId('floor-grid');
    await grid.getByRole('link').first().waitFor();
    expect(await grid.getByRole('link').allTextContents()).toEqual(w.floors);
    await grid.getByRole('link', { name: w.floors[2], exact: true }).click();
    await page.waitForURL(/\/routes\/riverside-flood\/main\/floor-1$/);

    // The posters, printed offline: floors bottom up, B2's rule in both languages, never cut.
    await page.goto(`${branchUrl()}/routes/riverside-flood/main/posters`);
    const poster = page.getByTestId('poster-floor-b2');
    await poster.waitFor();
    expect(await page.locator('.poster').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-testid')))).toEqual([
      'poster-floor-b2',
      'poster-floor-b1',
      'poster-floor-1',
      'poster-floor-2m',
      'poster-floor-2',
    ]);
    expect(await textOf(poster)).toContain(words['zh-CN'].carLift);
    expect(await textOf(poster)).toContain(words.en.carLift);
    // Every route, the one for when the ramp is flooded too.
    expect(await textOf(poster)).toContain(words['zh-CN'].condition);
    expect(await textOf(poster)).toContain(words.en.condition);
    expect(await textOf(page.getByTestId('poster-floor-2'))).toContain(w.stay);
  });

  it('the reader shows the steps’ conditions, who alone may do them and what their times count from; the floors bottom up', async () => {
    session = await newSession({ locale: w.locale });
    const page = await session.context.newPage();
    await importRiverside(page);
    await page.goto(`${branchUrl()}/playbooks/riverside-flood/${language}`);
    await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
    const alert = await textOf(page.getByTestId('phase-phase.alert'));
    expect(alert).toContain(w.onlyBy);
    expect(alert).toContain(w.fromStep);
    expect(alert).toContain(w.fromIncident);
    const floors = page.getByTestId('building-main').locator('.reader-floor-label');
    expect(await floors.allTextContents()).toEqual(w.floors);
    expect(await textOf(page.getByTestId('floor-main-floor-b2'))).toContain(w.carLift);
    expect(await textOf(page.getByTestId('floor-main-floor-b2'))).toContain(w.condition);
    expect(await textOf(page.getByTestId('floor-main-floor-2'))).toContain(w.stay);
    expect(await axeViolations(page, '#routes')).toEqual([]);
  });
});
