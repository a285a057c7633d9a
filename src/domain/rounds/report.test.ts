import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EventPayloads, EventType, MusterEvent } from '../event';
import type { FindingRecorded } from '../events/rounds';
import { formatStamp, stampTime } from '../hlc';
import type { Playbook } from '../playbook/schema';
import type { Round } from '../playbook/schema-rounds';
import { checkChain } from '../report/chain';
import { localTime } from './fixtures.test-support';
import { buildRoundReport, roundReportCsv, roundReportHtml, type RoundReportInput } from './report';

const SH = 'Asia/Shanghai';

const local = (text: string): number => localTime(text, SH);

const finding = { days: 7, owner: 'fire-prevention-owners' };
const daily: Round = {
  id: 'daily',
  title: '每日防火检查',
  owner: 'fire-wardens',
  every: { times: 1, per: 'day' },
  areas: [
    { id: 'archives', name: '档案室' },
    { id: 'computer-room', name: '机房' },
  ],
  items: [
    { id: 'exits', text: '安全出口畅通' },
    { id: 'wiring', text: '电气线路无私拉乱接' },
  ],
  finding,
};
const office: Round = {
  id: 'office',
  title: '各行处防火检查',
  owner: 'sub-branches',
  every: { times: 2, per: 'month' },
  items: [{ id: 'exits', text: '安全出口畅通' }],
  finding,
};
const fire = {
  id: 'fire',
  version: '1.2.0',
  language: 'zh-CN',
  title: '灭火和应急疏散预案',
  preparation: { tasks: [], rounds: [daily, office] },
} as unknown as Playbook;

let serial = 0;
/** The events of one round done: started at `at`, completed ten minutes later unless told, with its findings and what happened to them. */
function roundDone(
  roundId: string,
  at: string,
  opts: {
    areaId?: string;
    areaName?: string;
    inspector?: string;
    completed?: boolean;
    findings?: (Omit<FindingRecorded, 'severity' | 'owner'> & Partial<FindingRecorded>)[];
    later?: { type: 'rectification.closed' | 'rectification.reopened' | 'rectification.updated'; at: string; payload: Record<string, unknown> }[];
  } = {},
): MusterEvent[] {
  const streamId = `round-${String(++serial).padStart(4, '0')}`;
  const start = local(at);
  let n = 0;
  const ev = <K extends EventType>(type: K, payload: EventPayloads[K], wall: number): MusterEvent =>
    ({
      id: `${streamId}-${++n}`,
      streamId,
      deviceId: 'phone-a',
      actor: opts.inspector ?? '李安全员',
      hlc: formatStamp({ wall, counter: n, deviceId: 'phone-a' }),
      type,
      payload,
      v: 1,
    }) as MusterEvent;
  const events = [
    ev(
      'round.started',
      {
        playbookId: 'fire',
        playbookVersion: '1.2.0',
        playbookLanguage: 'zh-CN',
        roundId,
        ...(opts.areaId !== undefined ? { areaId: opts.areaId, areaName: opts.areaName ?? opts.areaId } : {}),
        title: roundId === 'daily' ? daily.title : office.title,
        inspector: opts.inspector ?? '李安全员',
      },
      start,
    ),
    ev('round.itemChecked', { itemId: 'exits', result: opts.findings?.length ? 'finding' : 'pass' }, start + 60_000),
    ...(opts.findings ?? []).map((f) => ev('finding.recorded', { severity: 'general', owner: '张主任', ...f }, start + 120_000)),
    ...(opts.completed === false ? [] : [ev('round.completed', {}, start + 600_000)]),
    ...(opts.later ?? []).map((l) => ev(l.type, l.payload as never, local(l.at))),
  ];
  return events;
}

