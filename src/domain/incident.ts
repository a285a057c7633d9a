import type { Attribution } from './attribution';
import type { EventType, MusterEvent } from './event';
import type { AfterActionField, ImprovementAdded } from './events/afteraction';
import type { HandoverBriefing } from './events/command';
import type { EndOverride, IncidentDeclared } from './events/incident';
import type { LossRecorded, SuppliesCounted } from './events/losses';
import type { MeasurementRecorded } from './events/measure';
import type { PersonAccounted, PersonKind } from './events/people';
import type { PhotoRef } from './events/photo';
import type { RosterPerson } from './events/roster';
import { compareForMerge, compareForMergeAt, effectiveTimeReader, orderForMerge, wallTime } from './merge-order';
import type { Step } from './playbook/schema';

export type { Attribution };

/** `started`: under way, for a step whose target time counts from its own start; still open work. */
type StepStatus = 'open' | 'started' | 'done' | 'skipped';
/** open → ending (on-site end confirmed) → closed (leadership approved). */
export type IncidentPhase = 'open' | 'ending' | 'closed';

export type StepState = Attribution & {
  readonly status: StepStatus;
  readonly reason?: string;
  /** Who started the step and when: kept when it is then done or skipped, dropped when it is reopened. */
  readonly started?: Attribution;
};
type TimelineNote = Attribution & { readonly text: string; readonly tags: readonly string[]; readonly photos: readonly PhotoRef[] };
type CommanderTurn = Attribution & { readonly person: string; readonly role?: string; readonly note?: string; readonly briefing?: HandoverBriefing };
type RoleHolder = Attribution & { readonly person: string; readonly phone?: string };
export type HeadcountEntry = Attribution & Pick<PersonAccounted, 'status' | 'note' | 'floor' | 'via'>;
export type MeasurementEntry = Attribution & MeasurementRecorded;
/**
 * Someone the headcount must account for. Linked from the branch roster (`personId` set, keyed by
 * it), typed by name (keyed by the name), or a visitor or contractor added on the spot.
 */
export type PersonOnRoster = Partial<Omit<RosterPerson, 'name'>> & { readonly name: string; readonly kind: PersonKind };
type LossEntry = Attribution & LossRecorded;
export type SuppliesEntry = Attribution & SuppliesCounted;
type ImprovementEntry = Attribution & ImprovementAdded;
type TextEntry = Attribution & { readonly text: string };

/** Why an event changed nothing (it still shows on the timeline). */
type IgnoredReason = 'incident-closed' | 'end-not-confirmed' | 'already-declared' | 'already-closed';

export interface IncidentState {
  readonly id: string;
  readonly declared: (Attribution & IncidentDeclared) | null;
  readonly phase: IncidentPhase;
  readonly endConfirmed: (Attribution & { readonly note?: string; readonly override?: EndOverride }) | null;
  readonly closure: (Attribution & { readonly approver: string; readonly note?: string }) | null;
  /** Commanders in turn; the last one commands now. */
  readonly commanders: readonly CommanderTurn[];
  readonly roles: Readonly<Record<string, RoleHolder>>;
  /** Current status of every step anyone touched; a step not here is open. */
  readonly steps: Readonly<Record<string, StepState>>;
  /** Sub-items, keyed `stepId itemId`. */
  readonly items: Readonly<Record<string, Attribution & { readonly checked: boolean }>>;
  readonly notes: readonly TimelineNote[];
  /**
   * Everyone who should be at the assembly point, as person keys in the order they were added: a
   * linked roster person's id, or the name typed. `people` says who each key is (`personName`).
   */
  readonly roster: readonly string[];
  readonly people: Readonly<Record<string, PersonOnRoster>>;
  /** The latest report per person key (last writer wins). */
  readonly headcount: Readonly<Record<string, HeadcountEntry>>;
  /** Every report per person key, in order: the same person reported twice, where they were last seen. */
  readonly headcountReports: Readonly<Record<string, readonly HeadcountEntry[]>>;
  /** Every reading of a playbook measurement, in order. */
  readonly measurements: readonly MeasurementEntry[];
  readonly losses: readonly LossEntry[];
  readonly suppliesUsed: readonly SuppliesEntry[];
  readonly suppliesToReplenish: readonly SuppliesEntry[];
  readonly afterAction: Readonly<Partial<Record<AfterActionField, TextEntry>>>;
  readonly improvements: readonly ImprovementEntry[];
  readonly planRevisions: readonly TextEntry[];
  /** Entries struck through by a correction, by the struck event's id. */
  readonly struck: Readonly<Record<string, Attribution & { readonly reason?: string }>>;
  readonly ignored: Readonly<Record<string, IgnoredReason>>;
  /** Every event of the stream in the order it was applied (merge-order.ts: (hlc, id), a stamp capped at its arrival on the server). */
  readonly timeline: readonly MusterEvent[];
  readonly lastHlc: string | null;
  readonly eventCount: number;
}

