import { escapeHtml } from '../escape-html';

/**
 * Making recorded text inert in each export. Everything a person typed (titles, notes, names,
 * reasons) reaches the report, so every piece of text goes through one of these (or, for
 * HTML, through escapeReportHtml below), never straight into markup.
 */

/**
 * Characters that change how text around them is shown without being seen: C0 controls (NUL
 * included) other than tab and line breaks, DEL, C1 controls, and the bidirectional controls
 * (embeddings and overrides U+202A–202E, isolates U+2066–2069, marks U+200E/200F and U+061C).
 * A U+202E in a name would make "gnp.exe" read backwards on the printed report; a NUL ends the
 * text early in some viewers. Each is shown as ⟦U+202E⟧ instead, so the reader sees it is there.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text with every invisible control shown as ⟦U+XXXX⟧; tabs and line breaks are left to each format. */
export function showControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** Text for the report's HTML: controls shown, then HTML-escaped. */
export function escapeReportHtml(text: string): string {
  return escapeHtml(showControls(text));
}

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
  return showControls(text)
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
 * injection"): = + - @ and their full-width forms, which some spreadsheet versions in CJK
 * locales treat the same, also after leading white space (spreadsheets trim " =1+1" and a
 * leading line break before reading it); and a cell that starts with a tab or a line break.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * One CSV field (RFC 4180): invisible controls shown, a formula start neutralised with `'`,
 * always quoted, quotes doubled.
 */
export function csvField(raw: string): string {
  const text = showControls(raw);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
