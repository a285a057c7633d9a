import { orderEvents, type MusterEvent } from '../event';
import { envelopeOf, type HeldEvent } from '../merge-order';
import type { Playbook } from '../playbook/schema';
import type { Round } from '../playbook/schema-rounds';
import { hashChain, type ChainLink } from '../report/chain';
import { oneTwinPerId, roundAreas, seasonKey } from './due';
import { endOfYmd, seasonDeadline, startOfYmd, windowsBetween, ymdAt, type CalendarWindow, type Recurrence } from './recurrence';
import { isRoundStream, rectificationStatus, reduceRound, type FindingState, type RectificationStatus, type RoundRun } from './round';

export { roundReportHtml } from './report-html';
export { roundReportCsv } from './report-csv';

/**
 * The round report for a period (seed plan 4, 三、2: inspections done as the plan prescribes,
 * hazards ordered rectified and followed up): per round and area, the windows due against the
 * windows done, the findings found, open, overdue and closed, the list of findings with their
 * rectification, and the hash chain over every event it was built from. Pure: built from the
 * events this device holds; two devices holding the same events make the same report.
 */

export interface RoundReportInput {
  readonly playbooks: readonly Playbook[];
  /** Events of the round streams held (`round-<uuid>`); events of other streams are left out. */
  readonly events: readonly HeldEvent[];
  /** Season starts the branch set ("MM-DD"), keyed `${playbookId}/${roundId}`. */
  readonly seasons: ReadonlyMap<string, string>;
  /** First and last calendar day of the period, "YYYY-MM-DD", in `timeZone`. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** When the report is made (ms): windows not over yet are not counted as missed, and rectification status is as of this day. */
  readonly now: number;
  /** Which language twin of a playbook names the rounds (a BCP 47 tag). */
  readonly language?: string;
}

export interface RoundReportRow {
  readonly playbookId: string;
  readonly playbookTitle: string;
  readonly roundId: string;
  readonly title: string;
  readonly areaId?: string;
  readonly areaName?: string;
  readonly every?: Recurrence;
  readonly beforeSeason?: { readonly season: string; readonly daysBefore: number; readonly startsOn?: string };
  /** Windows overlapping the period that ended by `now` (a season window: whose deadline passed), plus any other one already done. */
  readonly windowsDue: number;
  /** Of those, windows with a completed round. */
  readonly windowsDone: number;
  /** Rounds completed that started in the period. */
  readonly runs: number;
  /** Findings found in the period. */
  readonly found: number;
  /** Listed findings (found in the period, or earlier and not closed before it) by rectification status now. */
  readonly open: number;
  readonly overdue: number;
  readonly closed: number;
  /** A round done that the playbook no longer lists: its runs and findings still count. */
  readonly unlisted?: true;
}

export type RoundReportFinding = FindingState & {
  readonly rectification: RectificationStatus;
  readonly roundTitle: string;
  readonly itemText?: string;
  /** Found before the period and still open at its start. */
  readonly foundBefore: boolean;
};

export interface RoundReportRun {
  readonly streamId: string;
  readonly playbookId: string;
  readonly roundId: string;
  readonly title: string;
  readonly areaName?: string;
  readonly inspector: string;
  readonly startedAt: number;
  readonly completedAt: number | null;
  readonly findings: number;
}

export type RoundReportTotals = Pick<RoundReportRow, 'windowsDue' | 'windowsDone' | 'runs' | 'found' | 'open' | 'overdue' | 'closed'>;

export interface RoundReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly generatedAt: number;
  /** The calendar day of `generatedAt`: rectification status is as of it. */
  readonly today: string;
  readonly rows: readonly RoundReportRow[];
  readonly totals: RoundReportTotals;
  readonly findings: readonly RoundReportFinding[];
  /** Rounds started in the period, in time order. */
  readonly runs: readonly RoundReportRun[];
  /** The hash chain (domain/report/chain.ts) over the events of every round listed, in (hlc, id) order. */
  readonly chain: { readonly count: number; readonly finalHash: string; readonly links: readonly ChainLink[] };
  /** Those events, as their authors made them (for a JSON export that `checkChain` verifies). */
  readonly events: readonly MusterEvent[];
}