/** March 2025: the archive room checked every day but the 10th, the computer room on the first 20 days, the office once. */
function march(): MusterEvent[] {
  const events: MusterEvent[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    if (day !== 10)
      events.push(
        ...roundDone('daily', `${date} 09:00`, {
          areaId: 'archives',
          areaName: '档案室',
          ...(day === 5
            ? {
                findings: [{ findingId: 'f-1', itemId: 'exits', description: '安全出口堆放纸箱', dueDate: '2025-03-12' }],
                later: [{ type: 'rectification.closed', at: '2025-03-08 15:00', payload: { findingId: 'f-1', evidence: '纸箱已清走', closedBy: '李安全员' } }],
              }
            : {}),
        }),
      );
    if (day <= 20)
      events.push(
        ...roundDone('daily', `${date} 09:30`, {
          areaId: 'computer-room',
          areaName: '机房',
          ...(day === 20
            ? { findings: [{ findingId: 'f-2', itemId: 'wiring', description: '机柜后私拉电线', severity: 'major', dueDate: '2025-03-27' }] }
            : {}),
        }),
      );
  }
  events.push(...roundDone('office', '2025-03-03 14:00', { findings: [{ findingId: 'f-3', description: '灭火器过期', dueDate: '2025-04-10' }] }));
  // Before the period: one still open (carried over), one closed in February (not listed).
  events.push(
    ...roundDone('daily', '2025-02-20 09:00', {
      areaId: 'archives',
      areaName: '档案室',
      findings: [{ findingId: 'f-0', description: '插线板超负荷', dueDate: '2025-02-27' }],
    }),
  );
  events.push(
    ...roundDone('daily', '2025-02-10 09:00', {
      areaId: 'archives',
      areaName: '档案室',
      findings: [{ findingId: 'f-old', description: '标志脱落', dueDate: '2025-02-17' }],
      later: [{ type: 'rectification.closed', at: '2025-02-15 10:00', payload: { findingId: 'f-old', evidence: '已重贴', closedBy: '李安全员' } }],
    }),
  );
  return events;
}

const marchEvents = march();
const input = (extra: Partial<RoundReportInput> = {}): RoundReportInput => ({
  playbooks: [fire],
  events: marchEvents,
  seasons: new Map(),
  from: '2025-03-01',
  to: '2025-03-31',
  timeZone: SH,
  now: local('2025-04-02 10:00'),
  ...extra,
});

describe('the round report for March', () => {
  const report = buildRoundReport(input());
  const row = (roundId: string, areaId?: string) => report.rows.find((r) => r.roundId === roundId && r.areaId === areaId)!;

  it('counts the days due against the days done, per key area', () => {
    expect(row('daily', 'archives')).toMatchObject({ areaName: '档案室', windowsDue: 31, windowsDone: 30, runs: 30 });
    expect(row('daily', 'computer-room')).toMatchObject({ windowsDue: 31, windowsDone: 20, runs: 20 });
    expect(row('office')).toMatchObject({ windowsDue: 2, windowsDone: 1, runs: 1 });
    expect(report.totals).toMatchObject({ windowsDue: 64, windowsDone: 51, runs: 51 });
  });

  it('counts findings by area: found in March, and open, overdue or closed on the day the report is made', () => {
    expect(row('daily', 'archives')).toMatchObject({ found: 1, closed: 1, overdue: 1, open: 0 });
    expect(row('daily', 'computer-room')).toMatchObject({ found: 1, overdue: 1, open: 0, closed: 0 });
    expect(row('office')).toMatchObject({ found: 1, open: 1 });
    expect(report.totals).toMatchObject({ found: 3, open: 1, overdue: 2, closed: 1 });
  });

  it('lists the findings in the order found, with one found in February and still open', () => {
    expect(report.findings.map((f) => [f.findingId, f.rectification, f.foundBefore])).toEqual([
      ['f-0', 'overdue', true],
      ['f-3', 'open', false],
      ['f-1', 'closed', false],
      ['f-2', 'overdue', false],
    ]);
    expect(report.findings.find((f) => f.findingId === 'f-2')).toMatchObject({ itemText: '电气线路无私拉乱接', severity: 'major', roundTitle: '每日防火检查' });
  });

  it('lists the rounds done in March and chains every event of them, checkable with the report chain', () => {
    expect(report.runs).toHaveLength(51);
    expect(report.runs[0]).toMatchObject({ startedAt: local('2025-03-01 09:00'), areaName: '档案室', inspector: '李安全员' });
    const check = checkChain(report.events, report.chain.links, report.chain.finalHash);
    expect(check).toEqual({ ok: true, finalHash: report.chain.finalHash, count: report.chain.count });
    // The rounds of February that carry a finding still open are in the chain; the one closed in February is not.
    expect(report.events.some((e) => e.type === 'finding.recorded' && e.payload.findingId === 'f-0')).toBe(true);
    expect(report.events.some((e) => e.type === 'finding.recorded' && e.payload.findingId === 'f-old')).toBe(false);
  });

  it('is the same whatever order the events arrived in, and changes its final hash when one event is changed', () => {
    const reversed = buildRoundReport(input({ events: [...marchEvents].reverse() }));
    expect(reversed.chain.finalHash).toBe(report.chain.finalHash);
    expect(reversed.totals).toEqual(report.totals);
    const tampered = marchEvents.map((e) => (e.type === 'round.completed' && e.streamId === marchEvents[0]!.streamId ? { ...e, payload: { note: '改' } } : e));
    expect(buildRoundReport(input({ events: tampered })).chain.finalHash).not.toBe(report.chain.finalHash);
  });

  it('made on 15 March, counts only the days that are over, and today once done', () => {
    const now = local('2025-03-15 09:20');
    const mid = buildRoundReport(input({ now, events: marchEvents.filter((e) => stampTime(e.hlc) <= now) }));
    expect(mid.rows.find((r) => r.areaId === 'archives')).toMatchObject({ windowsDue: 15, windowsDone: 14 });
    expect(mid.rows.find((r) => r.areaId === 'computer-room')).toMatchObject({ windowsDue: 14, windowsDone: 14 });
    expect(mid.rows.find((r) => r.roundId === 'office')).toMatchObject({ windowsDue: 1, windowsDone: 1 });
  });

  it('keeps a round the playbook no longer lists', () => {
    const without = buildRoundReport(input({ playbooks: [{ ...fire, preparation: { tasks: [], rounds: [daily] } }] }));
    expect(without.rows.find((r) => r.roundId === 'office')).toMatchObject({ unlisted: true, runs: 1, found: 1, windowsDue: 0 });
  });
});

