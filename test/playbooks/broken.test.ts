import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlaybookBytes } from '../../src/domain/playbook/validate';
import { BROKEN_FILES, BROKEN_FILES_ZH } from './broken-files';
import { repoRoot } from './support';

// More broken cases, built in code from the sample playbook, are in
// src/domain/playbook/validate.test.ts.

const dir = join(repoRoot, 'test', 'playbooks', 'broken');

describe('broken playbook files', () => {
  it('has an expectation for every fixture on disk', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(BROKEN_FILES).sort());
  });

  it.each(Object.entries(BROKEN_FILES))('%s is refused with the exact path and message', (name, issues) => {
    const result = readPlaybookBytes(readFileSync(join(dir, name)), name);
    expect(result).toEqual({ fileName: name, ok: false, issues });
  });

  it.each(Object.entries(BROKEN_FILES_ZH))('%s is refused in Chinese at the same paths', (name, messages) => {
    const result = readPlaybookBytes(readFileSync(join(dir, name)), name, { language: 'zh-CN' });
    const english = BROKEN_FILES[name as keyof typeof BROKEN_FILES];
    expect(result).toEqual({ fileName: name, ok: false, issues: english.map((issue, i) => ({ path: issue.path, message: messages[i] })) });
  });
});
