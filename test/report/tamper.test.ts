import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportReportJson, readReportFile, sha256Hex, type ReportFile } from '../../src/domain/report';
import { CHINA, floodStory, FLOOD_ID, FLOOD_START, ROOT } from './stories';

const story = floodStory('zh-CN');
const json = exportReportJson({
  incidentId: FLOOD_ID,
  events: story.events,
  dutyEvents: story.dutyEvents,
  playbook: story.playbook,
  language: 'zh-CN',
  timeZoneOffsetMinutes: CHINA,
  generatedAt: FLOOD_START + 86_400_000,
});
const original = JSON.parse(json) as ReportFile & { events: Record<string, unknown>[]; chain: { links: { id: string; hash: string }[] } };
const idAt = (position: number) => String(original.events[position - 1]?.id);

/** A copy of the exported file with `edit` applied, as someone with a text editor would. */
function tampered(edit: (f: typeof original) => void): string {
  const copy = structuredClone(original);
  edit(copy);
  return JSON.stringify(copy, null, 2);
}

const scratch = mkdtempSync(join(tmpdir(), 'muster-verify-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function verify(text: string, args: string[] = []): { status: number | null; out: string } {
  const file = join(scratch, `report-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'verify-report.ts'), file, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: (run.stdout + run.stderr).replace(file, 'report.json') };
}

describe('tamper evidence of the JSON export', () => {
  it('an untouched export is intact, and the script says so with the final hash (exit 0)', () => {
    const check = readReportFile(json);
    expect(check.ok).toBe(true);
    const run = verify(json);
    expect(run.status).toBe(0);
    expect(run.out).toBe(
      `report.json: Intact (v2, header covered): ${original.events.length} events, final hash ${original.chain.finalHash}, report hash ${original.seal?.reportHash}.\n`,
    );
    expect(verify(json, ['--expect', original.chain.finalHash]).status).toBe(0);
  });

  it('finds the changed loss value and names the event by its position, id, type, time and person', () => {
    const position = original.events.findIndex((e) => e.type === 'loss.recorded') + 1;
    const text = tampered((f) => {
      (f.events[position - 1]!.payload as { estimatedValue: number }).estimatedValue = 12;
    });
    const loss = original.events[position - 1]!;
    expect(readReportFile(text)).toEqual({
      ok: false,
      problem: {
        kind: 'chain',
        problem: { kind: 'changed', position, eventId: idAt(position) },
        event: { type: 'loss.recorded', actor: loss.actor, hlc: loss.hlc, at: FLOOD_START + 60 * 60_000, offsetMinutes: CHINA },
      },
    });
    const run = verify(text);
    expect(run.status).toBe(1);
    expect(run.out).toBe(
      `report.json: Altered from event ${position} (${idAt(position)}): it does not match its hash, so it was changed, or an event just before it was removed. ` +
        `The event: loss.recorded, stamped 2026-07-13T19:00:00.000Z (2026-07-14 03:00:00 UTC+08:00), recorded by ${String(loss.actor)}.\n`,
    );
    expect(verify(text, ['--lang', 'zh-CN']).out).toBe(
      `report.json: 第 ${position} 条记录（${idAt(position)}）起被改动：与其哈希值不符，该记录被修改过，或其前面的一条记录被删除。` +
        `该记录：类型 loss.recorded，时间 2026-07-13T19:00:00.000Z（UTC+08:00 2026-07-14 03:00:00），记录人 ${String(loss.actor)}。\n`,
    );
  });

  it('names an inserted or moved event by its type, time and person too, and a removed one by its id', () => {
    const inserted = tampered((f) => {
      f.events.splice(4, 0, { ...f.events[3]!, id: `${String(f.events[3]!.id)}x`, payload: { text: '补记' }, type: 'note.added', actor: '冒名者' });
    });
    expect(verify(inserted).out).toContain(`so it was inserted. The event: note.added, stamped `);
    expect(verify(inserted).out).toContain('recorded by 冒名者.');
    const removed = verify(tampered((f) => f.events.splice(4, 1))).out;
    expect(removed).toContain(`event ${idAt(5)} of the hash chain is missing, so it was removed.\n`);
    expect(removed).not.toContain('The event:');
  });

  it('says a photo was changed when its hash in a sealed file is edited, in the event or in the contents list', () => {
    const photo = { hash: 'c0ffee'.padEnd(64, '0'), type: 'image/jpeg', bytes: 2048, width: 1600, height: 1200 } as const;
    const withPhoto = exportReportJson({
      incidentId: FLOOD_ID,
      events: [
        ...story.events,
        {
          ...story.events[1]!,
          id: `${FLOOD_ID}-photo`,
          hlc: story.events[1]!.hlc.replace(/-0000-/, '-0001-'),
          type: 'note.added',
          payload: { text: '东门进水', photos: [photo] },
        },
      ],
      dutyEvents: story.dutyEvents,
      playbook: story.playbook,
      language: 'zh-CN',
      timeZoneOffsetMinutes: CHINA,
      generatedAt: FLOOD_START + 86_400_000,
    });
    const file = JSON.parse(withPhoto) as typeof original & { contents: { photos: { hash: string }[] } };
    expect(readReportFile(withPhoto).ok).toBe(true);
    expect(file.contents.photos).toEqual([expect.objectContaining({ eventId: `${FLOOD_ID}-photo`, ...photo })]);
    const other = 'b'.repeat(64);
    const inEvent = withPhoto.replace(`"hash":"${photo.hash}","type"`, `"hash":"${other}","type"`);
    expect(inEvent).not.toBe(withPhoto);
    const edited = JSON.parse(inEvent) as typeof file;
    expect(edited.events.some((e) => JSON.stringify(e).includes(other))).toBe(true);
    expect(readReportFile(inEvent)).toMatchObject({ ok: false, problem: { kind: 'chain', problem: { kind: 'changed', eventId: `${FLOOD_ID}-photo` } } });
    expect(verify(inEvent).out).toContain('so it was changed');
    const inList = JSON.stringify({ ...file, contents: { ...file.contents, photos: [{ ...file.contents.photos[0], hash: other }] } });
    expect(readReportFile(inList)).toEqual({ ok: false, problem: { kind: 'contents-changed', part: 'photos' } });
    expect(verify(inList).out).toBe(
      'report.json: Altered: the list of photos in the file (contents.photos) does not match its events, so it was changed after export.\n',
    );
  });

  it('finds a removed event', () => {
    const text = tampered((f) => f.events.splice(4, 1));
    expect(readReportFile(text)).toMatchObject({ ok: false, problem: { kind: 'chain', problem: { kind: 'removed', position: 5, eventId: idAt(5) } } });
    expect(verify(text).out).toContain(`event ${idAt(5)} of the hash chain is missing`);
  });

  it('finds an event inserted with a plausible id and clock stamp', () => {
    const text = tampered((f) => {
      const forged = { ...f.events[3]!, id: `${String(f.events[3]!.id)}x`, payload: { text: '补记：一切正常' }, type: 'note.added' };
      f.events.splice(4, 0, forged);
    });
    expect(readReportFile(text)).toMatchObject({ ok: false, problem: { kind: 'chain', problem: { kind: 'inserted', position: 5, eventId: `${idAt(4)}x` } } });
    expect(verify(text).out).toContain('so it was inserted');
  });

  it('finds events put in another order', () => {
    const text = tampered((f) => {
      const [a, b] = [f.events[2]!, f.events[3]!];
      f.events[2] = b;
      f.events[3] = a;
    });
    expect(readReportFile(text)).toMatchObject({ ok: false, problem: { kind: 'chain', problem: { kind: 'out-of-order', position: 4, eventId: idAt(3) } } });
  });

  it('finds a moved clock stamp, a changed actor and a changed final hash', () => {
    expect(readReportFile(tampered((f) => ((f.events[6] as { actor: string }).actor = '别人')))).toMatchObject({
      ok: false,
      problem: { problem: { kind: 'changed', position: 7 } },
    });
    const later = (hlc: string) => `${String(Number(hlc.slice(0, 15)) + 1).padStart(15, '0')}${hlc.slice(15)}`;
    expect(readReportFile(tampered((f) => ((f.events[6] as { hlc: string }).hlc = later(String(f.events[6]!.hlc)))))).toMatchObject({
      ok: false,
      problem: { problem: { kind: 'changed', position: 7 } },
    });
    expect(readReportFile(tampered((f) => ((f.chain as { finalHash: string }).finalHash = '0'.repeat(64))))).toMatchObject({
      ok: false,
      problem: { problem: { kind: 'final-hash' } },
    });
  });

  it('catches a chain rewritten after a change by the final hash printed on the report', () => {
    const events = story.events.map((e) => (e.type === 'closure.approved' ? { ...e, payload: { approver: '别人' } } : e));
    const forged = exportReportJson({
      incidentId: FLOOD_ID,
      events,
      dutyEvents: story.dutyEvents,
      playbook: story.playbook,
      language: 'zh-CN',
      timeZoneOffsetMinutes: CHINA,
      generatedAt: FLOOD_START + 86_400_000,
    });
    expect(verify(forged).status).toBe(0);
    const run = verify(forged, ['--expect', original.chain.finalHash, '--lang', 'zh-CN']);
    expect(run.status).toBe(1);
    expect(run.out).toContain(`报告上印的哈希值 ${original.chain.finalHash} 既不是本文件的最终哈希值`);
  });

  it('finds a changed copy of the playbook, and refuses what is not a report', () => {
    expect(readReportFile(tampered((f) => ((f.playbookDocument as { title: string }).title = 'x')))).toEqual({
      ok: false,
      problem: { kind: 'playbook-changed' },
    });
    expect(verify('{"format":"something else"}').out).toContain('This is not a Muster report file');
    expect(verify('not json').status).toBe(1);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'verify-report.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: verify-report');
  });
});

describe('SHA-256 agrees with Node’s', () => {
  it('on any text, Chinese, emoji and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