type Draft = {
  -readonly [K in keyof IncidentState]: IncidentState[K] extends readonly (infer T)[]
    ? T[]
    : IncidentState[K] extends Readonly<Record<string, infer V>>
      ? Record<string, V>
      : IncidentState[K];
} & {
  /** The records this draft may write in place; any other is copied on its first write (`own`). Null: all of them. */
  owned: Set<RecordKey> | null;
};

/** Lists that grow with the incident: each state sees the first `length` entries of an array shared with the states after it. */
const LISTS = [
  'commanders',
  'notes',
  'roster',
  'measurements',
  'losses',
  'suppliesUsed',
  'suppliesToReplenish',
  'improvements',
  'planRevisions',
  'timeline',
] as const;
type ListKey = (typeof LISTS)[number];
type RecordKey = 'roles' | 'steps' | 'items' | 'people' | 'headcount' | 'headcountReports' | 'afterAction' | 'struck' | 'ignored';

/** Where a state's lists live: the shared arrays and how much of each the state sees. */
type ListCore = { readonly [K in ListKey]: { readonly items: Draft[K]; readonly length: number } };
const CORE = Symbol('incident.lists');

/** Event types a closed incident still takes: its after-action fields (and corrections of them). */
const AFTER_CLOSURE: ReadonlySet<EventType> = new Set(['afterAction.set', 'improvement.added', 'planRevision.added', 'entry.struck']);

function emptyIncident(streamId: string): IncidentState {
  return {
    id: streamId,
    declared: null,
    phase: 'open',
    endConfirmed: null,
    closure: null,
    commanders: [],
    roles: {},
    steps: {},
    items: {},
    notes: [],
    roster: [],
    people: {},
    headcount: {},
    headcountReports: {},
    measurements: [],
    losses: [],
    suppliesUsed: [],
    suppliesToReplenish: [],
    afterAction: {},
    improvements: [],
    planRevisions: [],
    struck: {},
    ignored: {},
    timeline: [],
    lastHlc: null,
    eventCount: 0,
  };
}

/** The entries a strike may still reach after closure (see STRIKABLE_AFTER_CLOSURE). */
function afterActionIds(d: Draft): Set<string> {
  return new Set([...d.improvements.map((i) => i.eventId), ...d.planRevisions.map((p) => p.eventId)]);
}

/** The start a step keeps when it is then done or skipped (a reopened step starts afresh). */
function startOf(previous: StepState | undefined): { started?: Attribution } {
  return previous?.started ? { started: previous.started } : {};
}

