import { headcountTotals, missingPeople, personName, type HeadcountEntry, type IncidentState } from '../incident';
import type { Playbook } from '../playbook/schema';
import { formatDateTime } from './format';
import { fill, type ReportLabels } from './labels';
import type { Report, ReportHeadcountGroup, ReportHeadcountRow } from './types';

/**
 * Two or more safe or injured reports of one person by different people or devices: the same
 * person counted twice at two assembly points, or a scan and a tick on the list by two people.
 */
export function doubleReports(reports: readonly HeadcountEntry[]): HeadcountEntry[] | null {
  const found = reports.filter((r) => r.status !== 'missing');
  const reporters = new Set(found.map((r) => `${r.actor}\u0000${r.deviceId}`));
  return reporters.size >= 2 ? found : null;
}

/** Where the latest report that said so saw them ("last seen on floor 3"): a later tick on the list without a floor does not erase it. */
export function lastSeenFloor(reports: readonly HeadcountEntry[]): string | undefined {
  return reports.findLast((r) => r.floor !== undefined)?.floor;
}

const lastSeen = (reports: readonly HeadcountEntry[]) => {
  const floor = lastSeenFloor(reports);
  return floor ? { lastSeen: floor } : {};
};

/**
 * The headcount as the report prints it: every person by name (never by roster id), their kind,
 * floor and assembly point from the roster, the latest report (status, where last seen, scan or
 * list), whether two people or devices reported them, grouped by floor and assembly point in
 * the roster's order. Pure; the counts are the headcount screen's (`headcountTotals`).
 */
export function reportHeadcount(incident: IncidentState, playbook: Playbook, labels: ReportLabels, offset: number): Report['headcount'] {
  const at = (ms: number) => formatDateTime(ms, offset);
  const points = new Map((playbook.assemblyPoints ?? []).map((p) => [p.id, p.name]));
  const rows = incident.roster.map((key): ReportHeadcountRow => {
    const p = incident.people[key];
    const h = incident.headcount[key];
    const status: ReportHeadcountRow['status'] = h?.status ?? 'unknown';
    const kind = p?.kind ?? 'staff';
    const reports = incident.headcountReports[key] ?? [];
    const twice = doubleReports(reports);
    return {
      key,
      person: personName(incident, key),
      kind,
      kindText: labels[`headcount.kind.${kind}`],
      ...(p?.floor ? { floor: p.floor } : {}),
      ...(p?.team ? { team: p.team } : {}),
      ...(p?.assemblyPoint ? { assemblyPoint: points.get(p.assemblyPoint) ?? p.assemblyPoint } : {}),
      status,
      statusText: labels[`headcount.${status}`],
      ...(h
        ? {
            at: h.at,
            when: at(h.at),
            recordedBy: h.actor,
            ...(h.note ? { note: h.note } : {}),
            ...lastSeen(reports),
            ...(h.via ? { via: h.via, viaText: labels[`headcount.via.${h.via}`] } : {}),
          }
        : {}),
      seenText: [lastSeenFloor(reports), h?.via ? labels[`headcount.via.${h.via}`] : undefined].filter(Boolean).join(' · '),
      reportedText: h ? fill(labels['headcount.reportedBy'], { actor: h.actor, time: at(h.at) }) : '',
      reports: reports.length,
      ...(twice
        ? {
            reportedTwice: fill(labels['headcount.reportedTwice'], {
              count: twice.length,
              reports: twice
                .map((r) => fill(labels.paren, { text: `${r.actor} ${at(r.at)}`, detail: labels[`headcount.${r.status}`] }))
                .join(labels.listSeparator),
            }),
          }
        : {}),
    };
  });
  const counts = headcountTotals(incident);
  return {
    rows,
    groups: groupsOf(rows, labels),
    counts,
    summaryText: fill(labels['headcount.summary'], counts),
    notAccounted: missingPeople(incident).map((key) => personName(incident, key)),
    reportedTwice: rows.filter((r) => r.reportedTwice).length,
  };
}

/** The rows by floor and assembly point, each group in the order its first person is on the roster. */
function groupsOf(rows: readonly ReportHeadcountRow[], labels: ReportLabels): ReportHeadcountGroup[] {
  const byKey = new Map<string, ReportHeadcountRow[]>();
  for (const r of rows) {
    const key = `${r.floor ?? ''}\u0000${r.assemblyPoint ?? ''}`;
    const list = byKey.get(key) ?? [];
    list.push(r);
    byKey.set(key, list);
  }
  return [...byKey.values()].map((list) => {
    const { floor, assemblyPoint } = list[0] ?? {};
    const title =
      floor && assemblyPoint
        ? fill(labels['headcount.group.both'], { floor, point: assemblyPoint })
        : floor
          ? fill(labels['headcount.group.floor'], { floor })
          : assemblyPoint
            ? fill(labels['headcount.group.point'], { point: assemblyPoint })
            : labels['headcount.group.none'];
    const count = (s: ReportHeadcountRow['status']) => list.filter((r) => r.status === s).length;
    return {
      title,
      ...(floor ? { floor } : {}),
      ...(assemblyPoint ? { assemblyPoint } : {}),
      rows: list,
      summaryText: fill(labels['headcount.group.summary'], {
        total: list.length,
        safe: count('safe'),
        injured: count('injured'),
        missing: count('missing'),
        unknown: count('unknown'),
      }),
    };
  });
}
