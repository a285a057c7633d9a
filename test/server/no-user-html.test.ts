import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support';

/**
 * Nothing a person types (a note, a name, a playbook someone imported) is ever turned into
 * HTML: React text only. This guards the whole app source, so a later screen cannot slip in an
 * HTML sink; the CSP in front of the app is the second line.
 */
const SINKS = [
  /dangerouslySetInnerHTML/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write/,
  /createContextualFragment/,
  /\bnew Function\(/,
  /\beval\(/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no user text rendered as HTML', () => {
  it('the app source has no HTML sinks', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const sink of SINKS) if (sink.test(text)) found.push(`${relative(REPO_ROOT, file)}: ${sink.source}`);
    }
    expect(found).toEqual([]);
  });
});
