import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPlaybookJsonSchema } from '../../src/domain/playbook/schema';
import { repoRoot, runScript } from './support';

const committed = join(repoRoot, 'scenarios', 'playbook.schema.json');
const scratch = mkdtempSync(join(tmpdir(), 'muster-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scenarios/playbook.schema.json', () => {
  it('is what the zod schema generates today (run `tsx scripts/gen-schema.ts` after changing the schema)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderPlaybookJsonSchema());
  });

  it('passes `gen-schema --check`', () => {
    const run = runScript('gen-schema.ts', ['--check']);
    expect(run.stdout).toBe('scenarios/playbook.schema.json is up to date\n');
    expect(run.status).toBe(0);
  });

  it('fails `gen-schema --check` on a stale or missing copy, and is rewritten without --check', () => {
    const stale = join(scratch, 'playbook.schema.json');
    writeFileSync(stale, renderPlaybookJsonSchema().replace('"title": "Muster playbook"', '"title": "Old"'));
    const check = runScript('gen-schema.ts', ['--check', stale]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('is out of date; run: tsx scripts/gen-schema.ts');

    expect(runScript('gen-schema.ts', ['--check', join(scratch, 'nothing.json')]).status).toBe(1);

    const write = runScript('gen-schema.ts', [stale]);
    expect(write.status).toBe(0);
    expect(readFileSync(stale, 'utf8')).toBe(renderPlaybookJsonSchema());
    expect(runScript('gen-schema.ts', ['--check', stale]).status).toBe(0);
  });
});
