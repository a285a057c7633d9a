import { orderEvents, type MusterEvent } from '../event';
import { envelopeOf, type HeldEvent } from '../merge-order';
import { walkCommand, postsOf } from '../playbook/command-tree';
import type { Playbook } from '../playbook/schema';
import type { Group, Team } from '../playbook/schema-command';
import type { Attribution } from '../attribution';
import { hashChain } from '../report/chain';
import { escapeReportHtml as h, showControls } from '../report/escape';
import { formatDateTime, zoneName } from '../report/format';
import { reportCss } from '../report/html-style';
import { reportLabels } from '../report/labels';
import { speaker, type Language, type Speak } from '../text';
import { messages } from './messages';
import { missingBeforeDeadline, type MissingBeforeDeadline } from './missing';
import { formatAmount } from './money';
import type { CampaignState } from './state';
import { campaignTables, unitProgress } from './summary';
import { currencyUnit, loanClassLabel, riskLevelLabel, triggerHorizonLabel, unitStatusLabel } from './terms';
import { tableCells } from './table-cells';

export interface CampaignReportOptions {
  /** The events of the campaign's stream, in any order (others are left out): the report prints their hash chain. */
  readonly events: readonly MusterEvent[];
  /** Today in the branch's time zone, "YYYY-MM-DD": days left and what is still missing. */
  readonly today: string;
  /** When the report is made, ms since the epoch (passed in: the domain reads no clock). */
  readonly generatedAt: number;
  /** The branch's time zone as minutes east of UTC (480 for China Standard Time), as the incident report takes it. */
  readonly offsetMinutes: number;
}

type Say = Speak<typeof messages>;

/**
 * The campaign's report as one printable, self-contained HTML page (no script; a
 * Content-Security-Policy that allows none): what the plan asks to hand in (seed plan part 2,
 * 五) — the two summary tables and the written findings — with what they rest on: the
 * organisation of the inspection, the trigger points and transmission paths, every loan and
 * risk entered, each unit's progress, what is still missing, and the hash chain of the events.
 * Every recorded or playbook text is escaped. Pure: the same events, day and zone give the same
 * page on every device.
 */