/** Applies one event, in order, to a mutable draft. The single place that says what each event means. */
function applyTo(d: Draft, e: MusterEvent): void {
  d.timeline.push(e);
  d.lastHlc = e.hlc;
  d.eventCount += 1;
  if (d.phase === 'closed' && !AFTER_CLOSURE.has(e.type)) {
    own(d, 'ignored')[e.id] = e.type === 'closure.approved' ? 'already-closed' : 'incident-closed';
    return;
  }
  const by = attributionOf(e);
  switch (e.type) {
    case 'incident.declared':
      if (d.declared) own(d, 'ignored')[e.id] = 'already-declared';
      else {
        d.declared = { ...by, ...e.payload };
        d.commanders.push({ ...by, person: e.payload.commander ?? e.actor, ...(e.payload.commanderRole ? { role: e.payload.commanderRole } : {}) });
      }
      break;
    case 'role.assigned':
      own(d, 'roles')[e.payload.roleId] = { ...by, person: e.payload.person, ...(e.payload.phone ? { phone: e.payload.phone } : {}) };
      break;
    case 'command.handedOver':
      d.commanders.push({
        ...by,
        person: e.payload.to,
        ...(e.payload.toRole ? { role: e.payload.toRole } : {}),
        ...(e.payload.note ? { note: e.payload.note } : {}),
        ...(e.payload.briefing ? { briefing: e.payload.briefing } : {}),
      });
      break;
    case 'step.started':
      // A second tap on Start (another device, offline) does not buy more time: the clock runs
      // from the first start. After done, skipped or reopened, a later start starts a new run.
      if (d.steps[e.payload.stepId]?.status !== 'started') own(d, 'steps')[e.payload.stepId] = { ...by, status: 'started', started: by };
      break;
    case 'step.done':
      own(d, 'steps')[e.payload.stepId] = { ...by, status: 'done', ...startOf(d.steps[e.payload.stepId]) };
      break;
    case 'step.skipped':
      own(d, 'steps')[e.payload.stepId] = { ...by, status: 'skipped', reason: e.payload.reason, ...startOf(d.steps[e.payload.stepId]) };
      break;
    case 'step.reopened':
      own(d, 'steps')[e.payload.stepId] = { ...by, status: 'open', ...(e.payload.reason ? { reason: e.payload.reason } : {}) };
      break;
    case 'step.itemChecked':
      own(d, 'items')[`${e.payload.stepId} ${e.payload.itemId}`] = { ...by, checked: e.payload.checked };
      break;
    case 'note.added':
      d.notes.push({ ...by, text: e.payload.text, tags: e.payload.tags ?? [], photos: e.payload.photos ?? [] });
      break;
    case 'entry.struck':
      if (d.phase === 'closed' && !afterActionIds(d).has(e.payload.targetId)) own(d, 'ignored')[e.id] = 'incident-closed';
      else if (!d.struck[e.payload.targetId]) own(d, 'struck')[e.payload.targetId] = { ...by, ...(e.payload.reason ? { reason: e.payload.reason } : {}) };
      break;
    case 'roster.added':
      for (const name of e.payload.people) addPerson(d, personKeyOf(d, name), { name, kind: e.payload.kind ?? 'staff' });
      break;
    case 'roster.linked':
      for (const { personId, ...rest } of e.payload.people) addPerson(d, personId, { ...rest, personId, kind: 'staff' });
      break;
    case 'person.accounted': {
      const { person, personId, status, note, floor, via } = e.payload;
      const key = personId ?? personKeyOf(d, person);
      addPerson(d, key, { name: person, ...(personId ? { personId } : {}), kind: 'staff' });
      const entry: HeadcountEntry = { ...by, status, ...(note ? { note } : {}), ...(floor ? { floor } : {}), ...(via ? { via } : {}) };
      own(d, 'headcount')[key] = entry;
      own(d, 'headcountReports')[key] = [...(d.headcountReports[key] ?? []), entry];
      break;
    }
    case 'measurement.recorded':
      d.measurements.push({ ...by, ...e.payload });
      break;
    case 'loss.recorded':
      d.losses.push({ ...by, ...e.payload });
      break;
    case 'supplies.used':
      d.suppliesUsed.push({ ...by, ...e.payload });
      break;
    case 'supplies.toReplenish':
      d.suppliesToReplenish.push({ ...by, ...e.payload });
      break;
    case 'end.confirmed':
      if (d.phase === 'open') {
        d.phase = 'ending';
        d.endConfirmed = { ...by, ...(e.payload.note ? { note: e.payload.note } : {}), ...(e.payload.override ? { override: e.payload.override } : {}) };
      }
      break;
    case 'closure.approved':
      if (d.phase !== 'ending') own(d, 'ignored')[e.id] = 'end-not-confirmed';
      else {
        d.phase = 'closed';
        d.closure = { ...by, approver: e.payload.approver, ...(e.payload.note ? { note: e.payload.note } : {}) };
      }
      break;
    case 'afterAction.set':
      own(d, 'afterAction')[e.payload.field] = { ...by, text: e.payload.text };
      break;
    case 'improvement.added':
      d.improvements.push({ ...by, ...e.payload });
      break;
    case 'planRevision.added':
      d.planRevisions.push({ ...by, text: e.payload.text });
      break;
    case 'duty.entry':
    case 'shift.handedOver':
      break; // duty-log events live in their own streams (see duty-log.ts)
    case 'roster.personSet':
    case 'roster.personRemoved':
      break; // the branch roster is its own stream (events/roster.ts)
  }
}

