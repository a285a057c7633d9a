import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildReport,
  countersign,
  describeFileProblem,
  exportAllFormats,
  headerHash,
  renderReportHtml,
  exportReportJson,
  readReportFile,
  reportLabels,
  sealOf,
  type ReportFile,
  type ReportInput,
} from '../../src/domain/report';
import { CHINA, floodStory, FLOOD_ID, FLOOD_START, ROOT } from './stories';

// Report format v2: the hash covers the header too, the tail cannot be cut, and an online
// export carries the organisation's countersignature, checked with the key the admin prints.

const story = floodStory('en');
const input: ReportInput = {
  incidentId: FLOOD_ID,
  events: story.events,
  dutyEvents: story.dutyEvents,
  playbook: story.playbook,
  language: 'en',
  timeZoneOffsetMinutes: CHINA,
  generatedAt: FLOOD_START + 86_400_000,
};
const keyOf = (seed: number) => {
  const secretKey = bytesToHex(new Uint8Array(32).fill(seed));
  return { secretKey, publicKey: bytesToHex(ed25519.getPublicKey(new Uint8Array(32).fill(seed))) };
};
const riverside = keyOf(7);
const other = keyOf(9);
const signedAt = '2026-07-15T02:00:05.000Z';
const signed = exportReportJson({ ...input, countersign: countersign(sealOf(input).reportHash, riverside, signedAt) });
const json = exportReportJson(input);
type Editable = ReportFile & { events: unknown[]; chain: { links: { id: string; hash: string }[]; finalHash: string }; seal: NonNullable<ReportFile['seal']> };
const original = JSON.parse(signed) as Editable;
const en = reportLabels('en');

function tampered(edit: (f: Editable) => void, text = signed): string {
  const copy = JSON.parse(text) as Editable;
  edit(copy);
  return JSON.stringify(copy, null, 2);
}
function verdict(text: string, options: Parameters<typeof readReportFile>[1] = {}): string {
  const check = readReportFile(text, options);
  return check.ok ? 'intact' : describeFileProblem(check.problem, en);
}