describe('the round report exports', () => {
  const hostile = '<script>alert("x")</script> & \u202Egnp.exe';
  const events = roundDone('daily', '2025-03-05 09:00', {
    areaId: 'archives',
    areaName: '<img src=x onerror=alert(1)>',
    inspector: `"王"\u202E`,
    findings: [{ findingId: 'f-h', description: hostile, owner: '<img src=x onerror=alert(1)>', dueDate: '2025-03-12' }],
    later: [{ type: 'rectification.updated', at: '2025-03-06 10:00', payload: { findingId: 'f-h', note: '=HYPERLINK("http://evil")' } }],
  });
  const report = buildRoundReport(input({ events }));

  it('HTML: a printable page in each language, every recorded text escaped and invisible controls shown', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const html = roundReportHtml(report, language);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ⟦U+202E⟧gnp.exe');
      expect(html).not.toContain('\u202E');
      expect(html).toContain('@page');
      expect(html).toContain(report.chain.finalHash);
      expect(html).not.toMatch(/<(img|a|link|script|iframe|object)\b/i);
    }
    expect(roundReportHtml(report, 'zh-CN')).toContain('消防检查与整改报告');
    expect(roundReportHtml(report, 'en')).toContain('Inspection rounds and rectification report');
  });

  it('CSV: RFC 4180 that a spreadsheet opens without running anything, the same text read back', () => {
    const csv = roundReportCsv(report, 'zh-CN');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data.filter((r) => r.length > 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const findingRow = rows.find((r) => r[0] === '隐患')!;
    expect(findingRow[12]).toBe('<script>alert("x")</script> & ⟦U+202E⟧gnp.exe');
    expect(findingRow[3]).toBe('档案室');
    expect(findingRow[15]).toBe('"王"⟦U+202E⟧');
    expect(findingRow[16]).toBe('<img src=x onerror=alert(1)>');
    expect(findingRow[19]).toContain('=HYPERLINK("http://evil")');
    expect(csv).toContain('"<script>alert(""x"")</script> & ⟦U+202E⟧gnp.exe"');
    expect(rows.at(-1)).toEqual(['哈希链末值', report.chain.finalHash, String(report.chain.count), ...Array<string>(17).fill('')]);
    // A field that starts like a formula is neutralised.
    const formula = buildRoundReport(
      input({
        events: roundDone('daily', '2025-03-05 09:00', { areaId: 'archives', findings: [{ findingId: 'f-f', description: '=1+1', dueDate: '2025-03-12' }] }),
      }),
    );
    expect(roundReportCsv(formula, 'en')).toContain(`"'=1+1"`);
  });
});