/**
 * The key a name reported without a roster id counts under: the linked roster person of exactly
 * that name when there is one (so "王伟" typed at the assembly point and 王伟 scanned are one
 * person), otherwise the name itself.
 */
function personKeyOf(d: Draft, name: string): string {
  if (d.people[name]) return name;
  let found: string | null = null;
  for (const key of d.roster) {
    const p = d.people[key];
    if (p?.personId !== undefined && p.name === name) {
      if (found !== null) return name; // two linked people share the name: the name alone cannot say which
      found = key;
    }
  }
  return found ?? name;
}

/** Adds a person to the roster once; a person already on it keeps their first details. */
function addPerson(d: Draft, key: string, person: PersonOnRoster): void {
  if (d.people[key]) return;
  own(d, 'people')[key] = person;
  d.roster.push(key);
}

/**
 * The record `key` of a draft, ready to be written: copied once per draft the first time it is
 * written, so a tap copies only what it changes (a step's status copies the steps, never the
 * notes or the struck entries) and the state before it stays as it was.
 */
function own<K extends RecordKey>(d: Draft, key: K): Draft[K] {
  if (d.owned !== null && !d.owned.has(key)) {
    d[key] = { ...d[key] };
    d.owned.add(key);
  }
  return d[key];
}

/** The same as `attribution(e)`, with the stamp's wall time read without a regular expression (it runs for every event). */
function attributionOf(e: MusterEvent): Attribution {
  return { eventId: e.id, actor: e.actor, deviceId: e.deviceId, hlc: e.hlc, at: wallTime(e.hlc) };
}

/**
 * A draft that continues from `s` without copying its lists: each list is the array `s` shares
 * with the states after it, appended to in place when `s` is the newest state made from it;
 * a state appended to already (a second event applied to the same older state) gets its own
 * copy of the entries it sees, so no state ever sees an entry it was not made with.
 */
function draftFrom(s: IncidentState, core: ListCore): Draft {
  const list = <K extends ListKey>(key: K): Draft[K] => {
    const { items, length } = core[key];
    return (items.length === length ? items : items.slice(0, length)) as Draft[K];
  };
  return {
    id: s.id,
    declared: s.declared,
    phase: s.phase,
    endConfirmed: s.endConfirmed,
    closure: s.closure,
    commanders: list('commanders'),
    roles: s.roles,
    steps: s.steps,
    items: s.items,
    notes: list('notes'),
    roster: list('roster'),
    people: s.people,
    headcount: s.headcount,
    headcountReports: s.headcountReports,
    measurements: list('measurements'),
    losses: list('losses'),
    suppliesUsed: list('suppliesUsed'),
    suppliesToReplenish: list('suppliesToReplenish'),
    afterAction: s.afterAction,
    improvements: list('improvements'),
    planRevisions: list('planRevisions'),
    struck: s.struck,
    ignored: s.ignored,
    timeline: list('timeline'),
    lastHlc: s.lastHlc,
    eventCount: s.eventCount,
    owned: new Set(),
  };
}

/**
 * The state a draft has reached. Its lists are read through getters that copy the entries this
 * state sees out of the shared arrays on first read (and keep that copy): applying a tap costs
 * the same at 100 events as at 100,000, and a screen that never reads the timeline never pays for it.
 */
