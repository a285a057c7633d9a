import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/storage/sqlite';
import { newSession, PHONE, type Session } from './browser';
import {
  codesShown,
  enrolCertified,
  fakeCameraArgs,
  frameHeader,
  heldIncident,
  readCodeOnScreen,
  receiveByScan,
  writeBlankCamera,
  writeHandoverVideo,
  type Envelope,
  type ScanOutcome,
  type ShownCodes,
} from './handover-phones';
import { admin, DIST, freePort, startServer, type RunningServer } from './server-process';

// Issue 21, the scan path. A flood takes out the branch's power and the mobile network. The
// duty officer's phone (in Chinese) has run the first hour; the branch leader arrives with
// theirs (in English). Both were enrolled and synced once before, so each holds its
// organisation's certificate. With the server down and both phones offline, the leader's phone
// reads the duty phone's handover codes off its screen (Chromium's fake camera plays a video of
// the very codes the screen shows, a tenth of them missed on the first pass) and ends with the
// same incident; the leader records, and hands back the same way. When the network returns,
// the server holds every event exactly once, the duty phone's taken from the leader's phone on
// the duty phone's signature.

const ORG = 'riverside';
const DUTY_LABEL = '值班手机';
const LEADER_LABEL = 'Branch leader’s phone';
const OFFICER = '王值班';
const LEADER = 'Leader Zhang';
/** Sync over the real network stack of a busy machine: generous, but bounded. */
const SYNC_WAIT = { timeout: 60_000, interval: 250 };
const UI_WAIT = { timeout: 15_000 };
/** A scan ends once every code has come round; a busy machine decodes fewer frames and needs more rounds. */
const SCAN_TIMEOUT_MS = 240_000;

/** Steps the duty officer ticks off while the network still works, then with none. */
const STEPS_ONLINE = ['step.command.interim', 'step.command.call-members'];
const STEPS_OFFLINE = [
  'step.command.report-head-office',
  'step.command.ready-rescuers',
  'step.respond.take-posts',
  'step.respond.evacuate',
  'step.respond.move-property',
];
/** Moved too early, reopened, then done again: two more records. */
const STEP_REOPENED = 'step.respond.move-property';
const STEP_BY_LEADER = 'step.command.on-site';

/** The first hour's notes, as a duty officer types them; some with a quick tag. */
const NOTES: { text: string; tag?: string }[] = [
  { text: '02:10 营业厅东门进水，水深约五厘米', tag: '水位' },
  { text: '负一层配电间门口积水，已通知物业' },
  { text: '02:18 市电中断，应急照明已亮', tag: '已断电' },
  { text: '已拨打分行值班电话，报告进水情况' },
  { text: '保安李强到岗，在东门堆放沙袋' },
  { text: '柜员张敏、赵磊到岗，协助转移凭证' },
  { text: '02:31 东门水深十二厘米，仍在上涨', tag: '水位' },
  { text: '金库门已关闭并上锁，钥匙由王值班保管' },
  { text: '营业厅客户三人已引导至二楼休息区', tag: '人员已疏散' },
  { text: '自助银行区域已断开电源并张贴停用告示' },
  { text: '02:45 负一层积水约二十厘米，停止人员进入', tag: '水位' },
  { text: '重要凭证箱四个已搬至三楼档案室', tag: '财产已转移' },
  { text: '联系消防119，告知地下室进水，暂不需要救援' },
  { text: '02:58 东门水深十五厘米，上涨放缓', tag: '水位' },
  { text: '备用发电机未启动，油量不足，已联系供应商' },
  { text: '监控主机转由UPS供电，可维持约四十分钟' },
  { text: '03:05 分行领导已出发，预计二十分钟到达' },
  { text: '沙袋不足，向相邻网点借调二十袋' },
  { text: '03:12 营业厅全部人员已撤离至二楼，共九人', tag: '人员已疏散' },
  { text: '03:20 东门水深十六厘米，基本稳定', tag: '水位' },
  { text: '档案室窗户渗水，已用防水布遮挡' },
  { text: '清点现金尾箱，数量与登记一致' },
];
const LEADER_NOTE = 'On site at 03:30: command taken over from the duty officer, staff stay upstairs';

/** The incident's events as the server holds them. */
interface StoredRow {
  id: string;
  device_id: string;
  actor: string;
  hlc: string;
  type: string;
  payload: string;
  token_label: string | null;
}

