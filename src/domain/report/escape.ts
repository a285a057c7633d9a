/**
 * Making recorded text inert in each export. Everything a person typed (titles, notes, names,
 * reasons) reaches the report, so every piece of text goes through one of these (or, for
 * HTML, through escapeHtml in ../escape-html.ts), never straight into markup.
 */

/** Text inside a CSS string literal (the page-number footer), quotes and backslashes escaped. */
export function escapeCssString(text: string): string {
  return text.replace(/[\\"'\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/**
 * Text for Markdown, on one line or in a table cell. Every character that could start
 * emphasis, a link, an image, code, a heading, a list, a quote, a table cell or an autolink is
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped), and `<`, `>` and `&`
 * become entities so no renderer sees raw HTML. Line breaks become a visible " / ": a new
 * line could start a heading or end a table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_REPLACEMENTS[c] ?? `\\${c}`)
    .trim();
}

const MARKDOWN_SPECIAL = /[\r\n\u2028\u2029\t&<>\\`*_{}[\]()#+\-.!|~:=^$]/g;
const MARKDOWN_REPLACEMENTS: Record<string, string> = {
  '\r': ' / ',
  '\n': ' / ',
  '\u2028': ' / ',
  '\u2029': ' / ',
  '\t': ' ',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/** A paragraph of Markdown from text with line breaks: each line escaped, joined by hard breaks. */
export function markdownParagraph(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .filter((line) => line !== '')
    .join('  \n');
}

/**
 * Characters that make a spreadsheet read a cell as a formula or a command (OWASP "CSV
 * injection"): = + - @, tab and carriage return, and their full-width forms, which some
 * spreadsheet versions in CJK locales treat the same.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV field (RFC 4180): a leading formula character neutralised with `'`, always quoted, quotes doubled. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
