import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dutyStreamId } from '../../domain/duty-log';
import type { EventPayloads } from '../../domain/event';
import { reduceIncident } from '../../domain/incident';
import { openDb, type MusterDb } from '../../storage/db';
import { appendEvent, readStream, type WriteEnv } from '../../storage/events';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { buildReport, renderActivityLogCsv } from '../../domain/report';
import { storePhotos } from '../../storage/photos';
import { loadReportPhotos, loadReportSources, photoHashesOf } from './sources';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1, 2, 0);
let now = T0;
let r = 7;
const env: WriteEnv = { now: () => now, random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff) };

let db: MusterDb;
beforeEach(async () => {
  db = openDb('report-sources-test');
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function declare(streamId: string, at: number, p: Partial<EventPayloads['incident.declared']>): Promise<void> {
  now = at;
  await appendEvent(
    db,
    {
      streamId,
      actor: '安保值班室',
      type: 'incident.declared',
      payload: { playbookId: 'fire-evacuation', playbookVersion: '1.0.0', mode: 'drill', title: streamId, place: '', ...p },
    },
    env,
  );
  await appendEvent(db, { streamId, actor: '安保值班室', type: 'step.done', payload: { stepId: 'step.alarm.report' } }, env);
}

describe('what a report reads from the device besides the incident', () => {
  it('finds the latest earlier drill of the same playbook, and the duty log', async () => {
    await declare('inc-drill-spring', T0 - 90 * DAY, {});
    await declare('inc-drill-summer', T0 - 30 * DAY, {});
    await declare('inc-real-fire', T0 - 10 * DAY, { mode: 'real' });
    await declare('inc-flood-drill', T0 - 5 * DAY, { playbookId: 'flood-emergency' });
    await declare('inc-drill-now', T0, {});
    await declare('inc-drill-later', T0 + DAY, {});
    now = T0 + 60_000;
    await appendEvent(db, { streamId: dutyStreamId('xx支行'), actor: '王值班', type: 'duty.entry', payload: { text: '演练开始' } }, env);

    const incident = reduceIncident('inc-drill-now', await readStream(db, 'inc-drill-now'));
    const sources = await loadReportSources(db, incident, 'xx支行');
    expect(new Set(sources.previousDrill?.map((e) => e.streamId))).toEqual(new Set(['inc-drill-summer']));
    expect(sources.dutyEvents.map((e) => e.type === 'duty.entry' && e.payload.text)).toEqual(['演练开始']);

    const real = reduceIncident('inc-real-fire', await readStream(db, 'inc-real-fire'));
    expect((await loadReportSources(db, real)).previousDrill).toBeUndefined();
    const first = reduceIncident('inc-drill-spring', await readStream(db, 'inc-drill-spring'));
    expect((await loadReportSources(db, first, 'xx支行')).previousDrill).toBeUndefined();
  });

  it('a phone with no site set still reports the duty-log entries written during the incident, from every duty log it holds', async () => {
    const write = async (site: string, minutes: number, text: string) => {
      now = T0 + minutes * 60_000;
      return appendEvent(db, { streamId: dutyStreamId(site), actor: '王值班', type: 'duty.entry', payload: { text } }, env);
    };
    // Written before the flood (the device clock only moves forward, so it is written first).
    await write('xx支行', -60, '22:00 接班，无异常');
    await declare('inc-flood', T0, { mode: 'real', playbookId: 'flood-emergency' });
    await write('xx支行', 10, '负一层进水约 20 厘米');
    const wrong = await write('营业部', 12, '水泵已启动（记错）');
    now = T0 + 13 * 60_000;
    await appendEvent(db, { streamId: dutyStreamId('营业部'), actor: '王值班', type: 'entry.struck', payload: { targetId: wrong.id, reason: '记错' } }, env);
    // A correction in the incident's own stream is not a duty-log event.
    await appendEvent(db, { streamId: 'inc-flood', actor: '王值班', type: 'note.added', payload: { text: '东门进水' } }, env);

    const incident = reduceIncident('inc-flood', await readStream(db, 'inc-flood'));
    const sources = await loadReportSources(db, incident, '');
    expect(sources.dutyEvents.every((e) => e.streamId.startsWith('duty-'))).toBe(true);
    expect(sources.dutyEvents).toHaveLength(4);
    const report = buildReport({
      incidentId: 'inc-flood',
      events: incident.timeline,
      dutyEvents: sources.dutyEvents,
      playbook: samplePlaybook(),
      language: 'zh-CN',
      timeZoneOffsetMinutes: 480,
      generatedAt: T0 + 60 * 60_000,
    });
    expect(report.dutyLog.entries.map((e) => [e.text, e.struck?.reason ?? null])).toEqual([
      ['负一层进水约 20 厘米', null],
      ['水泵已启动（记错）', '记错'],
    ]);
    expect(parseCsvTexts(renderActivityLogCsv(report))).toContain('值班日记：负一层进水约 20 厘米');
  });
});

describe('the photos a printable report embeds', () => {
  it('are read from this device as base64 with their type, and a photo it does not hold is left out to be named as missing', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const held = { hash: 'a'.repeat(64), type: 'image/jpeg', bytes: bytes.length, width: 1600, height: 1200 } as const;
    const absent = { ...held, hash: 'b'.repeat(64) };
    await storePhotos(db, 'inc-flood', [{ blob: new Blob([bytes], { type: 'image/jpeg' }), ref: held }], T0);
    now = T0;
    await appendEvent(db, { streamId: 'inc-flood', actor: '王值班', type: 'note.added', payload: { text: '东门', photos: [held, absent] } }, env);
    const events = await readStream(db, 'inc-flood');
    expect(photoHashesOf(events)).toEqual([held.hash, absent.hash]);
    const photos = await loadReportPhotos(photoHashesOf(events), db);
    expect([...photos.keys()]).toEqual([held.hash]);
    expect(photos.get(held.hash)).toEqual({ type: 'image/jpeg', base64: Buffer.from(bytes).toString('base64') });
    expect(await loadReportPhotos([], db)).toEqual(new Map());
  });
});

/** The activity cells of a CSV export. */
function parseCsvTexts(csv: string): string[] {
  return [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
}
