import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_SAMPLES } from '../fixtures/broken-samples';
import { BROKEN_SAMPLES_V2 } from '../fixtures/broken-samples-v2';
import type { MessageArgs, MessageCode } from '../../src/domain/playbook/messages';
import { put } from '../fixtures/broken-samples';
import { samplePlaybook, samplePlaybookV1 } from '../fixtures/sample-playbook';
import { playbookJsonSchema } from '../../src/domain/playbook/schema';
import {
  comparePlaybookTwins,
  MAX_PLAYBOOK_BYTES,
  parsePlaybookText,
  readPlaybookBytes,
  type PlaybookIssue,
  type Say,
  speak,
  validatePlaybook,
} from '../../src/domain/playbook/validate';
import type { Issue } from '../../src/domain/validation';
import { BROKEN_FILES } from './broken-files';
import { repoRoot } from './support';

// The house rule: every user-facing text exists in Simplified Chinese and English. A safety
// officer importing a playbook in Chinese must not meet an English sentence among the problems.

/**
 * Words that only an untranslated English sentence would contain. None is a field name of the
 * playbook (checked below), so a field list such as "id、kind、notes" never trips it; values
 * quoted from the file ("ghost", "Floor 1") are removed before looking.
 */
const ENGLISH_WORDS = [
  'expected',
  'unknown',
  'must',
  'found',
  'got',
  'missing',
  'duplicate',
  'already',
  'given',
  'twice',
  'invalid',
  'least',
  'most',
  'only',
  'mean',
  'none',
  'nothing',
  'either',
  'both',
  'empty',
  'allowed',
  'save',
  'needs',
  'unique',
  'line',
  'column',
  'bytes',
  'characters',
  'item',
  'file',
  'the',
  'and',
  'of',
  'is',
  'not',
  'or',
  'at',
  'in',
  'as',
  'but',
  'which',
  'than',
  'one',
  'more',
];

const CJK = /[\u4e00-\u9fff]/u;

function quoted(message: string): string[] {
  return message.match(/"[^"]*"/g) ?? [];
}

function englishLeftIn(message: string): string[] {
  const words = message.replace(/"[^"]*"/g, ' ').split(/[^A-Za-z]+/);
  return words.filter((w) => ENGLISH_WORDS.includes(w.toLowerCase()));
}

/** The Chinese reads as Chinese and keeps every value and number the English names. */
function expectFaithfulChinese(zh: string, en: string): void {
  expect(zh, en).toMatch(CJK);
  expect(englishLeftIn(zh), zh).toEqual([]);
  for (const value of quoted(en)) expect(zh, `${value} of: ${en}`).toContain(value);
  for (const digits of en.replace(/"[^"]*"/g, ' ').match(/\d+/g) ?? []) expect(zh, `${digits} of: ${en}`).toContain(digits);
}

/** The same issues at the same paths and lines, each message and place in Chinese only. */
function expectFaithfulIssues(zh: readonly (Issue | PlaybookIssue)[], en: readonly (Issue | PlaybookIssue)[]): void {
  const where = (i: Issue | PlaybookIssue) => ({
    path: i.path,
    ...('severity' in i && { severity: i.severity, line: i.line, column: i.column, placed: i.place !== undefined }),
  });
  expect(zh.map(where)).toEqual(en.map(where));
  zh.forEach((issue, i) => {
    const other = en[i];
    expectFaithfulChinese(issue.message, other?.message ?? '');
    if ('place' in issue && issue.place !== undefined && other && 'place' in other) expectFaithfulChinese(issue.place, other.place ?? '');
  });
}

type Checked = ReturnType<typeof validatePlaybook>;

/** Errors and warnings of two checks of one file, in Chinese and in English, compared. */
function expectFaithfulCheck(zh: Checked, en: Checked): void {
  expectFaithfulIssues(zh.ok ? [] : zh.issues, en.ok ? [] : en.issues);
  expectFaithfulIssues(zh.warnings, en.warnings);
}

function fieldNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => fieldNames(n, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) Object.keys(value).forEach((k) => out.add(k));
      fieldNames(value, out);
    }
  }
  return out;
}

type AnySay = (c: MessageCode, ...a: readonly unknown[]) => string;

