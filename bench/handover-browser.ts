import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '../build/build-app';
import { EVENT_SCHEMA_VERSION, validateEvent, type MusterEvent } from '../src/domain/event';
import { formatStamp, parseStamp } from '../src/domain/hlc';
import { uuidv7 } from '../src/domain/ids';
import { newSession } from '../test/e2e/browser';
import {
  codesShown,
  enrolCertified,
  fakeCameraArgs,
  frameHeader,
  heldIncident,
  receiveByScan,
  writeBlankCamera,
  writeHandoverVideo,
} from '../test/e2e/handover-phones';
import { admin, startServer } from '../test/e2e/server-process';

/** The incident handed over: its declaration and 299 records after it. */
const EVENTS = 300;
const ORG = 'bench';
/** However slow the machine, every code comes round again; past this something is wrong. */
const SCAN_TIMEOUT_MS = 10 * 60_000;

const NOTES = [
  '营业厅东门进水，水深约五厘米',
  '负一层配电间门口积水，已通知物业',
  '市电中断，应急照明已亮',
  '已拨打分行值班电话，报告进水情况',
  '保安李强到岗，在东门堆放沙袋',
  '柜员张敏、赵磊到岗，协助转移凭证',
  '东门水深仍在上涨，停止客户进入',
  '金库门已关闭并上锁，钥匙由值班人员保管',
  '营业厅客户三人已引导至二楼休息区',
  '自助银行区域已断开电源并张贴停用告示',
  '负一层积水约二十厘米，停止人员进入',
  '重要凭证箱已搬至三楼档案室',
  '联系消防，告知地下室进水，暂不需要救援',
  '备用发电机未启动，油量不足，已联系供应商',
  '监控主机转由UPS供电，可维持约四十分钟',
  '沙袋不足，向相邻网点借调二十袋',
  '档案室窗户渗水，已用防水布遮挡',
  '清点现金尾箱，数量与登记一致',
];
const STAFF = ['王伟', '李娜', '孙强', '赵敏', '张磊', '刘洋', '陈静', '杨帆', '黄丽', '周杰'];
const STEPS = [
  'step.command.interim',
  'step.command.call-members',
  'step.command.report-head-office',
  'step.command.ready-rescuers',
  'step.command.on-site',
  'step.respond.take-posts',
  'step.respond.evacuate',
  'step.respond.move-property',
  'step.respond.monitor',
];
const ACTORS = ['王值班', '李保安', '张柜员'];

/** The draft of the `i`-th record of the first hours, as a duty officer's phone makes them: half notes, then readings, people counted and steps. */
function record(i: number): Pick<MusterEvent, 'type' | 'payload'> {
  const k = Math.floor(i / 10);
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
      return {
        type: 'note.added',
        payload: { text: `${NOTES[(i * 7) % NOTES.length]}（第 ${k + 1} 次巡查）`, ...(i % 5 === 2 ? { tags: ['water-level'] } : {}) },
      };
    case 5:
    case 6:
      return {
        type: 'measurement.recorded',
        payload: { measureId: i % 10 === 5 ? 'measure.water.entrance' : 'measure.water.key-area', value: 5 + ((k * 3) % 25), unit: 'cm' },
      };
    case 7:
    case 8:
      return { type: 'person.accounted', payload: { person: STAFF[(k * 2 + (i % 10)) % STAFF.length] ?? '王伟', status: 'safe', floor: '2F' } };
    default: {
      const step = STEPS[k % STEPS.length] ?? 'step.command.interim';
      const kind = (['step.started', 'step.done', 'step.reopened'] as const)[Math.floor(k / STEPS.length) % 3] ?? 'step.done';
      return { type: kind, payload: { stepId: step } };
    }
  }
}

/**
 * Writes `count` records into the incident on the sending phone as the app records them on a
 * phone with no network (storage/events.ts recordEvent): the device's own events, stamped by its
 * clock after the declaration, each with its outbox row, the stream's revision bumped and the
 * clock moved on, in one transaction. Each is checked with validateEvent first.
 */
