import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCheckInVideo } from '../fixtures/checkin-video';
import { axeViolations, newSession, waitForServiceWorkerControl, type Session } from './browser';
import { admin, DIST, enrolmentLink, startServer, type RunningServer } from './server-process';

// The branch roster end to end, on phones: the safety officer imports the staff list the branch
// already keeps (bad rows named, nothing written until the good rows are confirmed); the roster
// reaches the counter's phone by sync; a member of staff shows "My check-in code" with no
// network; and at the assembly point, offline, the counter's camera reads codes one after another
// (Chromium's fake camera plays a video of the codes) and each person is marked safe once.

const ORG = 'riverside';
const SYNC_WAIT = { timeout: 45_000, interval: 250 };
/** A scan: the fake camera's loop is 8 s long, the first code shows from its start. */
const SCAN_WAIT = { timeout: 30_000, interval: 100 };

const texts = {
  'zh-CN': {
    csv: [
      '姓名,楼层,部门,手机,集合点',
      '王伟,3F,信贷部,13800138000,北广场',
      '李娜,1F,营业部,13800138001,北广场',
      ',2F,保卫部,13800138002,南门',
      '赵敏,2F,保卫部,abc,南门',
      '孙强,B1,金库,13800138003,南门',
      '王伟,3F,信贷部,138 0013 8000,北广场',
    ],
    people: { a: '王伟', b: '李娜', c: '孙强' },
    problems: ['第 4 行，姓名：必填，但是空的', '第 5 行，电话：应为电话号码，例如 13800138000，实际为“abc”'],
    duplicate: '第 7 行：王伟 与第 2 行姓名、电话相同，按同一人只导入一次',
    summary: '新增 3 人 · 修改 0 人 · 不变 0 人 · 有误 2 行',
    imported: '已导入 3 项更改。',
    count: '共 3 人',
    again: '没有需要更改的内容：名单已与文件一致。',
    enrolled: '本设备已加入',
    title: '营业部火警演练',
    place: '北广场',
    counter: '赵保安',
    link: '按分行人员名单清点（3 人）',
    scanned: '扫码记录',
    notCheckIn: '这不是签到码',
    missing: '未清点到：1 人',
  },
  en: {
    csv: [
      'Name,Floor,Team,Phone,Assembly point',
      'Wang Wei,3F,Credit,13800138000,North plaza',
      'Li Na,1F,Counter,13800138001,North plaza',
      ',2F,Security,13800138002,South gate',
      'Zhao Min,2F,Security,abc,South gate',
      'Sun Qiang,B1,Vault,13800138003,South gate',
      'Wang Wei,3F,Credit,138 0013 8000,North plaza',
    ],
    people: { a: 'Wang Wei', b: 'Li Na', c: 'Sun Qiang' },
    problems: ['line 4, Name: required, but empty', "line 5, Phone: expected a phone number such as 13800138000, got 'abc'"],
    duplicate: 'line 7: Wang Wei has the same name and phone as line 2, so is imported once',
    summary: '3 to add · 0 to change · 0 unchanged · 2 rows with mistakes',
    imported: 'Imported 3 changes.',
    count: '3 people',
    again: 'Nothing to change: the roster already matches the file.',
    enrolled: 'This device has joined',
    title: 'Fire drill in the banking hall',
    place: 'North plaza',
    counter: 'Guard Zhao',
    link: 'Count against the branch roster (3 people)',
    scanned: 'scanned by',
    notCheckIn: 'This is not a check-in code',
    missing: 'Not accounted for: 1',
  },
} as const;

interface HeldEvent {
  id: string;
  streamId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** The events this device holds in IndexedDB (what it recorded and what sync brought). */
async function heldEvents(page: Page): Promise<HeldEvent[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
    });
    const rows = await new Promise<unknown[]>((ok, fail) => {
      const req = db.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not read events'));
    });
    db.close();
    return rows as HeldEvent[];
  });
}

