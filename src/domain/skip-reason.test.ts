import { describe, expect, it } from 'vitest';
import { skipReasonVerdict } from './skip-reason';

describe('a reason of substance for skipping a critical step', () => {
  it.each([
    ['Head office rang us first', 'a sentence in English'],
    ['no power B12', 'exactly ten letters and digits'],
    ['配电室进水', 'five Chinese characters'],
    ['电梯停运', 'four Chinese characters'],
    ['UPS 故障了', 'three letters and three characters together'],
    ['ＵＰＳ　ｂａｔｔｅｒｙ', 'full-width letters, as a Chinese keyboard types them'],
    ['  B1 flooded — no access!  ', 'punctuation and spaces around words'],
  ])('accepts “%s” (%s)', (reason) => {
    expect(skipReasonVerdict(reason)).toEqual({ ok: true });
  });

  it.each([
    ['', 'too-short', 'nothing'],
    ['no', 'too-short', 'one word'],
    ['n/a n/a', 'too-short', 'an abbreviation'],
    ['no power B1', 'too-short', 'nine letters and digits'],
    ['停电了', 'too-short', 'three Chinese characters'],
    ['...!!!???———。。。，，，', 'too-short', 'only punctuation'],
    ['          ', 'too-short', 'only spaces'],
    ['aaaaaaaaaaaa', 'repeated', 'one letter repeated'],
    ['ababababababab', 'repeated', 'two letters repeated'],
    ['哈哈哈哈哈', 'repeated', 'one character repeated'],
    ['1111111111111', 'repeated', 'one digit repeated'],
  ])('refuses “%s” as %s (%s)', (reason, problem) => {
    expect(skipReasonVerdict(reason)).toEqual({ ok: false, problem });
  });
});
