import { escapeReportHtml as h } from '../report/escape';
import { reportCss } from '../report/html-style';
import { reportLabels } from '../report/labels';
import type { Language } from '../text';
import type { RoundReport, RoundReportFinding } from './report';
import { findingText, frequencyText, historyLines, localTime, reportSpeaker, type RoundReportSpeak } from './report-text';

/** Column widths (per cent) of the report's three tables, as `w<n>` classes of the shared report stylesheet. */
const SUMMARY = [30, 10, 10, 10, 10, 10, 10, 10] as const;
const FINDINGS = [16, 42, 42] as const;
const RUNS = [16, 30, 20, 16, 18] as const;

function table(head: readonly string[], widths: readonly number[], rows: readonly string[], testId: string): string {
  return `<table data-testid="${testId}">\n<thead><tr>${head.map((x, i) => `<th class="w${widths[i] ?? 10}">${h(x)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

const cell = (text: string | number, cls?: string) => `<td${cls ? ` class="${cls}"` : ''}>${h(String(text))}</td>`;
const lines = (list: readonly string[]) => list.map((l) => h(l)).join('<br>');

/**
 * One row per area, under a row naming the round and how often it is due, under a row naming
 * the playbook: eight columns, so the table fits a phone as well as a page.
 */
function summaryRows(report: RoundReport, t: RoundReportSpeak): string[] {
  const span = SUMMARY.length;
  const out: string[] = [];
  let playbook: string | null = null;
  let round: string | null = null;
  for (const r of report.rows) {
    if (r.playbookId !== playbook) {
      playbook = r.playbookId;
      round = null;
      out.push(`<tr class="group"><th colspan="${span}">${h(r.playbookTitle)}</th></tr>`);
    }
    if (r.roundId !== round) {
      round = r.roundId;
      const title = r.unlisted ? `${r.title} ${t('roundReport.unlisted')}` : r.title;
      out.push(`<tr class="round"><td colspan="${span}"><strong>${h(title)}</strong> · ${h(frequencyText(r, t))}</td></tr>`);
    }
    const missed = r.windowsDone < r.windowsDue;
    out.push(
      `<tr>${cell(r.areaName ?? t('roundReport.wholeSite'))}${cell(r.windowsDue, 'num')}${cell(r.windowsDone, missed ? 'num overdue' : 'num')}${cell(r.runs, 'num')}${cell(r.found, 'num')}${cell(r.open, 'num')}${cell(r.overdue, r.overdue > 0 ? 'num overdue' : 'num')}${cell(r.closed, 'num')}</tr>`,
    );
  }
  const T = report.totals;
  out.push(
    `<tr class="total"><th>${h(t('roundReport.total'))}</th>${[T.windowsDue, T.windowsDone, T.runs, T.found, T.open, T.overdue, T.closed].map((n) => cell(n, 'num')).join('')}</tr>`,
  );
  return out;
}

function findingRow(f: RoundReportFinding, zone: string, t: RoundReportSpeak): string {
  const photos =
    f.photos.length > 0 ? `<span class="photo-refs hash">${h(t('roundReport.photos', { hashes: f.photos.map((p) => p.hash).join(', ') }))}</span>` : '';
  const found = `${t(`roundReport.severity.${f.severity}`)} · ${t('roundReport.col.foundAt')} ${localTime(f.found.at, zone)} · ${f.found.actor}`;
  const status = t(`roundReport.status.${f.rectification}`);
  const statusClass = f.rectification === 'overdue' ? 'overdue' : f.rectification === 'closed' ? 'status-done' : 'muted';
  const history = historyLines(f, zone, t);
  return `<tr>${cell(f.areaName ?? t('roundReport.wholeSite'))}<td>${h(f.roundTitle)}<br><strong>${h(findingText(f, t))}</strong><span class="correction">${h(found)}</span>${photos}</td><td><span class="${statusClass}">${h(status)}</span><br>${h(`${t('roundReport.col.owner')}: ${f.owner}`)}<br>${h(`${t('roundReport.col.dueDate')}: ${f.dueDate}`)}${history.length > 0 ? `<span class="correction">${lines(history)}</span>` : ''}</td></tr>`;
}

/**
 * The round report as one printable HTML page (A4 print CSS shared with the after-action
 * report, so "Print → Save as PDF" gives the PDF): summary by round and area, the findings and
 * their rectification, the rounds done, and the hash chain's final value. Every recorded text is
 * escaped (controls shown). Self-contained: no script, no outside resource. Pure.
 */
export function roundReportHtml(report: RoundReport, language: Language): string {
  const t = reportSpeaker(language);
  const zone = report.timeZone;
  const title = t('roundReport.title');
  const period = t('roundReport.period', { from: report.from, to: report.to, zone });
  const summaryHead = [
    t('roundReport.col.area'),
    t('roundReport.col.due'),
    t('roundReport.col.done'),
    t('roundReport.col.runs'),
    t('roundReport.col.found'),
    t('roundReport.col.open'),
    t('roundReport.col.overdue'),
    t('roundReport.col.closed'),
  ];
  const findings = report.findings.map((f) => findingRow(f, zone, t));
  const findingsHead = [t('roundReport.col.area'), t('roundReport.col.finding'), t('roundReport.col.evidence')];
  const runs = report.runs.map(
    (r) =>
      `<tr>${cell(localTime(r.startedAt, zone), 'when')}${cell(r.title)}${cell(r.areaName ?? t('roundReport.wholeSite'))}${cell(r.inspector)}${cell(`${t(r.completedAt !== null ? 'roundReport.run.done' : 'roundReport.run.underWay')}; ${t('roundReport.run.findings', { count: r.findings })}`, r.completedAt === null ? 'overdue' : undefined)}</tr>`,
  );
  const runsHead = [
    t('roundReport.col.when'),
    t('roundReport.col.round'),
    t('roundReport.col.area'),
    t('roundReport.col.inspector'),
    t('roundReport.col.result'),
  ];
  const widths = [...new Set<number>([...SUMMARY, ...FINDINGS, ...RUNS])];
  const extraCss =
    'tr.group th { background: #ddd; } tr.round td { background: #f6f6f6; } tr.total th, tr.total td { border-top: 1.5pt solid #111; font-weight: 600; }';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(`${title} ${report.from} – ${report.to}`)}</title>
<style>${reportCss(reportLabels(language)['page.of'], `${title} · ${period}`, widths)}
${extraCss}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p class="subtitle">${h(period)}</p>
<p class="meta">${h(t('roundReport.generated', { when: `${localTime(report.generatedAt, zone)} (${report.today})` }))}</p>
<h2>${h(t('roundReport.summary'))}</h2>
<p class="muted">${h(t('roundReport.summary.note'))}</p>
${table(summaryHead, SUMMARY, summaryRows(report, t), 'round-summary')}
<h2>${h(t('roundReport.findings'))}</h2>
${findings.length > 0 ? table(findingsHead, FINDINGS, findings, 'round-findings') : `<p>${h(t('roundReport.noFindings'))}</p>`}
<h2>${h(t('roundReport.runs'))}</h2>
${runs.length > 0 ? table(runsHead, RUNS, runs, 'round-runs') : `<p>${h(t('roundReport.noRuns'))}</p>`}
<section id="integrity">
<h2>${h(t('roundReport.integrity'))}</h2>
<p>${h(t('roundReport.integrity.text', { count: report.chain.count }))}</p>
<p class="hash" data-testid="round-chain-hash">${h(report.chain.finalHash)}</p>
</section>
</body>
</html>
`;
}
