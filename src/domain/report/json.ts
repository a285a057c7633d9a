import type { MusterEvent } from '../event';
import { playbookContentHash } from '../playbook/content-hash';
import type { Playbook } from '../playbook/schema';
import { recordFor, type ReportInput } from './build';
import { GENESIS_HASH, type ChainLink } from './chain';
import { reportContents, type ReportContents } from './contents';
import type { CoveredRecord } from './events';
import { reportLabels } from './labels';
import { comparePlaybookRun, playbookRunTexts } from './playbook-run';
import { headerHash, REPORT_FILE_FORMAT, REPORT_FILE_VERSION, reportHeader, type CountersignState, type ReportHeader } from './seal';

export { REPORT_FILE_FORMAT, REPORT_FILE_VERSION };

/**
 * The JSON export: every event the report covers, in (hlc, id) order, the playbook copy the
 * report was worded from (id, version, language, the copy itself so a device without that
 * playbook can still show it, and its hash), the playbook the incident ran on as recorded
 * (with a notice when the copy is another text), and the hash chain over the events. Another
 * device opens it read-only; the verify script checks it.
 */
export interface ReportFile {
  readonly format: typeof REPORT_FILE_FORMAT;
  /** 2 now; 1 for files written before the header was sealed (no `seal`). */
  readonly formatVersion: number;
  readonly incidentId: string;
  readonly playbook: { readonly id: string; readonly version: string; readonly language: string };
  readonly exportedAt: string;
  readonly timeZoneOffsetMinutes: number;
  readonly events: readonly MusterEvent[];
  readonly chain: { readonly algorithm: 'SHA-256'; readonly genesis: string; readonly links: readonly ChainLink[]; readonly finalHash: string };
  readonly playbookDocument?: Playbook;
  /** SHA-256 of the canonical JSON of `playbookDocument` (`playbookContentHash`). */
  readonly playbookHash?: string;
  /**
   * The playbook the incident ran on, as its declaration recorded it (`hash` null when it
   * recorded none). For the reader only: the declaration among `events` is the record, and a
   * report opened from the file is built from it.
   */
  readonly incidentPlaybook?: {
    readonly id: string;
    readonly version: string;
    readonly language: string;
    readonly title: string;
    readonly hash: string | null;
  };
  /** In the export's language, when the playbook copy is not exactly the one the incident ran on. */
  readonly playbookNotice?: string;
  /**
   * v2: the header as hashed (a copy of the fields above, the event count and the chain's final
   * hash), its hash (the report hash), and the server's countersignature of that hash or why
   * there is none. The copy is what lets a check say which field was changed.
   */
  readonly seal?: ReportSeal;
  /**
   * What the events record of photos, measurements, the headcount, an end override and the
   * handover briefings, listed for the reader (`reportContents`); a check works it out again
   * from the events and the playbook copy, so an edit here is caught like an edit of an event.
   */
  readonly contents?: ReportContents;
}

export interface ReportSeal {
  readonly header: ReportHeader;
  readonly reportHash: string;
  readonly countersignature?: CountersignState;
}

/**
 * JSON a person can read and a diff can follow: a list one item per line, an object that holds
 * a list one key per line (so a measurement's readings are one per line too), anything else
 * on one line.
 */
function readable(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((x) => `${inner}${readable(x, inner)}`).join(',\n')}\n${indent}]` : '[]';
  if (value !== null && typeof value === 'object' && Object.values(value).some(Array.isArray))
    return `{\n${Object.entries(value)
      .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${readable(v, inner)}`)
      .join(',\n')}\n${indent}}`;
  return JSON.stringify(value);
}

/** The header and report hash of one export of `input`. Pure. */
export function sealOf(input: ReportInput, record: CoveredRecord = recordFor(input)): { header: ReportHeader; reportHash: string } {
  const header = reportHeader(
    input,
    { ...input.playbook, hash: playbookContentHash(input.playbook) },
    { eventCount: record.events.length, finalHash: record.finalHash },
  );
  return { header, reportHash: headerHash(header) };
}

/**
 * The JSON export of a report's events. One event per line, so a person can read it and a
 * diff shows what changed. Pure; `generatedAt` is written as the export time.
 */
export function exportReportJson(input: ReportInput, options: { includePlaybook?: boolean } = {}, record: CoveredRecord = recordFor(input)): string {
  const { events, links, finalHash, incident } = record;
  const { header, reportHash } = sealOf(input, record);
  const withPlaybook = options.includePlaybook ?? true;
  const run = incident.declared ? comparePlaybookRun(incident.declared, input.playbook) : null;
  const notice = run ? playbookRunTexts(run, input.labels ?? reportLabels(input.language)).notice : null;
  const head = {
    format: REPORT_FILE_FORMAT,
    formatVersion: REPORT_FILE_VERSION,
    incidentId: input.incidentId,
    playbook: { id: input.playbook.id, version: input.playbook.version, language: input.playbook.language },
    ...(run
      ? { incidentPlaybook: { id: run.ranOn.id, version: run.ranOn.version, language: run.ranOn.language, title: input.playbook.title, hash: run.ranOn.hash } }
      : {}),
    ...(notice ? { playbookNotice: notice } : {}),
    exportedAt: header.exportedAt,
    timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
  };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const list = (items: readonly unknown[]) => (items.length ? `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : '[]');
  lines.push(`  "events": ${list(events)},`);
  lines.push(
    `  "chain": {\n    "algorithm": "SHA-256",\n    "genesis": "${GENESIS_HASH}",\n    "finalHash": "${finalHash}",\n    "links": ${list(links).replace(/\n/g, '\n  ')}\n  },`,
  );
  const seal: ReportSeal = { header, reportHash, ...(input.countersign === undefined ? {} : { countersignature: input.countersign }) };
  lines.push(`  "seal": ${JSON.stringify(seal, null, 2).replace(/\n/g, '\n  ')},`);
  // The photos, readings, people and briefings as the events give them: one line per entry, so a person can read them.
  const contents = reportContents(incident, withPlaybook ? (input.playbook.measurements ?? []) : null);
  lines.push(`  "contents": ${readable(contents, '  ')}${withPlaybook ? ',' : ''}`);
  if (withPlaybook) {
    lines.push(`  "playbookHash": "${header.playbook.hash}",`);
    lines.push(`  "playbookDocument": ${JSON.stringify(input.playbook)}`);
  }
  return `{\n${lines.join('\n')}\n}\n`;
}
