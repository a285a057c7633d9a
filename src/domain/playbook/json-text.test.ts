import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonPath } from './json-text';

/** Line and column of a path, as an issue gives them. */
function where(text: string, path: PropertyKey[]): { line: number; column: number; depth: number } {
  const found = locateJsonPath(text, path);
  return { ...lineAndColumn(text, found.offset), depth: found.depth };
}

const text = [
  '{',
  '  "id": "x",',
  '  "phases": [',
  '    { "id": "a", "steps": [] },',
  '    {',
  '      "id": "b",',
  '      "title": "机房 [B1] {old}"',
  '    }',
  '  ]',
  '}',
].join('\n');

describe('locateJsonPath', () => {
  it('finds an object’s field at its name, where an editor should land', () => {
    expect(where(text, ['id'])).toEqual({ line: 2, column: 3, depth: 1 });
    expect(where(text, ['phases', 1, 'title'])).toEqual({ line: 7, column: 7, depth: 3 });
  });

  it('finds a list entry at its value, past entries holding brackets and braces inside texts', () => {
    expect(where(text, ['phases', 0])).toEqual({ line: 4, column: 5, depth: 2 });
    expect(where(text, ['phases', 1])).toEqual({ line: 5, column: 5, depth: 2 });
    expect(where('["a]", "}", {"x": ["]"]}, 7]', [3])).toEqual({ line: 1, column: 27, depth: 1 });
  });

  it('gives the enclosing value for a field that is missing or a path the text does not have', () => {
    expect(where(text, ['phases', 1, 'steps'])).toEqual({ line: 5, column: 5, depth: 2 });
    expect(where(text, ['phases', 5, 'id'])).toEqual({ line: 3, column: 3, depth: 1 });
    expect(where(text, ['summary'])).toEqual({ line: 1, column: 1, depth: 0 });
    expect(where(text, [])).toEqual({ line: 1, column: 1, depth: 0 });
    expect(where(text, ['id', 'deeper'])).toEqual({ line: 2, column: 3, depth: 1 });
  });

  it('reads escaped field names and takes the last of a field given twice, as JSON.parse does', () => {
    expect(where('{"\\u0069d": 1}', ['id'])).toEqual({ line: 1, column: 2, depth: 1 });
    expect(where('{"id": 1,\n "id": 2}', ['id'])).toEqual({ line: 2, column: 2, depth: 1 });
    expect(where('{"a\\"b": {"c": 1}}', ['a"b', 'c'])).toEqual({ line: 1, column: 11, depth: 2 });
  });

  it('counts columns in characters, as an editor shows them', () => {
    expect(where('{"标题": "火灾", "id": 1}', ['id'])).toEqual({ line: 1, column: 14, depth: 1 });
  });
});
