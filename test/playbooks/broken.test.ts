import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlaybookBytes } from '../../src/domain/playbook/validate';
import { BROKEN_FILES, BROKEN_FILES_ZH, SAMPLE_FILE_WARNINGS } from './broken-files';
import { repoRoot } from './support';

// More broken cases, built in code from the sample playbook, are in
// src/domain/playbook/validate.test.ts.

const dir = join(repoRoot, 'test', 'playbooks', 'broken');

describe('broken playbook files', () => {
  it('has an expectation for every fixture on disk', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(BROKEN_FILES).sort());
  });

  it.each(Object.entries(BROKEN_FILES))('%s is refused with the exact path, line, column, place and message', (name, issues) => {
    const result = readPlaybookBytes(readFileSync(join(dir, name)), name);
    expect(result).toMatchObject({ fileName: name, ok: false });
    expect(result.ok ? [] : result.issues).toEqual(issues);
  });

  it.each(Object.entries(BROKEN_FILES))('%s is warned about as the sample is, once it can be read as JSON', (name, issues) => {
    const result = readPlaybookBytes(readFileSync(join(dir, name)), name);
    const readable = issues.every((i) => i.path !== '');
    expect(result.warnings).toMatchObject(readable ? SAMPLE_FILE_WARNINGS : []);
  });

  it.each(Object.entries(BROKEN_FILES_ZH))('%s is refused in Chinese at the same paths and lines', (name, messages) => {
    const result = readPlaybookBytes(readFileSync(join(dir, name)), name, { language: 'zh-CN' });
    const english = BROKEN_FILES[name as keyof typeof BROKEN_FILES];
    const where = ({ path, line, column }: { path: string; line?: number; column?: number }) => ({ path, line, column });
    expect(result.ok ? [] : result.issues.map((i) => ({ ...where(i), message: i.message }))).toEqual(
      english.map((issue, i) => ({ ...where(issue), message: messages[i] })),
    );
  });
});
