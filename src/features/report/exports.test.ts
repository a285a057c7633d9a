import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { readReportFile, type ReportInput } from '../../domain/report';
import { exportName } from './deliver';
import { EXPORT_KINDS, exportFile } from './exports';

const start = Date.UTC(2026, 6, 13, 18, 0);
const at = (minute: number) => formatStamp({ wall: start + minute * 60_000, counter: 0, deviceId: 'phone-a' });
const events: MusterEvent[] = [
  {
    id: 'e1',
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: at(0),
    type: 'incident.declared',
    payload: { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'drill', title: '消防演练', place: '营业部' },
    v: EVENT_SCHEMA_VERSION,
  },
  {
    id: 'e2',
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: at(1),
    type: 'step.done',
    payload: { stepId: 'step.alarm.report' },
    v: EVENT_SCHEMA_VERSION,
  },
];
const input: ReportInput = {
  incidentId: 'inc-1',
  events,
  playbook: samplePlaybook(),
  language: 'zh-CN',
  timeZoneOffsetMinutes: 480,
  generatedAt: start + 3_600_000,
};

describe('the files the report tab hands over', () => {
  it('names each file in ASCII with the local date of the start, and types it for the browser', () => {
    const files = EXPORT_KINDS.map((kind) => exportFile(kind, input, start));
    expect(files.map((f) => f.name)).toEqual([
      'muster-report-zh-2026-07-14-inc-1.html',
      'muster-report-zh-2026-07-14-inc-1.md',
      'muster-activity-log-zh-2026-07-14-inc-1.csv',
      'muster-record-2026-07-14-inc-1.json',
    ]);
    expect(files.map((f) => f.type)).toEqual(['text/html;charset=utf-8', 'text/markdown;charset=utf-8', 'text/csv;charset=utf-8', 'application/json']);
    expect(files[0]?.text).toContain('演练总结报告');
    expect(files[2]?.text.startsWith('\uFEFF')).toBe(true);
    expect(readReportFile(files[3]?.text ?? '').ok).toBe(true);
  });

  it('says on each entry received by hand from which phone, when and how, in every file a person reads', () => {
    const handedOver = new Map([['e2', { sender: '值班手机', via: 'scan' as const, receivedAt: start + 5 * 60_000 }]]);
    const [html, markdown, csv] = EXPORT_KINDS.map((kind) => exportFile(kind, { ...input, handedOver }, start));
    const said = '本机于 2026-07-14 02:05:00 从“值班手机”通过扫描交接二维码收到';
    for (const file of [html, markdown, csv]) expect(file?.text).toContain(said);
    // Only the entry that came by hand says so.
    expect(html?.text.split(said)).toHaveLength(2);
    const en = exportFile('md', { ...input, language: 'en', handedOver: new Map([['e2', { sender: 'Duty phone', via: 'file', receivedAt: start }]]) }, start);
    expect(en.text).toContain('this device received it from “Duty phone” at 2026-07-14 02:00:00, by importing its handover file');
  });

  it('embeds the photos passed in only in the printable report; the other files name them by hash', () => {
    const photo = { hash: 'f'.repeat(64), type: 'image/jpeg', bytes: 3, width: 4, height: 3 } as const;
    const note: MusterEvent = { ...events[1]!, id: 'e3', hlc: at(2), type: 'note.added', payload: { text: '东门进水', photos: [photo] } };
    const withPhoto: ReportInput = { ...input, events: [...events, note], photos: new Map([[photo.hash, { type: 'image/jpeg', base64: '/9j/' }]]) };
    const [html, md, csv, json] = EXPORT_KINDS.map((kind) => exportFile(kind, withPhoto, start).text);
    expect(html).toContain('<img src="data:image/jpeg;base64,/9j/"');
    for (const text of [md, csv, json]) {
      expect(text).toContain(photo.hash);
      expect(text).not.toContain('base64');
    }
  });

  it('keeps odd incident ids out of file names', () => {
    expect(exportName('inc/../../x y', '2026-07-14', 'report-en', 'html')).toBe('muster-report-en-2026-07-14-inc-x-y.html');
  });
});
