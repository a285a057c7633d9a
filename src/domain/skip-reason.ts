/**
 * A critical step ("cut the power", "call 119") may be skipped only for a reason someone can
 * act on afterwards: "no" or "..." or "aaaaaaaaaa" says nothing in the after-action report.
 * The rule is counted in letters and digits, so punctuation and spaces never make a reason
 * long enough, and a Chinese character counts as much as two and a half Latin letters (four
 * characters say as much as ten letters: "配电室进水" / "switch room flooded").
 */
export const SKIP_REASON_RULE = {
  /** Letters or digits of Latin (or any non-CJK) script that make a reason on their own. */
  letters: 10,
  /** Chinese (or Japanese, Korean) characters that make a reason on their own. */
  cjk: 4,
  /** Different letters, digits or characters at least: not one or two repeated. */
  distinct: 3,
} as const;

export type SkipReasonVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: 'too-short' | 'repeated' };

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Whether `reason` is a reason of substance for skipping a critical step: at least
 * `SKIP_REASON_RULE.letters` letters or digits, or `SKIP_REASON_RULE.cjk` CJK characters (mixed
 * text counts both in proportion), of at least `SKIP_REASON_RULE.distinct` different ones.
 * Full-width letters count as their plain forms. Pure; the same answer on every device, so a
 * reason accepted offline is accepted everywhere.
 */
export function skipReasonVerdict(reason: string): SkipReasonVerdict {
  let cjk = 0;
  let other = 0;
  const distinct = new Set<string>();
  for (const ch of reason.normalize('NFKC')) {
    if (!WORD_CHARACTER.test(ch)) continue;
    distinct.add(ch.toLowerCase());
    if (CJK_CHARACTER.test(ch)) cjk += 1;
    else other += 1;
  }
  // other/letters + cjk/cjk ≥ 1, in whole numbers.
  if (other * SKIP_REASON_RULE.cjk + cjk * SKIP_REASON_RULE.letters < SKIP_REASON_RULE.letters * SKIP_REASON_RULE.cjk)
    return { ok: false, problem: 'too-short' };
  if (distinct.size < SKIP_REASON_RULE.distinct) return { ok: false, problem: 'repeated' };
  return { ok: true };
}
