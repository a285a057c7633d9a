import { orderEvents, type MusterEvent } from '../event';
import { AFTER_ACTION_FIELDS } from '../events/afteraction';
import { reduceDutyLog } from '../duty-log';
import { stampTime } from '../hlc';
import { lossTotal, reduceIncident, type Attribution, type IncidentState, type SuppliesEntry } from '../incident';
import type { Playbook } from '../playbook/schema';
import { describeEvent } from './describe';
import { coveredRecord, type CoveredRecord } from './events';
import { formatDateTime, formatDuration, formatNumber, zoneName } from './format';
import { fill, reportLabels, type ReportLabels, type ReportLanguage } from './labels';
import { playbookNames } from '../playbook/names';
import { comparePlaybookRun, playbookRunTexts } from './playbook-run';
import { compareDrills, stepPerformance } from './steps';
import { headerHash, reportHeader, type CountersignState } from './seal';
import { notCountersignedText } from './verify';
import { reportBriefing, reportOverride } from './ending';
import { reportMeasurements } from './measurements';
import { reportHeadcount } from './people';
import { reportPhotos } from './photos';
import type { Correction, PhotoData, Report, ReportCommander, ReportPhoto, ReportSupply, ReportTimelineEntry, SupplyTotal } from './types';

export interface ReportInput {
  /** The incident's stream id. */
  readonly incidentId: string;
  /** The incident's events (others are ignored), in any order. */
  readonly events: readonly MusterEvent[];
  readonly playbook: Playbook;
  /** The site's duty-log events; only those written during the incident are reported. */
  readonly dutyEvents?: readonly MusterEvent[];
  /** For a drill: the events of the previous drill of the same playbook. */
  readonly previousDrill?: readonly MusterEvent[];
  readonly language: ReportLanguage;
  /** The report's words; the built-in ones for `language` when left out. */
  readonly labels?: ReportLabels;
  /** Minutes east of UTC every time is printed in (480 for China Standard Time). */
  readonly timeZoneOffsetMinutes: number;
  /** When the report is made, in ms: judges steps still open against their target. */
  readonly generatedAt: number;
  /**
   * The server's countersignature of this export's report hash, or why there is none; left out
   * for an on-screen preview, which says nothing about it. Asked for at the edge, never here.
   */
  readonly countersign?: CountersignState;
  /**
   * The photos this device holds, by SHA-256, for the printable report to embed; read at the
   * edge (only for HTML: the other exports name photos by hash). A photo a note names that is
   * not here is listed as not on this device.
   */
  readonly photos?: ReadonlyMap<string, PhotoData>;
  /**
   * The events this device received by hand (scan or file, issue 21), by event id: who handed
   * them over, how, and when this device took them in. Read at the edge; what the device knows,
   * said on each entry, so a reader sees which records came from which phone.
   */
  readonly handedOver?: ReadonlyMap<string, HandedOver>;
}

/** How one event reached this device by hand. */
export interface HandedOver {
  /** The sending phone's name (its enrolment label). */
  readonly sender: string;
  readonly via: 'scan' | 'file';
  /** When this device took it in (ms). */
  readonly receivedAt: number;
}

export class NotAnIncidentError extends Error {
  override readonly name = 'NotAnIncidentError';
}

/**
 * Builds the after-action report from the events alone. Pure and deterministic: the same
 * events, playbook, language, zone and time give the same report on every device, offline,
 * whatever order the events were synced in. Throws NotAnIncidentError when the stream holds
 * no declaration.
 */
