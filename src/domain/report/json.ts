import { validateEvent, type MusterEvent } from '../event';
import { validatePlaybook } from '../playbook/check';
import { playbookContentHash } from '../playbook/content-hash';
import type { Playbook } from '../playbook/schema';
import { formatIssues, isRecord } from '../validation';
import { recordFor, type ReportInput } from './build';
import { checkChain, GENESIS_HASH, type ChainLink, type ChainProblem } from './chain';
import type { CoveredRecord } from './events';
import { reportLabels } from './labels';
import { comparePlaybookRun, playbookRunTexts } from './playbook-run';

export const REPORT_FILE_FORMAT = 'muster.incident-report';
export const REPORT_FILE_VERSION = 1;

/**
 * The JSON export: every event the report covers, in (hlc, id) order, the playbook copy the
 * report was worded from (id, version, language, the copy itself so a device without that
 * playbook can still show it, and its hash), the playbook the incident ran on as recorded
 * (with a notice when the copy is another text), and the hash chain over the events. Another
 * device opens it read-only; the verify script checks it.
 */
export interface ReportFile {
  readonly format: typeof REPORT_FILE_FORMAT;
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
}

/**
 * The JSON export of a report's events. One event per line, so a person can read it and a
 * diff shows what changed. Pure; `generatedAt` is written as the export time.
 */
export function exportReportJson(input: ReportInput, options: { includePlaybook?: boolean } = {}, record: CoveredRecord = recordFor(input)): string {
  const { events, links, finalHash, incident } = record;
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
    exportedAt: new Date(input.generatedAt).toISOString(),
    timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
  };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const list = (items: readonly unknown[]) => (items.length ? `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]` : '[]');
  lines.push(`  "events": ${list(events)},`);
  lines.push(
    `  "chain": {\n    "algorithm": "SHA-256",\n    "genesis": "${GENESIS_HASH}",\n    "finalHash": "${finalHash}",\n    "links": ${list(links).replace(/\n/g, '\n  ')}\n  }${withPlaybook ? ',' : ''}`,
  );
  if (withPlaybook) {
    lines.push(`  "playbookHash": "${run?.planText.hash ?? playbookContentHash(input.playbook)}",`);
    lines.push(`  "playbookDocument": ${JSON.stringify(input.playbook)}`);
  }
  return `{\n${lines.join('\n')}\n}\n`;
}

export type ReportFileProblem =
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-a-report'; detail: string }
  | { kind: 'chain'; problem: ChainProblem }
  | { kind: 'invalid-event'; position: number; eventId: string; detail: string }
  | { kind: 'playbook-changed' }
  | { kind: 'invalid-playbook'; detail: string };

export type ReportFileCheck =
  { ok: true; file: ReportFile; events: MusterEvent[]; playbook: Playbook | null; finalHash: string } | { ok: false; problem: ReportFileProblem };

function shapeProblem(x: Record<string, unknown>): string | null {
  if (x.format !== REPORT_FILE_FORMAT) return `"format" is ${JSON.stringify(x.format)}, expected "${REPORT_FILE_FORMAT}"`;
  if (x.formatVersion !== REPORT_FILE_VERSION) return `"formatVersion" is ${JSON.stringify(x.formatVersion)}, expected ${REPORT_FILE_VERSION}`;
  if (typeof x.incidentId !== 'string') return '"incidentId" is missing';
  if (!isRecord(x.playbook) || typeof x.playbook.id !== 'string' || typeof x.playbook.version !== 'string') return '"playbook" must name an id and a version';
  if (!Array.isArray(x.events) || !x.events.every(isRecord)) return '"events" must be a list of events';
  const chain = x.chain;
  if (!isRecord(chain) || typeof chain.finalHash !== 'string' || !Array.isArray(chain.links)) return '"chain" must hold "links" and "finalHash"';
  if (!chain.links.every((l) => isRecord(l) && typeof l.id === 'string' && typeof l.hash === 'string')) return '"chain.links" must be a list of { id, hash }';
  if (typeof x.timeZoneOffsetMinutes !== 'number' || !Number.isFinite(x.timeZoneOffsetMinutes)) return '"timeZoneOffsetMinutes" must be a number';
  return null;
}

/**
 * Reads a JSON export and checks it: its shape, the hash chain (naming the first event that
 * does not match; against `expectedFinalHash` too, the hash printed on the signed report),
 * every event's shape, and the playbook copy against its hash. Pure: works offline and in
 * the verify script alike.
 */
export function readReportFile(text: string, options: { expectedFinalHash?: string } = {}): ReportFileCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problem: { kind: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isRecord(parsed)) return { ok: false, problem: { kind: 'not-a-report', detail: 'the file is not a JSON object' } };
  const shape = shapeProblem(parsed);
  if (shape) return { ok: false, problem: { kind: 'not-a-report', detail: shape } };
  const file = parsed as unknown as ReportFile;
  const chain = checkChain(file.events, file.chain.links, file.chain.finalHash, options.expectedFinalHash);
  if (!chain.ok) return { ok: false, problem: { kind: 'chain', problem: chain.problem } };
  const events: MusterEvent[] = [];
  for (const [i, e] of file.events.entries()) {
    const checked = validateEvent(e);
    if (!checked.ok)
      return {
        ok: false,
        problem: { kind: 'invalid-event', position: i + 1, eventId: String((e as { id?: unknown }).id), detail: formatIssues(checked.issues) },
      };
    events.push(checked.value);
  }
  let playbook: Playbook | null = null;
  if (file.playbookDocument !== undefined) {
    if (file.playbookHash !== playbookContentHash(file.playbookDocument)) return { ok: false, problem: { kind: 'playbook-changed' } };
    const checked = validatePlaybook(file.playbookDocument);
    if (!checked.ok) return { ok: false, problem: { kind: 'invalid-playbook', detail: formatIssues(checked.issues) } };
    playbook = checked.playbook;
  }
  return { ok: true, file, events, playbook, finalHash: chain.finalHash };
}
