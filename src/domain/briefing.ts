import { messages } from './briefing.messages';
import { BRIEFING_LIMITS, type HandoverBriefing } from './events/command';
import { TEXT_LIMITS } from './events/limits';
import { attribution } from './attribution';
import { headcountTotals, lossTotal, missingPeople, personName, standing, stepClock, stepStatus, type IncidentState, type MeasurementEntry } from './incident';
import { readingsOf, riseAlert } from './measurements';
import { assignablePosts } from './playbook/command-tree';
import { commandNames, playbookNames } from './playbook/names';
import type { Playbook, Step } from './playbook/schema';
import type { Measurement } from './playbook/schema-plan';
import { describeEvent } from './report/describe';
import { fill, reportLabels } from './report/labels';
import { speaker, type Language, type Speak } from './text';

export { messages as briefingMessages } from './briefing.messages';

/** When and for whom a briefing is written: the time it is shown, the reader's language and clock. */
export interface BriefingOptions {
  readonly now: number;
  readonly language: Language;
  /** The reader's time zone, minutes east of UTC (`-new Date().getTimezoneOffset()`), as the report takes it. */
  readonly timeZoneOffsetMinutes: number;
}

/**
 * How many lines each section shows before it says how many more there are: one screen for a
 * commander arriving in the dark, never a second copy of the incident. The people not accounted
 * for are never cut (up to BRIEFING_LIMITS.missing), nor the readings, nor the open critical steps.
 */
export const BRIEFING_SHOWN = { notes: 5, done: 6, open: 12, resources: 15, losses: 8, messages: 5 } as const;

type Say = Speak<typeof messages>;

/**
 * The briefing the incoming commander reads before taking command, in the shape of an ICS 201:
 * situation (readings with their trend and warning, injured people, the latest notes),
 * objectives (the first phase with steps open, and what it is for), actions done and open
 * (critical and overdue first), people (accounted for, and the name of everyone who is not),
 * resources (posts filled, supplies used), losses and the last lines of the timeline.
 * Pure: the same events, time and language give the same texts on any device, offline or not;
 * the result is recorded with the handover as it was shown and fits `checkCommandHandedOver`.
 */
export function buildBriefing(state: IncidentState, playbook: Playbook, options: BriefingOptions): HandoverBriefing {
  const say = speaker(options.language, messages);
  const time = (at: number) => clockTime(at, options);
  const names = playbookNames(playbook);
  const steps = playbook.phases.flatMap((p) => p.steps);
  const missing = missingPeople(state).map((key) => personName(state, key));
  const totals = headcountTotals(state);
  return {
    situation: fit(situation(state, playbook, say, time, options.language), BRIEFING_LIMITS.items, (count) => say('brief.more.notes', { count })),
    objectives: objectives(state, playbook, say),
    done: done(state, names, say, time),
    open: open(state, playbook, steps, say, time, options.now),
    accounted: totals.safe + totals.injured,
    missing: fit(missing, BRIEFING_LIMITS.missing, (count) => say('brief.more.people', { count }), TEXT_LIMITS.name),
    resources: resources(state, playbook, say, options.language),
    losses: losses(state, say, options.language),
    messages: lastMessages(state, names, say, time, options.language),
  };
}

function situation(state: IncidentState, playbook: Playbook, say: Say, time: (at: number) => string, language: Language): string[] {
  const lines: string[] = [];
  // Readings first, a warning before the rest: a level rising fast is what the newcomer must act on.
  const readings = measuredIds(state, playbook).map((id) =>
    readingLine(
      state,
      id,
      playbook.measurements?.find((m) => m.id === id),
      say,
      time,
    ),
  );
  lines.push(...readings.filter((r) => r.alert).map((r) => r.text), ...readings.filter((r) => !r.alert).map((r) => r.text));
  const injured = state.roster.filter((key) => state.headcount[key]?.status === 'injured').map((key) => personName(state, key));
  if (injured.length) lines.push(say('brief.injured', { names: injured.join(reportLabels(language).listSeparator) }));
  const notes = standing(state, state.notes).reverse();
  lines.push(...notes.slice(0, BRIEFING_SHOWN.notes).map((n) => say('brief.line', { time: time(n.at), actor: n.actor, text: n.text })));
  if (notes.length > BRIEFING_SHOWN.notes) lines.push(say('brief.more.notes', { count: notes.length - BRIEFING_SHOWN.notes }));
  return lines.length ? lines.map(clip) : [say('brief.situation.none')];
}

