#!/usr/bin/env -S node --import tsx
/**
 * Checks playbook files before they are published.
 *
 *   tsx scripts/validate.ts scenarios/fire.zh-CN.json scenarios/fire.en.json
 *   tsx scripts/validate.ts            (every playbook in scenarios/)
 *   tsx scripts/validate.ts --lang zh-CN …   (messages in Simplified Chinese; default en)
 *
 * Each file: at most 5 MB and UTF-8 (checked before parsing), valid JSON, the schema, ids and
 * references, then the warnings (a file with warnings still passes). Files among the arguments
 * with the same playbook id in different languages are twins and must share their ids. Prints
 * one OK line per file without errors, then per file its errors and then its warnings, one a
 * line, as `file:line:column: error: path (place): message` (an editor jumps to `file:line:column`;
 * the place names the building, floor, route or step in the file's words). Exits 1 when any
 * file has an error, 0 otherwise: warnings alone never fail the run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaybookFileCheck } from '../src/domain/playbook/file';
import { comparePlaybookTwins, placeIssuesInText, playbookFileSizeIssue, readPlaybookBytes, speak, type PlaybookIssue } from '../src/domain/playbook/validate';
import { isLanguage, LANGUAGES, speaker, type Language, type Speak } from '../src/domain/text';
import { messages } from './validate-messages';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

function defaultFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.json') && name !== 'playbook.schema.json')
    .sort()
    .map((name) => relative(process.cwd(), join(scenariosDir, name)));
}

function refused(file: string, message: string): PlaybookFileCheck {
  return { fileName: file, ok: false, issues: [{ path: '', severity: 'error', message }], warnings: [] };
}

function checkFile(file: string, language: Language): PlaybookFileCheck {
  const say = speak(language);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return refused(file, say('file.notAFile'));
    size = stat.size;
  } catch {
    return refused(file, say('file.notFound'));
  }
  // Refuse a huge file from its size alone, before reading it into memory.
  const tooLarge = playbookFileSizeIssue(size, { language });
  if (tooLarge) return { fileName: file, ok: false, issues: [tooLarge], warnings: [] };
  return readPlaybookBytes(readFileSync(file), file, { language });
}

/** Twin issues per file: each later language version is compared with the first one given. */
function twinIssues(results: readonly PlaybookFileCheck[], language: Language): Map<string, PlaybookIssue[]> {
  const byFile = new Map<string, PlaybookIssue[]>();
  const firstById = new Map<string, Extract<PlaybookFileCheck, { ok: true }>>();
  for (const result of results) {
    if (!result.ok) continue;
    const first = firstById.get(result.playbook.id);
    if (!first) firstById.set(result.playbook.id, result);
    else if (first.playbook.language.toLowerCase() !== result.playbook.language.toLowerCase()) {
      const twin = speaker(language, messages)('validate.twin', { file: first.fileName });
      const issues = comparePlaybookTwins(first.playbook, result.playbook, { language }).map((i) => ({ ...i, message: `${i.message}${twin}` }));
      // Read again for the lines and places: the file was just read whole and found valid.
      byFile.set(result.fileName, placeIssuesInText(readFileSync(result.fileName, 'utf8'), issues, { language }));
    }
  }
  return byFile;
}

/** `file:line:column: error: path (place): message`, leaving out what the issue does not have. */
function issueLine(fileName: string, issue: PlaybookIssue, t: Speak<typeof messages>): string {
  const where = issue.line !== undefined && issue.column !== undefined ? `${fileName}:${issue.line}:${issue.column}` : fileName;
  // A place is always inside the file, so an issue that has one has a path too.
  const path = issue.place ? t('validate.place', { path: issue.path, place: issue.place }) : issue.path;
  return [where, t(issue.severity === 'error' ? 'validate.error' : 'validate.warning'), ...(path ? [path] : []), issue.message].join(': ');
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
    const errors = result.ok ? (twins.get(result.fileName) ?? []) : result.issues;
    if (errors.length === 0 && result.ok) {
      const { id, version, language: written } = result.playbook;
      const { length: count } = result.warnings;
      const ok = count > 0 ? t('validate.okWithWarnings', { id, version, language: written, count }) : t('validate.ok', { id, version, language: written });
      process.stdout.write(`${result.fileName}: ${ok}\n`);
    } else failed++;
    for (const issue of [...errors, ...result.warnings]) process.stdout.write(`${issueLine(result.fileName, issue, t)}\n`);
  }
  if (failed > 0) process.stdout.write(`${t('validate.summary', { failed, total: results.length })}\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
