import { describe, expect, it } from 'vitest';
import { BROKEN_SAMPLES } from '#fixtures/broken-samples';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../event';
import { dutyStreamId } from '../duty-log';
import { formatStamp } from '../hlc';
import { exportReportJson, REPORT_FILE_FORMAT } from '../report';
import { INCIDENT_REPORT_FORMAT } from './other-file';
import { renderPlaybookJsonSchema } from './schema';
import { MAX_PLAYBOOK_BYTES, parsePlaybookText, readPlaybookBytes, validatePlaybook } from './validate';

describe('parsePlaybookText', () => {
  const good = JSON.stringify(samplePlaybook(), null, 2);

  it('parses and checks a good file, keeping its name', () => {
    const result = parsePlaybookText(good, 'sample.en.json');
    expect(result.ok && result.playbook.id).toBe('sample-fire');
    expect(result.fileName).toBe('sample.en.json');
  });

  it('ignores the byte-order mark Windows Notepad puts at the start', () => {
    expect(parsePlaybookText(`\uFEFF${good}`, 'sample.json').ok).toBe(true);
  });

  it.each([
    ['', 'the file is empty; expected a playbook as a JSON object', '文件是空的；应为一个以 JSON 对象写成的预案'],
    ['  \n\t\n', 'the file is empty; expected a playbook as a JSON object', '文件是空的；应为一个以 JSON 对象写成的预案'],
    [
      '{\n  "id": "x",\n  "version": "1.0.0",\n}\n',
      'invalid JSON at line 4, column 1: expected another field after ",", found "}"; JSON allows no comma before "}"',
      'JSON 格式错误，位于第 4 行第 1 列："," 之后应还有一个字段，却遇到 "}"；JSON 不允许在 "}" 前加逗号',
    ],
    [
      '{\n  "title": "火灾预案"\n  "kind": "fire"\n}',
      'invalid JSON at line 3, column 3: expected "," or "}" after a field\'s value, found a double quote',
      'JSON 格式错误，位于第 3 行第 3 列：字段值之后应为 "," 或 "}"，却遇到双引号',
    ],
    [
      "{'id': 'x'}",
      'invalid JSON at line 1, column 2: expected a field name in double quotes, found "\'"',
      'JSON 格式错误，位于第 1 行第 2 列：此处应为双引号中的字段名，却遇到 "\'"',
    ],
    [
      '{"steps": [1, 2',
      'invalid JSON at line 1, column 16: expected "," or "]" after a list item, found the end of the file',
      'JSON 格式错误，位于第 1 行第 16 列：列表项之后应为 "," 或 "]"，却遇到文件结尾',
    ],
    [
      '{"title": "unfinished',
      'invalid JSON at line 1, column 22: the file ends inside a text; a closing double quote is missing',
      'JSON 格式错误，位于第 1 行第 22 列：文件在一段文本的中间结束了；缺少结尾的双引号',
    ],
    [
      '{"id": "x"} {"id": "y"}',
      'invalid JSON at line 1, column 13: expected the end of the file after the JSON value, found "{"',
      'JSON 格式错误，位于第 1 行第 13 列：JSON 值之后应是文件结尾，却遇到 "{"',
    ],
    [
      '{"title": "火灾\t预案"}',
      'invalid JSON at line 1, column 14: the control character U+0009 is not allowed inside a text; write a line break as \\n',
      'JSON 格式错误，位于第 1 行第 14 列：文本中不能出现控制字符 U+0009；换行请写成 \\n',
    ],
    [
      '{"title": "\\x"}',
      'invalid JSON at line 1, column 12: unknown escape \\x; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
      'JSON 格式错误，位于第 1 行第 12 列：未知的转义序列 \\x；应为 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX 之一',
    ],
    [
      '{"level": 07}',
      'invalid JSON at line 1, column 12: expected a number, found "7" inside it',
      'JSON 格式错误，位于第 1 行第 12 列：此处应为数字，其中却出现了 "7"',
    ],
  ])('refuses %j with the line and column, in English and in Chinese', (text, message, zh) => {
    expect(parsePlaybookText(text, 'broken.json')).toMatchObject({
      fileName: 'broken.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message }],
      warnings: [],
    });
    expect(parsePlaybookText(text, 'broken.json', { language: 'zh-CN' })).toMatchObject({
      fileName: 'broken.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message: zh }],
      warnings: [],
    });
  });

  it('refuses a field written twice in one object, which JSON.parse would silently drop', () => {
    const text = '{\n  "id": "a",\n  "steps": [{"owner": "hq", "owner": "fire-team"}],\n  "id": "b"\n}';
    const result = parsePlaybookText(text, 'twice.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.slice(0, 2)).toMatchObject([
      { path: 'steps[0].owner', message: 'field given twice, at line 3, column 14 and line 3, column 29; JSON keeps only the last, so remove one' },
      { path: 'id', message: 'field given twice, at line 2, column 3 and line 4, column 3; JSON keeps only the last, so remove one' },
    ]);
    const zh = parsePlaybookText(text, 'twice.json', { language: 'zh-CN' });
    expect(!zh.ok && zh.issues.slice(0, 2)).toMatchObject([
      { path: 'steps[0].owner', message: '同一字段写了两次，分别在第 3 行第 14 列和第 3 行第 29 列；JSON 只保留后一个，请删掉其中一个' },
      { path: 'id', message: '同一字段写了两次，分别在第 2 行第 3 列和第 4 行第 3 列；JSON 只保留后一个，请删掉其中一个' },
    ]);
  });

  it('checks the schema after the JSON', () => {
    const result = parsePlaybookText('{"id": "x"}', 'short.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({ path: 'version', message: 'missing; expected a text' });
    const zh = parsePlaybookText('{"id": "x"}', 'short.json', { language: 'zh-CN' });
    expect(!zh.ok && zh.issues[0]).toMatchObject({ path: 'version', message: '缺少该字段；应为文本' });
  });
});

