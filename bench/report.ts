import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from '../src/domain/event';
import { formatStamp } from '../src/domain/hlc';
import { currentPlaybook } from '../src/domain/playbook/migrate';
import type { PlaybookV1 } from '../src/domain/playbook/schema-v1';
import type { Playbook } from '../src/domain/playbook/schema';
import {
  buildReport,
  exportAllFormats,
  exportReportJson,
  renderActivityLogCsv,
  renderReportHtml,
  renderReportMarkdown,
  type ReportInput,
} from '../src/domain/report';
import { median } from './measure';

/**
 * An incident of `count` events from three devices, of every kind a long incident has:
 * steps, notes, headcount, losses, supplies, corrections, role changes; Chinese text.
 */
export function syntheticReportIncident(count: number): { events: MusterEvent[]; playbook: Playbook } {
  const playbook = currentPlaybook(JSON.parse(readFileSync(join(import.meta.dirname, '../scenarios/flood.zh-CN.json'), 'utf8')) as Playbook | PlaybookV1);
  const stepIds = playbook.phases.flatMap((p) => p.steps.map((s) => s.id));
  const t0 = Date.UTC(2026, 6, 13, 18, 0, 0);
  const devices = ['phone-a', 'phone-b', 'tablet'];
  const events: MusterEvent[] = [];
  const add = <K extends EventType>(i: number, type: K, payload: EventPayloads[K]) => {
    const deviceId = devices[i % 3] ?? 'phone-a';
    events.push({
      id: `ev-${String(i).padStart(6, '0')}`,
      streamId: 'bench',
      deviceId,
      actor: `值班员${i % 7}`,
      hlc: formatStamp({ wall: t0 + i * 500, counter: 0, deviceId }),
      type,
      payload,
      v: EVENT_SCHEMA_VERSION,
    } as MusterEvent);
  };
  add(0, 'incident.declared', {
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    mode: 'real',
    title: '地下室进水',
    place: '营业部负一层',
    commander: '王值班',
    commanderRole: 'on-duty-lead',
  });
  for (let i = 1; i < count; i++) {
    const step = stepIds[i % stepIds.length] ?? 'step';
    switch (i % 10) {
      case 0:
        add(i, 'person.accounted', { person: `员工${i % 300}`, status: i % 20 === 0 ? 'injured' : 'safe' });
        break;
      case 1:
        add(i, 'step.done', { stepId: step });
        break;
      case 2:
        add(i, 'step.reopened', { stepId: step, reason: '还有一批凭证未转移' });
        break;
      case 3:
        add(i, 'loss.recorded', { what: `凭证箱 ${i}`, where: '负一层', quantity: 2, kind: 'damaged', estimatedValue: 300 });
        break;
      case 4:
        add(i, 'supplies.used', { item: '沙袋', quantity: 10, unit: '袋' });
        break;
      case 5:
        add(i, 'entry.struck', { targetId: `ev-${String(i - 2).padStart(6, '0')}`, reason: '数量输错' });
        break;
      case 6:
        add(i, 'role.assigned', { roleId: 'hq.leader', person: `组长${i % 5}`, phone: '139 0000 0001' });
        break;
      case 7:
        add(i, 'command.handedOver', { to: `组长${i % 5}`, toRole: 'hq.leader', note: '组长到达现场' });
        break;
      default:
        add(i, 'note.added', { text: `水位 ${i % 50} 厘米，东门 <仍在> 进水 & 排水泵 "运转"`, tags: ['water-level'] });
    }
  }
  return { events, playbook };
}

function time(f: () => unknown, repeat: number): number {
  f(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    f();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

/**
 * Exports an incident of 10,000 events in the four formats in Node and prints each step's
 * median time; the goal is 500 ms for all of it (`exportAllFormats`: the events ordered and
 * hashed once, the report built once, then HTML, Markdown, CSV and JSON). The per-format
 * figures each include what that format needs on its own (JSON: ordering and hashing).
 */
export async function benchReport(): Promise<Record<string, number>> {
  const { events, playbook } = syntheticReportIncident(10_000);
  const input: ReportInput = { incidentId: 'bench', events, playbook, language: 'zh-CN', timeZoneOffsetMinutes: 480, generatedAt: Date.UTC(2026, 6, 15) };
  const report = buildReport(input);
  const repeat = 7;
  const figures = {
    reportBuild10kMs: time(() => buildReport(input), repeat),
    reportHtml10kMs: time(() => renderReportHtml(report), repeat),
    reportMarkdown10kMs: time(() => renderReportMarkdown(report), repeat),
    reportCsv10kMs: time(() => renderActivityLogCsv(report), repeat),
    reportJson10kMs: time(() => exportReportJson(input), repeat),
    reportAllFormats10kMs: time(() => exportAllFormats(input), repeat),
  };
  await Promise.resolve();
  return figures;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) console.log(JSON.stringify(await benchReport(), null, 2));
