import { escapeReportHtml as h, showControls } from './escape';
import { briefingsHtml, headcountHtml, measurementsHtml, overrideHtml, photosHtml } from './html-incident';
import { COLUMNS, struckCell, table, td } from './html-table';
import { formatNumber } from './format';
import { reportCss } from './html-style';
import { fill } from './labels';
import type { Report, ReportCommander, ReportStep, SupplyTotal } from './types';

/**
 * The printable report: one complete HTML document with its print stylesheet, no script and
 * a Content-Security-Policy that allows none, so even a file opened from a download folder
 * cannot run anything. Every recorded text is HTML-escaped. Pure: string in, string out.
 */
export function renderReportHtml(report: Report): string {
  const L = report.labels;
  const s = report.summary;
  const footer = `${showControls(s.title)} · SHA-256 ${report.integrity.finalHash.slice(0, 16)}…`;
  const section = (id: string, title: string, body: string) => `<section id="${id}">\n<h2>${h(title)}</h2>\n${body}\n</section>`;
  const none = `<p class="muted">${h(L.none)}</p>`;
  const parts = [
    section('summary', L['section.summary'], summary(report)),
    section('timeline', L['section.timeline'], timeline(report)),
    section('steps', L['section.steps'], steps(report)),
    section('roles', L['section.roles'], roles(report)),
    section('headcount', L['section.headcount'], headcountHtml(report)),
    report.measurements.length ? section('measurements', L['section.measurements'], measurementsHtml(report)) : '',
    report.photos.count ? section('photos', L['section.photos'], photosHtml(report)) : '',
    section('duty-log', L['section.dutyLog'], dutyLog(report) || none),
    section('losses', L['section.losses'], losses(report)),
    section('supplies', L['section.supplies'], supplies(report)),
    section('ending', L['section.ending'], ending(report)),
    section('after-action', L['section.afterAction'], afterAction(report)),
    section('improvements', L['section.improvements'], improvements(report)),
    section('plan-revisions', L['section.planRevisions'], planRevisions(report)),
    report.drill ? section('drill', L['section.drill'], drill(report)) : '',
    section('integrity', L['section.integrity'], integrity(report)),
    `<section id="signatures" class="signatures">\n<h2>${h(L['section.signatures'])}</h2>\n${signatures(report)}\n</section>`,
  ];
  return `<!doctype html>
<html lang="${h(report.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Muster">
<title>${h(`${report.title} — ${s.title}`)}</title>
<style>${reportCss(L['page.of'], footer, [...new Set(Object.values(COLUMNS).flat())])}</style>
</head>
<body>
<header>
<h1>${h(report.title)}</h1>
<p class="subtitle">${h(s.title)}</p>
<p class="meta">${h(report.generatedText)} ${h(fill(L.timeZone, { zone: report.zone }))}</p>
${playbookRun(report)}
</header>
${parts.filter(Boolean).join('\n')}
</body>
</html>
`;
}

/**
 * The playbook the incident ran on, at the head of the report: its hash whole (all 64 digits in
 * one unbroken run, so a copy is the hash) and, when this report's plan text is another text,
 * the notice that says so.
 */
function playbookRun(report: Report): string {
  const L = report.labels;
  const p = report.summary.playbookTexts;
  const hash = `<span class="hash" data-testid="playbook-hash">${h(p.hash)}</span>`;
  const notice = p.notice
    ? `\n<p class="playbook-notice${report.summary.playbookRun.status === 'changed' ? ' changed' : ''}" data-testid="playbook-notice">${h(p.notice)}</p>`
    : '';
  return `<dl class="fields" data-testid="playbook"><dt>${h(L['summary.playbook'])}</dt><dd>${h(p.playbook)}</dd><dt>${h(L['summary.playbookHash'])}</dt><dd>${hash}</dd></dl>${notice}`;
}

