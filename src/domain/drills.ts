import { TZDate } from '@date-fns/tz';
import { addDays, addMonths } from 'date-fns';
import { attribution } from './attribution';
import type { MusterEvent } from './event';
import { applyEvent, missingPeople, reduceIncident, standing, type IncidentState } from './incident';
import { emergencyKinds, playbooksForKind, type PlaybookChoiceEntry } from './playbook-choice';
import type { Playbook } from './playbook/schema';
import { minutesBetween } from './report/format';
import { reportLabels } from './report/labels';
import { compareDrills, stepPerformance } from './report/steps';

/**
 * The drill calendar (seed plan 4, 一、6(3): 至少每半年组织一次应急演练; seed plan 3: 加强演练，
 * 熟知处置程序): each playbook's drill interval, its last drill, when the next one is due, and
 * the history of its drills with the figures the report's drill comparison uses. A drill is an
 * incident declared with mode "drill". Pure: the declarations and events come in, and so do
 * the time and the IANA time zone the calendar is counted in, so every device holding the same
 * events shows the same dates; a drill recorded on another phone counts once it has synced.
 */

/** How far apart drills may be: whole calendar months, or days where the plan's frequency does not divide into months. */
export interface DrillInterval {
  readonly months: number;
  readonly days: number;
}

/** The plan's "at least every six months" (seed plan 4, 一、6(3)), for a playbook that says nothing. */
export const DEFAULT_DRILL_INTERVAL: DrillInterval = { months: 6, days: 0 };
/** A drill due within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

type ScheduledCheck = NonNullable<NonNullable<Playbook['preparation']>['schedule']>[number];
type SchedulePeriod = ScheduledCheck['per'];

const PERIOD_MONTHS: Partial<Record<SchedulePeriod, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const PERIOD_DAYS: Record<SchedulePeriod, number> = { day: 1, week: 7, month: 30, quarter: 91, 'half-year': 182, year: 365 };

/**
 * "`times` per `per`" as an interval between drills: whole months where `times` divides the
 * period's months (once per half-year: 6 months; twice a year: 6 months; four times a year: 3),
 * otherwise whole days, rounded down, at least one (five times a year: 73 days).
 */
export function intervalOf(times: number, per: SchedulePeriod): DrillInterval {
  const n = Math.max(1, Math.floor(times));
  const months = PERIOD_MONTHS[per];
  if (months !== undefined && months % n === 0) return { months: months / n, days: 0 };
  return { months: 0, days: Math.max(1, Math.floor(PERIOD_DAYS[per] / n)) };
}

/** A playbook's drill interval and where it comes from: its schedule entry of kind "drill", or the default. */
export interface DrillRule {
  readonly interval: DrillInterval;
  /** The schedule entry it was read from; null: the playbook schedules no drill, so DEFAULT_DRILL_INTERVAL. */
  readonly scheduled: ScheduledCheck | null;
}

/** The drill rule of a playbook: the most frequent of its scheduled drills, else every six months. */
export function drillRule(playbook: Pick<Playbook, 'preparation'>): DrillRule {
  let best: DrillRule | null = null;
  for (const s of playbook.preparation?.schedule ?? []) {
    if (s.kind !== 'drill') continue;
    const interval = intervalOf(s.times, s.per);
    if (best === null || approxDays(interval) < approxDays(best.interval)) best = { interval, scheduled: s };
  }
  return best ?? { interval: DEFAULT_DRILL_INTERVAL, scheduled: null };
}

const approxDays = (i: DrillInterval) => i.months * 30.44 + i.days;

/**
 * `at` plus the interval on the calendar of `timeZone`, at the same wall-clock time: a month
 * ending earlier is cut to its last day (31 August + 6 months = 28 February, 29 in a leap year).
 */
export function addInterval(at: number, interval: DrillInterval, timeZone: string): number {
  const local = new TZDate(at, timeZone);
  return addDays(addMonths(local, interval.months), interval.days).getTime();
}