/** One sample of every message, so a new message without Chinese cannot slip past. */
function everyMessage(say: Say): { [C in MessageCode]: MessageArgs<C> } {
  const found = { kind: 'char', char: '}' } as const;
  return {
    'value.missing': [{ expected: 'string' }],
    'value.wrongType': [{ expected: 'boolean', input: 'yes' }],
    'value.notOneOf': [{ values: ['flood', 'fire', 'other'], input: undefined }],
    'text.empty': [],
    'text.tooShort': [{ minimum: 3 }],
    'text.tooLong': [{ maximum: 2000, length: 2001 }],
    'list.tooShort': [{ minimum: 2, count: 1 }],
    'list.tooLong': [{ maximum: 3, count: 4 }],
    'number.tooSmall': [{ minimum: 0, input: -5 }],
    'number.tooLarge': [{ maximum: 200, input: 500 }],
    'format.mismatch': [{ rule: say('rule.semver'), input: 'v1' }],
    'field.unknown.guess': [{ guess: 'owner' }],
    'field.unknown.list': [{ known: ['id', 'text', 'items', 'notes', 'version', 'number'] }],
    'rule.id': [],
    'rule.idLength': [],
    'rule.semver': [],
    'rule.language': [],
    'rule.phone': [],
    'rule.wellFormed': [],
    'rule.playbookPhases': [],
    'rule.phaseSteps': [],
    'rule.keyAreas': [],
    'rule.monthDay': [],
    'rule.roundItems': [],
    'rule.roundDue': [],
    'rule.campaignUnits': [],
    'rule.campaignCategories': [],
    'rule.campaignDimensions': [],
    'rule.campaignTables': [],
    'rule.buildingFloors': [],
    'rule.floorRoutes': [],
    'id.duplicate.command': [{ id: 'hq.members', earlier: 'command.headquarters.members[0].id' }],
    'id.duplicate.step': [{ id: 'step.alarm.report', earlier: 'phases[0].steps[0].id' }],
    'id.duplicate.list': [{ id: 'floor-1', earlier: 'buildings[0].floors[0].id' }],
    'reference.unknown.noneListed': [{ kind: 'assemblyPoint', value: 'car-park', list: 'assemblyPoints' }],
    'reference.unknown.guess': [{ kind: 'stairway', value: 'west-fire-escpae', guess: 'west-fire-escape' }],
    'reference.unknown.list': [{ kind: 'person', value: 'ghost', known: Array.from({ length: 15 }, (_, i) => `role-${i}`), list: 'command' }],
    'floor.duplicateLabel': [{ label: '7楼', earlier: 'buildings[0].floors[6].label' }],
    'floor.primary.none': [],
    'floor.primary.many': [{ routes: ['routes[0]', 'routes[1]'] }],
    'route.stairwayAndNearest': [],
    'route.noWayOut': [],
    'route.legsAndStay': [],
    'route.noLegsNorStay': [],
    'route.stayNotStepFree': [],
    'leg.stairwayAndNearest': [],
    'leg.stairsWithoutStairway': [],
    'call.noneNamed': [],
    'call.both': [],
    'schemaVersion.unknown': [{ input: 3 }],
    'twin.sameLanguage': [{ language: 'en' }],
    'twin.missingField': [{ other: 'zh-CN', at: 'phases[0].steps[0].critical' }],
    'twin.extraField': [{ other: 'zh-CN' }],
    'twin.kind': [{ other: 'zh-CN', expected: 'boolean', got: 'string' }],
    'twin.text': [{ other: 'zh-CN', expected: 'fire-team', got: 'hq' }],
    'twin.value': [{ other: 'zh-CN', expected: 5, got: 9 }],
    'twin.itemCount': [{ other: 'zh-CN', expected: 1, got: 2 }],
    'twin.missingId': [{ other: 'zh-CN', id: 'step.alarm.call-119', at: 'phases[0].steps[1]' }],
    'twin.extraId': [{ other: 'zh-CN', id: 'step.alarm.call-fire-service' }],
    'twin.order': [{ other: 'zh-CN', ids: ['step.alarm.report', 'step.alarm.call-119'] }],
    'file.notFound': [],
    'file.notAFile': [],
    'file.tooLarge': [{ size: 6_000_000, max: MAX_PLAYBOOK_BYTES }],
    'file.notUtf8': [{ offset: 156, byte: 0xc3 }],
    'file.empty': [],
    'file.duplicateField': [{ first: { line: 2, column: 3 }, again: { line: 4, column: 3 } }],
    'json.invalidAt': [{ line: 3, column: 7, reason: say('json.tooDeep', { max: 512 }) }],
    // The JS engine's own words, which only it can give; the Chinese shows them in quotes.
    'json.invalid': [{ detail: 'Unexpected end of JSON input' }],
    'json.trailing': [{ found: { kind: 'end' } }],
    'json.tooDeep': [{ max: 512 }],
    'json.singleQuote': [],
    'json.value': [{ found: { kind: 'control', codePoint: 1 } }],
    'json.fieldName': [{ found }],
    'json.colon': [{ found }],
    'json.afterField': [{ found: { kind: 'double-quote' } }],
    'json.fieldAfterComma': [],
    'json.afterItem': [{ found }],
    'json.itemAfterComma': [],
    'json.unterminatedText': [],
    'json.controlInText': [{ found: { kind: 'control', codePoint: 9 } }],
    'json.unicodeEscape': [],
    'json.unknownEscape': [{ escape: 'x' }],
    'json.number': [{ found }],
    'json.numberContinues': [{ found }],
    'floor.orderTied': [{ field: 'order', value: 2, other: '2F', at: 'buildings[0].floors[1]' }],
    'floor.noWayOutAlways': [],
    'floor.noStepFree': [{ floors: ['1F', 'B1'] }],
    'field.notShown': [{ field: 'source', count: 69 }],
    place: [
      {
        parts: [
          { thing: 'building', label: 'Riverside main building' },
          { thing: 'floor', label: 'B1' },
          { thing: 'route', label: 'alternate', detail: { kind: 'routeKind', value: 'alternate' } },
          { thing: 'leg', number: 2, detail: { kind: 'text', value: 'Leave by the south door.' } },
        ],
      },
    ],
    'issue.repeated': [
      { message: say('floor.noWayOutAlways'), thing: 'floor', count: 12, labels: ['1F', '2F', '3F', '4F', '5F', '6F', '7F', '8F', '9F', '10F', '11F', '12F'] },
    ],
  };
}