async function enrol(session: Session, server: RunningServer, label: string, enrolled: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(enrolmentLink(server, ORG, label));
  await page.getByText(enrolled).waitFor({ timeout: 60_000 });
  await waitForServiceWorkerControl(page);
  return page;
}

/** Decodes the QR code drawn as SVG inside `selector`, by painting it to pixels in the page. */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const size = 400;
  const pixels = await page.locator(selector).evaluate(async (svg, px) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = px;
    canvas.height = px;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0, px, px);
    return Array.from(ctx.getImageData(0, 0, px, px).data);
  }, size);
  return pixels ? (jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null) : null;
}

describe.each(['zh-CN', 'en'] as const)('the branch roster and check-in codes on phones (%s)', (language) => {
  const x = texts[language];
  let server: RunningServer;
  let dir: string;
  let officer: Session | undefined;
  let counter: Session | undefined;
  let officerPage: Page;
  /** Roster ids by name, as the import made them. */
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
    dir = mkdtempSync(join(tmpdir(), 'muster-checkin-'));
  });
  afterAll(async () => {
    await officer?.close();
    await counter?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the safety officer imports the branch’s CSV: each bad row named by line and field, nothing written until the good rows are confirmed', async () => {
    officer = await newSession({ locale: language });
    officerPage = await enrol(officer, server, 'Safety officer’s phone', x.enrolled);
    const page = officerPage;
    // From the settings screen, where the roster is reached.
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('link-roster').click();
    await page.getByRole('link', { name: /导入人员表|Import a staff list/ }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${x.csv.join('\r\n')}`) });

    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe(x.summary);
    expect(await page.getByTestId('import-problems').locator('li').allTextContents()).toEqual(x.problems);
    expect(await page.getByTestId('import-warnings').locator('li').allTextContents()).toEqual([x.duplicate]);
    expect(await axeViolations(page)).toEqual([]);
    // The preview wrote nothing.
    expect((await heldEvents(page)).filter((e) => e.streamId === 'roster')).toEqual([]);

    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain(x.imported);
    const written = (await heldEvents(page)).filter((e) => e.streamId === 'roster');
    expect(written.map((e) => [e.type, e.payload.name]).sort()).toEqual([x.people.a, x.people.b, x.people.c].map((n) => ['roster.personSet', n]).sort());
    ids = Object.fromEntries(written.map((e) => [e.payload.name as string, e.payload.personId as string]));

    // The roster, by floor; importing the same file again changes nothing.
    await page.goto(`${server.url}/roster`);
    await expect.poll(() => page.getByTestId('roster-count').textContent()).toBe(x.count);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/roster/import`);
    await page.getByTestId('import-text').fill(x.csv.join('\n'));
    await page.getByTestId('import-preview-button').click();
    await expect.poll(() => page.getByTestId('import-nothing').textContent()).toBe(x.again);
  }, 120_000);

  it('the counter’s phone receives the roster by sync', async () => {
    // The counter's camera will see A's code, then B's, then a QR code that is not a check-in code.
    const video = join(dir, 'codes.y4m');
    writeCheckInVideo(video, [
      { text: `muster:p:${ids[x.people.a]}`, frames: 30 },
      { text: `muster:p:${ids[x.people.b]}`, frames: 30 },
      { text: 'https://muster.example/routes/fire-evacuation/west-main/floor-3', frames: 20 },
    ]);
    counter = await newSession({
      locale: language,
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    await counter.context.grantPermissions(['camera'], { origin: server.url });
    // The buzz each scan gives, recorded (headless Chromium has no vibration motor).
    await counter.context.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { vibrations: unknown[] }).vibrations = calls;
      navigator.vibrate = (pattern: VibratePattern) => {
        calls.push(pattern);
        return true;
      };
    });
    const page = await enrol(counter, server, 'Counter’s phone', x.enrolled);
    await page.goto(`${server.url}/roster`);
    await expect.poll(() => page.getByTestId('roster-count').textContent(), SYNC_WAIT).toBe(x.count);
    for (const name of Object.keys(ids)) expect(await page.getByTestId(`roster-person-${ids[name]}`).textContent()).toContain(name);
  }, 120_000);

  it('“My check-in code” opens with no network and its QR code reads back as the person’s roster id', async () => {
    const page = officerPage;
    await officer?.context.setOffline(true);
    await page.goto(`${server.url}/check-in`);
    await page.getByTestId('checkin-pick').selectOption(ids[x.people.b] ?? '');
    await page.getByTestId('checkin-show').click();
    await expect.poll(() => page.getByTestId('checkin-name').textContent()).toBe(x.people.b);
    expect(await decodeQr(page, '[data-testid="checkin-qr"] svg')).toBe(`muster:p:${ids[x.people.b]}`);
    expect(await axeViolations(page)).toEqual([]);
    // Remembered on the device: the next time it opens straight on the code, still offline.
    await page.reload();
    await expect.poll(() => page.getByTestId('checkin-name').textContent()).toBe(x.people.b);
    await officer?.context.setOffline(false);
  }, 60_000);

  it('at the assembly point, offline, the camera reads two codes in turn: each person marked safe once, by scan, the name shown', async () => {
    if (!counter) throw new Error('the counter’s phone did not start');
    const page = await counter.context.newPage();
    await page.goto(`${server.url}/incidents/new`);
    await page.getByTestId('start-kind-fire').click();
    await page.getByLabel(/标题|Title/).fill(x.title);
    await page.getByLabel(/地点|Place/).fill(x.place);
    await page.getByTestId('actor-name').fill(x.counter);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const incidentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.goto(`${server.url}/incidents/${encodeURIComponent(incidentId)}?tab=people`);

    // One tap counts against the branch roster.
    expect(await page.getByTestId('link-roster').textContent()).toBe(x.link);
    await page.getByTestId('link-roster').click();
    for (const id of Object.values(ids)) await page.getByTestId(`person-${id}`).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await counter.context.setOffline(true);
    await page.getByTestId('scan-start').click();
    const a = ids[x.people.a] ?? '';
    const b = ids[x.people.b] ?? '';
    // The first person: name in large type, marked safe by scan.
    await expect.poll(() => page.getByTestId('scan-name').getAttribute('data-person'), SCAN_WAIT).toBe(a);
    expect(await page.getByTestId('scan-name').textContent()).toBe(x.people.a);
    await expect.poll(() => page.getByTestId(`person-${a}`).getAttribute('data-status')).toBe('safe');
    expect(await page.getByTestId(`person-${a}`).textContent()).toContain(x.scanned);
    // The next one, without touching the phone.
    await expect.poll(() => page.getByTestId(`person-${b}`).getAttribute('data-status'), SCAN_WAIT).toBe('safe');
    // A QR code that is not a check-in code is said so, and changes nothing.
    await expect.poll(() => page.getByTestId('scan-result').textContent(), SCAN_WAIT).toBe(x.notCheckIn);
    // The video loops: A's code comes round again and is not counted twice.
    await expect.poll(() => page.getByTestId('scan-result').getAttribute('data-kind'), SCAN_WAIT).toBe('already');

    const reports = (await heldEvents(page)).filter((e) => e.streamId === incidentId && e.type === 'person.accounted');
    expect(reports.map((e) => [e.payload.personId, e.payload.status, e.payload.via]).sort()).toEqual(
      [
        [a, 'safe', 'scan'],
        [b, 'safe', 'scan'],
      ].sort(),
    );
    expect(await page.getByTestId('scan-count').textContent()).toMatch(/2/);
    expect(await page.getByTestId('headcount-summary').textContent()).toContain(x.missing);
    expect(await axeViolations(page, '[data-testid="scan-panel"]')).toEqual([]);
    const buzzes = await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations);
    expect(buzzes.filter((p) => p === 120).length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('scan-stop').click();
    await counter.context.setOffline(false);
  }, 120_000);
});