export function buildReport(input: ReportInput, record: CoveredRecord = recordFor(input)): Report {
  const labels = input.labels ?? reportLabels(input.language);
  const offset = input.timeZoneOffsetMinutes;
  const at = (ms: number) => formatDateTime(ms, offset);
  const { events: covered, incident, finalHash } = record;
  const declared = incident.declared;
  if (!declared) throw new NotAnIncidentError(`stream ${input.incidentId} holds no incident declaration`);
  const names = playbookNames(input.playbook);
  for (const m of input.playbook.measurements ?? []) names.set(m.id, m.label);
  const run = comparePlaybookRun(declared, input.playbook);
  const start = declared.at;
  const end = incident.closure?.at ?? null;
  const judgedAt = end ?? input.generatedAt;
  const correction = (struck: IncidentState['struck'], id: string): { struck?: Correction } => {
    const s = struck[id];
    return s ? { struck: toCorrection(s, labels, offset) } : {};
  };

  const commanders = incident.commanders.map((c, i, all): ReportCommander => {
    const next = all[i + 1];
    const until = next?.at ?? end;
    return {
      ...(c.briefing ? { briefing: reportBriefing(c.briefing, c.person, at(c.at), labels) } : {}),
      person: c.person,
      ...(c.role ? { roleName: names.get(c.role) ?? c.role } : {}),
      from: c.at,
      fromText: at(c.at),
      until,
      untilText: until === null ? labels['commander.now'] : at(until),
      recordedBy: c.actor,
      ...(c.note ? { note: c.note } : {}),
    };
  });

  const struckOf = (id: string) => correction(incident.struck, id);
  const photos = reportPhotos(incident, input.photos, labels, offset, struckOf);
  const timeline = describeTimeline(incident, labels, names, offset, record.deliveredBy, photos.byEvent, input.handedOver);
  const duty = dutyLogDuring(
    covered.filter((e) => e.streamId !== input.incidentId),
    labels,
    offset,
  );
  const supply = (list: readonly SuppliesEntry[]): ReportSupply[] =>
    list.map((s) => ({
      eventId: s.eventId,
      item: s.item,
      quantity: s.quantity,
      ...(s.unit ? { unit: s.unit } : {}),
      recordedBy: s.actor,
      at: s.at,
      when: at(s.at),
      ...correction(incident.struck, s.eventId),
    }));
  const used = supply(incident.suppliesUsed);
  const toReplenish = supply(incident.suppliesToReplenish);
  const losses = incident.losses.map((l) => ({
    eventId: l.eventId,
    what: l.what,
    where: l.where,
    quantity: l.quantity,
    ...(l.unit ? { unit: l.unit } : {}),
    kind: l.kind,
    kindText: labels[`losses.kind.${l.kind}`],
    ...(l.estimatedValue !== undefined ? { estimatedValue: l.estimatedValue } : {}),
    recordedBy: l.actor,
    at: l.at,
    when: at(l.at),
    ...correction(incident.struck, l.eventId),
  }));
  const counted = losses.filter((l) => !l.struck);
  const totalValue = lossTotal(incident);

  const previous = input.previousDrill ? previousIncident(input.previousDrill) : null;
  return {
    language: input.language,
    labels,
    timeZoneOffsetMinutes: offset,
    zone: zoneName(offset),
    generatedAt: input.generatedAt,
    generatedText: fill(labels.generated, { time: at(input.generatedAt), count: covered.length }),
    title: labels[declared.mode === 'drill' ? 'title.drill' : 'title.real'],
    summary: {
      incidentId: incident.id,
      title: declared.title,
      mode: declared.mode,
      modeText: labels[declared.mode === 'drill' ? 'mode.drill' : 'mode.real'],
      place: declared.place,
      playbook: { ...run.ranOn, title: input.playbook.title },
      playbookRun: run,
      playbookTexts: playbookRunTexts(run, labels),
      phase: incident.phase,
      phaseText: labels[`phase.${incident.phase}`],
      start,
      startText: at(start),
      end,
      endText: end === null ? fill(labels['summary.notEnded'], { time: at(input.generatedAt) }) : at(end),
      durationMs: (end ?? input.generatedAt) - start,
      durationText: formatDuration((end ?? input.generatedAt) - start, labels),
      commanders,
    },
    timeline,
    steps: stepPerformance(incident, input.playbook, { labels, names, offset, start, judgedAt }),
    roles: {
      assignments: incident.timeline.flatMap((e) =>
        e.type === 'role.assigned' && !incident.ignored[e.id]
          ? [
              {
                roleId: e.payload.roleId,
                roleName: names.get(e.payload.roleId) ?? e.payload.roleId,
                person: e.payload.person,
                ...(e.payload.phone ? { phone: e.payload.phone } : {}),
                recordedBy: e.actor,
                at: stampTime(e.hlc),
                when: at(stampTime(e.hlc)),
              },
            ]
          : [],
      ),
      handovers: commanders.slice(1),
    },
    headcount: reportHeadcount(incident, input.playbook, labels, offset),
    measurements: reportMeasurements(incident, input.playbook, labels, offset, struckOf),
    photos: photos.photos,
    dutyLog: duty,
    losses: {
      entries: losses,
      totalValue,
      counted: counted.length,
      totalText: fill(labels['losses.total'], { value: formatNumber(totalValue), count: counted.length }),
    },
    supplies: { used, toReplenish, usedTotals: totals(used), toReplenishTotals: totals(toReplenish) },
    ending: {
      confirmedText: incident.endConfirmed
        ? fill(labels['ending.confirmed'], { actor: incident.endConfirmed.actor, time: at(incident.endConfirmed.at) })
        : labels['ending.notConfirmed'],
      ...(incident.endConfirmed?.note ? { confirmedNote: incident.endConfirmed.note } : {}),
      approvedText: incident.closure
        ? fill(labels['ending.approved'], { approver: incident.closure.approver, actor: incident.closure.actor, time: at(incident.closure.at) })
        : labels['ending.notApproved'],
      ...(incident.closure?.note ? { approvedNote: incident.closure.note } : {}),
      approver: incident.closure?.approver ?? null,
      commander: incident.commanders.at(-1)?.person ?? null,
      override: reportOverride(incident, labels, names, offset),
    },
    afterAction: AFTER_ACTION_FIELDS.map((field) => {
      const v = incident.afterAction[field];
      return {
        field,
        label: labels[`afterAction.${field}`],
        text: v && v.text.trim() ? v.text : null,
        ...(v ? { byText: fill(labels['afterAction.by'], { actor: v.actor, time: at(v.at) }) } : {}),
      };
    }),
    improvements: incident.improvements.map((i) => ({
      eventId: i.eventId,
      issue: i.issue,
      action: i.action,
      area: i.area,
      areaText: labels[`area.${i.area}`],
      owner: i.owner,
      ...(i.start ? { start: i.start } : {}),
      due: i.due,
      ...correction(incident.struck, i.eventId),
    })),
    planRevisions: incident.planRevisions.map((p) => ({
      eventId: p.eventId,
      text: p.text,
      by: p.actor,
      when: at(p.at),
      ...correction(incident.struck, p.eventId),
    })),
    drill: declared.mode === 'drill' ? compareDrills(incident, previous, input.playbook, labels, offset) : null,
    integrity: {
      finalHash,
      eventCount: covered.length,
      text: fill(labels['integrity.text'], { count: covered.length }),
      reportHash: headerHash(reportHeader(input, run.planText, { eventCount: covered.length, finalHash })),
      reportText: fill(labels['integrity.reportText'], { count: covered.length }),
      countersignText: countersignText(input.countersign, labels, offset),
    },
  };
}

