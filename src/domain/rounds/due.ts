import type { Playbook } from '../playbook/schema';
import type { Round } from '../playbook/schema-rounds';
import { languageOfTag } from '../text';
import { seasonDeadline, windowAt, type CalendarWindow } from './recurrence';
import type { RoundRun } from './round';

/**
 * What is due: for every round of every playbook and every area of it, whether the current
 * window of its recurrence (or the season it prepares for) has a completed round. Pure: the
 * rounds done come in as summaries (from the events on this device, synced or not), time and
 * zone come in; a round done on another phone counts as soon as its events are here.
 */

/** What `roundsDue` needs of a round done (see `summariseRuns`). */
export interface RoundRunSummary {
  readonly streamId: string;
  readonly playbookId: string;
  readonly roundId: string;
  readonly areaId?: string;
  /** Wall time of its completion, ms; null while it is under way. */
  readonly completedAt: number | null;
  /** Wall time of its start, ms: the window it counts for. */
  readonly startedAt: number;
}

/**
 * - done: the current window has a completed round (for that area);
 * - due: the current window is open and has none yet;
 * - overdue: none in the current window and the previous window was missed too, or a season
 *   round's deadline has passed without one;
 * - no-season-date: a round due before a season whose start date the branch has not set.
 */
export const ROUND_DUE_STATUSES = ['overdue', 'due', 'no-season-date', 'done'] as const;
export type RoundDueStatus = (typeof ROUND_DUE_STATUSES)[number];

export interface RoundDueRow {
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly playbookLanguage: string;
  readonly playbookTitle: string;
  readonly round: Round;
  readonly roundId: string;
  readonly title: string;
  readonly areaId?: string;
  readonly areaName?: string;
  readonly status: RoundDueStatus;
  /** The window a round done now counts for; null without a season date. */
  readonly window: CalendarWindow | null;
  /** When it must be done by: the window's end, or the season deadline (ms). Null without a season date. */
  readonly deadline: number | null;
  /** Season rounds: the season's first day (ms). */
  readonly seasonStart?: number;
  /** The last completed round of it (any window), or null. */
  readonly lastDone: RoundRunSummary | null;
  /** A round of it started in the current window and not completed yet (to go on with), or null. */
  readonly underWay: RoundRunSummary | null;
  /** How many of the `lookback` windows before the current one have no completed round. */
  readonly missed: number;
}

export interface RoundsDueInput {
  readonly playbooks: readonly Playbook[];
  readonly runs: readonly RoundRunSummary[];
  /** Season starts the branch set ("MM-DD"), keyed `${playbookId}/${roundId}`. */
  readonly seasons: ReadonlyMap<string, string>;
  readonly now: number;
  readonly timeZone: string;
  /** The language twin to show when a playbook is held in several (a BCP 47 tag); otherwise the first held. */
  readonly language?: string;
  /** Windows looked back over for `missed` (default DEFAULT_LOOKBACK; season rounds look back this many years, at most 5). */
  readonly lookback?: number;
  /** Windows that end at or before this moment (ms) are not counted as missed: when the branch began using rounds. */
  readonly since?: number;
}

export const DEFAULT_LOOKBACK = 12;
const MAX_SEASON_LOOKBACK = 5;

/** The key of a season start in `RoundsDueInput.seasons`. */
export function seasonKey(playbookId: string, roundId: string): string {
  return `${playbookId}/${roundId}`;
}

/**
 * One playbook per id: the twin in `language` when held, otherwise the first one held. Order
 * kept. Pure.
 */
export function oneTwinPerId(playbooks: readonly Playbook[], language?: string): Playbook[] {
  const chosen = new Map<string, Playbook>();
  const wanted = language === undefined ? undefined : languageOfTag(language);
  for (const p of playbooks) {
    const held = chosen.get(p.id);
    if (!held) chosen.set(p.id, p);
    else if (wanted !== undefined && languageOfTag(held.language) !== wanted && languageOfTag(p.language) === wanted) chosen.set(p.id, p);
  }
  return [...chosen.values()];
}

/** The summaries `roundsDue` needs, from reduced rounds. Pure. */
export function summariseRuns(runs: readonly RoundRun[]): RoundRunSummary[] {
  return runs.map((r) => ({
    streamId: r.streamId,
    playbookId: r.started.playbookId,
    roundId: r.started.roundId,
    ...(r.started.areaId !== undefined ? { areaId: r.started.areaId } : {}),
    completedAt: r.completedAt,
    startedAt: r.startedAt,
  }));
}

/** Areas a round is done for: each of its areas, or one row for the whole site. */
export function roundAreas(round: Round): readonly ({ id: string; name: string } | undefined)[] {
  return round.areas && round.areas.length > 0 ? round.areas : [undefined];
}

