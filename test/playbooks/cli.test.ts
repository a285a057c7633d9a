import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROKEN_FILES, BROKEN_FILES_ZH } from './broken-files';
import { runScript } from './support';

// The validator as a safety officer runs it: `npm run validate -- <files…>`.

const scratch = mkdtempSync(join(tmpdir(), 'muster-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shipped = ['scenarios/fire.zh-CN.json', 'scenarios/fire.en.json', 'scenarios/flood.zh-CN.json', 'scenarios/flood.en.json'];

describe('scripts/validate.ts', () => {
  it('prints one OK line per clean file and exits 0 for the shipped playbooks', () => {
    const run = runScript('validate.ts', shipped);
    expect(run.stdout).toBe(
      [
        'scenarios/fire.zh-CN.json: OK (fire-evacuation 1.0.0, zh-CN)',
        'scenarios/fire.en.json: OK (fire-evacuation 1.0.0, en)',
        'scenarios/flood.zh-CN.json: OK (flood-emergency 1.0.0, zh-CN)',
        'scenarios/flood.en.json: OK (flood-emergency 1.0.0, en)',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(0);
  });

  it('checks every playbook in scenarios/ when given no files', () => {
    const run = runScript('validate.ts', []);
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
    expect(run.stdout).not.toContain('playbook.schema.json');
    expect(run.status).toBe(0);
  });

  it('prints `file: path: message` for each problem of each broken file and exits 1', () => {
    const files = Object.keys(BROKEN_FILES).map((name) => `test/playbooks/broken/${name}`);
    const run = runScript('validate.ts', ['scenarios/fire.zh-CN.json', ...files]);
    const expected = Object.entries(BROKEN_FILES).flatMap(([name, issues]) =>
      issues.map((i) => (i.path ? `test/playbooks/broken/${name}: ${i.path}: ${i.message}` : `test/playbooks/broken/${name}: ${i.message}`)),
    );
    expect(run.stdout.trim().split('\n')).toEqual([
      'scenarios/fire.zh-CN.json: OK (fire-evacuation 1.0.0, zh-CN)',
      ...expected,
      `${files.length} of ${files.length + 1} files have problems`,
    ]);
    expect(run.status).toBe(1);
  });

  it('speaks Chinese with --lang zh-CN: the same paths, Chinese messages and summary', () => {
    const files = Object.keys(BROKEN_FILES).map((name) => `test/playbooks/broken/${name}`);
    const run = runScript('validate.ts', ['--lang', 'zh-CN', 'scenarios/fire.zh-CN.json', ...files]);
    const expected = Object.entries(BROKEN_FILES).flatMap(([name, issues]) =>
      issues.map((i, k) => {
        const message = BROKEN_FILES_ZH[name as keyof typeof BROKEN_FILES][k];
        return i.path ? `test/playbooks/broken/${name}: ${i.path}: ${message}` : `test/playbooks/broken/${name}: ${message}`;
      }),
    );
    expect(run.stdout.trim().split('\n')).toEqual([
      'scenarios/fire.zh-CN.json: 通过（fire-evacuation 1.0.0，zh-CN）',
      ...expected,
      `${files.length + 1} 个文件中有 ${files.length} 个存在问题`,
    ]);
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
    expect(run.stdout.trim().split('\n')).toEqual([
      'test/playbooks/twins-differ/sample.zh-CN.json: 通过（sample-fire 1.0.0，zh-CN）',
      `test/playbooks/twins-differ/sample.en.json: phases[0].steps: 缺少 id "step.alarm.call-119"；zh-CN 版本在 phases[0].steps[1] 有这个 id${twin}`,
      `test/playbooks/twins-differ/sample.en.json: phases[0].steps[1].id: zh-CN 版本中没有 id "step.alarm.call-fire-service"${twin}`,
      'missing.json: 找不到该文件',
      'scenarios: 这不是一个文件',
      '4 个文件中有 3 个存在问题',
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
    expect(run.stdout).toContain(`${huge}: the file has 5242891 bytes; a playbook file may have at most 5242880 bytes (5 MB)`);
    expect(run.stdout).toContain(`${join(scratch, 'missing.json')}: file not found`);
    expect(run.status).toBe(1);
  });

  it('finds twins among the files and names the ids that differ', () => {
    const run = runScript('validate.ts', ['test/playbooks/twins-differ/sample.zh-CN.json', 'test/playbooks/twins-differ/sample.en.json']);
    const twin = '(twin: test/playbooks/twins-differ/sample.zh-CN.json)';
    expect(run.stdout.trim().split('\n')).toEqual([
      'test/playbooks/twins-differ/sample.zh-CN.json: OK (sample-fire 1.0.0, zh-CN)',
      `test/playbooks/twins-differ/sample.en.json: phases[0].steps: missing id "step.alarm.call-119", which the zh-CN version has at phases[0].steps[1] ${twin}`,
      `test/playbooks/twins-differ/sample.en.json: phases[0].steps[1].id: id "step.alarm.call-fire-service" is not in the zh-CN version ${twin}`,
      '1 of 2 files have problems',
    ]);
    expect(run.status).toBe(1);
  });
});
