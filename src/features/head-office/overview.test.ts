import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { reduceIncident } from '../../domain/incident';
import { validatePlaybook } from '../../domain/playbook/check';
import type { Playbook } from '../../domain/playbook/schema';
import { reportLabels } from '../../domain/report/labels';
import { stepPerformance } from '../../domain/report/steps';
import { BranchIncidentCache } from './branch-cache';
import { branchIncidents, CLOSED_SHOWN_MS, incidentFacts, overviewAt, type BranchStatus, type IncidentFacts } from './overview';

/** A file of scenarios/, checked and read as the app reads it. */
function scenario(name: string): Playbook {
  const checked = validatePlaybook(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`${name}: ${checked.issues.map((i) => i.message).join('; ')}`);
  return checked.playbook;
}

const FLOOD = scenario('flood.en.json');
/** The safety officer's adaptation of the fire plan: target times for the first steps (as test/report/stories.ts). */
const FIRE: Playbook = (() => {
  const plan = scenario('fire.en.json');
  const targets: Record<string, number> = { 'step.alarm.call-119': 2, 'step.respond.assemble': 5, 'step.respond.evacuate': 10 };
  return {
    ...plan,
    phases: plan.phases.map((p) => ({
      ...p,
      steps: p.steps.map((s) => (targets[s.id] ? { ...s, target: { minutes: targets[s.id]!, from: 'incident' as const } } : s)),
    })),
  };
})();

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const MIN = 60_000;

/** Events of one incident, `minute` after T0, each with its own id and stamp. */
function recorder(streamId: string, t0 = T0) {
  let n = 0;
  return <K extends EventType>(type: K, payload: EventPayloads[K], minute: number, actor = 'Officer Zhao'): MusterEvent => {
    n += 1;
    return {
      id: `${streamId}-e${String(n).padStart(3, '0')}`,
      streamId,
      deviceId: 'branch-phone',
      actor,
      hlc: formatStamp({ wall: t0 + minute * MIN, counter: 0, deviceId: 'branch-phone' }),
      type,
      payload,
      v: EVENT_SCHEMA_VERSION,
    } as MusterEvent;
  };
}

function flood(streamId: string, mode: 'real' | 'drill' = 'real') {
  const ev = recorder(streamId);
  return [
    ev('incident.declared', { playbookId: FLOOD.id, playbookVersion: FLOOD.version, playbookLanguage: 'en', mode, title: 'Basement flooding', place: 'B1' }, 0),
    ev('step.done', { stepId: 'step.command.interim' }, 2),
    ev('step.done', { stepId: 'step.command.call-members' }, 4),
    ev('step.skipped', { stepId: 'step.command.report-head-office', reason: 'Head office rang us first' }, 5),
    ev('command.handedOver', { to: 'Leader Chen' }, 20, 'Officer Zhao'),
  ];
}

function fire(streamId: string) {
  const ev = recorder(streamId);
  return [
    ev('incident.declared', { playbookId: FIRE.id, playbookVersion: FIRE.version, playbookLanguage: 'en', mode: 'real', title: 'Smoke on 2F', place: '2F' }, 0),
    ev('step.done', { stepId: 'step.alarm.call-119' }, 1),
    ev('roster.added', { people: ['Li', 'Wang', 'Zhou'] }, 3),
    ev('person.accounted', { person: 'Li', status: 'safe' }, 6),
    ev('person.accounted', { person: 'Zhou', status: 'missing' }, 7),
  ];
}

const live = (orgId: string, name = orgId): BranchStatus => ({
  orgId,
  name,
  live: true,
  lastContactAt: new Date(T0).toISOString(),
  knownAt: T0,
  liveForMs: 120_000,
});

function facts(orgId: string, events: MusterEvent[], playbook: Playbook | null): IncidentFacts {
  const f = incidentFacts(orgId, reduceIncident(events[0]!.streamId, events), playbook);
  if (!f) throw new Error('no declaration');
  return f;
}

