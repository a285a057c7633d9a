#!/usr/bin/env -S node --import tsx
/**
 * Checks that an exported incident report (the JSON export) is intact.
 *
 *   npm run verify-report -- report.json
 *   npm run verify-report -- report.json --expect <final hash printed on the signed report>
 *   npm run verify-report -- report.json --org-key <the organisation's public key>
 *   npm run verify-report -- report.json --lang zh-CN
 *
 * Recomputes the hash chain over the events and names the first event that does not match
 * (changed, inserted, removed or moved), by its position and id. With --expect it also
 * compares the final hash with the one on the paper report, which catches a chain rewritten
 * from scratch; for a v2 file the printed report hash may be given instead. A v2 file's sealed
 * header is checked too (naming a changed field, a cut tail), and with --org-key its server
 * countersignature against the key `npm run admin -- org key <org-id>` prints. A v1 file
 * verifies as v1 and the verdict says its header is not covered.
 * Exit code: 0 intact, 1 altered or unreadable, 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeFileProblem, describeIntact, readReportFile, reportLabels, type ReportLanguage } from '../src/domain/report';

const USAGE = 'usage: verify-report <report.json> [--expect <final hash or report hash>] [--org-key <public key>] [--lang en|zh-CN]\n';

export function verifyReport(args: readonly string[]): { status: number; out: string } {
  let file: string | undefined;
  let expected: string | undefined;
  let orgKey: string | undefined;
  let language: ReportLanguage = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--expect') expected = args[++i];
    else if (a === '--org-key') orgKey = args[++i];
    else if (a === '--lang') {
      const l = args[++i];
      if (l !== 'en' && l !== 'zh-CN') return { status: 2, out: USAGE };
      language = l;
    } else if (a === '--help' || a === '-h') return { status: 0, out: USAGE };
    else if (a?.startsWith('-') || file !== undefined) return { status: 2, out: USAGE };
    else file = a;
  }
  const hex64 = /^[0-9a-fA-F]{64}$/;
  if (file === undefined || (expected !== undefined && !hex64.test(expected)) || (orgKey !== undefined && !hex64.test(orgKey)))
    return { status: 2, out: USAGE };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { status: 1, out: `${file}: ${e instanceof Error ? e.message : String(e)}\n` };
  }
  const labels = reportLabels(language);
  const check = readReportFile(text, {
    ...(expected === undefined ? {} : { expectedFinalHash: expected }),
    ...(orgKey === undefined ? {} : { orgPublicKey: orgKey }),
  });
  if (!check.ok) return { status: 1, out: `${file}: ${describeFileProblem(check.problem, labels)}\n` };
  return { status: 0, out: `${file}: ${describeIntact(check, labels).join('\n')}\n` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { status, out } = verifyReport(process.argv.slice(2));
  (status === 0 ? process.stdout : process.stderr).write(out);
  process.exitCode = status;
}