function stateOf(d: Draft): IncidentState {
  const { owned: _owned, ...fields } = d;
  const core = {} as Record<ListKey, { items: unknown[]; length: number }>;
  const getters: PropertyDescriptorMap = {};
  for (const key of LISTS) {
    const items = d[key] as unknown[];
    const length = items.length;
    core[key] = { items, length };
    let copy: readonly unknown[] | null = null;
    getters[key] = { enumerable: true, get: () => (copy ??= items.slice(0, length)) };
  }
  for (const key of LISTS) delete (fields as Partial<Draft>)[key];
  getters[CORE] = { enumerable: false, value: core };
  return Object.defineProperties(fields, getters);
}

function coreOf(s: IncidentState): ListCore {
  const core = (s as { readonly [CORE]?: ListCore })[CORE];
  if (core) return core;
  // A state made some other way (a copy, say): its lists as they are.
  return Object.fromEntries(LISTS.map((k) => [k, { items: s[k], length: s[k].length }])) as unknown as ListCore;
}

/**
 * Turns an incident's events into its state. Deterministic: the events are put in merge
 * order (compareForMerge: (hlc, id), with a stamp capped at when the server stored it) and repeats dropped first, so any two devices holding the same set of
 * events compute the same state whatever order they arrived in (sync-safe, offline-safe).
 * Values that change (step status, role holder, after-action texts) are last-writer-wins by
 * stamp; lists are the union; the first declaration counts; a closed incident takes only
 * after-action events.
 */
export function reduceIncident(streamId: string, events: readonly MusterEvent[]): IncidentState {
  const d: Draft = { ...(emptyIncident(streamId) as Draft), owned: null };
  for (const key of LISTS) d[key] = [] as never;
  for (const e of orderForMerge(events.filter((x) => x.streamId === streamId))) applyTo(d, e);
  return stateOf(d);
}

/**
 * Applies one new event to a state without re-reading the rest: the fast path for a tap on
 * this device, and its work does not grow with the incident (nothing is copied but the one
 * record the event changes). Returns null when the event does not sort after every event
 * already applied (a late event pulled by sync, or one applied already): the caller then
 * reduces the whole stream again. The state given is left as it was.
 */
export function applyEvent(state: IncidentState, e: MusterEvent): IncidentState | null {
  return applyEvents(state, [e]);
}

/**
 * Applies new events, given in merge order, to a state in one go (a page of a stream being
 * read, say): the same as applying them one by one, without a state made for each. Null when
 * one of them does not sort after the event before it (the caller reduces the whole stream
 * again); events of other streams are passed over. The state given is left as it was.
 */
export function applyEvents(state: IncidentState, events: readonly MusterEvent[]): IncidentState | null {
  const core = coreOf(state);
  let last = core.timeline.length > 0 ? core.timeline.items[core.timeline.length - 1] : undefined;
  // Each event's effective time is read once: as itself, then as the `last` the next one is compared with.
  const timeOf = effectiveTimeReader();
  let lastTime = last ? timeOf(last) : 0;
  let d: Draft | null = null;
  for (const e of events) {
    if (e.streamId !== state.id) continue;
    const time = timeOf(e);
    if (last && compareForMergeAt(last, lastTime, e, time) >= 0) return null;
    d ??= draftFrom(state, core);
    applyTo(d, e);
    last = e;
    lastTime = time;
  }
  return d ? stateOf(d) : state;
}

/**
 * Whether `e` is among the events a state was made from. Looks back from the newest event only
 * as far as events that sort at or after `e`: a tap just recorded here is found (or not) at once.
 */
export function includesEvent(state: IncidentState, e: MusterEvent): boolean {
  const { items, length } = coreOf(state).timeline;
  for (let i = length - 1; i >= 0; i--) {
    const x = items[i]!;
    if (x.id === e.id) return true;
    if (compareForMerge(x, e) < 0) return false;
  }
  return false;
}