describe('a branch’s incident as head office’s overview shows it', () => {
  it('the Riverside flood: kind, real, commander now, steps done and skipped, nothing overdue, headcount unknown', () => {
    const f = facts('riverside', flood('inc-1'), FLOOD);
    expect(f).toMatchObject({
      incidentId: 'inc-1',
      title: 'Basement flooding',
      kind: 'flood',
      mode: 'real',
      startedAt: T0,
      commander: 'Leader Chen',
      phase: 'open',
      done: 2,
      skipped: 1,
      total: FLOOD.phases.flatMap((p) => p.steps).length + FLOOD.aftermath.length,
      dueTimes: [],
      unaccounted: null,
      lastUpdateAt: T0 + 20 * MIN,
    });
  });

  it('without the playbook on this device: the kind and overdue steps are unknown, never 0', () => {
    const f = facts('riverside', flood('inc-1'), null);
    expect(f).toMatchObject({ kind: null, total: null, dueTimes: null, done: 2, skipped: 1 });
    const [row] = overviewAt([live('riverside')], [f], T0 + 60 * MIN).open;
    expect(row?.overdue).toBeNull();
  });

  it('the fire: one person missing and one not yet seen make 2 unaccounted; everyone safe makes 0, shown as 0', () => {
    expect(facts('harbour', fire('inc-2'), FIRE).unaccounted).toBe(2);
    const ev = recorder('inc-3');
    const allSafe = [
      ...fire('inc-3').slice(0, 3),
      ...['Li', 'Wang', 'Zhou'].map((person, i) => ev('person.accounted', { person, status: i === 1 ? 'injured' : 'safe' }, 10 + i)),
    ].map((e, i) => ({ ...e, id: `inc-3-x${i}` }));
    expect(facts('harbour', allSafe, FIRE).unaccounted).toBe(0);
  });

  it('counts overdue steps by the same clock as the report: open steps past their target now', () => {
    const f = facts('harbour', fire('inc-2'), FIRE);
    // call-119 (2 min) was done; assemble (5 min) and evacuate (10 min) are still open.
    expect(overviewAt([live('harbour')], [f], T0 + 4 * MIN).open[0]?.overdue).toBe(0);
    expect(overviewAt([live('harbour')], [f], T0 + 6 * MIN).open[0]?.overdue).toBe(1);
    expect(overviewAt([live('harbour')], [f], T0 + 11 * MIN).open[0]?.overdue).toBe(2);
    // The report's step table, judged at the same moment, says the same of the steps not done.
    const state = reduceIncident('inc-2', fire('inc-2'));
    const perf = stepPerformance(state, FIRE, { labels: reportLabels('en'), names: new Map(), offset: 0, start: T0, judgedAt: T0 + 11 * MIN });
    expect(perf.phases.flatMap((p) => p.steps).filter((s) => s.status === 'not-done' && s.overdue).length).toBe(2);
  });

  it('what needs attention comes first: people unaccounted, then overdue steps, then a silent branch; drills after real ones', () => {
    const calm = facts('calm', flood('inc-calm'), FLOOD);
    const drill = facts('drill', flood('inc-drill', 'drill'), FLOOD);
    const missing = facts('missing', fire('inc-missing'), FLOOD); // a flood plan: no targets, so no overdue
    const overdue = { ...facts('late', flood('inc-late'), FLOOD), dueTimes: [T0 + 5 * MIN] };
    const quiet = facts('quiet', flood('inc-quiet'), FLOOD);
    const branches = [live('calm'), live('drill'), live('missing'), live('late'), { ...live('quiet'), live: false }];
    const { open } = overviewAt(branches, [calm, drill, quiet, overdue, missing], T0 + 30 * MIN);
    expect(open.map((r) => r.orgId)).toEqual(['missing', 'late', 'quiet', 'calm', 'drill']);
    expect(open.find((r) => r.orgId === 'quiet')?.silent).toBe(true);
  });

  it('closed incidents are listed for 90 days after their closure, the latest first, and not among the open ones', () => {
    const closedOn = (streamId: string, minute: number) => {
      const ev = recorder(streamId);
      return [
        ...flood(streamId),
        ev('end.confirmed', {}, minute - 1, 'Leader Chen'),
        ev('closure.approved', { approver: 'President Zhang' }, minute, 'Leader Chen'),
      ].map((e, i) => ({ ...e, id: `${streamId}-c${i}` }));
    };
    const ending = (() => {
      const ev = recorder('inc-ending');
      return [...flood('inc-ending'), ev('end.confirmed', {}, 60, 'Leader Chen')].map((e, i) => ({ ...e, id: `inc-ending-c${i}` }));
    })();
    const earlier = facts('riverside', closedOn('inc-a', 60), FLOOD);
    const later = facts('riverside', closedOn('inc-b', 120), FLOOD);
    const now = T0 + 120 * MIN + CLOSED_SHOWN_MS;
    const { open, closed } = overviewAt([live('riverside')], [earlier, later, facts('riverside', ending, FLOOD)], now);
    expect(closed.map((r) => r.incidentId)).toEqual(['inc-b']);
    expect(overviewAt([live('riverside')], [earlier, later], T0 + 200 * MIN).closed.map((r) => r.incidentId)).toEqual(['inc-b', 'inc-a']);
    // On-site end confirmed, closure not yet approved: still open for head office.
    expect(open.map((r) => [r.incidentId, r.phase])).toEqual([['inc-ending', 'ending']]);
  });

  it('a branch’s duty log is not an incident, and an incident of a branch no longer listed is left out', () => {
    const ev = recorder('duty-riverside');
    const streams = new Map([
      ['inc-1', flood('inc-1')],
      ['duty-riverside', [ev('duty.entry', { text: '22:00 took over, all quiet' }, 0)]],
    ]);
    expect(branchIncidents(streams).map((s) => s.id)).toEqual(['inc-1']);
    expect(overviewAt([live('harbour')], [facts('riverside', flood('inc-1'), FLOOD)], T0).open).toEqual([]);
  });
});