function summary(report: Report): string {
  const L = report.labels;
  const s = report.summary;
  const field = (label: string, value: string) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`;
  const fields = [
    field(L['summary.incident'], s.title),
    field(L['summary.mode'], s.modeText),
    field(L['summary.place'], s.place || L.dash),
    field(L['summary.started'], s.startText),
    field(L['summary.ended'], s.endText),
    field(L['summary.duration'], s.durationText),
    field(L['summary.status'], s.phaseText),
    field(L['summary.incidentId'], s.incidentId),
  ];
  return `<dl class="fields">${fields.join('')}</dl>\n<h3>${h(L['summary.commanders'])}</h3>\n${commanderTable(s.commanders, report) || `<p class="muted">${h(L.none)}</p>`}`;
}

function commanderTable(list: readonly ReportCommander[], report: Report): string {
  const L = report.labels;
  return table(
    'commanders',
    [L['commander.person'], L['commander.role'], L['commander.from'], L['commander.to'], L['commander.by'], L['commander.note']],
    list.map(
      (c) => `<tr>${td(c.person)}${td(c.roleName ?? L.dash)}${td(c.fromText, 'when')}${td(c.untilText, 'when')}${td(c.recordedBy)}${td(c.note ?? '')}</tr>`,
    ),
  );
}

function timeline(report: Report): string {
  const L = report.labels;
  const rows = report.timeline.map((t) => {
    const what = t.struck
      ? struckCell(t.activity, t.struck, report)
      : `<td>${h(t.activity)}${t.ignored ? `<span class="ignored">${h(t.ignored)}</span>` : ''}${photoRefs(t)}</td>`;
    return `<tr>${td(t.when, 'when')}${what}${td(t.person)}${td(t.position)}${td([t.deliveredBy, t.receivedBy].filter((x) => x !== undefined).join(' · ') || L.dash)}</tr>`;
  });
  return (
    table('timeline', [L['timeline.when'], L['timeline.what'], L['timeline.who'], L['timeline.position'], L['timeline.deliveredBy']], rows, 'timeline') ||
    `<p class="muted">${h(L.none)}</p>`
  );
}

/** Which numbered photos of the Photos section a note carries. */
function photoRefs(t: Report['timeline'][number]): string {
  return t.photos?.length ? `<span class="photo-refs">${h(t.photos.map((p) => p.label).join(' · '))}</span>` : '';
}

function stepRow(step: ReportStep): string {
  const cls = `status-${step.status}${step.overdue ? ' overdue' : ''}`;
  const items = step.items.length ? `<ul class="plain">${step.items.map((i) => `<li>${i.checked ? '☑' : '☐'} ${h(i.text)}</li>`).join('')}</ul>` : '';
  return `<tr data-step="${h(step.id)}"><td>${h(step.text)}${items}</td>${td(step.ownerName)}${td(step.statusText, cls)}${td(step.by ?? '')}${td(step.when ?? '', 'when')}${td(step.takenText, 'num')}${td(step.targetText, 'num')}</tr>`;
}

function steps(report: Report): string {
  const L = report.labels;
  const head = [L['steps.step'], L['steps.owner'], L['steps.status'], L['steps.by'], L['steps.at'], L['steps.taken'], L['steps.target']];
  const phases = report.steps.phases.map((p) => `<h3>${h(p.title)}</h3>\n${table('steps', head, p.steps.map(stepRow))}`);
  const overdue = report.steps.overdue.length
    ? `<h3>${h(L['steps.overdueList'])}</h3>\n<ul class="plain">${report.steps.overdue.map((s) => `<li class="overdue">${h(s.text)} — ${h(s.statusText)}</li>`).join('')}</ul>`
    : '';
  return `<p data-testid="steps-summary">${h(report.steps.summaryText)}</p>\n${phases.join('\n')}\n${overdue}`;
}

function roles(report: Report): string {
  const L = report.labels;
  const assignments = table(
    'roles',
    [L['roles.role'], L['roles.person'], L['roles.phone'], L['roles.by'], L['roles.at']],
    report.roles.assignments.map((r) => `<tr>${td(r.roleName)}${td(r.person)}${td(r.phone ?? '')}${td(r.recordedBy)}${td(r.when, 'when')}</tr>`),
  );
  const handovers = commanderTable(report.roles.handovers, report);
  const briefings = briefingsHtml(report);
  return `<h3>${h(L['roles.assignments'])}</h3>\n${assignments || `<p class="muted">${h(L.none)}</p>`}\n<h3>${h(L['roles.handovers'])}</h3>\n${handovers || `<p class="muted">${h(L.none)}</p>`}${briefings ? `\n${briefings}` : ''}`;
}

function dutyLog(report: Report): string {
  const L = report.labels;
  const rows = [
    ...report.dutyLog.entries.map((e) => ({ at: e.at, html: `<tr>${td(e.when, 'when')}${td(e.by)}${struckCell(e.text, e.struck, report)}</tr>` })),
    ...report.dutyLog.handovers.map((x) => ({ at: x.at, html: `<tr>${td(x.when, 'when')}${td(x.by)}${td(x.text)}</tr>` })),
  ].sort((a, b) => a.at - b.at);
  return table(
    'duty',
    [L['duty.when'], L['duty.by'], L['duty.entry']],
    rows.map((r) => r.html),
    'duty-log',
  );
}

function losses(report: Report): string {
  const L = report.labels;
  const rows = report.losses.entries.map(
    (l) =>
      `<tr>${struckCell(l.what, l.struck, report, true)}${td(l.where || L.dash)}${td(`${l.quantity}${l.unit ? ` ${l.unit}` : ''}`, 'num')}${td(l.kindText)}${td(l.estimatedValue !== undefined ? formatNumber(l.estimatedValue) : L.dash, 'num')}${td(l.recordedBy)}${td(l.when, 'when')}</tr>`,
  );
  if (rows.length === 0) return `<p class="muted">${h(L.none)}</p>`;
  return `${table('losses', [L['losses.what'], L['losses.where'], L['losses.quantity'], L['losses.kind'], L['losses.value'], L['losses.by'], L['losses.at']], rows, 'losses')}\n<p data-testid="loss-total"><strong>${h(report.losses.totalText)}</strong></p>`;
}

function supplyTotals(list: readonly SupplyTotal[], report: Report): string {
  if (list.length === 0) return '';
  return `<p><strong>${h(report.labels['supplies.totals'] + report.labels.colon)}</strong>${h(list.map((t) => `${t.item} × ${formatNumber(t.quantity)}${t.unit ? ` ${t.unit}` : ''}`).join(report.labels.listSeparator))}</p>`;
}

function supplies(report: Report): string {
  const L = report.labels;
  const list = (title: string, entries: Report['supplies']['used'], totals: readonly SupplyTotal[]) => {
    const rows = entries.map(
      (x) =>
        `<tr>${struckCell(x.item, x.struck, report, true)}${td(`${x.quantity}${x.unit ? ` ${x.unit}` : ''}`, 'num')}${td(x.recordedBy)}${td(x.when, 'when')}</tr>`,
    );
    return `<h3>${h(title)}</h3>\n${table('supplies', [L['supplies.item'], L['supplies.quantity'], L['losses.by'], L['losses.at']], rows) || `<p class="muted">${h(L.none)}</p>`}\n${supplyTotals(totals, report)}`;
  };
  return `${list(L['supplies.used'], report.supplies.used, report.supplies.usedTotals)}\n${list(L['supplies.toReplenish'], report.supplies.toReplenish, report.supplies.toReplenishTotals)}`;
}

function ending(report: Report): string {
  const e = report.ending;
  const note = (n?: string) => (n ? `<p class="muted">${h(fill(report.labels['ending.note'], { note: n }))}</p>` : '');
  return `${overrideHtml(report)}<p data-testid="end-confirmed">${h(e.confirmedText)}</p>${note(e.confirmedNote)}\n<p data-testid="closure">${h(e.approvedText)}</p>${note(e.approvedNote)}`;
}

function afterAction(report: Report): string {
  return report.afterAction
    .map(
      (f) =>
        `<h3>${h(f.label)}</h3>\n${f.text === null ? `<p class="muted">${h(report.labels.none)}</p>` : `<p class="text-block">${h(f.text)}</p>`}${f.byText ? `<p class="muted">${h(f.byText)}</p>` : ''}`,
    )
    .join('\n');
}

function improvements(report: Report): string {
  const L = report.labels;
  const rows = report.improvements.map(
    (i) =>
      `<tr>${struckCell(i.issue, i.struck, report)}${td(i.action)}${td(i.areaText)}${td(i.owner)}${td(i.start ?? L.dash, 'when')}${td(i.due, 'when')}</tr>`,
  );
  return (
    table(
      'improvements',
      [L['improvement.issue'], L['improvement.action'], L['improvement.area'], L['improvement.owner'], L['improvement.start'], L['improvement.due']],
      rows,
      'improvements',
    ) || `<p class="muted">${h(L.none)}</p>`
  );
}

function planRevisions(report: Report): string {
  if (report.planRevisions.length === 0) return `<p class="muted">${h(report.labels.none)}</p>`;
  return `<ul class="plain">${report.planRevisions.map((p) => (p.struck ? `<li class="struck"><del>${h(p.text)}</del><span class="correction">${h(p.struck.text)}</span></li>` : `<li>${h(p.text)} <span class="muted">(${h(p.by)}, ${h(p.when)})</span></li>`)).join('')}</ul>`;
}

function drill(report: Report): string {
  const L = report.labels;
  const d = report.drill;
  if (!d) return '';
  if (!d.previous) return `<p>${h(L['drill.none'])}</p>`;
  const m = (x: number | null) => (x === null ? L['drill.missed'] : fill(L.minutes, { minutes: x }));
  const rows = d.rows.map(
    (r) =>
      `<tr>${td(r.text)}${td(m(r.now), r.now === null ? 'num overdue' : 'num')}${td(m(r.before), r.before === null ? 'num overdue' : 'num')}${td(r.changeText)}</tr>`,
  );
  const list = (title: string, items: readonly string[]) =>
    `<h3>${h(title)}</h3>\n${items.length ? `<ul class="plain">${items.map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : `<p class="muted">${h(L.none)}</p>`}`;
  return `<p>${h(fill(L['drill.previous'], { title: d.previous.title, time: d.previous.startText }))}</p>\n${table('drill', [L['drill.step'], L['drill.now'], L['drill.before'], L['drill.change']], rows, 'drill')}\n${list(L['drill.missedNow'], d.missedNow)}\n${list(L['drill.missedBefore'], d.missedBefore)}`;
}

/** The event count, the final hash and the report hash, whole (a copy is the hash), and the countersignature's state. */
function integrity(report: Report): string {
  const L = report.labels;
  const i = report.integrity;
  const field = (label: string, value: string, testId: string, cls = 'hash') =>
    `<p><strong>${h(label + L.colon)}</strong><span class="${cls}" data-testid="${testId}">${h(value)}</span></p>`;
  return [
    `<p>${h(i.text)}</p>`,
    field(L['integrity.eventCount'], String(i.eventCount), 'event-count', 'num'),
    field(L['integrity.hash'], i.finalHash, 'final-hash'),
    `<p>${h(i.reportText)}</p>`,
    field(L['integrity.reportHash'], i.reportHash, 'report-hash'),
    i.countersignText === null ? '' : `<p data-testid="countersign">${h(i.countersignText)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function signatures(report: Report): string {
  const L = report.labels;
  const row = (role: string, name: string) =>
    `<tr><th>${h(role)}</th><td>${h(L['signature.name'] + L.colon + name)}</td><td>${h(L['signature.sign'] + L.colon)}</td><td>${h(L['signature.date'] + L.colon)}</td></tr>`;
  // The hash beside the signatures: the signers attest to this exact record, and a JSON file can be checked against it.
  const hash = `<tr><th>${h(L['integrity.hash'])}</th><td colspan="3" class="hash">${h(report.integrity.finalHash)}</td></tr>`;
  return `<table>\n<tbody>\n${row(L['signature.preparedBy'], '')}\n${row(L['signature.commander'], report.ending.commander ?? '')}\n${row(L['signature.approvedBy'], report.ending.approver ?? '')}\n${hash}\n</tbody>\n</table>`;
}
