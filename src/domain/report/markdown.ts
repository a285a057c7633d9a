import { PLAYBOOK_HASH_PATTERN } from '../events/incident';
import { escapeMarkdown as md, markdownParagraph } from './escape';
import { formatNumber } from './format';
import { briefingsMarkdown, headcountMarkdown, measurementsMarkdown, overrideMarkdown, photosMarkdown, type MarkdownWriter } from './markdown-incident';
import { fill } from './labels';
import type { Correction, Report, ReportCommander } from './types';

/**
 * The report as Markdown (GitHub-flavoured tables), for pasting into mail, a wiki or a
 * ticket. Every recorded text is escaped so it cannot become a link, an image, HTML or a
 * table cell of its own. Pure.
 */
export function renderReportMarkdown(report: Report): string {
  const L = report.labels;
  const s = report.summary;
  const none = `_${md(L.none)}_`;
  const out: string[] = [];
  const heading = (level: number, text: string) => out.push(`${'#'.repeat(level)} ${md(text)}`, '');
  const para = (text: string) => out.push(text, '');
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) => {
    if (rows.length === 0) return para(none);
    out.push(`| ${head.map(md).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const r of rows) out.push(`| ${r.join(' | ')} |`);
    out.push('');
  };
  const struck = (text: string, c: Correction | undefined, counted = false) =>
    c ? `~~${md(text)}~~ ${md(fill(L.paren, { text: '', detail: counted ? c.text + L.clauseSeparator + L.notCounted : c.text }).trim())}` : md(text);
  const w: MarkdownWriter = { heading, para, table, struck: (text, c) => struck(text, c) };
  const commanders = (list: readonly ReportCommander[]) =>
    table(
      [L['commander.person'], L['commander.role'], L['commander.from'], L['commander.to'], L['commander.by'], L['commander.note']],
      list.map((c) => [md(c.person), md(c.roleName ?? L.dash), c.fromText, md(c.untilText), md(c.recordedBy), md(c.note ?? '')]),
    );

  heading(1, `${report.title}: ${s.title}`);
  para(`${md(report.generatedText)} ${md(fill(L.timeZone, { zone: report.zone }))}`);
  // The playbook the incident ran on, with its hash whole in a code span (a copy is the hash).
  const run = s.playbookTexts;
  const hash = PLAYBOOK_HASH_PATTERN.test(run.hash) ? `\`${run.hash}\`` : md(run.hash);
  para(`**${md(L['summary.playbook'] + L.colon.trim())}** ${md(run.playbook)}  \n**${md(L['summary.playbookHash'] + L.colon.trim())}** ${hash}`);
  if (run.notice) para(s.playbookRun.status === 'changed' ? `**${md(run.notice)}**` : `_${md(run.notice)}_`);

  heading(2, L['section.summary']);
  const fields: [string, string][] = [
    [L['summary.incident'], s.title],
    [L['summary.mode'], s.modeText],
    [L['summary.place'], s.place || L.dash],
    [L['summary.started'], s.startText],
    [L['summary.ended'], s.endText],
    [L['summary.duration'], s.durationText],
    [L['summary.status'], s.phaseText],
    [L['summary.incidentId'], s.incidentId],
  ];
  para(fields.map(([k, v]) => `- **${md(k + L.colon.trim())}** ${md(v)}`).join('\n'));
  heading(3, L['summary.commanders']);
  commanders(s.commanders);

  heading(2, L['section.timeline']);
  table(
    [L['timeline.when'], L['timeline.what'], L['timeline.who'], L['timeline.position'], L['timeline.deliveredBy']],
    report.timeline.map((t) => [
      t.when,
      struck(t.activity, t.struck) + (t.ignored ? ` _(${md(t.ignored)})_` : ''),
      md(t.person),
      md(t.position),
      md([t.deliveredBy, t.receivedBy].filter((x) => x !== undefined).join(' · ') || L.dash),
    ]),
  );

  heading(2, L['section.steps']);
  para(md(report.steps.summaryText));
  for (const p of report.steps.phases) {
    heading(3, p.title);
    table(
      [L['steps.step'], L['steps.owner'], L['steps.status'], L['steps.by'], L['steps.at'], L['steps.taken'], L['steps.target']],
      p.steps.map((x) => [
        md(x.text),
        md(x.ownerName),
        x.overdue ? `**${md(x.statusText)}**` : md(x.statusText),
        md(x.by ?? ''),
        x.when ?? '',
        md(x.takenText),
        md(x.targetText),
      ]),
    );
  }
  if (report.steps.overdue.length) {
    heading(3, L['steps.overdueList']);
    para(report.steps.overdue.map((x) => `- ${md(x.text)} — ${md(x.statusText)}`).join('\n'));
  }

  heading(2, L['section.roles']);
  heading(3, L['roles.assignments']);
  table(
    [L['roles.role'], L['roles.person'], L['roles.phone'], L['roles.by'], L['roles.at']],
    report.roles.assignments.map((r) => [md(r.roleName), md(r.person), md(r.phone ?? ''), md(r.recordedBy), r.when]),
  );
  heading(3, L['roles.handovers']);
  commanders(report.roles.handovers);
  briefingsMarkdown(report, w);

  heading(2, L['section.headcount']);
  headcountMarkdown(report, w);

  if (report.measurements.length) {
    heading(2, L['section.measurements']);
    measurementsMarkdown(report, w);
  }
  if (report.photos.count) {
    heading(2, L['section.photos']);
    photosMarkdown(report, w);
  }

  heading(2, L['section.dutyLog']);
  table(
    [L['duty.when'], L['duty.by'], L['duty.entry']],
    [
      ...report.dutyLog.entries.map((e) => ({ at: e.at, row: [e.when, md(e.by), struck(e.text, e.struck)] })),
      ...report.dutyLog.handovers.map((x) => ({ at: x.at, row: [x.when, md(x.by), md(x.text)] })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((x) => x.row),
  );

  heading(2, L['section.losses']);
  table(
    [L['losses.what'], L['losses.where'], L['losses.quantity'], L['losses.kind'], L['losses.value'], L['losses.by'], L['losses.at']],
    report.losses.entries.map((l) => [
      struck(l.what, l.struck, true),
      md(l.where || L.dash),
      md(`${l.quantity}${l.unit ? ` ${l.unit}` : ''}`),
      md(l.kindText),
      l.estimatedValue !== undefined ? formatNumber(l.estimatedValue) : L.dash,
      md(l.recordedBy),
      l.when,
    ]),
  );
  if (report.losses.entries.length) para(`**${md(report.losses.totalText)}**`);

  heading(2, L['section.supplies']);
  for (const [title, list, totals] of [
    [L['supplies.used'], report.supplies.used, report.supplies.usedTotals],
    [L['supplies.toReplenish'], report.supplies.toReplenish, report.supplies.toReplenishTotals],
  ] as const) {
    heading(3, title);
    table(
      [L['supplies.item'], L['supplies.quantity'], L['losses.by'], L['losses.at']],
      list.map((x) => [struck(x.item, x.struck, true), md(`${x.quantity}${x.unit ? ` ${x.unit}` : ''}`), md(x.recordedBy), x.when]),
    );
    if (totals.length)
      para(
        `**${md(L['supplies.totals'] + L.colon.trim())}** ${totals.map((t) => md(`${t.item} × ${formatNumber(t.quantity)}${t.unit ? ` ${t.unit}` : ''}`)).join(md(L.listSeparator))}`,
      );
  }

  heading(2, L['section.ending']);
  const e = report.ending;
  const override = overrideMarkdown(report);
  if (override) para(override);
  para(
    [
      md(e.confirmedText),
      e.confirmedNote ? md(fill(L['ending.note'], { note: e.confirmedNote })) : '',
      md(e.approvedText),
      e.approvedNote ? md(fill(L['ending.note'], { note: e.approvedNote })) : '',
    ]
      .filter(Boolean)
      .join('  \n'),
  );

  heading(2, L['section.afterAction']);
  for (const f of report.afterAction) {
    heading(3, f.label);
    para(f.text === null ? none : markdownParagraph(f.text) + (f.byText ? `  \n_${md(f.byText)}_` : ''));
  }

  heading(2, L['section.improvements']);
  table(
    [L['improvement.issue'], L['improvement.action'], L['improvement.area'], L['improvement.owner'], L['improvement.start'], L['improvement.due']],
    report.improvements.map((i) => [struck(i.issue, i.struck), md(i.action), md(i.areaText), md(i.owner), md(i.start ?? L.dash), md(i.due)]),
  );

  heading(2, L['section.planRevisions']);
  para(report.planRevisions.length ? report.planRevisions.map((p) => `- ${struck(p.text, p.struck)} (${md(p.by)}, ${p.when})`).join('\n') : none);

  const d = report.drill;
  if (d) {
    heading(2, L['section.drill']);
    if (!d.previous) para(md(L['drill.none']));
    else {
      para(md(fill(L['drill.previous'], { title: d.previous.title, time: d.previous.startText })));
      const m = (x: number | null) => md(x === null ? L['drill.missed'] : fill(L.minutes, { minutes: x }));
      table(
        [L['drill.step'], L['drill.now'], L['drill.before'], L['drill.change']],
        d.rows.map((r) => [md(r.text), m(r.now), m(r.before), md(r.changeText)]),
      );
      for (const [title, items] of [
        [L['drill.missedNow'], d.missedNow],
        [L['drill.missedBefore'], d.missedBefore],
      ] as const) {
        heading(3, title);
        para(items.length ? items.map((x) => `- ${md(x)}`).join('\n') : none);
      }
    }
  }

  heading(2, L['section.integrity']);
  const i = report.integrity;
  para(md(i.text));
  para(`**${md(L['integrity.eventCount'] + L.colon.trim())}** ${i.eventCount}  \n**${md(L['integrity.hash'] + L.colon.trim())}** \`${i.finalHash}\``);
  para(md(i.reportText));
  para(`**${md(L['integrity.reportHash'] + L.colon.trim())}** \`${i.reportHash}\``);
  if (i.countersignText !== null) para(md(i.countersignText));

  heading(2, L['section.signatures']);
  table(
    ['', L['signature.name'], L['signature.sign'], L['signature.date']],
    [
      [md(L['signature.preparedBy']), '', '', ''],
      [md(L['signature.commander']), md(report.ending.commander ?? ''), '', ''],
      [md(L['signature.approvedBy']), md(report.ending.approver ?? ''), '', ''],
      [md(L['integrity.hash']), `\`${report.integrity.finalHash}\``, '', ''],
    ],
  );
  return `${out.join('\n').trimEnd()}\n`;
}