describe('two hundred branches, and a hint for one', () => {
  it('reads and reduces every branch once, then only the branch whose revision moved', async () => {
    const branches = Array.from({ length: 200 }, (_, i) => ({ orgId: `branch-${i}`, rev: 1 }));
    const streams = new Map(branches.map((b) => [b.orgId, new Map([[`inc-${b.orgId}`, flood(`inc-${b.orgId}`)]])]));
    const reads: string[] = [];
    let reductions = 0;
    const cache = new BranchIncidentCache((s) => {
      reductions++;
      return branchIncidents(s);
    });
    const read = (orgId: string) => {
      reads.push(orgId);
      return Promise.resolve(streams.get(orgId)!);
    };

    expect(await cache.update(branches, read)).toBe(true);
    expect(reads).toHaveLength(200);
    expect(cache.incidents()).toHaveLength(200);
    const figures = () => cache.incidents().map(({ orgId, incident }) => cache.factsOf(orgId, incident, FLOOD));
    const before = figures();

    reads.length = 0;
    reductions = 0;
    const hinted = branches.map((b) => (b.orgId === 'branch-42' ? { ...b, rev: 2 } : b));
    streams
      .get('branch-42')!
      .get('inc-branch-42')!
      .push({ ...recorder('inc-branch-42')('step.done', { stepId: 'step.respond.take-posts' }, 30), id: 'inc-branch-42-late' });
    expect(await cache.update(hinted, read)).toBe(true);
    expect(reads).toEqual(['branch-42']);
    expect(reductions).toBe(1);
    const after = figures();
    // The other 199 branches' figures are the very same objects: nothing was worked out again.
    expect(after.filter((f, i) => f === before[i])).toHaveLength(199);
    expect(after.find((f) => f?.orgId === 'branch-42')?.done).toBe(3);

    // Nothing moved: nothing is read.
    reads.length = 0;
    expect(await cache.update(hinted, read)).toBe(false);
    expect(reads).toEqual([]);
    // A branch that left the tree is dropped.
    expect(await cache.update(hinted.slice(1), read)).toBe(true);
    expect(cache.incidents()).toHaveLength(199);
  });
});
