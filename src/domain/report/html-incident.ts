import { escapeReportHtml as h } from './escape';
import { struckCell, table, td } from './html-table';
import { fill } from './labels';
import { TREND_BOX } from './measurements';
import type { Report, ReportCommander, ReportMeasurement, ReportPhoto, ReportPhotoNote } from './types';

/**
 * The printable report's sections for what the 2 a.m. work records: the headcount by floor and
 * assembly point, measurements with their trend, photos, an end confirmed over open items and
 * the handover briefings. Every recorded text is HTML-escaped; the only markup that is not the
 * report's own text is a photo's `data:` URL, built from a checked type and base64.
 */

const muted = (text: string) => `<p class="muted">${h(text)}</p>`;

/** The headcount: totals, who is not accounted for (named, in full), then one table per floor and assembly point. */
export function headcountHtml(report: Report): string {
  const L = report.labels;
  const c = report.headcount;
  if (c.rows.length === 0) return muted(L.none);
  const head = [L['headcount.person'], L['headcount.kind'], L['headcount.status'], L['headcount.lastSeenHow'], L['headcount.reported'], L['headcount.note']];
  const row = (r: Report['headcount']['rows'][number]) => {
    const statusClass = r.status === 'safe' ? 'status-done' : r.status === 'injured' ? 'status-skipped' : 'status-not-done';
    // Reported by two people or devices: a line of its own under the person, across the table.
    const twice = r.reportedTwice ? `\n<tr class="reported-twice"><td colspan="${head.length}">${h(r.reportedTwice)}</td></tr>` : '';
    return `<tr>${td(r.person)}${td(r.kindText)}${td(r.statusText, statusClass)}${td(r.seenText)}${td(r.reportedText)}${td(r.note ?? '')}</tr>${twice}`;
  };
  const only = c.groups.length === 1 && !c.groups[0]?.floor && !c.groups[0]?.assemblyPoint;
  const groups = c.groups.map(
    (g) => `${only ? '' : `<h3>${h(g.title)}</h3>\n${muted(g.summaryText)}\n`}${table('headcount', head, g.rows.map(row), 'headcount')}`,
  );
  const missing = c.notAccounted.length
    ? `<p class="overdue" data-testid="not-accounted">${h(fill(L['headcount.notAccounted'], { people: c.notAccounted.join(L.listSeparator) }))}</p>`
    : '';
  const twice = c.reportedTwice ? `<p class="overdue">${h(fill(L['headcount.reportedTwiceCount'], { count: c.reportedTwice }))}</p>` : '';
  return [`<p>${h(c.summaryText)}</p>`, missing, twice, ...groups].filter(Boolean).join('\n');
}

/** One measurement: what and where, the trend as the app draws it, the warning rule and every reading. */
function measurementHtml(m: ReportMeasurement, report: Report): string {
  const L = report.labels;
  const head = m.place ? fill(L['measurements.head'], { unit: m.unit, place: m.place }) : fill(L['measurements.headNoPlace'], { unit: m.unit });
  const rows = m.readings.map(
    (r) =>
      `<tr>${td(r.when, 'when')}${struckCell(r.valueText, r.struck, report)}${td(r.place || L.dash)}${td(r.by)}${td(r.warning ?? '', r.warning ? 'overdue' : undefined)}</tr>`,
  );
  const readings =
    table(
      'readings',
      [L['timeline.when'], L['measurements.value'], L['measurements.place'], L['measurements.by'], L['measurements.warningColumn']],
      rows,
      'readings',
    ) || muted(L.none);
  const warnings = m.warningsText === null ? '' : `<p${m.warnings ? ' class="overdue"' : ''}>${h(m.warningsText)}</p>`;
  return `<div class="measurement" data-testid="measurement">\n<h3>${h(m.label)}</h3>\n${muted(head)}\n${trendHtml(m)}\n<p>${h(m.summaryText)}</p>\n${muted(m.ruleText)}\n${warnings}\n${readings}\n</div>`;
}

