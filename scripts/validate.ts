#!/usr/bin/env -S node --import tsx
/**
 * Checks playbook files before they are published.
 *
 *   tsx scripts/validate.ts scenarios/fire.zh-CN.json scenarios/fire.en.json
 *   tsx scripts/validate.ts            (every playbook in scenarios/)
 *   tsx scripts/validate.ts --lang zh-CN …   (messages in Simplified Chinese; default en)
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
import { comparePlaybookTwins, playbookFileSizeIssue, readPlaybookBytes, speak } from '../src/domain/playbook/validate';
import type { Issue } from '../src/domain/validation';
import { isLanguage, LANGUAGES, speaker, type Language } from '../src/domain/text';
import { messages } from './validate-messages';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

function defaultFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.json') && name !== 'playbook.schema.json')
    .sort()
    .map((name) => relative(process.cwd(), join(scenariosDir, name)));
}

function checkFile(file: string, language: Language): PlaybookFileCheck {
  const say = speak(language);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { fileName: file, ok: false, issues: [{ path: '', message: say('file.notAFile') }] };
    size = stat.size;
  } catch {
    return { fileName: file, ok: false, issues: [{ path: '', message: say('file.notFound') }] };
  }
  // Refuse a huge file from its size alone, before reading it into memory.
  const tooLarge = playbookFileSizeIssue(size, { language });
  if (tooLarge) return { fileName: file, ok: false, issues: [tooLarge] };
  return readPlaybookBytes(readFileSync(file), file, { language });
}

/** Twin issues per file: each later language version is compared with the first one given. */
function twinIssues(results: readonly PlaybookFileCheck[], language: Language): Map<string, Issue[]> {
  const byFile = new Map<string, Issue[]>();
  const firstById = new Map<string, Extract<PlaybookFileCheck, { ok: true }>>();
  for (const result of results) {
    if (!result.ok) continue;
    const first = firstById.get(result.playbook.id);
    if (!first) firstById.set(result.playbook.id, result);
    else if (first.playbook.language.toLowerCase() !== result.playbook.language.toLowerCase()) {
      const twin = speaker(language, messages)('validate.twin', { file: first.fileName });
      const issues = comparePlaybookTwins(first.playbook, result.playbook, { language }).map((i) => ({ ...i, message: `${i.message}${twin}` }));
      byFile.set(result.fileName, issues);
    }
  }
  return byFile;
}

/** `--lang zh-CN` or `--lang=zh-CN` anywhere among the arguments; the rest are files. */
function parseArgs(argv: readonly string[]): { language: string; files: string[]; help: boolean } {
  let language = 'en';
  const files: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--lang') language = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) language = arg.slice('--lang='.length);
    else files.push(arg);
  }
  return { language, files, help };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (!isLanguage(args.language)) {
    const t = speaker('en', messages);
    process.stderr.write(`${t('validate.badLanguage', { languages: LANGUAGES.join(', '), given: JSON.stringify(args.language) })}\n${t('validate.usage')}`);
    return 2;
  }
  const { language } = args;
  const t = speaker(language, messages);
  if (args.help) {
    process.stdout.write(t('validate.usage'));
    return 0;
  }
  const files = args.files.length > 0 ? args.files : defaultFiles();
  const results = files.map((file) => checkFile(file, language));
  const twins = twinIssues(results, language);
  let failed = 0;
  for (const result of results) {
    const issues = result.ok ? (twins.get(result.fileName) ?? []) : result.issues;
    if (issues.length === 0 && result.ok) {
      const { id, version, language: written } = result.playbook;
      process.stdout.write(`${result.fileName}: ${t('validate.ok', { id, version, language: written })}\n`);
      continue;
    }
    failed++;
    for (const issue of issues) {
      process.stdout.write(issue.path ? `${result.fileName}: ${issue.path}: ${issue.message}\n` : `${result.fileName}: ${issue.message}\n`);
    }
  }
  if (failed > 0) process.stdout.write(`${t('validate.summary', { failed, total: results.length })}\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
