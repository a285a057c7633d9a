import { describe, expect, it } from 'vitest';
import { csvField, escapeCssString, escapeMarkdown, markdownParagraph } from './escape';

describe('making recorded text inert', () => {
  it('keeps a CSS string closed and a style element open', () => {
    expect(escapeCssString('a"b\\c</style>')).toBe('a\\22 b\\5c c\\3c /style\\3e ');
  });

  it('turns Markdown syntax into literal characters', () => {
    expect(escapeMarkdown('# [x](javascript:alert(1)) ![i](http://e/x.png) *b* `c` | d <script>')).toBe(
      '\\# \\[x\\](javascript:alert(1)) !\\[i\\](http://e/x.png) \\*b\\* \\`c\\` \\| d &lt;script>',
    );
    expect(escapeMarkdown('line one\n# line two\r\n- three')).toBe('line one / # line two / - three');
    expect(markdownParagraph('1. first\n\n> quote')).toBe('1\\. first  \n&gt; quote');
  });

  it('leaves dates, times, numbers and ordinary punctuation as they are', () => {
    for (const plain of [
      '2026-11-30 12:09:45',
      'Water 3.5 m (B1), +12 cm!',
      '-2 °C at 02:10',
      '水位 35 厘米，东门仍在进水。',
      'file_name.pdf and snake_case',
      'a > b, c = d, 50% done',
      'Smith & Sons',
      '#3 pump',
      '1.5 hours',
      'https://example.org/a?b=c',
    ])
      expect(escapeMarkdown(plain), plain).toBe(plain);
  });

  it('escapes at the start of a line only what opens a block there', () => {
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('###### six')).toBe('\\###### six');
    expect(escapeMarkdown('- bullet')).toBe('\\- bullet');
    expect(escapeMarkdown('+ bullet')).toBe('\\+ bullet');
    expect(escapeMarkdown('* bullet')).toBe('\\* bullet');
    expect(escapeMarkdown('12) item')).toBe('12\\) item');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('- - -')).toBe('\\- - -');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('___')).toBe('\\_\\_\\_');
    expect(escapeMarkdown('~~~')).toBe('\\~\\~\\~');
  });

  it('escapes emphasis, code, strike-through, math, cells, entities and backslashes anywhere', () => {
    expect(escapeMarkdown('a *b* _c_ ~~d~~ $e$ f|g')).toBe('a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\$e\\$ f\\|g');
    expect(escapeMarkdown('&copy; &#169; &x')).toBe('&amp;copy; &amp;#169; &x');
    expect(escapeMarkdown('C:\\dir\\*.txt ends\\')).toBe('C:\\dir\\\\\\*.txt ends\\\\');
  });

  it('quotes every CSV field and neutralises formula starts with an apostrophe', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) expect(csvField(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});
