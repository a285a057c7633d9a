import { exportAllFormats, type Report, type ReportInput } from '../../src/domain/report';

/** The four exports of one report input. */
export function exportAll(input: ReportInput): { report: Report; html: string; markdown: string; csv: string; json: string } {
  return exportAllFormats(input);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** What a reader sees of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The visible text of one `<section id="…">` of the printable report. */
export function htmlSection(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  if (!m) throw new Error(`no section #${id} in the report`);
  return visibleText(m[1] ?? '');
}

/** The lines of a Markdown report from a `## heading` to the next `## `, with backslash escapes undone. */
export function markdownSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## ') && unescapeMarkdown(l.slice(3)) === heading);
  if (start < 0) throw new Error(`no section "${heading}" in the Markdown`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return unescapeMarkdown(lines.slice(start + 1, end < 0 ? undefined : end).join('\n'));
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&(amp|lt|gt);/g, (e) => ENTITIES[e] ?? e);
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
