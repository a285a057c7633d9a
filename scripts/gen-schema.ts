#!/usr/bin/env -S node --import tsx
/**
 * Writes scenarios/playbook.schema.json from the zod schema in src/domain/playbook, so editors
 * can autocomplete and check playbook files. The schema is written once, in TypeScript; this
 * file is generated and committed.
 *
 *   tsx scripts/gen-schema.ts                write the file
 *   tsx scripts/gen-schema.ts --check        exit 1 if the file on disk is missing or out of date
 *   tsx scripts/gen-schema.ts [--check] FILE the same for another path (used by the tests)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPlaybookJsonSchema } from '../src/domain/playbook/schema';

function onDisk(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const paths = args.filter((a) => a !== '--check');
  if (paths.length > 1 || paths.some((p) => p.startsWith('-'))) {
    process.stderr.write('usage: gen-schema [--check] [file]\n');
    return 2;
  }
  const target = paths[0] ?? fileURLToPath(new URL('../scenarios/playbook.schema.json', import.meta.url));
  const shown = relative(process.cwd(), target) || target;
  const expected = renderPlaybookJsonSchema();
  const current = onDisk(target);

  if (check) {
    if (current === expected) {
      process.stdout.write(`${shown} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${shown} is ${current === undefined ? 'missing' : 'out of date'}; run: tsx scripts/gen-schema.ts\n`);
    return 1;
  }
  if (current === expected) {
    process.stdout.write(`${shown} unchanged\n`);
  } else {
    writeFileSync(target, expected, 'utf8');
    process.stdout.write(`wrote ${shown}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
