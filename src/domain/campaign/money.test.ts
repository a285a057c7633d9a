import { describe, expect, it } from 'vitest';
import { AMOUNT_MAX_MINOR } from '../events/campaign';
import { minorAmount } from '../report/describe';
import { formatAmount, parseAmount, sumMinor, type AmountProblem } from './money';

describe('an amount as typed on the phone (yuan) becomes integer fen', () => {
  it.each<[string, number]>([
    ['1234.56', 123_456],
    ['1234.5', 123_450],
    ['1,234.56', 123_456],
    ['1,234,567', 123_456_700],
    ['0', 0],
    ['0.01', 1],
    ['１２３', 12_300],
    ['１，２３４．５６', 123_456],
    ['  88  ', 8_800],
    ['¥1,000', 100_000],
    ['￥ 1000.00', 100_000],
    ['500元', 50_000],
    ['1.2万', 1_200_000],
    ['1.2 万元', 1_200_000],
    ['5000万', 5_000_000_000],
    ['1.234567万', 1_234_567],
    ['3.5亿', 35_000_000_000],
    ['1.500', 150],
  ])('%s is %i fen', (text, minor) => {
    expect(parseAmount(text)).toEqual({ ok: true, minor });
  });

  it.each<[string, AmountProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5', 'negative'],
    ['－5', 'negative'],
    ['−5', 'negative'],
    ['¥-5', 'negative'],
    ['1e5', 'exponent'],
    ['1.5E3', 'exponent'],
    ['1e-2', 'exponent'],
    ['abc', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['+5', 'not-a-number'],
    ['.5', 'not-a-number'],
    ['5.', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['12 34', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['1.234', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['1.2345678万', 'too-many-decimals'],
    ['1,23', 'bad-grouping'],
    ['12,3456.00', 'bad-grouping'],
    ['90071992547409.92', 'too-large'],
    ['1000000亿', 'too-large'],
  ])('%j is refused: %s', (text, problem) => {
    expect(parseAmount(text)).toEqual({ ok: false, problem });
  });

  it('takes the largest amount an event may carry, and not one fen more', () => {
    expect(parseAmount('90071992547409.91')).toEqual({ ok: true, minor: AMOUNT_MAX_MINOR });
  });

  it('never goes through a float: 0.1 + 0.2 yuan typed is 10 + 20 = 30 fen', () => {
    const a = parseAmount('0.1');
    const b = parseAmount('0.2');
    if (!a.ok || !b.ok) throw new Error('both are amounts');
    expect(sumMinor([a.minor, b.minor])).toBe(30n);
    expect(formatAmount(sumMinor([a.minor, b.minor]), 'zh-CN')).toBe('0.30');
  });
});

describe('an amount in fen printed as yuan', () => {
  it.each<[number | bigint, string]>([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1,234.56'],
    [100_000_000_00, '100,000,000.00'],
    [-1_050, '-10.50'],
    [2n * BigInt(Number.MAX_SAFE_INTEGER), '180,143,985,094,819.82'],
  ])('%s fen is %s', (minor, text) => {
    expect(formatAmount(minor, 'en')).toBe(text);
    expect(formatAmount(minor, 'zh-CN')).toBe(text);
  });

  it('says the same as the timeline’s minorAmount for every number', () => {
    for (const n of [0, 1, 99, 100, 101, 123_456_789, Number.MAX_SAFE_INTEGER, -42]) expect(formatAmount(n, 'en')).toBe(minorAmount(n));
  });

  it('refuses a float: money that reached here as 0.3 is a bug upstream', () => {
    expect(() => formatAmount(0.3, 'en')).toThrow(RangeError);
  });

  it('reads back what it prints', () => {
    for (const n of [0, 1, 10, 123_456, 99_999_999_999]) expect(parseAmount(formatAmount(n, 'zh-CN'))).toEqual({ ok: true, minor: n });
  });
});