type Slot = { playbook: Playbook | null; round: Round | null; playbookId: string; roundId: string; title: string; areaId?: string; areaName?: string };

function slotKey(playbookId: string, roundId: string, areaId: string | undefined): string {
  return JSON.stringify([playbookId, roundId, areaId ?? null]);
}

/** Windows of a round overlapping [fromMs, toMs) with the moment each becomes due (its end, or a season's deadline). */
function windowsOf(round: Round, playbookId: string, input: RoundReportInput, fromMs: number, toMs: number): { window: CalendarWindow; dueAt: number }[] {
  if (round.every) return windowsBetween(round.every, fromMs, toMs, input.timeZone).map((window) => ({ window, dueAt: window.end }));
  const startsOn = input.seasons.get(seasonKey(playbookId, round.id));
  if (!round.beforeSeason || startsOn === undefined) return [];
  const out: { window: CalendarWindow; dueAt: number }[] = [];
  for (let at = fromMs; at < toMs;) {
    const s = seasonDeadline(startsOn, round.beforeSeason.daysBefore, at, input.timeZone);
    out.push({ window: s.window, dueAt: s.deadline });
    at = s.window.end;
  }
  return out;
}

/** Builds the round report for [from, to]. Pure. Throws RangeError on a malformed date. */
export function buildRoundReport(input: RoundReportInput): RoundReport {
  const { timeZone, now } = input;
  const fromMs = startOfYmd(input.from, timeZone);
  const toMs = endOfYmd(input.to, timeZone);
  const today = ymdAt(now, timeZone);

  const byStream = new Map<string, HeldEvent[]>();
  for (const e of input.events) {
    if (!isRoundStream(e.streamId)) continue;
    const list = byStream.get(e.streamId);
    if (list) list.push(e);
    else byStream.set(e.streamId, [e]);
  }
  const runs = [...byStream.values()].map((events) => reduceRound(events)).filter((r): r is RoundRun => r !== null);

  // The rows: every round and area the playbooks list, then any round done that they no longer list.
  const slots = new Map<string, Slot>();
  const playbooks = oneTwinPerId(input.playbooks, input.language);
  for (const playbook of playbooks) {
    for (const round of playbook.preparation?.rounds ?? []) {
      for (const area of roundAreas(round)) {
        slots.set(slotKey(playbook.id, round.id, area?.id), {
          playbook,
          round,
          playbookId: playbook.id,
          roundId: round.id,
          title: round.title,
          ...(area ? { areaId: area.id, areaName: area.name } : {}),
        });
      }
    }
  }
  const inPeriod = (at: number) => at >= fromMs && at < toMs;
  const listed = (f: FindingState) => f.found.at < toMs && (f.found.at >= fromMs || f.status === 'open' || (f.closed !== null && f.closed.at >= fromMs));
  for (const run of runs) {
    const s = run.started;
    const key = slotKey(s.playbookId, s.roundId, s.areaId);
    if (!slots.has(key) && (inPeriod(run.startedAt) || run.findings.some(listed))) {
      slots.set(key, {
        playbook: null,
        round: null,
        playbookId: s.playbookId,
        roundId: s.roundId,
        title: s.title,
        ...(s.areaId !== undefined ? { areaId: s.areaId } : {}),
        ...(s.areaName !== undefined ? { areaName: s.areaName } : {}),
      });
    }
  }

  const runsBySlot = new Map<string, RoundRun[]>();
  for (const run of runs) {
    const key = slotKey(run.started.playbookId, run.started.roundId, run.started.areaId);
    const list = runsBySlot.get(key);
    if (list) list.push(run);
    else runsBySlot.set(key, [run]);
  }

  // The windows of a round are the same for each of its areas: cut them once.
  const windowCache = new Map<string, { window: CalendarWindow; dueAt: number }[]>();
  const windowsOfRound = (round: Round, playbookId: string) => {
    const key = JSON.stringify([playbookId, round.id]);
    let windows = windowCache.get(key);
    if (!windows) windowCache.set(key, (windows = windowsOf(round, playbookId, input, fromMs, toMs)));
    return windows;
  };
  const rows: RoundReportRow[] = [];
  const findings: RoundReportFinding[] = [];
  const chained = new Set<string>();
  for (const [key, slot] of slots) {
    const slotRuns = runsBySlot.get(key) ?? [];
    const completed = slotRuns.filter((r) => r.completedAt !== null);
    let windowsDue = 0;
    let windowsDone = 0;
    if (slot.round) {
      for (const { window, dueAt } of windowsOfRound(slot.round, slot.playbookId)) {
        const done = completed.some((r) => r.startedAt >= window.start && r.startedAt < window.end);
        if (done || dueAt <= now) windowsDue++;
        if (done) windowsDone++;
      }
    }
    const counts = { found: 0, open: 0, overdue: 0, closed: 0 };
    for (const run of slotRuns) {
      if (inPeriod(run.startedAt)) chained.add(run.streamId);
      for (const f of run.findings) {
        if (!listed(f)) continue;
        chained.add(run.streamId);
        const rectification = rectificationStatus(f, today);
        if (inPeriod(f.found.at)) counts.found++;
        counts[rectification]++;
        const itemText = f.itemId === undefined ? undefined : slot.round?.items.find((i) => i.id === f.itemId)?.text;
        // Named as the playbook (in the report's language) names the area, as the round recorded it otherwise.
        const areaName = slot.areaName ?? f.areaName;
        findings.push({
          ...f,
          ...(areaName !== undefined ? { areaName } : {}),
          rectification,
          roundTitle: slot.title,
          ...(itemText !== undefined ? { itemText } : {}),
          foundBefore: f.found.at < fromMs,
        });
      }
    }
    const round = slot.round;
    const startsOn = round?.beforeSeason ? input.seasons.get(seasonKey(slot.playbookId, round.id)) : undefined;
    rows.push({
      playbookId: slot.playbookId,
      playbookTitle: slot.playbook?.title ?? slot.playbookId,
      roundId: slot.roundId,
      title: slot.title,
      ...(slot.areaId !== undefined ? { areaId: slot.areaId } : {}),
      ...(slot.areaName !== undefined ? { areaName: slot.areaName } : {}),
      ...(round?.every ? { every: round.every } : {}),
      ...(round?.beforeSeason
        ? { beforeSeason: { season: round.beforeSeason.season, daysBefore: round.beforeSeason.daysBefore, ...(startsOn !== undefined ? { startsOn } : {}) } }
        : {}),
      windowsDue,
      windowsDone,
      runs: completed.filter((r) => inPeriod(r.startedAt)).length,
      ...counts,
      ...(slot.round ? {} : { unlisted: true as const }),
    });
  }
  findings.sort((a, b) => a.found.at - b.found.at || (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));

  const reportRuns: RoundReportRun[] = runs
    .filter((r) => inPeriod(r.startedAt))
    .sort((a, b) => a.startedAt - b.startedAt || (a.streamId < b.streamId ? -1 : 1))
    .map((r) => {
      const slot = slots.get(slotKey(r.started.playbookId, r.started.roundId, r.started.areaId));
      const areaName = slot?.areaName ?? r.started.areaName;
      return {
        streamId: r.streamId,
        playbookId: r.started.playbookId,
        roundId: r.started.roundId,
        title: slot?.title ?? r.started.title,
        ...(areaName !== undefined ? { areaName } : {}),
        inspector: r.started.inspector,
        startedAt: r.startedAt,
        completedAt: r.completedAt,
        findings: r.findings.length,
      };
    });

  const events = orderEvents([...chained].flatMap((id) => (byStream.get(id) ?? []).map(envelopeOf)));
  const chain = hashChain(events);
  const sum = (k: keyof RoundReportTotals) => rows.reduce((n, r) => n + r[k], 0);
  return {
    from: input.from,
    to: input.to,
    timeZone,
    generatedAt: now,
    today,
    rows,
    totals: {
      windowsDue: sum('windowsDue'),
      windowsDone: sum('windowsDone'),
      runs: sum('runs'),
      found: sum('found'),
      open: sum('open'),
      overdue: sum('overdue'),
      closed: sum('closed'),
    },
    findings,
    runs: reportRuns,
    chain: { count: events.length, finalHash: chain.finalHash, links: chain.links },
    events,
  };
}
