import { describe, expect, it } from 'vitest';
import { fill, reportLabelsEn, reportLabelsZh, type ReportLabelKey } from './labels';

const keys = Object.keys(reportLabelsEn) as ReportLabelKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the report’s words', () => {
  it('exist in both languages with the same placeholders', () => {
    expect(Object.keys(reportLabelsZh).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(reportLabelsEn[key], key).not.toBe('');
      expect(placeholders(reportLabelsZh[key]), key).toEqual(placeholders(reportLabelsEn[key]));
    }
  });

  it('are translated, apart from marks that read the same in both', () => {
    const same = keys.filter((k) => reportLabelsEn[k] === reportLabelsZh[k]);
    expect(same).toEqual(['dash']);
  });

  it('fills placeholders once, so a value that looks like one stays as typed', () => {
    expect(fill('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
