import { PHOTO_HASH_PATTERN } from '../events/photo';
import { escapeMarkdown as md } from './escape';
import { fill } from './labels';
import type { Correction, Report } from './types';

/** What the Markdown report's sections write with: a heading, a paragraph, a table of already escaped cells. */
export interface MarkdownWriter {
  heading(level: number, text: string): void;
  para(text: string): void;
  table(head: readonly string[], rows: readonly (readonly string[])[]): void;
  struck(text: string, c: Correction | undefined): string;
}

/** The headcount: totals, who is not accounted for, then a table per floor and assembly point. */
export function headcountMarkdown(report: Report, w: MarkdownWriter): void {
  const L = report.labels;
  const c = report.headcount;
  if (c.rows.length) {
    w.para(md(c.summaryText));
    if (c.notAccounted.length) w.para(`**${md(fill(L['headcount.notAccounted'], { people: c.notAccounted.join(L.listSeparator) }))}**`);
    if (c.reportedTwice) w.para(`**${md(fill(L['headcount.reportedTwiceCount'], { count: c.reportedTwice }))}**`);
  }
  const head = [L['headcount.person'], L['headcount.kind'], L['headcount.status'], L['headcount.lastSeenHow'], L['headcount.reported'], L['headcount.note']];
  const rows = (list: Report['headcount']['rows']) =>
    list.map((r) => [
      md(r.person),
      md(r.kindText),
      md(r.statusText) + (r.reportedTwice ? ` — **${md(r.reportedTwice)}**` : ''),
      md(r.seenText),
      md(r.reportedText),
      md(r.note ?? ''),
    ]);
  const only = c.groups.length <= 1 && !c.groups[0]?.floor && !c.groups[0]?.assemblyPoint;
  if (only) return w.table(head, rows(c.rows));
  for (const g of c.groups) {
    w.heading(3, g.title);
    w.para(md(g.summaryText));
    w.table(head, rows(g.rows));
  }
}

/** Each measurement: unit and place, the summary, the warning rule and result, and every reading. */
export function measurementsMarkdown(report: Report, w: MarkdownWriter): void {
  const L = report.labels;
  for (const m of report.measurements) {
    w.heading(3, m.label);
    w.para(md(m.place ? fill(L['measurements.head'], { unit: m.unit, place: m.place }) : fill(L['measurements.headNoPlace'], { unit: m.unit })));
    w.para(md(m.summaryText));
    w.para(md(m.ruleText) + (m.warningsText === null ? '' : `  \n${m.warnings ? `**${md(m.warningsText)}**` : md(m.warningsText)}`));
    w.table(
      [L['timeline.when'], L['measurements.value'], L['measurements.place'], L['measurements.by'], L['measurements.warningColumn']],
      m.readings.map((r) => [r.when, w.struck(r.valueText, r.struck), md(r.place || L.dash), md(r.by), r.warning ? `**${md(r.warning)}**` : '']),
    );
  }
}

/** Each note with photos, and each photo by number, size and SHA-256 (the images are in the HTML report). */
export function photosMarkdown(report: Report, w: MarkdownWriter): void {
  const L = report.labels;
  w.para(md(report.photos.summaryText));
  for (const n of report.photos.notes) {
    const lines = [`- **${md(fill(L['photos.noteBy'], { actor: n.by, time: n.when }))}** ${w.struck(n.text, n.struck)}`];
    for (const p of n.photos) lines.push(`  - ${md(p.label)}: ${md(p.detailText)}, SHA-256 ${PHOTO_HASH_PATTERN.test(p.hash) ? `\`${p.hash}\`` : md(p.hash)}`);
    w.para(lines.join('\n'));
  }
}

/** An end confirmed over open items: in bold, with every name and step. */
export function overrideMarkdown(report: Report): string | null {
  const o = report.ending.override;
  if (!o) return null;
  return [`**${md(o.text)}**`, ...[o.unaccountedText, o.openStepsText, o.noHeadcountText].filter((x): x is string => x !== null).map(md)].join('  \n');
}

/** The handover briefings, part by part as in an ICS 201. */
export function briefingsMarkdown(report: Report, w: MarkdownWriter): void {
  const L = report.labels;
  const given = report.roles.handovers.flatMap((c) => (c.briefing ? [c.briefing] : []));
  if (given.length === 0) return;
  w.heading(3, L['roles.briefings']);
  for (const b of given) {
    w.heading(4, b.title);
    w.para(b.parts.map((p) => [`- **${md(p.label)}**`, ...p.items.map((i) => `  - ${md(i)}`)].join('\n')).join('\n'));
  }
}