export function campaignReportHtml(state: CampaignState, playbook: Playbook, language: Language, options: CampaignReportOptions): string {
  const t: Say = speaker(language, messages);
  const L = reportLabels(language);
  const s = state.started;
  const own = orderEvents(options.events.filter((e) => e.streamId === state.streamId)).map((e) => envelopeOf(e as HeldEvent));
  const chain = hashChain(own);
  const when = (a: Attribution) => t('campaignReport.recordedBy', { actor: a.actor, time: formatDateTime(a.at, options.offsetMinutes) });
  const title = t('campaignReport.title', { title: s.title });
  const footer = `${showControls(s.title)} · SHA-256 ${chain.finalHash.slice(0, 16)}…`;
  const section = (id: string, heading: string, body: string) => `<section id="${id}">\n<h2>${h(heading)}</h2>\n${body}\n</section>`;
  const missing = missingBeforeDeadline(state, playbook, options.today);
  const parts = [
    section('command', t('campaignReport.section.command'), commandHtml(playbook, t)),
    section('tables', t('campaignReport.section.tables'), tablesHtml(state, playbook, language)),
    section('triggers', t('campaignReport.section.triggers'), triggersHtml(state, language, t)),
    section('paths', t('campaignReport.section.paths'), pathsHtml(state, t)),
    section('findings', t('campaignReport.section.findings'), findingsHtml(state, playbook, t)),
    section('loans', t('campaignReport.section.loans'), loansHtml(state, playbook, language, t, when)),
    section('risks', t('campaignReport.section.risks'), risksHtml(state, playbook, language, t, when)),
    section('units', t('campaignReport.section.units'), unitsHtml(state, language, t)),
    section('missing', t('campaignReport.section.missing', { today: options.today }), missingHtml(missing, t)),
    state.removed.length ? section('removed', t('campaignReport.section.removed'), removedHtml(state, language, t, when)) : '',
    section(
      'integrity',
      L['section.integrity'],
      fields([
        [L['integrity.eventCount'], String(own.length)],
        [`${L['integrity.hash']} (SHA-256)`, `<span class="hash">${h(chain.finalHash)}</span>`, true],
      ]),
    ),
  ];
  const submitted = state.submitted
    ? t('campaignReport.submittedBy', {
        time: formatDateTime(state.submitted.set.at, options.offsetMinutes),
        actor: state.submitted.set.actor,
        to: state.submitted.to,
      })
    : t('campaignReport.notSubmitted');
  const head = fields([
    [t('campaignReport.field.organisation'), playbook.organisation],
    [t('campaignReport.field.window'), t('campaignReport.field.windowRange', { start: s.windowStart, end: s.windowEnd })],
    [t('campaignReport.field.referenceDate'), s.referenceDate],
    [t('campaignReport.field.deadline'), s.deadline],
    [t('campaignReport.field.reportTo'), playbook.campaign?.reportTo ?? ''],
    [t('campaignReport.field.playbook'), `${s.playbookId} ${s.playbookVersion} (${s.playbookLanguage})`],
    [t('campaignReport.field.submitted'), submitted],
  ]);
  const generated = t('campaignReport.generated', {
    time: formatDateTime(options.generatedAt, options.offsetMinutes),
    zone: zoneName(options.offsetMinutes),
    count: own.length,
  });
  return `<!doctype html>
<html lang="${h(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Muster">
<title>${h(title)}</title>
<style>${reportCss(L['page.of'], footer, [])}
@page { size: A4 landscape; }
body { max-width: 297mm; }
table.sum { font-size: 7.5pt; }
table.sum td:first-child { min-width: 10em; }
tr.total td { font-weight: 700; border-top: 1.5pt solid #111; }
/* On a screen narrower than the table, the table scrolls sideways instead of squeezing its columns to one character. */
@media screen { .wide { overflow-x: auto; } .wide table { min-width: 600px; } .wide table.sum { min-width: 1100px; } }
</style>
</head>
<body>
<header>
<h1>${h(title)}</h1>
${head}
<p class="meta">${h(generated)}</p>
</header>
${parts.filter(Boolean).join('\n')}
</body>
</html>
`;
}

/** A definition list; a value marked raw is markup already escaped. */
function fields(rows: readonly (readonly [string, string, true?])[]): string {
  return `<dl class="fields">${rows.map(([k, v, raw]) => `<dt>${h(k)}</dt><dd>${raw ? v : h(v)}</dd>`).join('')}</dl>`;
}

