import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSHOWN_FIELDS } from '../../src/domain/playbook/warnings';
import { repoRoot } from './support';

// The validator warns about fields no screen shows (src/domain/playbook/warnings.ts). That list
// was made by reading the screens; this test keeps it true: when a screen starts to read one of
// these fields, it fails here, and the field comes off the list so the warning stops.

/** What a screen would have to write to show each field (the names the screens use for these things). */
const READ_BY: Record<string, RegExp> = {
  // Fields once on the list, now shown: kept so the test still proves it would notice them.
  hazard: /\.hazard\b/,
  source: /\b(step|item|route|rule|task|entry|line|aftermath)\??\.source\b/,
  // The roles of the command chart are `r` inside `command.roles.map(…)`; a report row's `r.person` is someone else.
  person: /\brole\??\.person\b|\bcommand\.roles\b[\s\S]{0,800}?\br\.person\b/,
  notes: /\b(n|number|emergencyNumber)\??\.notes\b/,
  description: /\b(s|stairway)\??\.description\b/,
  owner: /\bkeyAreas\??\.owner\b/,
};

/** The screens' code: every feature, and the report a person reads. */
function screens(dir: string): { file: string; text: string }[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return screens(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ file: path, text: readFileSync(join(repoRoot, path), 'utf8') }];
  });
}

describe('the fields the validator says no screen shows', () => {
  const code = [...screens('src/features'), ...screens('src/domain/report')];

  it('each have a way a screen would read them', () => {
    expect(UNSHOWN_FIELDS.map((f) => f.field).filter((field) => !READ_BY[field])).toEqual([]);
  });

  it.each(UNSHOWN_FIELDS.map((f) => f.field))('"%s" is read by no screen', (field) => {
    const pattern = READ_BY[field] ?? /$^/;
    expect(code.filter(({ text }) => pattern.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it('would notice a screen that reads one', () => {
    expect(READ_BY.hazard?.test('<p>{playbook.hazard}</p>')).toBe(true);
    expect(READ_BY.person?.test('{command.roles.map((r) => (<li>{r.title} {r.person}</li>))}')).toBe(true);
    expect(READ_BY.person?.test('rows.map((r) => td(r.person))')).toBe(false);
  });
});