/** The trend: the same polyline as the app's chart, in the same box, with its range written beside it. */
function trendHtml(m: ReportMeasurement): string {
  const t = m.trend;
  if (!t) return '';
  const { width, height } = TREND_BOX;
  const points = t.points.split(' ');
  const line = points.length > 1 ? `<polyline class="trend-line" points="${h(t.points)}"/>` : '';
  const dots = points.map((p) => {
    const [x = '0', y = '0'] = p.split(',');
    return `<circle class="trend-point" cx="${h(x)}" cy="${h(y)}" r="3"/>`;
  });
  const svg = `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(t.description)}"><rect class="trend-box" x="0.5" y="0.5" width="${width - 1}" height="${height - 1}"/>${line}${dots.join('')}</svg>`;
  return `<figure class="trend${t.alarm ? ' alarm' : ''}" data-testid="trend">\n<div class="trend-values"><span>${h(t.maxText)}</span><span>${h(t.minText)}</span></div>${svg}\n<figcaption>${h(t.fromText)} – ${h(t.toText)}</figcaption>\n</figure>`;
}

export function measurementsHtml(report: Report): string {
  return report.measurements.map((m) => measurementHtml(m, report)).join('\n');
}

/** A photo's `data:` URL, only for a type the app stores and text that is base64 and nothing else. */
function dataUrl(p: ReportPhoto): string | null {
  const d = p.data;
  if (!d || (d.type !== 'image/jpeg' && d.type !== 'image/webp') || !/^[A-Za-z0-9+/]*={0,2}$/.test(d.base64) || d.base64 === '') return null;
  return `data:${d.type};base64,${d.base64}`;
}

function photoHtml(p: ReportPhoto, note: ReportPhotoNote, report: Report): string {
  const L = report.labels;
  const src = dataUrl(p);
  if (!src)
    return `<p class="photo-missing overdue" data-testid="photo-missing" data-hash="${h(p.hash)}">${h(fill(L['photos.notHere'], { number: p.number, hash: p.hash }))}</p>`;
  const alt = fill(L['photos.alt'], { number: p.number, actor: note.by, time: note.when });
  return `<figure class="photo" data-testid="photo" data-hash="${h(p.hash)}">\n<img src="${src}" alt="${h(alt)}" width="${p.width}" height="${p.height}">\n<figcaption><strong>${h(p.label)}</strong> · ${h(p.detailText)}<span class="hash">SHA-256 ${h(p.hash)}</span></figcaption>\n</figure>`;
}

/** Each note that carries photos, with its photos at a printable size and their hashes; a photo this device lacks is named. */
export function photosHtml(report: Report): string {
  const L = report.labels;
  const notes = report.photos.notes.map((n) => {
    const by = fill(L['photos.noteBy'], { actor: n.by, time: n.when });
    const text = n.struck
      ? `<p class="struck"><del>${h(n.text)}</del><span class="correction">${h(n.struck.text)}</span></p>`
      : `<p class="text-block">${h(n.text)}</p>`;
    return `<div class="photo-note" data-testid="photo-note" data-event="${h(n.eventId)}">\n<h3>${h(by)}</h3>\n${text}\n${n.photos.map((p) => photoHtml(p, n, report)).join('\n')}\n</div>`;
  });
  return `<p>${h(report.photos.summaryText)}</p>\n${notes.join('\n')}`;
}

/** An end confirmed over open items: first in its section, in the alarm style, with every name and step. */
export function overrideHtml(report: Report): string {
  const o = report.ending.override;
  if (!o) return '';
  const lines = [o.unaccountedText, o.openStepsText, o.noHeadcountText].filter((x): x is string => x !== null).map((x) => `<p>${h(x)}</p>`);
  return `<div class="alarm-box" role="note" data-testid="end-override">\n<p><strong>${h(o.text)}</strong></p>\n${lines.join('\n')}\n</div>`;
}

/** The briefing each incoming commander was shown, part by part as in an ICS 201. */
export function briefingsHtml(report: Report): string {
  const L = report.labels;
  const given = report.roles.handovers.filter((c): c is ReportCommander & { briefing: NonNullable<ReportCommander['briefing']> } => c.briefing !== undefined);
  if (given.length === 0) return '';
  const one = (c: (typeof given)[number]) =>
    `<div class="briefing" data-testid="briefing">\n<p><strong>${h(c.briefing.title)}</strong></p>\n<dl class="fields">${c.briefing.parts
      .map((p) => `<dt>${h(p.label)}</dt><dd><ul class="plain">${p.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul></dd>`)
      .join('')}</dl>\n</div>`;
  return `<h3>${h(L['roles.briefings'])}</h3>\n${given.map(one).join('\n')}`;
}