function inWindow(run: RoundRunSummary, w: CalendarWindow): boolean {
  return run.startedAt >= w.start && run.startedAt < w.end;
}

/** Runs grouped by playbook, round and area. */
function groupRuns(runs: readonly RoundRunSummary[]): Map<string, RoundRunSummary[]> {
  const groups = new Map<string, RoundRunSummary[]>();
  for (const r of runs) {
    const key = runKey(r.playbookId, r.roundId, r.areaId);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

function runKey(playbookId: string, roundId: string, areaId: string | undefined): string {
  return JSON.stringify([playbookId, roundId, areaId ?? null]);
}

interface RoundCalendar {
  readonly window: CalendarWindow;
  readonly deadline: number;
  readonly seasonStart?: number;
  /** The windows before the current one, the latest first. */
  readonly previous: readonly CalendarWindow[];
}

/** The current window of a round and the ones before it; null for a season round whose season start is not set. */
function roundCalendar(round: Round, playbookId: string, input: RoundsDueInput, lookback: number): RoundCalendar | null {
  const { now, timeZone } = input;
  const previous: CalendarWindow[] = [];
  if (round.every) {
    const rec = round.every;
    const window = windowAt(rec, now, timeZone);
    for (let at = window.start; previous.length < lookback;) {
      const w = windowAt(rec, at - 1, timeZone);
      previous.push(w);
      at = w.start;
    }
    return { window, deadline: window.end, previous };
  }
  const startsOn = input.seasons.get(seasonKey(playbookId, round.id));
  if (!round.beforeSeason || startsOn === undefined) return null;
  const { daysBefore } = round.beforeSeason;
  const season = seasonDeadline(startsOn, daysBefore, now, timeZone);
  for (let at = season.window.start; previous.length < Math.min(lookback, MAX_SEASON_LOOKBACK);) {
    const w = seasonDeadline(startsOn, daysBefore, at - 1, timeZone).window;
    previous.push(w);
    at = w.start;
  }
  return { window: season.window, deadline: season.deadline, seasonStart: season.seasonStart, previous };
}

/**
 * One row per (playbook, round, area), in playbook, round and area order. Pure; offline it
 * counts the rounds this device holds, and a round another phone did counts once it syncs.
 */
export function roundsDue(input: RoundsDueInput): RoundDueRow[] {
  const { now } = input;
  const lookback = Math.max(0, Math.floor(input.lookback ?? DEFAULT_LOOKBACK));
  const since = input.since ?? Number.NEGATIVE_INFINITY;
  const groups = groupRuns(input.runs);
  const rows: RoundDueRow[] = [];
  for (const playbook of oneTwinPerId(input.playbooks, input.language)) {
    for (const round of playbook.preparation?.rounds ?? []) {
      const calendar = roundCalendar(round, playbook.id, input, lookback);
      for (const area of roundAreas(round)) {
        const runs = groups.get(runKey(playbook.id, round.id, area?.id)) ?? [];
        const completed = runs.filter((r) => r.completedAt !== null);
        const lastDone = completed.reduce<RoundRunSummary | null>((a, r) => (a === null || (r.completedAt ?? 0) > (a.completedAt ?? 0) ? r : a), null);
        const base = {
          playbookId: playbook.id,
          playbookVersion: playbook.version,
          playbookLanguage: playbook.language,
          playbookTitle: playbook.title,
          round,
          roundId: round.id,
          title: round.title,
          ...(area ? { areaId: area.id, areaName: area.name } : {}),
          lastDone,
        };
        if (!calendar) {
          rows.push({ ...base, status: 'no-season-date', window: null, deadline: null, underWay: null, missed: 0 });
          continue;
        }
        const doneIn = (w: CalendarWindow) => completed.some((r) => inWindow(r, w));
        const missed = calendar.previous.filter((w) => w.end > since && !doneIn(w)).length;
        const done = doneIn(calendar.window);
        // Recurring: overdue when the window before was missed too; a season round: once its deadline has passed.
        const late =
          calendar.seasonStart === undefined
            ? calendar.previous[0] !== undefined && calendar.previous[0].end > since && !doneIn(calendar.previous[0])
            : now >= calendar.deadline;
        rows.push({
          ...base,
          status: done ? 'done' : late ? 'overdue' : 'due',
          window: calendar.window,
          deadline: calendar.deadline,
          ...(calendar.seasonStart !== undefined ? { seasonStart: calendar.seasonStart } : {}),
          underWay: done ? null : (runs.find((r) => r.completedAt === null && inWindow(r, calendar.window)) ?? null),
          missed,
        });
      }
    }
  }
  return rows;
}