/** Calendar days from the local date of `from` to the local date of `to` in `timeZone` (a DST day is still one day). */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const day = (ms: number) => {
    const d = new TZDate(ms, timeZone);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** What the calendar needs of a drill: its declaration. */
export interface DrillDeclaration {
  readonly incidentId: string;
  readonly playbookId: string;
  readonly playbookLanguage?: string;
  readonly title: string;
  /** When it was declared (the stamp's wall time, ms), as the reducer reads it. */
  readonly at: number;
}

/** The drills among incident declarations (one per stream: the first declaration counts, as in the reducer). */
export function drillDeclarations(declared: readonly MusterEvent[]): DrillDeclaration[] {
  const first = new Map<string, MusterEvent<'incident.declared'>>();
  for (const e of declared) {
    if (e.type !== 'incident.declared') continue;
    const held = first.get(e.streamId);
    if (!held || e.hlc < held.hlc || (e.hlc === held.hlc && e.id < held.id)) first.set(e.streamId, e);
  }
  return [...first.values()]
    .filter((e) => e.payload.mode === 'drill')
    .map((e) => ({
      incidentId: e.streamId,
      playbookId: e.payload.playbookId,
      ...(e.payload.playbookLanguage ? { playbookLanguage: e.payload.playbookLanguage } : {}),
      title: e.payload.title,
      at: attribution(e).at,
    }));
}

export type DrillStatus = 'ok' | 'due-soon' | 'overdue';

/** One playbook on the drill calendar. */
export interface DrillDue {
  readonly playbookId: string;
  readonly playbookLanguage: string;
  readonly playbookTitle: string;
  readonly kind: string;
  readonly rule: DrillRule;
  /** The latest drill of this playbook (any language twin), or null: never drilled on the records held. */
  readonly last: DrillDeclaration | null;
  /** When the next drill is due (ms): the last one plus the interval; `now` when there was none. */
  readonly dueAt: number;
  /** Calendar days from today to the due date: 0 due today, negative when overdue. */
  readonly daysLeft: number;
  readonly status: DrillStatus;
  /** Days past the due date; 0 unless overdue. */
  readonly daysOverdue: number;
}

/** Overdue first (the longest overdue first), then the soonest due; a tie keeps the order given (a stable sort). */
export function compareDue(a: DrillDue, b: DrillDue): number {
  return a.daysLeft - b.daysLeft;
}

/**
 * The playbooks a device drills, one per id in `language` where it has that twin (as the start
 * screen offers them): every kind but a campaign (a self-inspection has no drill). Order:
 * flood, fire, then other kinds. Works on library entries as on whole playbooks.
 */
export function drilledPlaybooks<P extends PlaybookChoiceEntry>(playbooks: readonly P[], language: string): P[] {
  return emergencyKinds(playbooks)
    .filter((kind) => kind !== 'campaign')
    .flatMap((kind) => playbooksForKind(playbooks, kind, language).map((o) => o.plan));
}

export interface DrillsDueInput {
  /** The playbooks held, in any languages; one twin per id is shown (see `drilledPlaybooks`). */
  readonly playbooks: readonly Playbook[];
  readonly drills: readonly DrillDeclaration[];
  readonly now: number;
  readonly timeZone: string;
  readonly language: string;
}

/** The due date and status of one playbook's next drill at `now`. */
export function drillDueOf(playbook: Playbook, drills: readonly DrillDeclaration[], now: number, timeZone: string): DrillDue {
  const rule = drillRule(playbook);
  const last = drills.filter((d) => d.playbookId === playbook.id).reduce<DrillDeclaration | null>((a, d) => (a === null || d.at > a.at ? d : a), null);
  const dueAt = last ? addInterval(last.at, rule.interval, timeZone) : now;
  const daysLeft = calendarDaysBetween(now, dueAt, timeZone);
  const status: DrillStatus = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
  return {
    playbookId: playbook.id,
    playbookLanguage: playbook.language,
    playbookTitle: playbook.title,
    kind: playbook.kind,
    rule,
    last,
    dueAt,
    daysLeft,
    status,
    daysOverdue: Math.max(0, -daysLeft),
  };
}

/**
 * Every drilled playbook's next drill, in playbook order. Offline it counts the drills this
 * device holds; a drill recorded elsewhere moves the date once its declaration has synced.
 */
export function drillsDue(input: DrillsDueInput): DrillDue[] {
  return drilledPlaybooks(input.playbooks, input.language).map((p) => drillDueOf(p, input.drills, input.now, input.timeZone));
}

/** A "revise the plan" item a drill produced: a plan revision, or an improvement of the planning area. */
export interface DrillRevision {
  readonly eventId: string;
  readonly kind: 'revision' | 'improvement';
  readonly text: string;
  /** For an improvement: the corrective action, its owner and due date (YYYY-MM-DD). */
  readonly action?: string;
  readonly owner?: string;
  readonly due?: string;
  readonly actor: string;
  readonly at: number;
}

/** One drill's figures, as the report's drill comparison counts them. */
export interface DrillRun {
  readonly incidentId: string;
  readonly title: string;
  readonly at: number;
  readonly closed: boolean;
  /** Minutes from the declaration to the first response step done; null: none done. */
  readonly firstStepMinutes: number | null;
  /** Minutes from the declaration until everyone on the roster was accounted for (and stayed so); null: never, or no roster. */
  readonly headcountMinutes: number | null;
  /** People on the roster. */
  readonly headcountTotal: number;
  /** Steps whose target time passed before they were done (or while still open, judged at the end). */
  readonly overdueSteps: number;
  /** Response steps not done: skipped or never done (the aftermath is left out, as in the report). */
  readonly missedSteps: number;
  /** Of the steps not done, those skipped with a reason. */
  readonly skippedSteps: number;
  /** Plan revisions and planning improvements recorded for it, not struck out, in order. */
  readonly revisions: readonly DrillRevision[];
}

/**
 * When the headcount last became complete: every person on the roster reported safe or
 * injured, and no one added or reported missing after. The events are replayed in merge order
 * by the reducer's own fast path. Null when it never became complete or was not complete at the end.
 */
export function fullHeadcountAt(incident: IncidentState): number | null {
  let state = reduceIncident(incident.id, []);
  let since: number | null = null;
  for (const e of incident.timeline) {
    state = applyEvent(state, e) ?? reduceIncident(incident.id, [...state.timeline, e]);
    if (e.type !== 'person.accounted' && e.type !== 'roster.added' && e.type !== 'roster.linked') continue;
    const complete = state.roster.length > 0 && missingPeople(state).length === 0;
    if (!complete) since = null;
    else since ??= attribution(e).at;
  }
  return since;
}

/**
 * One drill's figures from its events and its playbook (the twin shown: step ids are the same
 * in every language). Overdue steps are judged as the report judges them, at the drill's
 * closure or, while it is open, at `now`.
 */
export function drillRun(events: readonly MusterEvent[], incidentId: string, playbook: Playbook, now: number): DrillRun | null {
  // Null for a real incident, a stream with no declaration, or a drill of another playbook.
  const incident = reduceIncident(incidentId, events);
  const declared = incident.declared;
  if (!declared || declared.mode !== 'drill' || declared.playbookId !== playbook.id) return null;
  const labels = reportLabels('en'); // only numbers are read; the words are the screen's
  const start = declared.at;
  const comparison = compareDrills(incident, null, playbook, labels, 0);
  const done = comparison.rows.flatMap((r) => (r.now === null ? [] : [r.now]));
  const performance = stepPerformance(incident, playbook, { labels, names: new Map(), offset: 0, start, judgedAt: incident.closure?.at ?? now });
  const response = new Set(playbook.phases.flatMap((p) => p.steps.map((s) => s.id)));
  const skipped = [...response].filter((id) => incident.steps[id]?.status === 'skipped').length;
  const accounted = fullHeadcountAt(incident);
  return {
    incidentId,
    title: declared.title,
    at: start,
    closed: incident.phase === 'closed',
    firstStepMinutes: done.length ? Math.min(...done) : null,
    headcountMinutes: accounted === null ? null : minutesBetween(start, accounted),
    headcountTotal: incident.roster.length,
    overdueSteps: performance.counts.overdue,
    missedSteps: comparison.missedNow.length,
    skippedSteps: skipped,
    revisions: drillRevisions(incident),
  };
}

/** A drill's "revise the plan" items: its plan revisions and its improvements of the planning area, not struck out. */
export function drillRevisions(incident: IncidentState): DrillRevision[] {
  const revisions = standing(incident, incident.planRevisions).map((r): DrillRevision => ({
    eventId: r.eventId,
    kind: 'revision',
    text: r.text,
    actor: r.actor,
    at: r.at,
  }));
  const improvements = standing(incident, incident.improvements)
    .filter((i) => i.area === 'planning')
    .map((i): DrillRevision => ({
      eventId: i.eventId,
      kind: 'improvement',
      text: i.issue,
      action: i.action,
      owner: i.owner,
      due: i.due,
      actor: i.actor,
      at: i.at,
    }));
  return [...revisions, ...improvements].sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));
}

/** A playbook's drills, oldest first, and the "revise the plan" items each produced, newest drill first. */
export interface DrillHistory {
  readonly playbookId: string;
  readonly runs: readonly DrillRun[];
  readonly revisions: readonly { readonly drill: Pick<DrillRun, 'incidentId' | 'title' | 'at'>; readonly item: DrillRevision }[];
}

/**
 * The history of one playbook's drills from their streams (each drill's events; real
 * incidents and drills of other playbooks are left out). Pure; the same history on every device
 * holding the same events, whatever order they synced in.
 */
export function drillHistory(playbook: Playbook, streams: ReadonlyMap<string, readonly MusterEvent[]>, now: number): DrillHistory {
  const runs: DrillRun[] = [];
  for (const [incidentId, events] of streams) {
    const run = drillRun(events, incidentId, playbook, now);
    if (run) runs.push(run);
  }
  runs.sort((a, b) => a.at - b.at || (a.incidentId < b.incidentId ? -1 : 1));
  const revisions = [...runs]
    .reverse()
    .flatMap((run) => run.revisions.map((item) => ({ drill: { incidentId: run.incidentId, title: run.title, at: run.at }, item })));
  return { playbookId: playbook.id, runs, revisions };
}