/** What the report says of its countersignature; null for a preview, which was never offered to the server. */
function countersignText(state: CountersignState | undefined, labels: ReportLabels, offset: number): string | null {
  if (state === undefined) return null;
  if (typeof state === 'string') return notCountersignedText(state, labels);
  const at = Date.parse(state.signedAt);
  return fill(labels['integrity.countersigned'], { keyId: state.keyId, time: Number.isFinite(at) ? formatDateTime(at, offset) : state.signedAt });
}

/** A correction in the report's words: who struck the entry out, when, and why. */
function toCorrection(s: Attribution & { readonly reason?: string }, labels: ReportLabels, offset: number): Correction {
  const when = formatDateTime(s.at, offset);
  const text =
    fill(labels.correction, { actor: s.actor, time: when }) + (s.reason ? labels.clauseSeparator + fill(labels.correctedReason, { reason: s.reason }) : '');
  return { actor: s.actor, at: s.at, when, ...(s.reason ? { reason: s.reason } : {}), text };
}

/** The record a report input covers (its events, incident and hash chain); share it between exports of one input. */
export function recordFor(input: ReportInput): CoveredRecord {
  return coveredRecord(input.incidentId, input.events, input.dutyEvents, input.generatedAt);
}

function previousIncident(events: readonly MusterEvent[]): IncidentState | null {
  const first = orderEvents(events).find((e) => e.type === 'incident.declared');
  return first ? reduceIncident(first.streamId, events) : null;
}

/** Sums of the entries not struck out, per item and unit, in the order first recorded. */
function totals(list: readonly ReportSupply[]): SupplyTotal[] {
  const byKey = new Map<string, { item: string; unit?: string; quantity: number }>();
  for (const s of list) {
    if (s.struck) continue;
    const key = `${s.item}\u0000${s.unit ?? ''}`;
    const t = byKey.get(key) ?? { item: s.item, ...(s.unit ? { unit: s.unit } : {}), quantity: 0 };
    t.quantity += s.quantity;
    byKey.set(key, t);
  }
  return [...byKey.values()];
}