/** Each timeline entry as a person reads it: its time and kind, and what the entry says under it about where it came from. */
async function timelineEntries(page: Page): Promise<{ at: string; type: string; what: string; origin: string | null }[]> {
  await page.getByTestId('timeline').waitFor(UI_WAIT);
  return page
    .getByTestId('timeline')
    .locator(':scope > li')
    .evaluateAll((items) =>
      items.map((li) => ({
        at: li.querySelector('time')?.getAttribute('dateTime') ?? '',
        type: li.getAttribute('data-type') ?? '',
        what: li.querySelector('.tl-what')?.textContent ?? '',
        origin: li.querySelector('[data-testid="tl-origin"]')?.textContent ?? null,
      })),
    );
}

/** Every step row's status, in the order the checklist shows them. */
async function checklist(page: Page): Promise<[string, string][]> {
  await page.locator(TAB_READY.steps).first().waitFor(UI_WAIT);
  return page
    .locator(TAB_READY.steps)
    .evaluateAll((rows) => rows.map((r): [string, string] => [r.getAttribute('data-testid') ?? '', r.getAttribute('data-status') ?? '']));
}

/** What shows once an incident tab is ready to use. */
const TAB_READY = { steps: 'li[data-testid^="step-"]', timeline: '[data-testid="note-text"]' } as const;

/** Opens the incident on `tab` by its address, as from the home screen's list (the app's offline shell answers it). */
async function openIncident(page: Page, base: string, incidentId: string, tab: keyof typeof TAB_READY): Promise<void> {
  await page.goto(`${base}/incidents/${encodeURIComponent(incidentId)}?tab=${tab}`);
  await page.locator(TAB_READY[tab]).first().waitFor(UI_WAIT);
}

async function openTab(page: Page, tab: keyof typeof TAB_READY): Promise<void> {
  await page.locator(`nav.tabs a[href*="tab=${tab}"]`).click();
  await page.locator(TAB_READY[tab]).first().waitFor(UI_WAIT);
}

async function markDone(page: Page, stepId: string): Promise<void> {
  const row = page.getByTestId(`step-${stepId}`);
  await row.locator('.done-button').click();
  await expect.poll(() => row.getAttribute('data-status'), UI_WAIT).toBe('done');
}

async function reopen(page: Page, stepId: string): Promise<void> {
  const row = page.getByTestId(`step-${stepId}`);
  // A step done offers one action: reopen it.
  await row.locator('.step-actions button').click();
  await expect.poll(() => row.getAttribute('data-status'), UI_WAIT).toBe('open');
}

async function addNote(page: Page, note: { text: string; tag?: string }): Promise<void> {
  await page.getByTestId('note-text').fill(note.text);
  if (note.tag) await page.locator('form:has([data-testid="note-text"])').getByRole('button', { name: note.tag, exact: true }).click();
  await page.getByTestId('add-note').click();
  await expect.poll(() => page.getByTestId('timeline').textContent(), UI_WAIT).toContain(note.text);
}

/** How long the scan took, for the run's record: the issue asks for under a minute, which a busy machine may not give, so it is reported, not asserted. */
function scanTook(scanned: ScanOutcome, { codes, paceMs }: ShownCodes): string {
  return `${codes.length} codes, one every ${Math.round(paceMs)} ms on screen, scanned in ${(scanned.ms / 1000).toFixed(1)} s (${scanned.barcodeDetector ? 'BarcodeDetector' : 'jsQR in a worker'})`;
}

/** Whether the page can reach anything at all: it believes it is offline, and a request to its own server fails. */
async function reachesNetwork(page: Page): Promise<{ online: boolean; fetched: boolean }> {
  return page.evaluate(async () => {
    try {
      await fetch('/api/health', { cache: 'no-store' });
      return { online: navigator.onLine, fetched: true };
    } catch {
      return { online: navigator.onLine, fetched: false };
    }
  });
}

