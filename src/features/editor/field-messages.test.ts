import { describe, expect, it } from 'vitest';
import { playbookJsonSchema } from '../../domain/playbook/schema';
import { LANGUAGES, type Dictionary } from '../../domain/text';
import { fieldMessages } from './field-messages';

/**
 * The editor draws its form from the playbook JSON Schema and looks up each text by where the
 * field sits. This walks the schema by the same rules (field-messages.ts lists them), so a field
 * added to the schema without its words, or words left behind by a field that was removed,
 * fails here, each one named.
 */

/** The parts of a JSON Schema node the rules read. */
interface SchemaNode {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly $ref?: string;
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

/** What the file itself says, not what a person fills in. */
const NOT_IN_FORM = new Set(['$schema', 'schemaVersion']);
/** A value typed in by hand, which gets an example. */
const TYPED = new Set(['string', 'number', 'integer']);
const KNOWN_TYPES = new Set([...TYPED, 'boolean', 'object']);

/** The keys the form needs, in schema order, and the fields whose shape the rules do not cover. */
function keysOfSchema(schema: Record<string, unknown>): { keys: string[]; unknownShapes: string[] } {
  const keys: string[] = [];
  const unknownShapes: string[] = [];
  const visit = (path: string, node: SchemaNode): void => {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (NOT_IN_FORM.has(name)) continue;
      const at = `${path}.${name}`;
      // A list is described by one of its entries: an example of one item, the choices of one item.
      const value = property.type === 'array' && property.items ? property.items : property;
      keys.push(`field.${at}.label`, `field.${at}.hint`);
      if (value.enum) keys.push(...value.enum.map((choice) => `enum.${at}.${String(choice)}`));
      else if (value.type !== undefined && TYPED.has(value.type)) keys.push(`field.${at}.example`);
      if (value.$ref === undefined && value.type === 'object') {
        keys.push(`item.${at}`);
        visit(at, value);
      }
      if (value.$ref === undefined && !KNOWN_TYPES.has(value.type ?? '')) unknownShapes.push(at);
    }
  };
  const defs = schema.$defs as Record<string, SchemaNode>;
  for (const [name, def] of Object.entries(defs)) {
    // Version 1 files are read and migrated, never edited.
    if (name.endsWith('V1')) continue;
    keys.push(`item.${name}`);
    visit(name, def);
  }
  return { keys, unknownShapes };
}

const { keys: needed, unknownShapes } = keysOfSchema(playbookJsonSchema());
const dictionary: Dictionary = fieldMessages;
const defined = Object.keys(dictionary);

/** Keys of the other dictionaries, which the texts test (test/texts) reads: it reads only files named messages.ts. */
const others = Object.entries(import.meta.glob<{ messages: Dictionary }>('../../**/messages.ts', { eager: true })).map(([file, mod]) => ({
  file,
  messages: mod.messages,
}));

describe('the words of the playbook editor', () => {
  it('are read from every field of the schema by rules that fit each field', () => {
    // A field that is neither a reference, a typed value, a yes/no, an object nor a list of these
    // (a union, a list of lists) needs its rules thought about before it gets words.
    expect(unknownShapes).toEqual([]);
    expect(needed).toEqual(
      expect.arrayContaining([
        'item.Floor',
        'field.Floor.order.example',
        'enum.Leg.direction.down',
        'item.KeyAreas.areas',
        'field.KeyAreas.areas.name.example',
        'field.Step.support.example',
      ]),
    );
    for (const never of [
      'field.Playbook.schemaVersion.label',
      'field.Playbook.$schema.label',
      'item.PlaybookV1',
      'field.Step.critical.example',
      'field.Route.legs.example',
    ]) {
      expect(needed).not.toContain(never);
    }
  });

  it('give every field its label, hint and example, and every choice its name, in both languages', () => {
    const missing = needed.flatMap((key) => {
      const message = dictionary[key];
      if (!message) return [`${key} (no entry)`];
      return LANGUAGES.filter((language) => {
        const wording = message[language];
        return typeof wording !== 'string' || wording.trim() === '';
      }).map((language) => `${key} (${language} empty)`);
    });
    expect(missing).toEqual([]);
  });

  it('hold nothing that no field of the schema asks for', () => {
    const wanted = new Set(needed);
    expect(defined.filter((key) => !wanted.has(key))).toEqual([]);
  });

  it('are listed in the order of the schema', () => {
    const have = new Set(defined);
    const wanted = new Set(needed);
    expect(defined.filter((key) => wanted.has(key))).toEqual(needed.filter((key) => have.has(key)));
  });

  it('are plain words: no placeholders, a Chinese text of their own, no file jargon in a hint', () => {
    const problems: string[] = [];
    for (const [key, message] of Object.entries(dictionary)) {
      const en = String(message.en);
      const zh = String(message['zh-CN']);
      if (/[{}]/.test(en + zh)) problems.push(`${key}: has a placeholder`);
      if (/[A-Za-z]/.test(en) && zh === en) problems.push(`${key}: not translated`);
      if (key.endsWith('.hint') && /\b(JSON|schema|id|ids|true|false|null|array|object|string|boolean|enum)\b|`/.test(en))
        problems.push(`${key}: en has file jargon`);
      if (key.endsWith('.hint') && /JSON|数组|对象|字符串|布尔|枚举|`/.test(zh)) problems.push(`${key}: zh has file jargon`);
    }
    expect(problems).toEqual([]);
  });

  // What the texts test checks across all messages.ts files, for this dictionary, which it does not read.
  it('share no key, and no phrase, with another capability’s dictionary', () => {
    expect(others.length).toBeGreaterThan(10);
    const clashes: string[] = [];
    for (const { file, messages } of others) {
      if (file.startsWith('./')) continue; // The editor's own texts may repeat its field words.
      for (const [key, message] of Object.entries(messages)) {
        if (Object.hasOwn(dictionary, key)) clashes.push(`${key} is also in ${file}`);
        if (typeof message.en !== 'string' || !/\s/.test(message.en.trim())) continue;
        const same = defined.find((k) => dictionary[k]?.en === message.en && dictionary[k]?.['zh-CN'] === message['zh-CN']);
        if (same) clashes.push(`${same} says what ${file}: ${key} says`);
      }
    }
    expect(clashes).toEqual([]);
  });
});
