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
 * Text for Markdown, on one line or in a table cell, escaped only where Markdown would read
 * it as syntax, so dates, times, numbers and ordinary punctuation read plainly
 * ("2026-11-30 12:09:45", "3.5 m", "(B1)"). Escaped anywhere: `\` before punctuation, `*`, a
 * `_` that could open or close emphasis (not one inside a word), `` ` ``, `[` and `]` (links,
 * images, footnotes), `~` (strike-through), `$` (math on GitHub), `|` (a table cell); `<`
 * always and `&` before an entity name become entities, so no renderer sees raw HTML. At the
 * start of the text only: what would open a block there (escapeLineStart). Line breaks become
 * a visible " / ": a new line could start a heading or end a table row. CommonMark lets any
 * ASCII punctuation be backslash-escaped. A bare URL stays text that GitHub may show as a link
 * to itself: the reader sees where it goes.
 */
export function escapeMarkdown(text: string): string {
  const inline = showControls(text)
    .replace(/\r\n/g, '\n')
    .replace(/[\r\n\u2028\u2029]/g, ' / ')
    .replace(/\t/g, ' ')
    .trim()
    .replace(MARKDOWN_INLINE, (c, at: number, all: string) => {
      if (c === '<') return '&lt;';
      if (c === '&') return /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(all.slice(at)) ? '&amp;' : '&';
      if (c === '\\') return /[!-/:-@[-`{-~]/.test(all[at + 1] ?? '') || at === all.length - 1 ? '\\\\' : '\\';
      // An underscore inside a word never opens or closes emphasis (snake_case, file_name.pdf).
      if (c === '_' && WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '')) return '_';
      return `\\${c}`;
    });
  return escapeLineStart(inline);
}

const MARKDOWN_INLINE = /[\\*_`[\]~$|<&]/g;
const WORD = /[\p{L}\p{N}]/u;

/**
 * What would open a block at the start of a line, as CommonMark reads it: a heading ("# " up
 * to six), a quote (">"), a bullet ("- ", "+ "), a numbered item ("1. ", "1) "), a thematic
 * break or setext underline (a line of only "-", "=" or "_"). "2026-07-14", "-2 °C" and "3.5 m"
 * open nothing and stay as they are. The text has been through the inline rules already, so
 * "*", "`" and "~" are escaped and it never starts with a backslash of its own.
 */
function escapeLineStart(text: string): string {
  if (text.startsWith('>')) return `&gt;${text.slice(1)}`;
  if (/^(#{1,6}|[-+])(\s|$)|^[-=]+\s*$|^(-\s*){3,}$/.test(text)) return `\\${text}`;
  const number = /^(\d{1,9})[.)](\s|$)/.exec(text);
  return number ? `${number[1]}\\${text.slice(number[1]!.length)}` : text;
}

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