/** The playbook's measurements that have readings, in plan order, then any other id read (a newer plan's). */
function measuredIds(state: IncidentState, playbook: Playbook): string[] {
  const read = new Set(standing(state, state.measurements).map((m) => m.measureId));
  const planned = (playbook.measurements ?? []).map((m) => m.id).filter((id) => read.has(id));
  return [...planned, ...[...read].filter((id) => !planned.includes(id))];
}

function readingLine(state: IncidentState, id: string, definition: Measurement | undefined, say: Say, time: (at: number) => string) {
  const readings = readingsOf(state, id);
  const latest = readings[readings.length - 1] as MeasurementEntry;
  const previous = readings[readings.length - 2];
  const label = definition?.label ?? id;
  const place = latest.place ?? definition?.place;
  const measure = place ? say('brief.reading.place', { measure: label, place }) : label;
  const amount = (v: number) => `${round(v)} ${latest.unit}`;
  const change = previous ? latest.value - previous.value : 0;
  const trend = !previous
    ? say('brief.reading.first')
    : change > 0
      ? say('brief.reading.up', { change: amount(change), time: time(previous.at) })
      : change < 0
        ? say('brief.reading.down', { change: amount(-change), time: time(previous.at) })
        : say('brief.reading.same', { time: time(previous.at) });
  const reading = say('brief.reading', { measure, value: amount(latest.value), time: time(latest.at), trend });
  const alert = definition ? riseAlert(readings, definition) : null;
  return {
    alert: alert !== null,
    text: alert ? say('brief.reading.alert', { reading, rise: amount(alert.rise), minutes: alert.minutes, amount: amount(alert.amount) }) : reading,
  };
}

function objectives(state: IncidentState, playbook: Playbook, say: Say): string[] {
  const lines: string[] = [];
  if (state.phase === 'ending') lines.push(say('brief.phase.ending'));
  const phase = playbook.phases.find((p) => p.steps.some((s) => isOpen(state, s.id)));
  if (phase) {
    lines.push(say('brief.phase', { phase: phase.title }));
    if (phase.summary) lines.push(phase.summary);
  } else {
    const aftermath = playbook.aftermath.filter((a) => isOpen(state, a.id)).length;
    lines.push(aftermath ? say('brief.phase.aftermath', { count: aftermath }) : say('brief.phase.allDone'));
  }
  return lines.map(clip);
}

function done(state: IncidentState, names: ReadonlyMap<string, string>, say: Say, time: (at: number) => string): string[] {
  const finished = Object.entries(state.steps)
    .filter(([, s]) => s.status === 'done' || s.status === 'skipped')
    .sort(([, a], [, b]) => b.at - a.at);
  const lines = finished.map(([id, s]) => {
    const step = names.get(id) ?? id;
    return s.status === 'skipped'
      ? say('brief.skipped', { time: time(s.at), step, actor: s.actor, reason: s.reason ?? '' })
      : say('brief.done', { time: time(s.at), step, actor: s.actor });
  });
  return fit(lines.map(clip), BRIEFING_SHOWN.done, (count) => say('brief.more.done', { count }));
}

function open(state: IncidentState, playbook: Playbook, steps: readonly Step[], say: Say, time: (at: number) => string, now: number): string[] {
  const openSteps = steps.filter((s) => isOpen(state, s.id));
  const line = (s: Step) => {
    let text = s.critical ? say('brief.open.critical', { step: s.text }) : s.text;
    const started = state.steps[s.id]?.status === 'started' ? state.steps[s.id]?.started : undefined;
    if (started) text = say('brief.open.started', { step: text, time: time(started.at) });
    const dueAt = stepClock(state, s)?.dueAt;
    if (dueAt != null && dueAt < now) text = say('brief.open.overdue', { step: text, minutes: Math.floor((now - dueAt) / 60_000) });
    return clip(text);
  };
  const critical = openSteps.filter((s) => s.critical).map(line);
  const others = openSteps.filter((s) => !s.critical).map(line);
  // When every phase is done the aftermath is what is left to do.
  const aftermath = openSteps.length ? [] : playbook.aftermath.filter((a) => isOpen(state, a.id)).map((a) => clip(a.text));
  // Every open critical step is listed; the rest fill the screen up to BRIEFING_SHOWN.open.
  const shown = Math.min(BRIEFING_LIMITS.items, Math.max(BRIEFING_SHOWN.open, critical.length + 1));
  return fit([...critical, ...others, ...aftermath], shown, (count) => say('brief.more.open', { count }));
}

