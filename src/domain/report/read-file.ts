import { validateEvent, type MusterEvent } from '../event';
import { isStamp, stampTime } from '../hlc';
import { reduceIncident } from '../incident';
import { canonicalJson } from '../canonical-json';
import { validatePlaybook } from '../playbook/check';
import { playbookContentHash } from '../playbook/content-hash';
import type { Playbook } from '../playbook/schema';
import { formatIssues, isRecord } from '../validation';
import { checkChain, type ChainProblem } from './chain';
import { CONTENTS_PARTS, reportContents } from './contents';
import type { ReportFile } from './json';
import {
  checkCountersignature,
  headerHash,
  HEX_SHA256,
  isCountersignature,
  REPORT_FILE_FORMAT,
  REPORT_FILE_VERSION,
  type CountersignCheck,
  type CountersignState,
  type ReportHeader,
} from './seal';

/** A header field a reader sees, by the name a problem gives it (dotted for the playbook's). */
export type HeaderField =
  | 'format'
  | 'formatVersion'
  | 'incidentId'
  | 'playbook.id'
  | 'playbook.version'
  | 'playbook.language'
  | 'playbook.hash'
  | 'timeZoneOffsetMinutes'
  | 'exportedAt';

/**
 * The event a problem names, as the file holds it: what it is, when it is stamped and who
 * recorded it, so a reader can find it without counting positions. Read from the file as it
 * is (it may be the altered event): `at` is null when its stamp is not a time.
 */
export interface EventSummary {
  readonly type: string;
  readonly actor: string;
  readonly hlc: string;
  readonly at: number | null;
  /** The file's time zone, minutes east of UTC, for the local time. */
  readonly offsetMinutes: number;
}

export type ReportFileProblem =
  | { kind: 'not-json'; detail: string }
  | { kind: 'not-a-report'; detail: string }
  | { kind: 'chain'; problem: ChainProblem; event?: EventSummary }
  | { kind: 'invalid-event'; position: number; eventId: string; detail: string; event?: EventSummary }
  /** A list in `contents` differs from what the events and the playbook copy give. */
  | { kind: 'contents-changed'; part: (typeof CONTENTS_PARTS)[number] }
  | { kind: 'playbook-changed' }
  | { kind: 'invalid-playbook'; detail: string }
  /** A v2 file without its seal, or a file that calls itself v1 but carries one (a downgrade). */
  | { kind: 'seal-missing'; formatVersion: number }
  /** A header field differs from the sealed copy of it. */
  | { kind: 'header-changed'; field: HeaderField; inFile: string; sealed: string }
  /** The file holds another number of events than the sealed header counts (a cut tail, every event deleted). */
  | { kind: 'event-count'; inFile: number; sealed: number }
  /** The chain ends on another hash than the sealed header names. */
  | { kind: 'sealed-final-hash'; inFile: string; sealed: string }
  /** The sealed header itself was edited: it no longer hashes to the report hash. */
  | { kind: 'seal-broken'; reportHash: string; actual: string }
  /** The hash printed on the report (`--expect`) is neither the final hash nor the report hash. */
  | { kind: 'report-hash'; expected: string; finalHash: string; reportHash: string }
  /** Checked against the organisation's key: no countersignature, or one that does not verify. */
  | { kind: 'countersignature'; problem: Exclude<CountersignCheck, 'valid'> | 'missing'; state: CountersignState | 'v1' };

export type ReportFileCheck =
  | {
      ok: true;
      file: ReportFile;
      events: MusterEvent[];
      playbook: Playbook | null;
      finalHash: string;
      /** 1: the header is not covered; 2: sealed. */
      version: 1 | 2;
      /** v2: the hash of the sealed header. */
      reportHash: string | null;
      /** v2: the countersignature or why there is none (undefined: the file does not say). */
      countersign?: CountersignState;
      /** Whether the countersignature was checked against the organisation's key (`orgPublicKey`). */
      countersignChecked: boolean;
    }
  | { ok: false; problem: ReportFileProblem };

