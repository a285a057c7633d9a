import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from './json-duplicates';

describe('fields given twice in one object', () => {
  it('finds none in a text without any', () => {
    expect(findDuplicateKeys('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}')).toEqual([]);
    expect(findDuplicateKeys('[1, "two", null]')).toEqual([]);
    expect(findDuplicateKeys('"just text"')).toEqual([]);
  });

  it('names each repeat with its path and both offsets, in the order the second names appear', () => {
    const text = '{"id": "a", "steps": [{"x": 1}, {"owner": "p", "owner": "q"}], "id": "b"}';
    expect(findDuplicateKeys(text)).toEqual([
      { key: 'owner', path: ['steps', 1, 'owner'], firstOffset: text.indexOf('"owner"'), offset: text.lastIndexOf('"owner"') },
      { key: 'id', path: ['id'], firstOffset: 1, offset: text.lastIndexOf('"id"') },
    ]);
  });

  it('compares names after decoding escapes', () => {
    expect(findDuplicateKeys('{"events": [], "\\u0065vents": []}').map((d) => d.key)).toEqual(['events']);
  });

  it('is not misled by quotes, brackets and commas inside texts', () => {
    expect(findDuplicateKeys('{"a": "x\\", \\"a\\": {[,", "b": "}", "c": 1}')).toEqual([]);
    expect(findDuplicateKeys('{"a\\\\": 1, "a\\\\": 2}').map((d) => d.key)).toEqual(['a\\']);
  });

  it('stops after `limit` finds', () => {
    expect(findDuplicateKeys('{"a": 1, "a": 2, "b": 1, "b": 2}', 1).map((d) => d.key)).toEqual(['a']);
  });

  it('counts list positions past nested lists and objects', () => {
    const text = '[[1, 2], {"k": [3, 4]}, {"z": 1, "z": 2}]';
    expect(findDuplicateKeys(text)[0]?.path).toEqual([2, 'z']);
  });
});