function resources(state: IncidentState, playbook: Playbook, say: Say, language: Language): string[] {
  const labels = reportLabels(language);
  const roleNames = commandNames(playbook);
  const order = assignablePosts(playbook.command).map((p) => p.id);
  const roleIds = [...order.filter((id) => state.roles[id]), ...Object.keys(state.roles).filter((id) => !order.includes(id))];
  const lines = roleIds.map((id) => {
    const holder = state.roles[id];
    const role = roleNames.get(id) ?? id;
    return holder?.phone
      ? say('brief.role.phone', { role, person: holder.person, phone: holder.phone })
      : fill(labels['event.role.assigned'], { role, person: holder?.person ?? '' });
  });
  for (const s of standing(state, state.suppliesUsed)) lines.push(say('brief.supplies', { item: s.item, quantity: quantity(s.quantity, s.unit, language) }));
  return fit(lines.map(clip), BRIEFING_SHOWN.resources, (count) => say('brief.more.resources', { count }));
}

function losses(state: IncidentState, say: Say, language: Language): string[] {
  const entries = standing(state, state.losses);
  if (!entries.length) return [];
  const dash = reportLabels(language).dash;
  const lines = entries.map((l) => {
    const loss = say('brief.loss', {
      what: l.what,
      quantity: quantity(l.quantity, l.unit, language),
      kind: say(`brief.loss.${l.kind}`),
      where: l.where || dash,
    });
    return clip(l.estimatedValue !== undefined ? say('brief.loss.value', { loss, value: number(l.estimatedValue, language) }) : loss);
  });
  const total = lossTotal(state);
  return [
    ...(total > 0 ? [say('brief.loss.total', { value: number(total, language) })] : []),
    ...fit(lines, BRIEFING_SHOWN.losses, (count) => say('brief.more.losses', { count })),
  ];
}

/** The last lines of the timeline, in the words the timeline and the report use, oldest first. */
function lastMessages(state: IncidentState, names: ReadonlyMap<string, string>, say: Say, time: (at: number) => string, language: Language): string[] {
  const labels = reportLabels(language);
  // A correction quotes what it struck out, which may be far back: describe the whole stream.
  const earlier = new Map<string, string>();
  const lines: string[] = [];
  for (const e of state.timeline) {
    const text = describeEvent(e, labels, names, earlier);
    earlier.set(e.id, text);
    lines.push(say('brief.line', { time: time(attribution(e).at), actor: e.actor, text }));
  }
  return lines.slice(-BRIEFING_SHOWN.messages).map(clip);
}

const isOpen = (state: IncidentState, stepId: string) => {
  const status = stepStatus(state, stepId);
  return status === 'open' || status === 'started';
};

/**
 * A list cut to `max` lines, its last line saying how many more there are: never a silent drop.
 * `width` keeps that last line within the field's length (a name's, for the missing list).
 */
function fit(lines: readonly string[], max: number, more: (count: number) => string, width: number = TEXT_LIMITS.note): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max - 1), more(lines.length - max + 1).slice(0, width)];
}

/** A line within what the validator takes for one item; only a note of thousands of characters is ever cut, and says so. */
function clip(line: string): string {
  return line.length <= TEXT_LIMITS.note ? line : `${line.slice(0, TEXT_LIMITS.note - 1)}…`;
}

/** "02:40" on the day of the briefing, "07-13 23:50" on another (an incident can span midnight). */
function clockTime(at: number, { now, timeZoneOffsetMinutes }: BriefingOptions): string {
  const local = new Date(at + timeZoneOffsetMinutes * 60_000);
  const today = new Date(now + timeZoneOffsetMinutes * 60_000);
  const hm = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const sameDay = local.getUTCFullYear() === today.getUTCFullYear() && local.getUTCMonth() === today.getUTCMonth() && local.getUTCDate() === today.getUTCDate();
  return sameDay ? hm : `${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${hm}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const round = (n: number) => Math.round(n * 100) / 100;
const number = (n: number, language: Language) => n.toLocaleString(language);
const quantity = (q: number, unit: string | undefined, language: Language) => `${number(q, language)}${unit ? ` ${unit}` : ''}`;