describe('two phones with no network hand an incident over by scanning each other’s codes', () => {
  let server: RunningServer;
  let port: number;
  let dataDir: string;
  let dir: string;
  let duty: Session | undefined;
  let leader: Session | undefined;
  let dutyPage: Page;
  let leaderPage: Page;
  let incidentId = '';
  let dutyCamera = '';
  let leaderCamera = '';

  const onServer = (streamId: string): StoredRow[] => {
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare(
          `SELECT e.id, e.device_id, e.actor, e.hlc, e.type, e.payload, t.label AS token_label
             FROM events e LEFT JOIN device_tokens t ON t.id = e.token_id
            WHERE e.org_id = ? AND e.stream_id = ? ORDER BY e.seq`,
        )
        .all(ORG, streamId) as StoredRow[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // The server's data folder and port are the test's own: the server is stopped while the
    // phones have no network, and started again on both when it returns.
    dataDir = mkdtempSync(join(tmpdir(), 'muster-handover-scan-data-'));
    dir = mkdtempSync(join(tmpdir(), 'muster-handover-scan-'));
    port = await freePort();
    server = await startServer({ staticDir: DIST, dataDir, port });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
    // Each phone's camera: pointed at nothing until the other phone shows its codes.
    dutyCamera = join(dir, 'duty-camera.y4m');
    leaderCamera = join(dir, 'leader-camera.y4m');
    writeBlankCamera(dutyCamera);
    writeBlankCamera(leaderCamera);
  });
  afterAll(async () => {
    await duty?.close();
    await leader?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('both phones are enrolled and get their organisation’s certificate at their first sync', async () => {
    duty = await newSession({ locale: 'zh-CN', viewport: PHONE, args: fakeCameraArgs(dutyCamera) });
    leader = await newSession({ locale: 'en-US', viewport: PHONE, args: fakeCameraArgs(leaderCamera) });
    for (const s of [duty, leader]) await s.context.grantPermissions(['camera'], { origin: server.url });
    dutyPage = await enrolCertified(duty, server, ORG, DUTY_LABEL);
    leaderPage = await enrolCertified(leader, server, ORG, LEADER_LABEL);
    // The leader is on the way, out of signal: nothing the duty phone sends reaches it by sync.
    await leader.context.setOffline(true);
  }, 120_000);

  it('the duty officer starts the flood incident while the network works, then runs the first hour with none', async () => {
    if (!duty || !leader) throw new Error('the phones did not start');
    const page = dutyPage;
    await page.goto(`${server.url}/incidents/new`);
    await page.getByTestId('start-kind-flood').click();
    await page.getByLabel(/标题/).fill('营业厅及负一层进水');
    await page.getByLabel(/地点/).fill('东门、负一层');
    await page.getByTestId('actor-name').fill(OFFICER);
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    incidentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await openTab(page, 'steps');
    for (const step of STEPS_ONLINE) await markDone(page, step);
    await expect.poll(() => onServer(incidentId).length, SYNC_WAIT).toBe(1 + STEPS_ONLINE.length);

    // The power goes, and the network with it: the server stops and the phone has no signal.
    await server.stop();
    await duty.context.setOffline(true);
    for (const p of [dutyPage, leaderPage]) expect(await reachesNetwork(p)).toEqual({ online: false, fetched: false });

    for (const step of STEPS_OFFLINE) await markDone(page, step);
    await reopen(page, STEP_REOPENED);
    await markDone(page, STEP_REOPENED);
    await openTab(page, 'timeline');
    for (const note of NOTES) await addNote(page, note);

    const held = await heldIncident(page, incidentId);
    const recorded = 1 + STEPS_ONLINE.length + STEPS_OFFLINE.length + 2 + NOTES.length; // with the reopening and its second done
    expect(Object.keys(held.events)).toHaveLength(recorded);
    // What was recorded with no network waits to be sent.
    expect(held.waiting).toBe(recorded - 1 - STEPS_ONLINE.length);
  }, 180_000);

  it(
    'the leader’s phone scans the duty phone’s codes, a tenth of them missed on the first pass, and holds the same incident',
    async ({ annotate }) => {
      const sender = await heldIncident(dutyPage, incidentId);
      const count = Object.keys(sender.events).length;
      await dutyPage.getByTestId('handover-share-link').click();
      await dutyPage.getByTestId('handover-qr').waitFor(UI_WAIT);
      expect(await dutyPage.getByTestId('handover-not-certified').count()).toBe(0);
      // The screen says what the codes carry (the incident; no duty-log entries today) and how long they take.
      expect(await dutyPage.getByTestId('handover-carries').textContent()).toContain(`${count} 条记录`);
      const shown = await codesShown(dutyPage);
      const { codes } = shown;
      expect(await dutyPage.getByTestId('handover-expected').textContent()).toContain(`共 ${codes.length} 个二维码`);
      expect(codes.length).toBeGreaterThanOrEqual(10);
      expect(codes.map((c) => frameHeader(c).index)).toEqual(codes.map((_, i) => i));
      // The code on screen is the frame the screen says it shows, read as a camera reads it.
      const onScreen = await readCodeOnScreen(dutyPage);
      expect(onScreen.read).toBe(onScreen.shown);

      const missed = writeHandoverVideo(leaderCamera, shown);
      expect(missed.length).toBe(Math.round(codes.length / 10));
      const scanned = await receiveByScan(leaderPage, server.url, SCAN_TIMEOUT_MS);
      await annotate(scanTook(scanned, shown));
      expect(scanned.says).toContain(`Received ${count} records from “${DUTY_LABEL}” (by scan`);
      expect(scanned).toMatchObject({ ok: true, added: count });
      // Still no network on either phone: everything came through the camera.
      for (const p of [dutyPage, leaderPage]) expect(await reachesNetwork(p)).toEqual({ online: false, fetched: false });

      // The same events, field for field; each noted as received by hand, and those the server
      // does not hold yet queued to go to it from this phone too.
      const receiver = await heldIncident(leaderPage, incidentId);
      expect(receiver.events).toEqual(sender.events);
      expect(receiver.receivedByHand).toEqual(Object.keys(sender.events).sort());
      expect(receiver.waiting).toBe(sender.waiting);
      expect(receiver.rejected).toBe(0);

      // What the leader sees: the same checklist, and the same timeline, each entry saying it came by scan from the duty phone.
      await leaderPage.getByTestId('handover-open').click();
      await openTab(leaderPage, 'steps');
      await openIncident(dutyPage, server.url, incidentId, 'steps');
      expect(await checklist(leaderPage)).toEqual(await checklist(dutyPage));
      await openTab(leaderPage, 'timeline');
      await openTab(dutyPage, 'timeline');
      const shownBySender = await timelineEntries(dutyPage);
      const shownByReceiver = await timelineEntries(leaderPage);
      expect(shownByReceiver).toHaveLength(count);
      expect(shownByReceiver.map(({ at, type }) => [at, type])).toEqual(shownBySender.map(({ at, type }) => [at, type]));
      for (const note of NOTES) expect(shownByReceiver.filter((e) => e.what.includes(note.text))).toHaveLength(1);
      expect(shownBySender.every((e) => e.origin === null)).toBe(true);
      for (const entry of shownByReceiver) expect(entry.origin).toMatch(new RegExp(`^received from “${DUTY_LABEL}” at .+ by scan$`));
    },
    SCAN_TIMEOUT_MS + 60_000,
  );

  it(
    'the leader takes command and records; the duty phone scans the leader’s codes and ends with the same incident',
    async ({ annotate }) => {
      await leaderPage.getByTestId('change-name').click();
      await leaderPage.getByLabel('Your name').fill(LEADER);
      await leaderPage.getByLabel('Your name').press('Enter');
      await expect.poll(() => leaderPage.getByText(`You are ${LEADER}`).count(), UI_WAIT).toBe(1);
      await openTab(leaderPage, 'timeline');
      await addNote(leaderPage, { text: LEADER_NOTE });
      await openTab(leaderPage, 'steps');
      await markDone(leaderPage, STEP_BY_LEADER);
      const sender = await heldIncident(leaderPage, incidentId);
      const before = await heldIncident(dutyPage, incidentId);
      const leaderEvents = Object.keys(sender.events).filter((id) => !(id in before.events));
      expect(leaderEvents).toHaveLength(2);

      await leaderPage.getByTestId('handover-share-link').click();
      // The leader's phone vouches for everything it holds: the duty phone's events with the duty phone's signatures.
      await leaderPage.getByTestId('handover-qr').waitFor(UI_WAIT);
      expect(await leaderPage.getByTestId('handover-left').count()).toBe(0);
      expect(await leaderPage.getByTestId('handover-carries').textContent()).toContain(`${Object.keys(sender.events).length} records`);
      const shown = await codesShown(leaderPage);
      writeHandoverVideo(dutyCamera, shown);
      const scanned = await receiveByScan(dutyPage, server.url, SCAN_TIMEOUT_MS);
      await annotate(scanTook(scanned, shown));
      expect(scanned).toMatchObject({ ok: true, added: 2 });
      expect(scanned.says).toContain(`从“${LEADER_LABEL}”收到 ${Object.keys(sender.events).length} 条记录`);

      const receiver = await heldIncident(dutyPage, incidentId);
      expect(receiver.events).toEqual(sender.events);
      expect(receiver.receivedByHand).toEqual(leaderEvents.sort());

      await dutyPage.getByTestId('handover-open').click();
      await openTab(dutyPage, 'steps');
      await openIncident(leaderPage, server.url, incidentId, 'steps');
      expect(await checklist(dutyPage)).toEqual(await checklist(leaderPage));
      expect(await dutyPage.getByTestId(`step-${STEP_BY_LEADER}`).getAttribute('data-status')).toBe('done');
      await openTab(dutyPage, 'timeline');
      await openTab(leaderPage, 'timeline');
      const shownByReceiver = await timelineEntries(dutyPage);
      const shownBySender = await timelineEntries(leaderPage);
      expect(shownByReceiver.map(({ at, type }) => [at, type])).toEqual(shownBySender.map(({ at, type }) => [at, type]));
      // Only the leader's two entries came by hand to the duty phone, and say so in its language.
      const byHand = shownByReceiver.filter((e) => e.origin !== null);
      expect(byHand.map((e) => e.type).sort()).toEqual(['note.added', 'step.done']);
      for (const entry of byHand) expect(entry.origin).toMatch(new RegExp(`^.+ 经扫码从“${LEADER_LABEL}”收到$`));
      expect(byHand.find((e) => e.type === 'note.added')?.what).toContain(LEADER_NOTE);
    },
    SCAN_TIMEOUT_MS + 60_000,
  );

  it('the network returns: the server holds every event exactly once, the duty phone’s first sent by the leader’s phone', async () => {
    if (!duty || !leader) throw new Error('the phones did not start');
    const all: Record<string, Envelope> = (await heldIncident(dutyPage, incidentId)).events;
    const dutyDevice = Object.values(all).find((e) => e.actor === OFFICER)?.deviceId;
    const leaderDevice = Object.values(all).find((e) => e.actor === LEADER)?.deviceId;
    expect(dutyDevice).toBeDefined();
    expect(leaderDevice).toBeDefined();
    const sentBeforeTheFlood = new Set(onServer(incidentId).map((r) => r.id));
    expect(sentBeforeTheFlood.size).toBe(1 + STEPS_ONLINE.length);
    const dutyOffline = Object.values(all)
      .filter((e) => e.deviceId === dutyDevice && !sentBeforeTheFlood.has(e.id))
      .map((e) => e.id)
      .sort();

    server = await startServer({ staticDir: DIST, dataDir, port });
    // The leader's phone finds a signal first: it sends its own records and the duty phone's.
    await leader.context.setOffline(false);
    await expect.poll(() => onServer(incidentId).length, SYNC_WAIT).toBe(Object.keys(all).length);
    const byLeaderPhone = onServer(incidentId).filter((r) => r.device_id === dutyDevice && r.token_label === LEADER_LABEL);
    expect(byLeaderPhone.map((r) => r.id).sort()).toEqual(dutyOffline);

    // Then the duty phone: everything it sends the server holds already.
    await duty.context.setOffline(false);
    await expect.poll(async () => (await heldIncident(dutyPage, incidentId)).waiting, SYNC_WAIT).toBe(0);
    await expect.poll(async () => (await heldIncident(leaderPage, incidentId)).waiting, SYNC_WAIT).toBe(0);

    const rows = onServer(incidentId);
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(all).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // As recorded, field for field, whichever phone delivered it.
    for (const r of rows) {
      const e = all[r.id];
      expect([r.device_id, r.actor, r.hlc, r.type, JSON.parse(r.payload)]).toEqual([e?.deviceId, e?.actor, e?.hlc, e?.type, e?.payload]);
    }
    expect(
      rows
        .filter((r) => r.device_id === leaderDevice)
        .map((r) => r.type)
        .sort(),
    ).toEqual(['note.added', 'step.done']);
    for (const p of [dutyPage, leaderPage]) {
      const held = await heldIncident(p, incidentId);
      expect(Object.keys(held.events).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(held.rejected).toBe(0);
    }
  }, 180_000);
});