function grid(head: readonly string[], rows: readonly (readonly string[])[], cls = '', numericFrom = Number.POSITIVE_INFINITY, testId?: string): string {
  const body = rows
    .map(
      (r, i) =>
        `<tr${cls === 'sum' && i === rows.length - 1 ? ' class="total"' : ''}>${r.map((c, j) => `<td${j >= numericFrom ? ' class="num"' : ''}>${h(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="wide"><table${cls ? ` class="${cls}"` : ''}${testId ? ` data-testid="${testId}"` : ''}>\n<thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function none(t: Say): string {
  return `<p class="muted">${h(t('campaignReport.none'))}</p>`;
}

/** The leadership group (the headquarters) and the office that leads (the group `campaign.lead` names, or the group of that post). */
function commandHtml(playbook: Playbook, t: Say): string {
  const lead = playbook.campaign?.lead;
  const entry = walkCommand(playbook.command).find((e) => e.id === lead);
  const office = entry?.kind === 'group' || entry?.kind === 'post' ? entry.group : undefined;
  const group = (g: Group | Team, heading: string) => {
    const posts = postsOf(g).map(({ post }) => {
      const who = [post.heldBy, post.person, post.phone].filter((x): x is string => Boolean(x)).join(' ');
      return `<li>${h(t('campaignReport.command.post', { title: post.title, who: who || t('campaignReport.command.blank') }))}</li>`;
    });
    const duties = (g.duties ?? []).map((d) => `<li>${h(d)}</li>`);
    const where = g.location ? ` <span class="muted">${h(t('campaignReport.command.location', { place: g.location }))}</span>` : '';
    return `<h3>${h(heading)}${where}</h3>\n<ul class="plain">${posts.join('')}${duties.join('')}</ul>`;
  };
  const hq = playbook.command.headquarters;
  return [
    group(hq, hq.name),
    office && office.id !== hq.id ? group(office, t('campaignReport.command.office', { name: office.name })) : '',
    ...(playbook.command.roles ?? []).map(
      (r) =>
        `<p>${h(t('campaignReport.command.post', { title: r.title, who: [r.person, r.phone].filter(Boolean).join(' ') || t('campaignReport.command.blank') }))}</p>`,
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

function tablesHtml(state: CampaignState, playbook: Playbook, language: Language): string {
  return campaignTables(state, playbook)
    .map((table) => {
      const { head, rows } = tableCells(table, state.started.currency, language, (m) => formatAmount(m, language));
      return `<h3>${h(table.title)}</h3>\n${grid(head, rows, 'sum', 1, `table-${table.rows}`)}`;
    })
    .join('\n');
}

function unitName(state: CampaignState, unitId: string | undefined): string {
  if (unitId === undefined) return '';
  return state.units.find((u) => u.unitId === unitId)?.name ?? unitId;
}

function triggersHtml(state: CampaignState, language: Language, t: Say): string {
  const out = (['near', 'long'] as const).map((horizon) => {
    const items = state.triggers.filter((x) => x.horizon === horizon);
    const list = items.length
      ? `<ul class="plain">${items.map((x) => `<li>${h(x.description)}${x.unitId ? ` <span class="muted">${h(unitName(state, x.unitId))}</span>` : ''}</li>`).join('')}</ul>`
      : none(t);
    return `<h3>${h(triggerHorizonLabel(horizon, language))}</h3>\n${list}`;
  });
  return out.join('\n');
}

function pathsHtml(state: CampaignState, t: Say): string {
  if (state.paths.length === 0) return none(t);
  return grid(
    [t('campaignReport.col.description'), t('campaignReport.col.cutOff'), t('campaignReport.col.unit')],
    state.paths.map((p) => [p.description, p.cutOff ?? '', unitName(state, p.unitId)]),
  );
}

function findingsHtml(state: CampaignState, playbook: Playbook, t: Say): string {
  const sections = playbook.campaign?.reportContents ?? [];
  const known = new Set(sections.map((s) => s.id));
  const extra = Object.keys(state.findings)
    .filter((id) => !known.has(id))
    .sort();
  return [...sections.map((s) => ({ id: s.id, heading: s.title ?? s.text })), ...extra.map((id) => ({ id, heading: id }))]
    .map(({ id, heading }) => {
      const text = state.findings[id]?.text ?? '';
      const body = text.trim() ? `<p class="text-block">${h(text)}</p>` : `<p class="muted">${h(t('campaignReport.emptySection'))}</p>`;
      return `<h3>${h(heading)}</h3>\n${body}`;
    })
    .join('\n');
}

function loansHtml(state: CampaignState, playbook: Playbook, language: Language, t: Say, when: (a: Attribution) => string): string {
  if (state.loans.length === 0) return none(t);
  const category = new Map((playbook.campaign?.loanCategories ?? []).map((c) => [c.id, c.source ? `${c.source} ${c.text}` : c.text]));
  return grid(
    [
      t('campaignReport.col.unit'),
      t('campaignReport.col.category'),
      t('campaignReport.col.borrower'),
      t('campaignReport.col.amount', { unit: currencyUnit(state.started.currency, language) }),
      t('campaignReport.col.currentClass'),
      t('campaignReport.col.proposedClass'),
      t('campaignReport.col.reason'),
      t('campaignReport.col.recorded'),
    ],
    state.loans.map((l) => [
      unitName(state, l.unitId),
      category.get(l.categoryId) ?? t('campaignReport.unknownRow', { id: l.categoryId }),
      l.borrower,
      formatAmount(l.amountMinor, language),
      loanClassLabel(l.currentClass, language),
      loanClassLabel(l.proposedClass, language),
      l.reason,
      when(l.set),
    ]),
  );
}

function risksHtml(state: CampaignState, playbook: Playbook, language: Language, t: Say, when: (a: Attribution) => string): string {
  if (state.risks.length === 0) return none(t);
  const dimension = new Map((playbook.campaign?.riskDimensions ?? []).map((d) => [d.id, d.title]));
  return grid(
    [
      t('campaignReport.col.unit'),
      t('campaignReport.col.dimension'),
      t('campaignReport.col.description'),
      t('campaignReport.col.amount', { unit: currencyUnit(state.started.currency, language) }),
      t('campaignReport.col.level'),
      t('campaignReport.col.recorded'),
    ],
    state.risks.map((r) => [
      unitName(state, r.unitId),
      dimension.get(r.dimensionId) ?? t('campaignReport.unknownRow', { id: r.dimensionId }),
      r.description,
      formatAmount(r.amountMinor, language),
      riskLevelLabel(r.level, language),
      when(r.set),
    ]),
  );
}

function unitsHtml(state: CampaignState, language: Language, t: Say): string {
  const rows = unitProgress(state);
  if (rows.length === 0) return none(t);
  return grid(
    [
      t('campaignReport.col.unit'),
      t('campaignReport.col.owner'),
      t('campaignReport.col.status'),
      t('campaignReport.col.loans'),
      t('campaignReport.col.risks'),
      t('campaignReport.col.entries'),
    ],
    rows.map((u) => [
      u.name,
      u.owner ?? '',
      [unitStatusLabel(u.status, language), u.statusNote].filter(Boolean).join(' · '),
      String(u.loans),
      String(u.risks),
      String(u.entries),
    ]),
    '',
    3,
  );
}

function missingHtml(m: MissingBeforeDeadline, t: Say): string {
  const sep = t('campaignReport.listSeparator');
  const days =
    m.daysLeft > 0
      ? t('campaignReport.missing.daysLeft', { days: m.daysLeft, deadline: m.deadline })
      : m.daysLeft === 0
        ? t('campaignReport.missing.dueToday', { deadline: m.deadline })
        : t('campaignReport.missing.overdue', { days: -m.daysLeft, deadline: m.deadline });
  const lines = [
    m.unitsNotReported.length ? t('campaignReport.missing.units', { names: m.unitsNotReported.map((u) => u.name).join(sep) }) : '',
    m.categoriesWithoutEntry.length ? t('campaignReport.missing.categories', { items: m.categoriesWithoutEntry.map((c) => c.text).join(sep) }) : '',
    m.dimensionsWithoutEntry.length ? t('campaignReport.missing.dimensions', { items: m.dimensionsWithoutEntry.map((d) => d.title).join(sep) }) : '',
    m.noNearTrigger ? t('campaignReport.missing.nearTrigger') : '',
    m.noLongTrigger ? t('campaignReport.missing.longTrigger') : '',
    m.noPath ? t('campaignReport.missing.path') : '',
    m.emptySections.length ? t('campaignReport.missing.sections', { items: m.emptySections.map((s) => s.text).join(sep) }) : '',
  ].filter(Boolean);
  const dayLine = m.submitted ? '' : `<p${m.daysLeft < 0 ? ' class="overdue"' : ''}>${h(days)}</p>`;
  const list = lines.length ? `<ul class="plain">${lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>` : `<p>${h(t('campaignReport.missing.nothing'))}</p>`;
  return `${dayLine}\n${list}`;
}

function removedHtml(state: CampaignState, language: Language, t: Say, when: (a: Attribution) => string): string {
  return grid(
    [t('campaignReport.col.description'), t('campaignReport.col.reason'), t('campaignReport.col.removedBy')],
    state.removed.map((r) => {
      const e = r.entry;
      const what = e.kind === 'loan' ? `${e.borrower} ${formatAmount(e.amountMinor, language)}` : e.description;
      return [what, r.reason, when(r.removed)];
    }),
  );
}
