import { describe, expect, it } from 'vitest';
import { samplePlaybook } from './sample-playbook';
import { MAX_PLAYBOOK_BYTES, parsePlaybookText, readPlaybookBytes } from './validate';

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
    ['', 'the file is empty; expected a playbook as a JSON object'],
    ['  \n\t\n', 'the file is empty; expected a playbook as a JSON object'],
    ['{\n  "id": "x",\n  "version": "1.0.0",\n}\n', 'invalid JSON at line 4, column 1: expected another field after ",", found "}"; JSON allows no comma before "}"'],
    ['{\n  "title": "火灾预案"\n  "kind": "fire"\n}', 'invalid JSON at line 3, column 3: expected "," or "}" after a field\'s value, found a double quote'],
    ["{'id': 'x'}", 'invalid JSON at line 1, column 2: expected a field name in double quotes, found "\'"'],
    ['{"steps": [1, 2', 'invalid JSON at line 1, column 16: expected "," or "]" after a list item, found the end of the file'],
    ['{"title": "unfinished', 'invalid JSON at line 1, column 22: the file ends inside a text; a closing double quote is missing'],
    ['{"id": "x"} {"id": "y"}', 'invalid JSON at line 1, column 13: expected the end of the file after the JSON value, found "{"'],
  ])('refuses %j with the line and column', (text, message) => {
    expect(parsePlaybookText(text, 'broken.json')).toEqual({ fileName: 'broken.json', ok: false, issues: [{ path: '', message }] });
  });

  it('refuses a field written twice in one object, which JSON.parse would silently drop', () => {
    const text = '{\n  "id": "a",\n  "steps": [{"owner": "hq", "owner": "fire-team"}],\n  "id": "b"\n}';
    const result = parsePlaybookText(text, 'twice.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.slice(0, 2)).toEqual([
      { path: 'steps[0].owner', message: 'field given twice, at line 3, column 14 and line 3, column 29; JSON keeps only the last, so remove one' },
      { path: 'id', message: 'field given twice, at line 2, column 3 and line 4, column 3; JSON keeps only the last, so remove one' },
    ]);
  });

  it('checks the schema after the JSON', () => {
    const result = parsePlaybookText('{"id": "x"}', 'short.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({ path: 'version', message: 'missing; expected a text' });
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
      issues: [{ path: '', message: 'the file is not UTF-8 text (byte 11 is 0xbb); save it as UTF-8' }],
    });
  });

  it('refuses a file over 5 MB before decoding it', () => {
    const bytes = new Uint8Array(MAX_PLAYBOOK_BYTES + 1).fill(0xff);
    expect(readPlaybookBytes(bytes, 'huge.json')).toEqual({
      fileName: 'huge.json',
      ok: false,
      issues: [{ path: '', message: 'the file has 5242881 bytes; a playbook file may have at most 5242880 bytes (5 MB)' }],
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