describe('the line and column of each issue', () => {
  // The sample as an editor saves it: two-space indent, one field a line.
  const sample = () => samplePlaybook() as unknown as Record<string, unknown> & ReturnType<typeof samplePlaybook>;
  const lineOf = (text: string, needle: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    return text.slice(0, at).split('\n').length;
  };

  it('points at the field that is wrong, for an editor to jump to', () => {
    const p = sample();
    (p.phases[1]!.steps[0] as Record<string, unknown>).critical = 'yes';
    const text = JSON.stringify(p, null, 2);
    const result = parsePlaybookText(text, 'sample.json');
    expect(!result.ok && result.issues).toEqual([
      {
        path: 'phases[1].steps[0].critical',
        severity: 'error',
        place: 'phase "Respond", step "step.respond.firefight" ("Fight the fire.")',
        line: lineOf(text, '"critical": "yes"'),
        column: 11,
        message: 'expected true or false, got the text "yes"',
      },
    ]);
  });

  it('points at the object that lacks a field, and at a list entry itself', () => {
    const p = sample();
    delete (p.phases[1]!.steps[0] as Record<string, unknown>).owner;
    p.phases[0]!.steps[1]!.support = ['ghost'];
    const text = JSON.stringify(p, null, 2);
    const result = parsePlaybookText(text, 'sample.json');
    expect(!result.ok && result.issues.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      // The step's opening brace, on the line after `"steps": [`.
      { path: 'phases[1].steps[0].owner', line: lineOf(text, '"id": "step.respond.firefight"') - 1, column: 9 },
      { path: 'phases[0].steps[1].support[0]', line: lineOf(text, '"ghost"'), column: 13 },
    ]);
  });

  it('counts lines after a byte-order mark as an editor does, and gives warnings their lines too', () => {
    const p = samplePlaybook();
    p.phases[1]!.steps[0]!.source = '三、2';
    const text = `\uFEFF${JSON.stringify(p, null, 2)}`;
    const result = parsePlaybookText(text, 'sample.json');
    expect(result.ok).toBe(true);
    expect(result.warnings.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'phases[1].steps[0].source', line: lineOf(text, '"source"'), column: 11 },
    ]);
  });

  it('has no line and column without the text: validatePlaybook is given a parsed value', () => {
    const p = sample();
    p.kind = 'earthquake' as never;
    const result = validatePlaybook(p);
    expect(!result.ok && result.issues[0]).not.toHaveProperty('line');
  });
});