function shapeProblem(x: Record<string, unknown>): string | null {
  if (x.format !== REPORT_FILE_FORMAT) return `"format" is ${JSON.stringify(x.format)}, expected "${REPORT_FILE_FORMAT}"`;
  if (x.formatVersion !== 1 && x.formatVersion !== REPORT_FILE_VERSION)
    return `"formatVersion" is ${JSON.stringify(x.formatVersion)}, expected 1 or ${REPORT_FILE_VERSION}`;
  if (typeof x.incidentId !== 'string') return '"incidentId" is missing';
  if (!isRecord(x.playbook) || typeof x.playbook.id !== 'string' || typeof x.playbook.version !== 'string') return '"playbook" must name an id and a version';
  if (!Array.isArray(x.events) || !x.events.every(isRecord)) return '"events" must be a list of events';
  const chain = x.chain;
  if (!isRecord(chain) || typeof chain.finalHash !== 'string' || !Array.isArray(chain.links)) return '"chain" must hold "links" and "finalHash"';
  if (!chain.links.every((l) => isRecord(l) && typeof l.id === 'string' && typeof l.hash === 'string')) return '"chain.links" must be a list of { id, hash }';
  if (typeof x.timeZoneOffsetMinutes !== 'number' || !Number.isFinite(x.timeZoneOffsetMinutes)) return '"timeZoneOffsetMinutes" must be a number';
  if (x.seal !== undefined && !isSeal(x.seal)) return '"seal" must hold "header", "reportHash" and at most a countersignature';
  return null;
}

function isSeal(v: unknown): boolean {
  if (!isRecord(v) || !isRecord(v.header) || typeof v.reportHash !== 'string') return false;
  const c = v.countersignature;
  const h = v.header;
  return (
    (c === undefined || c === 'offline' || c === 'not-enrolled' || isCountersignature(c)) &&
    isRecord(h.playbook) &&
    typeof h.eventCount === 'number' &&
    typeof h.finalHash === 'string'
  );
}

/** The header fields as the file shows them, beside the sealed copy; the first that differs is named. */
function changedField(file: ReportFile, sealed: ReportHeader): ReportFileProblem | null {
  const pairs: [HeaderField, unknown, unknown][] = [
    ['format', file.format, sealed.format],
    ['formatVersion', file.formatVersion, sealed.formatVersion],
    ['incidentId', file.incidentId, sealed.incidentId],
    ['playbook.id', file.playbook.id, sealed.playbook.id],
    ['playbook.version', file.playbook.version, sealed.playbook.version],
    ['playbook.language', file.playbook.language, sealed.playbook.language],
    ['timeZoneOffsetMinutes', file.timeZoneOffsetMinutes, sealed.timeZoneOffsetMinutes],
    ['exportedAt', file.exportedAt, sealed.exportedAt],
  ];
  if (file.playbookHash !== undefined) pairs.push(['playbook.hash', file.playbookHash, sealed.playbook.hash]);
  for (const [field, inFile, inSeal] of pairs)
    if (inFile !== inSeal) return { kind: 'header-changed', field, inFile: JSON.stringify(inFile) ?? 'nothing', sealed: JSON.stringify(inSeal) ?? 'nothing' };
  return null;
}

/** The event of the file with this id, summarised; undefined when the file does not hold it (a removed event). */
function summaryOf(file: ReportFile, eventId: string): EventSummary | undefined {
  const e = (file.events as readonly unknown[]).find((x) => isRecord(x) && x.id === eventId);
  return isRecord(e) ? summarise(e, file.timeZoneOffsetMinutes) : undefined;
}

/** What an event of a file (perhaps malformed: the file may be forged) says it is, who wrote it and when. */
function summarise(e: Record<string, unknown>, offsetMinutes: number): EventSummary {
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const hlc = text(e.hlc);
  return { type: text(e.type), actor: text(e.actor), hlc, at: isStamp(hlc) ? stampTime(hlc) : null, offsetMinutes };
}

/** The first part of `contents` that differs from what the file's events and playbook copy give; null when none does. */
function changedContents(file: ReportFile, events: readonly MusterEvent[]): (typeof CONTENTS_PARTS)[number] | null {
  const given = file.contents as unknown;
  // The playbook copy as exported (its hash was checked above): the measurement definitions the contents were worked out with.
  const doc = file.playbookDocument as { measurements?: Parameters<typeof reportContents>[1] } | undefined;
  const expected = reportContents(reduceIncident(file.incidentId, events), doc ? (doc.measurements ?? []) : null);
  for (const part of CONTENTS_PARTS) {
    const inFile = isRecord(given) ? given[part] : undefined;
    if (canonicalJson(inFile) !== canonicalJson(expected[part])) return part;
  }
  return null;
}

