import { describe, expect, it } from 'vitest';
import { csvField, escapeCssString, escapeMarkdown, markdownParagraph } from './escape';

describe('making recorded text inert', () => {
  it('keeps a CSS string closed and a style element open', () => {
    expect(escapeCssString('a"b\\c</style>')).toBe('a\\22 b\\5c c\\3c /style\\3e ');
  });

  it('turns Markdown syntax into literal characters', () => {
    expect(escapeMarkdown('# [x](javascript:alert(1)) ![i](http://e/x.png) *b* `c` | d <script>')).toBe(
      '\\# \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[i\\]\\(http\\://e/x\\.png\\) \\*b\\* \\`c\\` \\| d &lt;script&gt;',
    );
    expect(escapeMarkdown('line one\n# line two\r\n- three')).toBe('line one / \\# line two / \\- three');
    expect(markdownParagraph('1. first\n\n> quote')).toBe('1\\. first  \n&gt; quote');
  });

  it('quotes every CSV field and neutralises formula starts with an apostrophe', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) expect(csvField(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});