describe('readPlaybookBytes', () => {
  const encoder = new TextEncoder();

  it('accepts a UTF-8 file with Chinese text', () => {
    const p = samplePlaybook();
    p.title = '灭火和应急疏散预案';
    expect(readPlaybookBytes(encoder.encode(JSON.stringify(p)), 'fire.json').ok).toBe(true);
  });

  it('refuses a file saved in GBK, naming the first bad byte', () => {
    // "火灾" in GBK is BB F0 D4 D6; 0xBB cannot start a UTF-8 sequence.
    const bytes = Uint8Array.from([...encoder.encode('{"title": "'), 0xbb, 0xf0, 0xd4, 0xd6, ...encoder.encode('"}')]);
    expect(readPlaybookBytes(bytes, 'gbk.json')).toEqual({
      fileName: 'gbk.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message: 'the file is not UTF-8 text (byte 11 is 0xbb); save it as UTF-8' }],
      warnings: [],
    });
    expect(readPlaybookBytes(bytes, 'gbk.json', { language: 'zh-CN' })).toEqual({
      fileName: 'gbk.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message: '文件不是 UTF-8 文本（偏移 11 处的字节是 0xbb）；请以 UTF-8 编码另存' }],
      warnings: [],
    });
  });

  it('refuses a file over 5 MB before decoding it', () => {
    const bytes = new Uint8Array(MAX_PLAYBOOK_BYTES + 1).fill(0xff);
    expect(readPlaybookBytes(bytes, 'huge.json')).toEqual({
      fileName: 'huge.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message: 'the file has 5242881 bytes; a playbook file may have at most 5242880 bytes (5 MB)' }],
      warnings: [],
    });
    expect(readPlaybookBytes(bytes, 'huge.json', { language: 'zh-CN' })).toEqual({
      fileName: 'huge.json',
      ok: false,
      issues: [{ path: '', severity: 'error', message: '文件有 5242881 字节；预案文件最多只能有 5242880 字节（5 MB）' }],
      warnings: [],
    });
  });

  it('passes the language on to the checks after decoding', () => {
    const bytes = encoder.encode('{"id": "Fire Plan"}');
    const zh = readPlaybookBytes(bytes, 'fire.json', { language: 'zh-CN' });
    expect(!zh.ok && zh.issues[0]).toMatchObject({
      path: 'id',
      message: '应为由小写字母和数字组成、以 "-" 或 "." 连接的 id，例如 "fire-team.extinguisher"，实际为文本 "Fire Plan"',
    });
  });

  it('reads a file of exactly 5 MB', () => {
    const text = JSON.stringify(samplePlaybook());
    const padded = text.slice(0, -1) + ' '.repeat(MAX_PLAYBOOK_BYTES - encoder.encode(text).length) + '}';
    const bytes = encoder.encode(padded);
    expect(bytes.length).toBe(MAX_PLAYBOOK_BYTES);
    expect(readPlaybookBytes(bytes, 'big.json').ok).toBe(true);
  });
});

