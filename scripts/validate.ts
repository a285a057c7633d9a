#!/usr/bin/env -S node --import tsx
/**
 * Checks playbook files before they are published.
 *
 *   tsx scripts/validate.ts scenarios/fire.zh-CN.json scenarios/fire.en.json
 *   tsx scripts/validate.ts            (every playbook in scenarios/)
 *
 * Each file: at most 5 MB and UTF-8 (checked before parsing), valid JSON, the schema, ids and
 * references. Files among the arguments with the same playbook id in different languages
 * are twins and must share their ids. Prints `file: path: message` for each problem and one
 * OK line per clean file; exits 1 when anything is wrong, 0 when all is clean.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaybookFileCheck } from '../src/domain/playbook/file';
import { comparePlaybookTwins, playbookFileSizeIssue, readPlaybookBytes } from '../src/domain/playbook/validate';
import type { Issue } from '../src/domain/validation';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

function defaultFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.json') && name !== 'playbook.schema.json')
    .sort()
    .map((name) => relative(process.cwd(), join(scenariosDir, name)));
}

function checkFile(file: string): PlaybookFileCheck {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { fileName: file, ok: false, issues: [{ path: '', message: 'not a file' }] };
    size = stat.size;
  } catch {
    return { fileName: file, ok: false, issues: [{ path: '', message: 'file not found' }] };
  }
  // Refuse a huge file from its size alone, before reading it into memory.
  const tooLarge = playbookFileSizeIssue(size);
  if (tooLarge) return { fileName: file, ok: false, issues: [tooLarge] };
  return readPlaybookBytes(readFileSync(file), file);
}

/** Twin issues per file: each later language version is compared with the first one given. */
function twinIssues(results: readonly PlaybookFileCheck[]): Map<string, Issue[]> {
  const byFile = new Map<string, Issue[]>();
  const firstById = new Map<string, Extract<PlaybookFileCheck, { ok: true }>>();
  for (const result of results) {
    if (!result.ok) continue;
    const first = firstById.get(result.playbook.id);
    if (!first) firstById.set(result.playbook.id, result);
    else if (first.playbook.language.toLowerCase() !== result.playbook.language.toLowerCase()) {
      const issues = comparePlaybookTwins(first.playbook, result.playbook).map((i) => ({ ...i, message: `${i.message} (twin: ${first.fileName})` }));
      byFile.set(result.fileName, issues);
    }
  }
  return byFile;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write('usage: validate [playbook.json …]   (no files: every playbook in scenarios/)\n');
    return 0;
  }
  const files = argv.length > 0 ? [...argv] : defaultFiles();
  const results = files.map(checkFile);
  const twins = twinIssues(results);
  let failed = 0;
  for (const result of results) {
    const issues = result.ok ? (twins.get(result.fileName) ?? []) : result.issues;
    if (issues.length === 0 && result.ok) {
      const { id, version, language } = result.playbook;
      process.stdout.write(`${result.fileName}: OK (${id} ${version}, ${language})\n`);
      continue;
    }
    failed++;
    for (const issue of issues) {
      process.stdout.write(issue.path ? `${result.fileName}: ${issue.path}: ${issue.message}\n` : `${result.fileName}: ${issue.message}\n`);
    }
  }
  if (failed > 0) process.stdout.write(`${failed} of ${results.length} files have problems\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
