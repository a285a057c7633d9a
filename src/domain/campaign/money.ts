import { AMOUNT_MAX_MINOR } from '../events/campaign';
import type { Language } from '../text';

/**
 * Money as people type it and as reports print it, in integers of the minor unit only (fen for
 * CNY, two decimals): never a float, so 0.10 + 0.20 yuan is 30 fen, exactly. Sums are bigint, so
 * adding many large amounts never loses a fen either. Pure.
 */

/** Why a text is not an amount; the screens say each in words (campaignTerms.amount.*). */
export const AMOUNT_PROBLEMS = ['empty', 'negative', 'exponent', 'not-a-number', 'too-many-decimals', 'bad-grouping', 'too-large'] as const;
export type AmountProblem = (typeof AMOUNT_PROBLEMS)[number];
export type ParsedAmount = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly problem: AmountProblem };

/** Digits after the point in the minor unit (CNY: fen). */
const MINOR_DIGITS = 2;
/** Chinese myriads written after a number: 1.2万 is 12,000; 3亿 is 300,000,000. */
const MULTIPLIER_DIGITS: Readonly<Record<string, number>> = { '': 0, 万: 4, 亿: 8 };
/**
 * The amount in `text`, in yuan as people write it, as an integer of fen. Accepts "1234.5",
 * "1,234.56" (commas in groups of three), full-width digits and marks ("１２３", "１，２３４．５"),
 * a leading "¥"/"￥", a trailing "元", and the myriads "万" and "亿" ("1.2万" = 12,000.00 yuan,
 * "3.5亿元"). Refuses, each with its reason: nothing typed, a negative amount, an exponent
 * ("1e5": a float's notation, not an amount), anything else that is not a plain number, more
 * than two decimals of a yuan once the myriad is applied ("1.234", "1.234567万"; trailing zeros
 * are fine: "1.500"), commas not in groups of three ("1,23"), more than AMOUNT_MAX_MINOR fen.
 */
export function parseAmount(text: string): ParsedAmount {
  // NFKC turns full-width digits, comma, point, minus and yen sign into their ASCII forms.
  let t = text.normalize('NFKC').trim();
  if (t === '') return { ok: false, problem: 'empty' };
  t = t.replace(/^¥\s*/u, '');
  if (/^[-−]/.test(t)) return { ok: false, problem: 'negative' };
  t = t.replace(/\s*元$/u, '');
  const myriad = /\s*(万|亿)$/u.exec(t);
  const body = myriad ? t.slice(0, myriad.index) : t;
  if (/^[\d.,]*\d[eE][-+]?\d+$/.test(body)) return { ok: false, problem: 'exponent' };
  if (!/^\d[\d,]*(\.\d+)?$/.test(body)) return { ok: false, problem: 'not-a-number' };
  const [whole = '', fraction = ''] = body.split('.');
  if (whole.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(whole)) return { ok: false, problem: 'bad-grouping' };
  const scale = MINOR_DIGITS + (MULTIPLIER_DIGITS[myriad?.[1] ?? ''] ?? 0);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale) return { ok: false, problem: 'too-many-decimals' };
  const minor = BigInt(whole.replace(/,/g, '')) * 10n ** BigInt(scale) + BigInt(significant.padEnd(scale, '0') || '0');
  if (minor > BigInt(AMOUNT_MAX_MINOR)) return { ok: false, problem: 'too-large' };
  return { ok: true, minor: Number(minor) };
}

/**
 * An amount in minor units as yuan with two decimals and commas in groups of three
 * ("1,234.56"), computed from integers; the same in both languages (Chinese finance writes
 * amounts this way too). The same text as report/describe.ts `minorAmount` for a number; this one
 * also takes the bigint sums of the summary tables. Throws on a number that is not an integer:
 * a float here is a bug upstream.
 */
export function formatAmount(minor: number | bigint, language: Language): string {
  void language;
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) throw new RangeError(`an amount in minor units must be a safe integer, got ${minor}`);
  const n = BigInt(minor);
  const abs = n < 0n ? -n : n;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0n ? '-' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** The sum of integer amounts, exact however many and however large. */
export function sumMinor(amounts: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return total;
}