const scratch = mkdtempSync(join(tmpdir(), 'muster-seal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function verifyScript(text: string, args: string[] = []): { status: number | null; out: string } {
  const file = join(scratch, `r-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'verify-report.ts'), file, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: (run.stdout + run.stderr).replace(file, 'report.json') };
}

describe('report format v2: the header is sealed', () => {
  it('prints the event count, the final hash and the report hash on the report, the same as the file', () => {
    const all = exportAllFormats(input);
    expect(all.html).toContain(`data-testid="event-count">${original.events.length}<`);
    expect(all.html).toContain(`data-testid="report-hash">${original.seal.reportHash}<`);
    expect(all.markdown).toContain(`\`${original.seal.reportHash}\``);
    expect(all.markdown).toContain(`**Events:** ${original.events.length}`);
    expect(original.formatVersion).toBe(2);
  });

  it.each([
    ['timeZoneOffsetMinutes', 'time-zone offset', (f: Editable) => ((f as { timeZoneOffsetMinutes: number }).timeZoneOffsetMinutes = 540)],
    ['incidentId', 'incident id', (f: Editable) => ((f as { incidentId: string }).incidentId = 'inc-someone-else')],
    ['exportedAt', 'export time', (f: Editable) => ((f as { exportedAt: string }).exportedAt = '2026-07-20T00:00:00.000Z')],
    ['playbook.version', 'playbook version', (f: Editable) => ((f.playbook as { version: string }).version = '9.9.9')],
  ])('a changed %s fails and names the field', (_, words, edit) => {
    const text = tampered(edit);
    expect(readReportFile(text)).toMatchObject({ ok: false, problem: { kind: 'header-changed' } });
    expect(verdict(text)).toContain(`the ${words}`);
  });

  it('the tail cut off with the final hash fixed fails on the event count', () => {
    const text = tampered((f) => {
      f.events.pop();
      f.chain.links.pop();
      f.chain.finalHash = f.chain.links.at(-1)!.hash;
    });
    expect(readReportFile(text)).toEqual({ ok: false, problem: { kind: 'event-count', inFile: original.events.length - 1, sealed: original.events.length } });
    expect(verdict(text)).toContain('(event count)');
  });

  it('every event deleted fails', () => {
    const text = tampered((f) => {
      f.events = [];
      f.chain.links = [];
      f.chain.finalHash = '0'.repeat(64);
    });
    expect(verdict(text)).toBe(
      `Altered: the file holds 0 events but the sealed header counts ${original.events.length}, so events were cut off (event count).`,
    );
  });

  it('the tail cut and the sealed count and hash rewritten too fails on the seal, and on the final hash when only the count is fixed', () => {
    const cut = (f: Editable) => {
      f.events.pop();
      f.chain.links.pop();
      f.chain.finalHash = f.chain.links.at(-1)!.hash;
      (f.seal.header as { eventCount: number }).eventCount -= 1;
    };
    expect(verdict(tampered(cut))).toContain('(final hash)');
    const text = tampered((f) => {
      cut(f);
      (f.seal.header as { finalHash: string }).finalHash = f.chain.finalHash;
    });
    expect(readReportFile(text)).toMatchObject({ ok: false, problem: { kind: 'seal-broken' } });
  });

  it('a v2 file relabelled v1, or with its seal taken out, fails', () => {
    expect(verdict(tampered((f) => ((f as { formatVersion: number }).formatVersion = 1)))).toContain('its format version was changed');
    expect(verdict(tampered((f) => delete (f as { seal?: unknown }).seal))).toContain('the seal was taken out');
  });

  it('a v1 report still verifies, as v1, and the verdict says its header is not covered', () => {
    const v1 = tampered((f) => {
      (f as { formatVersion: number }).formatVersion = 1;
      delete (f as { seal?: unknown }).seal;
    }, json);
    const run = verifyScript(v1);
    expect(run.status).toBe(0);
    expect(run.out).toContain('Intact (v1: header not covered)');
    // The weakness v2 closes: a v1 file's time zone can be changed unseen.
    expect(readReportFile(tampered((f) => ((f as { timeZoneOffsetMinutes: number }).timeZoneOffsetMinutes = 540), v1)).ok).toBe(true);
  });
});

describe('the countersignature', () => {
  it("verifies with the organisation's key, and fails with another organisation's", () => {
    const run = verifyScript(signed, ['--org-key', riverside.publicKey]);
    expect(run.status).toBe(0);
    expect(run.out).toContain("Countersigned by the organisation's key");
    const foreign = verifyScript(signed, ['--org-key', other.publicKey]);
    expect(foreign.status).toBe(1);
    expect(foreign.out).toContain("The countersignature is not the organisation's");
  });

  it('fails after any header change, even with the seal recomputed to match', () => {
    const text = tampered((f) => {
      (f as { timeZoneOffsetMinutes: number }).timeZoneOffsetMinutes = 540;
      const header = { ...f.seal.header, timeZoneOffsetMinutes: 540 };
      (f.seal as { header: unknown }).header = header;
      (f.seal as { reportHash: string }).reportHash = headerHash(header);
    });
    expect(readReportFile(text).ok).toBe(true);
    expect(verdict(text, { orgPublicKey: riverside.publicKey })).toContain('does not match this report');
  });

  it('an offline export says it is not countersigned, and fails a check against the key', () => {
    const offline = exportReportJson({ ...input, countersign: 'offline' });
    expect(verifyScript(offline).out).toContain('Not countersigned (offline).');
    expect(verdict(offline, { orgPublicKey: riverside.publicKey })).toBe("Cannot be checked against the organisation's key: Not countersigned (offline).");
    expect(exportAllHtml({ ...input, countersign: 'offline' })).toContain('Not countersigned (offline).');
  });
});

function exportAllHtml(i: ReportInput): string {
  return renderReportHtml(buildReport(i));
}