/**
 * The incident's events as activity lines (ICS 214): when, what, who, and the position the
 * person held at that moment (commander first, then the roles assigned to them).
 */
function describeTimeline(
  incident: IncidentState,
  labels: ReportLabels,
  names: ReadonlyMap<string, string>,
  offset: number,
  deliveredBy: Readonly<Record<string, string>>,
  photos: ReadonlyMap<string, readonly ReportPhoto[]>,
  handedOver: ReadonlyMap<string, HandedOver> = new Map(),
): ReportTimelineEntry[] {
  const holders = new Map<string, string>();
  let commander: { person: string; role?: string } | null = null;
  const lines = new Map<string, string>();
  const out: ReportTimelineEntry[] = [];
  const positionOf = (person: string): string => {
    const parts: string[] = [];
    if (commander?.person === person)
      parts.push(
        commander.role
          ? fill(labels.paren, { text: labels['position.commander'], detail: names.get(commander.role) ?? commander.role })
          : labels['position.commander'],
      );
    for (const [roleId, holder] of holders) if (holder === person && roleId !== commander?.role) parts.push(names.get(roleId) ?? roleId);
    return parts.join(labels.clauseSeparator);
  };
  for (const e of incident.timeline) {
    const ignored = incident.ignored[e.id];
    const before = positionOf(e.actor);
    if (!ignored) {
      if (e.type === 'incident.declared')
        commander = { person: e.payload.commander ?? e.actor, ...(e.payload.commanderRole ? { role: e.payload.commanderRole } : {}) };
      else if (e.type === 'command.handedOver') commander = { person: e.payload.to, ...(e.payload.toRole ? { role: e.payload.toRole } : {}) };
      else if (e.type === 'role.assigned') holders.set(e.payload.roleId, e.payload.person);
    }
    const activity = describeEvent(e, labels, names, lines);
    lines.set(e.id, activity);
    const s = incident.struck[e.id];
    const at = stampTime(e.hlc);
    const hand = handedOver.get(e.id);
    out.push({
      eventId: e.id,
      at,
      when: formatDateTime(at, offset),
      activity,
      person: e.actor,
      position: e.type === 'incident.declared' ? positionOf(e.actor) : before,
      ...(deliveredBy[e.id] !== undefined ? { deliveredBy: deliveredBy[e.id] } : {}),
      ...(hand
        ? {
            receivedBy: fill(labels['timeline.receivedBy'], {
              sender: hand.sender,
              time: formatDateTime(hand.receivedAt, offset),
              via: labels[`timeline.via.${hand.via}`],
            }),
          }
        : {}),
      ...(s ? { struck: toCorrection(s, labels, offset) } : {}),
      ...(ignored ? { ignored: fill(labels['timeline.ignored'], { reason: labels[`ignored.${ignored}`] }) } : {}),
      ...(photos.has(e.id) ? { photos: photos.get(e.id) } : {}),
    });
  }
  return out;
}

/** Duty-log entries and shift handovers written during the incident, with their corrections. */
function dutyLogDuring(events: readonly MusterEvent[], labels: ReportLabels, offset: number): Report['dutyLog'] {
  const streams = [...new Set(events.map((e) => e.streamId))];
  const entries: Report['dutyLog']['entries'][number][] = [];
  const handovers: Report['dutyLog']['handovers'][number][] = [];
  for (const streamId of streams) {
    const log = reduceDutyLog(streamId, events);
    const corrected = (e: Attribution): { struck?: Correction } => {
      const s = log.struck[e.eventId];
      return s ? { struck: toCorrection(s, labels, offset) } : {};
    };
    for (const e of log.entries) entries.push({ eventId: e.eventId, at: e.at, when: formatDateTime(e.at, offset), by: e.actor, text: e.text, ...corrected(e) });
    for (const h of log.handovers) {
      const text =
        fill(labels['duty.handover'], { outgoing: h.outgoing, incoming: h.incoming }) +
        (h.openItems.length ? `; ${fill(labels['duty.openItems'], { items: h.openItems.join(labels.listSeparator) })}` : '') +
        (h.note ? ` — ${h.note}` : '');
      handovers.push({ at: h.at, when: formatDateTime(h.at, offset), by: h.actor, text });
    }
  }
  entries.sort((a, b) => a.at - b.at);
  handovers.sort((a, b) => a.at - b.at);
  return { entries, handovers };
}
