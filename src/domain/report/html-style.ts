import { escapeCssString } from './escape';

/**
 * The printable report's stylesheet. In print: A4 with margins, page numbers in the bottom
 * margin box ("Page 2 of 5", Chromium 131+ and other CSS Paged Media engines), table headers
 * repeated on each page, rows and the signature block never split. `pageOf` is the label
 * with `{page}` and `{pages}`; `footer` is printed in the bottom-left margin box; `widths` are
 * the column widths (per cent) the tables use, as classes `w<n>`.
 */
// CJK fonts first: Latin text looks right in them too, and Chinese never falls back to a serif.
const FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', system-ui, sans-serif";

export function reportCss(pageOf: string, footer: string, widths: readonly number[]): string {
  const parts = pageOf.split(/(\{page\}|\{pages\})/).filter((p) => p !== '');
  const pageContent = parts.map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : `"${escapeCssString(p)}"`)).join(' ');
  return `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 24px; max-width: 210mm; background: #fff; color: #111;
  font-family: ${FONTS};
  font-size: 11pt; line-height: 1.45;
}
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #111; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
.subtitle { font-size: 13pt; font-weight: 600; }
.meta, .muted { color: #444; font-size: 9pt; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 6pt 0; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
${widths.map((w) => `.w${w} { width: ${w}%; }`).join(' ')}
td.when { white-space: nowrap; }
.status-done { color: #145a24; }
.status-skipped { color: #6b4e00; }
.status-not-done, .overdue { color: #9b1c1c; font-weight: 600; }
.struck del { text-decoration: line-through; }
.correction { display: block; font-size: 8pt; color: #555; }
.ignored { display: block; font-size: 8pt; color: #555; font-style: italic; }
.text-block { white-space: pre-wrap; margin: 2pt 0 8pt; }
.hash { font-family: 'Noto Sans Mono', 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 9pt; overflow-wrap: anywhere; }
.playbook-notice { overflow-wrap: anywhere; border-left: 2pt solid #888; padding-left: 6pt; }
.playbook-notice.changed { border-left-color: #9b1c1c; color: #9b1c1c; font-weight: 600; }
#integrity, .signatures { break-inside: avoid; page-break-inside: avoid; }
.signatures table td { height: 16mm; vertical-align: bottom; }
.signatures table td.hash { height: auto; }
.signatures th { width: 22%; }
ul.plain { margin: 2pt 0; padding-left: 16pt; }
.alarm-box { border: 2pt solid #9b1c1c; background: #fdecec; color: #5c0e0e; padding: 6pt 8pt; margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
.alarm-box strong { color: #9b1c1c; }
.photo-refs { display: block; font-size: 8pt; }
tr.reported-twice td { color: #9b1c1c; font-weight: 600; font-size: 8pt; border-top-style: dotted; }
.photo-refs { color: #444; }
.measurement { break-inside: avoid-page; }
.briefing { border-left: 2pt solid #888; padding-left: 6pt; margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
.briefing dl.fields ul.plain { margin: 0; }
.trend { display: grid; grid-template-columns: max-content minmax(0, 90mm); gap: 0 4pt; margin: 4pt 0; break-inside: avoid; page-break-inside: avoid; }
.trend svg { width: 100%; height: auto; display: block; }
.trend .trend-values { display: flex; flex-direction: column; justify-content: space-between; font-size: 8pt; color: #444; text-align: right; }
.trend figcaption { grid-column: 2; font-size: 8pt; color: #444; }
.trend-box { fill: #fff; stroke: #888; stroke-width: 1; }
.trend-line { fill: none; stroke: #1f3f8f; stroke-width: 2; }
.trend-point { fill: #1f3f8f; }
.trend.alarm .trend-line { stroke: #9b1c1c; }
.trend.alarm .trend-point { fill: #9b1c1c; }
.photo-note { margin: 8pt 0; }
.photo { margin: 4pt 0 10pt; max-width: 130mm; break-inside: avoid; page-break-inside: avoid; }
.photo img { display: block; width: 100%; height: auto; max-height: 110mm; object-fit: contain; border: 0.5pt solid #888; background: #f4f4f4; }
.photo figcaption { font-size: 8pt; color: #333; margin-top: 2pt; }
.photo figcaption .hash { display: block; font-size: 8pt; }
.photo-missing { border-left: 2pt solid #9b1c1c; padding-left: 6pt; overflow-wrap: anywhere; }
@page {
  size: A4;
  margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: ${pageContent}; font-family: ${FONTS}; font-size: 8pt; color: #444; }
  @bottom-left { content: "${escapeCssString(footer)}"; font-family: ${FONTS}; font-size: 7pt; color: #666; }
}
/* A phone (the report opened from a share sheet): dates may wrap so every column stays on the screen. */
@media screen and (max-width: 640px) {
  body { padding: 12px; }
  table { font-size: 8pt; }
  th, td { padding: 2pt 3pt; }
  td.when, td.num { white-space: normal; }
}
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
`;
}