describe('a file that is clearly not a playbook', () => {
  const encoder = new TextEncoder();
  const at = Date.UTC(2026, 6, 13, 18, 0);
  const event = (streamId: string, n: number, type: string, payload: unknown): MusterEvent =>
    ({
      id: `${streamId}-e${n}`,
      streamId,
      deviceId: 'phone-a',
      actor: 'Wang',
      hlc: formatStamp({ wall: at + n * 60_000, counter: 0, deviceId: 'phone-a' }),
      type,
      payload,
      v: EVENT_SCHEMA_VERSION,
    }) as MusterEvent;
  const declared = event('inc-1', 1, 'incident.declared', {
    playbookId: 'sample-fire',
    playbookVersion: samplePlaybook().version,
    playbookLanguage: 'en',
    mode: 'real',
    title: 'Basement flooding',
    place: 'B1',
    commander: 'Wang',
  });
  /** The JSON record the report tab exports, as a person would pick it from their downloads. */
  const report = exportReportJson({
    incidentId: 'inc-1',
    events: [declared, event('inc-1', 2, 'note.added', { text: 'Water rising at the east door' })],
    playbook: samplePlaybook(),
    language: 'en',
    timeZoneOffsetMinutes: 480,
    generatedAt: at + 3_600_000,
  });
  const other = (text: string | Uint8Array) => {
    const checked = readPlaybookBytes(typeof text === 'string' ? encoder.encode(text) : text, 'picked.json', { language: 'en' });
    return checked.ok ? 'accepted' : checked.notAPlaybook;
  };

  it('knows the exported record of an incident for a report, not for a playbook missing 20 fields', () => {
    expect(INCIDENT_REPORT_FORMAT).toBe(REPORT_FILE_FORMAT);
    const checked = readPlaybookBytes(encoder.encode(report), 'muster-record-2026-07-14-inc-1.json', { language: 'zh-CN' });
    expect(checked.ok).toBe(false);
    expect(checked.notAPlaybook).toEqual({ kind: 'incident-report' });
    // The validator's own findings stay, for the CLI.
    expect(!checked.ok && checked.issues.length).toBeGreaterThan(5);
  });

  it('knows an incident’s events, a duty log’s entries and another Muster file', () => {
    const duty = dutyStreamId('xx支行');
    expect(other(JSON.stringify([declared]))).toEqual({ kind: 'events', duty: false });
    expect(other(JSON.stringify({ events: [event(duty, 1, 'duty.entry', { text: '22:00 接班' })] }))).toEqual({ kind: 'events', duty: true });
    expect(other(JSON.stringify(event(duty, 1, 'duty.entry', { text: '22:00 接班' })))).toEqual({ kind: 'events', duty: true });
    expect(other('{"format": "muster.bundle", "events": []}')).toEqual({ kind: 'muster-file', format: 'muster.bundle' });
  });

  it('knows the JSON Schema the playbooks follow', () => {
    // As scripts/gen-schema.ts writes scenarios/playbook.schema.json.
    expect(other(renderPlaybookJsonSchema())).toEqual({ kind: 'json-schema' });
  });

  it('knows a printable report, a spreadsheet, a Markdown text, a PDF, a photo and an Office file by their first bytes', () => {
    expect(other('<!DOCTYPE html>\n<html lang="en"><head><title>Report</title>')).toEqual({ kind: 'html' });
    expect(other('\uFEFFTime,Who,What\r\n02:00,Wang,Started\r\n')).toEqual({ kind: 'csv' });
    expect(other('name;floor;team\n王;3;疏散组\n')).toEqual({ kind: 'csv' });
    expect(other('# After-action report: Basement flooding\n\n## Timeline\n')).toEqual({ kind: 'markdown' });
    expect(other(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3]))).toEqual({ kind: 'pdf' });
    expect(other(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toEqual({ kind: 'image' });
    expect(other(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff]))).toEqual({ kind: 'zip' });
  });

  it('never takes a playbook, even a broken one, for something else', () => {
    expect(other(JSON.stringify(samplePlaybook()))).toBe('accepted');
    for (const { name, change } of BROKEN_SAMPLES) {
      const p = samplePlaybookV1();
      change(p);
      expect([name, other(JSON.stringify(p, null, 2))]).toEqual([name, undefined]);
    }
    expect(other('{"id": "x", "version": "1.0.0",}')).toBeUndefined();
    expect(other('{"id": "x", "id": "y"}')).toBeUndefined();
    expect(other('')).toBeUndefined();
    // "防汛" in GBK, as an old Windows editor saves it: not UTF-8, and not a known other file.
    expect(other(Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xb7, 0xc0, 0xd1, 0xb4, 0x22, 0x7d]))).toBeUndefined();
    expect(other('just some words')).toBeUndefined();
  });
});