/**
 * Reads a JSON export and checks it: its shape, the hash chain (naming the first event that
 * does not match), and for a v2 file the sealed header: every header field against its sealed
 * copy (naming the field), the number of events and the chain's final hash against the
 * header, and the header against its hash. `expectedHash` is the hash printed on the paper
 * report (the final hash, or for v2 the report hash); `orgPublicKey` the organisation's key,
 * which the countersignature must verify against. Then every event's shape and the playbook
 * copy against its hash, then the `contents` lists against the events. Pure: works offline, in the viewer and the verify script alike.
 */
export function readReportFile(text: string, options: { expectedFinalHash?: string; orgPublicKey?: string } = {}): ReportFileCheck {
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
  const seal = file.seal;
  const version = file.formatVersion === 1 ? 1 : 2;
  // A v2 file relabelled v1 with its seal left in, or a v2 file with the seal taken out.
  if ((version === 1) !== (seal === undefined)) return { ok: false, problem: { kind: 'seal-missing', formatVersion: file.formatVersion } };
  if (seal) {
    const changed = changedField(file, seal.header);
    if (changed) return { ok: false, problem: changed };
  }
  const expected = options.expectedFinalHash?.toLowerCase();
  const printedIsReportHash = seal !== undefined && expected === seal.reportHash;
  const chain = checkChain(file.events, file.chain.links, file.chain.finalHash, printedIsReportHash ? undefined : expected);
  if (!chain.ok) {
    if (seal && chain.problem.kind === 'final-hash' && chain.problem.expected === expected && HEX_SHA256.test(expected))
      return { ok: false, problem: { kind: 'report-hash', expected, finalHash: chain.problem.actual, reportHash: seal.reportHash } };
    const named = 'eventId' in chain.problem ? summaryOf(file, chain.problem.eventId) : undefined;
    return { ok: false, problem: { kind: 'chain', problem: chain.problem, ...(named ? { event: named } : {}) } };
  }
  if (seal) {
    const h = seal.header;
    if (h.eventCount !== file.events.length) return { ok: false, problem: { kind: 'event-count', inFile: file.events.length, sealed: h.eventCount } };
    if (h.finalHash !== chain.finalHash) return { ok: false, problem: { kind: 'sealed-final-hash', inFile: chain.finalHash, sealed: h.finalHash } };
    const actual = headerHash(h);
    if (actual !== seal.reportHash) return { ok: false, problem: { kind: 'seal-broken', reportHash: seal.reportHash, actual } };
  }
  const events: MusterEvent[] = [];
  for (const [i, e] of file.events.entries()) {
    const checked = validateEvent(e);
    if (!checked.ok)
      return {
        ok: false,
        problem: {
          kind: 'invalid-event',
          position: i + 1,
          eventId: String((e as { id?: unknown }).id),
          detail: formatIssues(checked.issues),
          event: summarise(e, file.timeZoneOffsetMinutes),
        },
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
  if (file.contents !== undefined) {
    const part = changedContents(file, events);
    if (part) return { ok: false, problem: { kind: 'contents-changed', part } };
  }
  const countersign = seal?.countersignature;
  if (options.orgPublicKey !== undefined) {
    if (!seal || countersign === undefined || typeof countersign === 'string')
      return { ok: false, problem: { kind: 'countersignature', problem: 'missing', state: seal ? (countersign ?? 'offline') : 'v1' } };
    const verdict = checkCountersignature(countersign, seal.reportHash, options.orgPublicKey);
    if (verdict !== 'valid') return { ok: false, problem: { kind: 'countersignature', problem: verdict, state: countersign } };
  }
  return {
    ok: true,
    file,
    events,
    playbook,
    finalHash: chain.finalHash,
    version,
    reportHash: seal?.reportHash ?? null,
    ...(countersign === undefined ? {} : { countersign }),
    countersignChecked: options.orgPublicKey !== undefined,
  };
}
