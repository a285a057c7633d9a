import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlaybookIssue } from '../../src/domain/playbook/validate';
import { samplePlaybook } from '../fixtures/sample-playbook';
import { BROKEN_FILES, BROKEN_FILES_ZH } from './broken-files';
import { runScript } from './support';

// The validator as a safety officer runs it: `npm run validate -- <files…>`.

const scratch = mkdtempSync(join(tmpdir(), 'muster-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shipped = ['scenarios/fire.zh-CN.json', 'scenarios/fire.en.json', 'scenarios/flood.zh-CN.json', 'scenarios/flood.en.json'];

/** A line of the CLI's output for one issue, as a safety officer's editor reads it: `file:line:column: error: path (place): message`. */
function issueLine(file: string, issue: PlaybookIssue, severity: string, place = issue.place ? ` (${issue.place})` : ''): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column}` : file;
  return [where, severity, ...(issue.path ? [`${issue.path}${place}`] : []), issue.message].join(': ');
}

const isWarning = /^[^:]+:\d+:\d+: warning: /;

describe('scripts/validate.ts', () => {
  it('passes the shipped playbooks with one OK line each, followed by their warnings, and exits 0', () => {
    const run = runScript('validate.ts', shipped);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => !isWarning.test(l))).toEqual([
      'scenarios/fire.zh-CN.json: OK (fire-evacuation 1.2.0, zh-CN), with 1 warning(s)',
      'scenarios/fire.en.json: OK (fire-evacuation 1.2.0, en), with 1 warning(s)',
      'scenarios/flood.zh-CN.json: OK (flood-emergency 1.2.0, zh-CN), with 1 warning(s)',
      'scenarios/flood.en.json: OK (flood-emergency 1.2.0, en), with 1 warning(s)',
    ]);
    const fireEn = lines.indexOf('scenarios/fire.en.json: OK (fire-evacuation 1.2.0, en), with 1 warning(s)');
    expect(lines.slice(fireEn + 1, fireEn + 2)).toEqual([
      'scenarios/fire.en.json:31:7: warning: principles[0].source (principle "principle.responsibility"): no screen of the app shows this "source", so nobody will read it (105 places like it in this file)',
    ]);
    expect(run.status).toBe(0);
  });

  it('checks every playbook in scenarios/ when given no files', () => {
    const run = runScript('validate.ts', []);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .filter((l) => l.includes(': OK (')),
    ).toHaveLength(readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'playbook.schema.json').length);
    expect(run.stdout).not.toContain('playbook.schema.json');
    expect(run.status).toBe(0);
  });

  it('passes the example building without a warning: everything it says is shown', () => {
    const run = runScript('validate.ts', ['scenarios/examples/riverside.en.json', 'scenarios/examples/riverside.zh-CN.json']);
    expect(run.stdout.trim().split('\n')).toEqual([
      'scenarios/examples/riverside.en.json: OK (riverside-flood 1.0.0, en)',
      'scenarios/examples/riverside.zh-CN.json: OK (riverside-flood 1.0.0, zh-CN)',
    ]);
    expect(run.status).toBe(0);
  });

  it('prints each broken file’s errors as `file:line:column: error: path (place): message`, then its warnings, and exits 1', () => {
    const files = Object.keys(BROKEN_FILES).map((name) => `test/playbooks/broken/${name}`);
    const run = runScript('validate.ts', ['scenarios/fire.zh-CN.json', ...files]);
    const lines = run.stdout.trim().split('\n');
    const expected = Object.entries(BROKEN_FILES).flatMap(([name, issues]) => issues.map((i) => issueLine(`test/playbooks/broken/${name}`, i, 'error')));
    expect(lines.filter((l) => l.includes(': error: '))).toEqual(expected);
    expect(lines[0]).toBe('scenarios/fire.zh-CN.json: OK (fire-evacuation 1.2.0, zh-CN), with 1 warning(s)');
    expect(lines.at(-1)).toBe(`${files.length} of ${files.length + 1} files have errors`);
    // Within a file, its errors come first and its warnings after them.
    const wrongTypes = lines.filter((l) => l.startsWith('test/playbooks/broken/wrong-types.json'));
    expect(wrongTypes.map((l) => / (error|warning): /.exec(l)?.[1])).toEqual(['error', 'error']);
    const fire = lines.slice(
      0,
      lines.findIndex((l) => l.startsWith('test/')),
    );
    expect(fire.map((l) => / (error|warning): /.exec(l)?.[1] ?? 'ok')).toEqual(['ok', 'warning']);
    expect(run.status).toBe(1);
  });

  it('speaks Chinese with --lang zh-CN: the same lines, paths and columns, Chinese messages, places and summary', () => {
    const files = Object.keys(BROKEN_FILES).map((name) => `test/playbooks/broken/${name}`);
    const run = runScript('validate.ts', ['--lang', 'zh-CN', 'scenarios/fire.zh-CN.json', ...files]);
    const lines = run.stdout.trim().split('\n');
    const errors = lines.filter((l) => l.includes(': 错误: '));
    const expected = Object.entries(BROKEN_FILES).flatMap(([name, issues]) =>
      issues.map((issue: PlaybookIssue, k) => ({
        issue,
        message: BROKEN_FILES_ZH[name as keyof typeof BROKEN_FILES][k] ?? '',
        file: `test/playbooks/broken/${name}`,
      })),
    );
    expect(errors).toHaveLength(expected.length);
    expected.forEach(({ issue, message, file }, k) => {
      const head = issueLine(file, { ...issue, message: '' }, '错误', '').slice(0, -2);
      expect(errors[k]?.startsWith(`${head}${issue.place ? '（' : ':'}`), errors[k]).toBe(true);
      expect(errors[k]?.endsWith(`: ${message}`), errors[k]).toBe(true);
    });
    expect(errors).toContain(
      'test/playbooks/broken/wrong-types.json:113:11: 错误: phases[0].steps[0].critical（阶段 "Raise the alarm"，步骤 "step.alarm.report"（"Report the fire."））: 应为 true 或 false，实际为文本 "yes"',
    );
    expect(lines[0]).toBe('scenarios/fire.zh-CN.json: 通过（fire-evacuation 1.2.0，zh-CN），另有 1 条警告');
    expect(lines.at(-1)).toBe(`${files.length + 1} 个文件中有 ${files.length} 个存在错误`);
    expect(run.status).toBe(1);
  });

  it('names twins that differ, a missing file and a folder in Chinese with --lang=zh-CN', () => {
    const run = runScript('validate.ts', [
      'test/playbooks/twins-differ/sample.zh-CN.json',
      'test/playbooks/twins-differ/sample.en.json',
      'missing.json',
      'scenarios',
      '--lang=zh-CN',
    ]);
    const twin = '（对照文件：test/playbooks/twins-differ/sample.zh-CN.json）';
    expect(
      run.stdout
        .trim()
        .split('\n')
        .filter((l) => !l.includes(': 警告: ')),
    ).toEqual([
      'test/playbooks/twins-differ/sample.zh-CN.json: 通过（sample-fire 1.0.0，zh-CN）',
      `test/playbooks/twins-differ/sample.en.json:108:7: 错误: phases[0].steps（阶段 "Raise the alarm"）: 缺少 id "step.alarm.call-119"；zh-CN 版本在 phases[0].steps[1] 有这个 id${twin}`,
      `test/playbooks/twins-differ/sample.en.json:117:11: 错误: phases[0].steps[1].id（阶段 "Raise the alarm"，步骤 "step.alarm.call-fire-service"（"Call 119."））: zh-CN 版本中没有 id "step.alarm.call-fire-service"${twin}`,
      'missing.json: 错误: 找不到该文件',
      'scenarios: 错误: 这不是一个文件',
      '4 个文件中有 3 个存在错误',
    ]);
    expect(run.status).toBe(1);
  });

  it('documents --lang in --help and refuses a language it does not speak', () => {
    const help = runScript('validate.ts', ['--help']);
    expect(help.stdout).toContain('--lang zh-CN');
    expect(help.status).toBe(0);
    const french = runScript('validate.ts', ['--lang', 'fr', 'scenarios/fire.en.json']);
    expect(french.stderr).toContain('--lang must be one of zh-CN, en, got "fr"');
    expect(french.stdout).toBe('');
    expect(french.status).toBe(2);
  });

  it('refuses a file over 5 MB from its size and names a missing file', () => {
    const huge = join(scratch, 'huge.json');
    writeFileSync(huge, `{"id": "x"${' '.repeat(5 * 1024 * 1024)}}`);
    const run = runScript('validate.ts', [huge, join(scratch, 'missing.json')]);
    expect(run.stdout).toContain(`${huge}: error: the file has 5242891 bytes; a playbook file may have at most 5242880 bytes (5 MB)`);
    expect(run.stdout).toContain(`${join(scratch, 'missing.json')}: error: file not found`);
    expect(run.status).toBe(1);
  });

  it('exits 0 for a file with warnings only, and 1 as soon as one file has an error', () => {
    const warned = join(scratch, 'tied.json');
    const p = samplePlaybook();
    p.buildings![0]!.floors[1]!.order = 1;
    p.phases[0]!.steps[0]!.source = 'IV.1';
    writeFileSync(warned, JSON.stringify(p, null, 2));
    const run = runScript('validate.ts', [warned]);
    expect(run.stdout).toContain(`${warned}: OK (sample-fire 1.0.0, en), with 2 warning(s)`);
    expect(run.stdout).toMatch(
      /tied\.json:\d+:\d+: warning: buildings\[0\]\.floors\[1\]\.order \(building "Main building", floor "Floor 2"\): "order" 1 is also that of floor "Floor 1"/,
    );
    expect(run.status).toBe(0);
    expect(runScript('validate.ts', [warned, 'test/playbooks/broken/wrong-kind.json']).status).toBe(1);
  });

  it('finds twins among the files and names the ids that differ', () => {
    const run = runScript('validate.ts', ['test/playbooks/twins-differ/sample.zh-CN.json', 'test/playbooks/twins-differ/sample.en.json']);
    const twin = '(twin: test/playbooks/twins-differ/sample.zh-CN.json)';
    expect(
      run.stdout
        .trim()
        .split('\n')
        .filter((l) => !isWarning.test(l)),
    ).toEqual([
      'test/playbooks/twins-differ/sample.zh-CN.json: OK (sample-fire 1.0.0, zh-CN)',
      `test/playbooks/twins-differ/sample.en.json:108:7: error: phases[0].steps (phase "Raise the alarm"): missing id "step.alarm.call-119", which the zh-CN version has at phases[0].steps[1] ${twin}`,
      `test/playbooks/twins-differ/sample.en.json:117:11: error: phases[0].steps[1].id (phase "Raise the alarm", step "step.alarm.call-fire-service" ("Call 119.")): id "step.alarm.call-fire-service" is not in the zh-CN version ${twin}`,
      '1 of 2 files have errors',
    ]);
    expect(run.status).toBe(1);
  });
});