async function recordOffline(page: Page, incidentId: string, count: number): Promise<void> {
  const { device, declaredHlc } = await page.evaluate(async (stream) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('muster');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
    });
    const get = (store: string, key: IDBValidKey) =>
      new Promise<unknown>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error(`could not read ${store}`));
      });
    const all = await new Promise<{ streamId: string; type: string; hlc: string }[]>((ok, fail) => {
      const r = db.transaction('events').objectStore('events').getAll();
      r.onsuccess = () => ok(r.result as never);
      r.onerror = () => fail(r.error ?? new Error('could not read events'));
    });
    const row = (await get('settings', 'deviceId')) as { value: string } | undefined;
    db.close();
    return { device: row?.value ?? '', declaredHlc: all.find((e) => e.streamId === stream && e.type === 'incident.declared')?.hlc ?? '' };
  }, incidentId);
  if (!device || !declaredHlc) throw new Error(`the sending phone holds no device id (${device}) or no declaration of ${incidentId}`);
  const declared = parseStamp(declaredHlc);
  const events: MusterEvent[] = [];
  for (let i = 0; i < count; i++) {
    const wall = declared.wall + 1 + i;
    const candidate = {
      id: uuidv7(wall, randomBytes(10)),
      streamId: incidentId,
      deviceId: device,
      actor: ACTORS[i % ACTORS.length] ?? '王值班',
      hlc: formatStamp({ wall, counter: 0, deviceId: device }),
      ...record(i),
      v: EVENT_SCHEMA_VERSION,
    };
    const checked = validateEvent(candidate);
    if (!checked.ok) throw new Error(`bench event ${i} is not valid: ${JSON.stringify(checked.issues)}`);
    events.push(checked.value);
  }
  const last = declared.wall + count;
  await page.evaluate(
    async ({ events, stream, clock }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
      });
      const tx = db.transaction(['events', 'outbox', 'streams', 'settings'], 'readwrite');
      const queuedAt = Date.now();
      for (const e of events) {
        tx.objectStore('events').add(e);
        tx.objectStore('outbox').add({ eventId: e.id, queuedAt, attempts: 0, event: e });
      }
      const revs = tx.objectStore('streams').get(stream);
      revs.onsuccess = () => {
        const rev = (revs.result as { rev: number } | undefined)?.rev ?? 0;
        tx.objectStore('streams').put({ streamId: stream, rev: rev + 1 });
      };
      tx.objectStore('settings').put({ key: 'clock', value: clock });
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error ?? new Error('recording the bench events failed'));
      });
      db.close();
    },
    { events, stream: incidentId, clock: { deviceId: device, wall: last, counter: 0 } },
  );
}

/**
 * Handing a 300-event incident from one phone to another by QR codes, in Chromium on the
 * production build, both phones offline (enrolled and certified at their first sync before):
 * the sending phone's share screen plays its codes, the receiving phone's fake camera plays a
 * video of them at the pace the screen showed them, a tenth of the codes missed on
 * the first pass and caught on the next. The figure is the receiving page's own time from the
 * tap on "Scan" to the result on screen (decode in jsQR's worker, every code in, the bundle
 * inflated, checked and taken in). Also the codes it takes, and the bundle's size per 1,000
 * events: the file "Export" saves, and the deflated bytes the codes carry.
 */
export async function benchHandover(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'muster-bench-handover-'));
  const outDir = join(dir, 'dist');
  buildApp({ outDir, logLevel: 'error' });
  const camera = join(dir, 'camera.y4m');
  writeBlankCamera(camera);
  const server = await startServer({ staticDir: outDir });
  admin(server.dataDir, 'org', 'create', 'Bench', 'Branch', '--id', ORG);
  const sending = await newSession({ locale: 'en-US' });
  const receiving = await newSession({ locale: 'en-US', args: fakeCameraArgs(camera) });
  try {
    for (const s of [sending, receiving]) {
      // tsx (esbuild, keepNames) wraps named functions in __name(); give the pages a no-op one.
      await s.context.addInitScript('window.__name = (f) => f;');
    }
    await receiving.context.grantPermissions(['camera'], { origin: server.url });
    const sender = await enrolCertified(sending, server, ORG, 'Duty phone');
    const receiver = await enrolCertified(receiving, server, ORG, 'Leader phone');
    await Promise.all([sending.context.setOffline(true), receiving.context.setOffline(true)]);

    await sender.goto(`${server.url}/incidents/new?playbook=flood-emergency&lang=en`);
    await sender.getByTestId('actor-name').fill('王值班');
    await sender.getByTestId('start-incident').click();
    await sender.waitForURL(/\/incidents\/inc-/);
    const incidentId = decodeURIComponent(new URL(sender.url()).pathname.split('/').pop() ?? '');
    await recordOffline(sender, incidentId, EVENTS - 1);
    const held = Object.keys((await heldIncident(sender, incidentId)).events).length;
    if (held !== EVENTS) throw new Error(`the sending phone holds ${held} events of the incident, not ${EVENTS}`);

    await sender.goto(`${server.url}/incidents/${encodeURIComponent(incidentId)}/handover`);
    const shown = await codesShown(sender, 120_000);
    const { codes } = shown;
    const carries = (await sender.getByTestId('handover-carries').textContent()) ?? '';
    if (!carries.includes(`${EVENTS} records`)) throw new Error(`the share screen says “${carries}”, not ${EVENTS} records`);
    const compressed = frameHeader(codes[0] ?? '').length;
    const [download] = await Promise.all([sender.waitForEvent('download'), sender.getByTestId('handover-export').click()]);
    const file = statSync(await download.path()).size;

    writeHandoverVideo(camera, shown);
    const scanned = await receiveByScan(receiver, server.url, SCAN_TIMEOUT_MS);
    if (!scanned.ok || scanned.added !== EVENTS) throw new Error(`the scan did not hand the incident over: “${scanned.says}” (${scanned.added} events added)`);
    const received = Object.keys((await heldIncident(receiver, incidentId)).events).length;
    if (received !== EVENTS) throw new Error(`the receiving phone holds ${received} events of the incident, not ${EVENTS}`);

    const seconds = scanned.ms / 1000;
    return {
      handoverScanSeconds300: Math.round(seconds * 10) / 10,
      handoverScanEventsPerSecond: Math.round((EVENTS / seconds) * 10) / 10,
      handoverFrames300: codes.length,
      handoverBundleBytesPer1000Events: Math.round((file * 1000) / EVENTS),
      handoverCompressedBytesPer1000Events: Math.round((compressed * 1000) / EVENTS),
    };
  } finally {
    await sending.close();
    await receiving.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
