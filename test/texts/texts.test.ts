import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Dictionary } from '../../src/domain/text';

/**
 * The texts of the whole app, checked together: every dictionary is a `messages.ts` beside the
 * capability that owns it. A key defined but never used, a key used but defined nowhere, a
 * language left empty, placeholders that differ between the languages, and the same wording
 * defined twice all fail here.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = import.meta.glob<{ messages?: Dictionary }>(['../../src/**/messages.ts', '../../src/**/*.messages.ts', '../../scripts/*messages.ts'], {
  eager: true,
});

const dictionaries = Object.entries(modules).map(([path, mod]) => {
  if (!mod.messages) throw new Error(`${path} must export its dictionary as \`messages\``);
  return { file: relative(root, fileURLToPath(new URL(path, import.meta.url))), messages: mod.messages };
});

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const dictionaryFiles = new Set(dictionaries.map((d) => d.file));
const code = [...sourceFiles('src'), ...sourceFiles('scripts')]
  .filter((file) => !dictionaryFiles.has(file))
  .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

/**
 * What the code names, read with the TypeScript parser: every string literal, the fixed head
 * of each template string (`routes.direction.${…}`), the properties read off a report's
 * `labels` (`L` in the report builders), and the codes `rule('id')` stands for.
 */
const literals = new Set<string>();
const heads = new Set<string>();
/** Keys passed to a speaker: `t('…')`, `tPlaybook('…')`, `say('…')`, `common('…')`, `labels['…']`. */
const asked: { file: string; key: string }[] = [];
const SPEAKER = /^(t|t[A-Z]\w*|say|common)$/;
for (const { file, text } of code) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    else if (ts.isTemplateExpression(node) && /^[a-zA-Z][\w-]*(\.[\w-]+)*\.$/.test(node.head.text)) heads.add(node.head.text);
    else if (ts.isPropertyAccessExpression(node) && /^(labels|L)$/.test(node.expression.getText(source))) literals.add(node.name.text);
    else if (ts.isElementAccessExpression(node) && /^(labels|L)$/.test(node.expression.getText(source)) && ts.isStringLiteral(node.argumentExpression)) {
      asked.push({ file, key: node.argumentExpression.text });
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteral(first)) {
        if (node.expression.text === 'rule') literals.add(`rule.${first.text}`);
        if (SPEAKER.test(node.expression.text) && first.text.includes('.')) asked.push({ file, key: first.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const placeholders = (wording: unknown) => (typeof wording === 'string' ? [...wording.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : null);

describe('the texts', () => {
  it('are found: one dictionary per capability', () => {
    expect(dictionaries.length).toBeGreaterThan(10);
  });

  it('exist in every language, not empty, with the same placeholders', () => {
    for (const { file, messages } of dictionaries) {
      for (const [key, message] of Object.entries(messages)) {
        const where = `${file}: ${key}`;
        for (const language of LANGUAGES) {
          const wording = message[language];
          expect(typeof wording === 'string' || typeof wording === 'function', `${where} has no ${language} text`).toBe(true);
          if (typeof wording === 'string') expect(wording.trim(), `${where} is empty in ${language}`).not.toBe('');
        }
        expect(placeholders(message['zh-CN']), `${where}: the languages take different placeholders`).toEqual(placeholders(message.en));
        if (typeof message.en === 'string' && /[A-Za-z\u4e00-\u9fff]/.test(message.en)) {
          expect(message['zh-CN'], `${where} is not translated`).not.toBe(message.en);
        }
      }
    }
  });

  it('each have one key, used in one place', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { file, messages } of dictionaries) {
      for (const key of Object.keys(messages)) {
        const earlier = owner.get(key);
        if (earlier) clashes.push(`${key} in ${earlier} and ${file}`);
        owner.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('are all used somewhere in the code', () => {
    const unused: string[] = [];
    for (const { file, messages } of dictionaries) {
      for (const key of Object.keys(messages)) {
        const used = literals.has(key) || [...heads].some((head) => key.startsWith(head));
        if (!used) unused.push(`${file}: ${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('are defined for every key the code asks for', () => {
    const defined = new Set(dictionaries.flatMap((d) => Object.keys(d.messages)));
    expect(asked.length).toBeGreaterThan(300);
    expect(asked.filter(({ key }) => !defined.has(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  // Within one capability the same word may name two things (a column "Person" in two tables),
  // and a single word ("Note", "Floor") may need another translation in another place; a phrase
  // or a sentence defined in two capabilities means one of them should use the other's. A
  // capability is a folder: its texts may be split in several dictionaries (`list.messages.ts`).
  it('say each thing once: no wording defined in two capabilities', () => {
    const seen = new Map<string, { file: string; key: string }>();
    const twice: string[] = [];
    for (const { file, messages } of dictionaries) {
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message.en !== 'string' || typeof message['zh-CN'] !== 'string' || !/\s|\{/.test(message.en.trim())) continue;
        const wording = `${message.en}\u0000${message['zh-CN']}`;
        const earlier = seen.get(wording);
        if (earlier && dirname(earlier.file) !== dirname(file)) twice.push(`"${message.en}" as ${earlier.file}: ${earlier.key} and ${file}: ${key}`);
        else if (!earlier) seen.set(wording, { file, key });
      }
    }
    expect(twice).toEqual([]);
  });
});