describe('the validator in Simplified Chinese', () => {
  it('looks for English words that are no field name of a playbook', () => {
    const fields = fieldNames(playbookJsonSchema());
    expect(fields.size).toBeGreaterThan(40);
    expect(ENGLISH_WORDS.filter((w) => fields.has(w))).toEqual([]);
  });

  it('has every message in Chinese, with the values and numbers of the English', () => {
    const en = speak('en');
    const zh = speak('zh-CN');
    const enArgs = everyMessage(en);
    const zhArgs = everyMessage(zh);
    const codes = Object.keys(enArgs) as MessageCode[];
    expect(codes.length).toBeGreaterThan(80);
    for (const code of codes) {
      // Any code with any arguments: each code's own arguments come from everyMessage, typed there.
      const render = (say: (c: MessageCode, ...a: readonly unknown[]) => string, args: readonly unknown[]): string => say(code, ...args);
      expectFaithfulChinese(render(zh as AnySay, zhArgs[code]), render(en as AnySay, enArgs[code]));
    }
    expectFaithfulChinese(zh('file.notUtf8', undefined), en('file.notUtf8', undefined));
  });

  it.each(Object.keys(BROKEN_FILES))('explains %s in Chinese only', (name) => {
    const bytes = readFileSync(join(repoRoot, 'test', 'playbooks', 'broken', name));
    const en = readPlaybookBytes(bytes, name);
    const zh = readPlaybookBytes(bytes, name, { language: 'zh-CN' });
    expect(en.ok || zh.ok).toBe(false);
    expectFaithfulCheck(zh, en);
  });

  it.each(BROKEN_SAMPLES)('explains "$name" in Chinese only', ({ change }) => {
    const p = samplePlaybookV1();
    change(p);
    const en = validatePlaybook(p);
    const zh = validatePlaybook(p, { language: 'zh-CN' });
    expect(zh.ok).toBe(false);
    expectFaithfulCheck(zh, en);
  });

  it.each(BROKEN_SAMPLES_V2)('explains "$name" of a version 2 file in Chinese only', ({ change }) => {
    const p = samplePlaybook();
    change(p);
    const en = validatePlaybook(p);
    const zh = validatePlaybook(p, { language: 'zh-CN' });
    expect(zh.ok).toBe(false);
    expectFaithfulCheck(zh, en);
  });

  // The example says nothing no screen shows, so it has no warning to translate; the shipped plans have their sources.
  it.each(['fire.en.json', 'fire.zh-CN.json', 'flood.en.json', 'flood.zh-CN.json'])(
    'warns about %s in Chinese only, naming every place in Chinese, with the lines of the English',
    (name) => {
      const text = readFileSync(join(repoRoot, 'scenarios', name), 'utf8');
      const en = parsePlaybookText(text, name);
      const zh = parsePlaybookText(text, name, { language: 'zh-CN' });
      expect(zh.warnings.length).toBeGreaterThan(0);
      expectFaithfulCheck(zh, en);
    },
  );

  it('warns about floors and a repeated mistake in Chinese only', () => {
    const p = samplePlaybook();
    const main = p.buildings![0]!;
    main.floors.push(...[3, 4, 5].map((n) => ({ ...structuredClone(main.floors[1]!), id: `floor-${n}`, label: `Floor ${n}`, order: n, level: n })), {
      ...structuredClone(main.floors[1]!),
      id: 'floor-5b',
      label: 'Floor 5B',
      order: 5,
      level: undefined,
    });
    main.floors[0]!.routes.push({ id: 'ramp', kind: 'step-free', instruction: 'Take the ramp.', legs: [{ kind: 'ramp', text: 'Down the ramp.' }] });
    for (const f of main.floors.slice(2)) put(f.routes[0]!, 'when', 'when the stairs are clear');
    for (const f of main.floors.slice(2)) put(f.routes[1]!, 'when', 'by day');
    const en = validatePlaybook(p);
    const zh = validatePlaybook(p, { language: 'zh-CN' });
    expect(en.warnings.map((w) => w.message.split(/[;:(]/)[0])).toEqual(
      expect.arrayContaining([
        '"order" 5 is also that of floor "Floor 5" at buildings[0].floors[4]',
        'no way out of this floor holds at all times',
        'no step-free route, though floor "Floor 1" of this building has one',
      ]),
    );
    expectFaithfulCheck(zh, en);
  });

  it('explains a badly broken playbook, every problem at once, in Chinese only', () => {
    const p = samplePlaybook() as unknown as Record<string, unknown>;
    Object.assign(p, { id: 'x'.repeat(81), title: 'x'.repeat(2001), summary: 5, scope: [''], emergencyNumbers: {}, $schema: 1, dutyPhone: '1'.repeat(31) });
    delete p.kind;
    delete p.version;
    p.unexpected = true;
    for (const value of [p, [], null, 'fire', 7, true]) {
      const en = validatePlaybook(value);
      const zh = validatePlaybook(value, { language: 'zh-CN' });
      expect(zh.ok).toBe(false);
      expectFaithfulCheck(zh, en);
    }
  });

  it.each([
    '{',
    '[1,',
    '{"a": 1,}',
    '[1,]',
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    '[1 2]',
    "{'a': 1}",
    "['a']",
    '{"a": "\\x"}',
    '{"a": "\\u12"}',
    '{"a": "x\ty"}',
    '"abc',
    '01',
    '1.',
    '-',
    'tru',
    '{"a": 1} x',
    '['.repeat(600),
    '{"a": \u0001}',
    '',
    '{"id": "a", "id": "b"}',
  ])('explains the file %j in Chinese only', (text) => {
    const en = parsePlaybookText(text, 'broken.json');
    const zh = parsePlaybookText(text, 'broken.json', { language: 'zh-CN' });
    expectFaithfulCheck(zh, en);
  });

  it('explains files it cannot read as text in Chinese only', () => {
    for (const bytes of [Uint8Array.from([0x7b, 0xff, 0x7d]), Uint8Array.from([0x7b, 0xe4, 0xbd]), new Uint8Array(MAX_PLAYBOOK_BYTES + 1)]) {
      const en = readPlaybookBytes(bytes, 'f.json');
      const zh = readPlaybookBytes(bytes, 'f.json', { language: 'zh-CN' });
      expectFaithfulCheck(zh, en);
    }
  });

  it('explains how two language versions differ in Chinese only', () => {
    const dir = join(repoRoot, 'test', 'playbooks', 'twins-differ');
    const [first, second] = readdirSync(dir)
      .sort()
      .map((name) => validatePlaybook(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
    if (!first?.ok || !second?.ok) throw new Error('the twins-differ fixtures are valid playbooks');
    const a = samplePlaybook();
    const b = samplePlaybook() as unknown as Record<string, unknown> & ReturnType<typeof samplePlaybook>;
    Object.assign(b, { language: 'zh-CN', version: '2.0.0', notes: 'x', extra: 1, scope: ['a', 'b'] });
    delete b.command.roles;
    b.phases[0]!.steps[0]!.target!.minutes = 9;
    (b.phases[0]!.steps[0]! as Record<string, unknown>).critical = 'yes';
    b.phases[1]!.steps.reverse();
    for (const [x, y] of [
      [first.playbook, second.playbook],
      [second.playbook, first.playbook],
      [a, b],
      [a, a],
    ] as const) {
      const en = comparePlaybookTwins(x, y);
      expect(en.length).toBeGreaterThan(0);
      expectFaithfulIssues(comparePlaybookTwins(x, y, { language: 'zh-CN' }), en);
    }
  });
});
