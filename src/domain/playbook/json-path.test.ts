import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './json-path';

describe('JSON paths', () => {
  it.each([
    [['phases', 2, 'steps', 0, 'owner'], 'phases[2].steps[0].owner'],
    [['$schema'], '$schema'],
    [[0, 'id'], '[0].id'],
    [['labels', 'zh CN', 'x'], 'labels["zh CN"].x'],
    [['a"b', 1], '["a\\"b"][1]'],
    [[], ''],
  ])('reads %j back from the way issues write it', (segments, path) => {
    expect(formatPath(segments)).toBe(path);
    expect(parsePath(path)).toEqual(segments);
  });

  it('stops where a path is not one it writes, keeping what it read', () => {
    expect(parsePath('phases[2]..x')).toEqual(['phases', 2]);
  });
});