/** The status of one step (open when nobody has touched it). */
export function stepStatus(state: IncidentState, stepId: string): StepStatus {
  return state.steps[stepId]?.status ?? 'open';
}

/** A step's target time and the clock it runs on. */
export interface StepClock {
  readonly minutes: number;
  readonly from: 'incident' | 'step';
  /** When the clock started: the declaration, or the step's start; null while a step-relative step is not started. */
  readonly since: number | null;
  /** When the target time runs out, in ms; null while the clock has not started. */
  readonly dueAt: number | null;
}

/**
 * The clock of a step's target: from the incident's declaration, or from when the step was
 * started (`step.started`, last-writer-wins like the rest of its status). Null when the plan sets
 * no target. Pure: the checklist compares `dueAt` with the time it is given, the report with the
 * end of the incident; the same answer on every device holding the same events.
 */
export function stepClock(state: IncidentState, step: Pick<Step, 'id' | 'target'>): StepClock | null {
  if (!step.target) return null;
  const { minutes, from } = step.target;
  const since = from === 'incident' ? (state.declared?.at ?? null) : (state.steps[step.id]?.started?.at ?? null);
  return { minutes, from, since, dueAt: since === null ? null : since + minutes * 60_000 };
}

/** Who commands now. */
export function currentCommander(state: IncidentState): CommanderTurn | undefined {
  return state.commanders[state.commanders.length - 1];
}

/** Entries of a list that no correction has struck through. */
export function standing<T extends Attribution>(state: IncidentState, list: readonly T[]): T[] {
  return list.filter((x) => !state.struck[x.eventId]);
}

/** Roster keys with no "safe" or "injured" report yet, or reported missing (see `personName`). */
export function missingPeople(state: IncidentState): string[] {
  return state.roster.filter((p) => {
    const h = state.headcount[p];
    return !h || h.status === 'missing';
  });
}

/** The name a person key stands for (the key itself for a typed name). */
export function personName(state: IncidentState, key: string): string {
  return state.people[key]?.name ?? key;
}

type HeadcountTotals = {
  readonly total: number;
  readonly safe: number;
  readonly injured: number;
  /** Reported missing. */
  readonly missing: number;
  /** On the roster with no report at all yet. */
  readonly unknown: number;
};

/** The roster counted by each person's latest report: the headcount screen and the report show the same numbers. */
export function headcountTotals(state: IncidentState): HeadcountTotals {
  const totals = { total: state.roster.length, safe: 0, injured: 0, missing: 0, unknown: 0 };
  for (const person of state.roster) totals[state.headcount[person]?.status ?? 'unknown'] += 1;
  return totals;
}

/** The estimated value of everything lost or damaged, leaving out losses a correction struck through. */
export function lossTotal(state: IncidentState): number {
  return standing(state, state.losses).reduce((sum, l) => sum + (l.estimatedValue ?? 0), 0);
}

/**
 * Entries a person wrote, which a correction strikes through. A change of state (a step done, a
 * role filled, a person accounted for) is never struck: the next event of its kind replaces it.
 */
const STRIKABLE: ReadonlySet<EventType> = new Set([
  'note.added',
  'loss.recorded',
  'supplies.used',
  'supplies.toReplenish',
  'roster.added',
  'measurement.recorded',
  'improvement.added',
  'planRevision.added',
]);

/** Entries that stay open to correction after closure, as the after-action work goes on. */
const STRIKABLE_AFTER_CLOSURE: ReadonlySet<EventType> = new Set(['improvement.added', 'planRevision.added']);

/**
 * Whether a correction may strike `e` through now: an entry someone wrote, not struck already,
 * and, once the incident is closed, only an after-action entry (the reducer ignores any other
 * strike after closure, so offering one would record a correction that changes nothing).
 */
export function mayStrike(state: IncidentState, e: MusterEvent): boolean {
  if (e.streamId !== state.id || !STRIKABLE.has(e.type) || state.struck[e.id]) return false;
  return state.phase !== 'closed' || STRIKABLE_AFTER_CLOSURE.has(e.type);
}
