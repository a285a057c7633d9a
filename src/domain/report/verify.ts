import { fill, type ReportLabels } from './labels';
import type { CountersignState } from './seal';
import { formatDateTime, zoneName } from './format';
import type { EventSummary, ReportFileCheck, ReportFileProblem } from './read-file';

/**
 * What went wrong with a report file, in the reader's language, naming the event by its
 * position and id and, when the file holds it, by its type, time (ISO and local) and person.
 */
export function describeFileProblem(problem: ReportFileProblem, labels: ReportLabels): string {
  const text = problemText(problem, labels);
  return (problem.kind === 'chain' || problem.kind === 'invalid-event') && problem.event ? withEvent(text, problem.event, labels) : text;
}

/** The problem, then the event it names: "… The event: step.done, stamped 2026-07-13T18:01:00.000Z (2026-07-14 02:01:00 UTC+08:00), recorded by 王值班." */
function withEvent(problem: string, e: EventSummary, labels: ReportLabels): string {
  const valid = e.at !== null && Number.isFinite(new Date(e.at).getTime());
  return fill(labels['verify.withEvent'], {
    problem,
    type: e.type,
    iso: valid && e.at !== null ? new Date(e.at).toISOString() : e.hlc,
    local: valid && e.at !== null ? formatDateTime(e.at, e.offsetMinutes) : labels.dash,
    zone: zoneName(e.offsetMinutes),
    actor: e.actor,
  });
}

function problemText(problem: ReportFileProblem, labels: ReportLabels): string {
  switch (problem.kind) {
    case 'not-json':
      return fill(labels['verify.notJson'], { detail: problem.detail });
    case 'not-a-report':
      return fill(labels['verify.notReport'], { detail: problem.detail });
    case 'invalid-event':
      return fill(labels['verify.invalidEvent'], { position: problem.position, id: problem.eventId, detail: problem.detail });
    case 'playbook-changed':
      return labels['verify.playbookChanged'];
    case 'invalid-playbook':
      return fill(labels['verify.invalidPlaybook'], { detail: problem.detail });
    case 'contents-changed':
      return fill(labels['verify.contentsChanged'], { part: labels[`verify.part.${problem.part}`], key: problem.part });
    case 'seal-missing':
      return problem.formatVersion === 1 ? labels['verify.sealDowngraded'] : fill(labels['verify.sealMissing'], { version: problem.formatVersion });
    case 'header-changed':
      return fill(labels['verify.headerChanged'], { field: labels[`verify.field.${problem.field}`], inFile: problem.inFile, sealed: problem.sealed });
    case 'event-count':
      return fill(labels['verify.eventCount'], { inFile: problem.inFile, sealed: problem.sealed });
    case 'sealed-final-hash':
      return fill(labels['verify.sealedFinalHash'], { inFile: problem.inFile, sealed: problem.sealed });
    case 'seal-broken':
      return fill(labels['verify.sealBroken'], { actual: problem.actual, reportHash: problem.reportHash });
    case 'report-hash':
      return fill(labels['verify.reportHash'], { expected: problem.expected, finalHash: problem.finalHash, reportHash: problem.reportHash });
    case 'countersignature': {
      const s = problem.state;
      if (problem.problem === 'missing')
        return fill(labels['verify.countersign.missing'], { state: s === 'v1' ? labels['verify.countersign.v1'] : notCountersignedText(s, labels) });
      const keyId = typeof s === 'object' ? s.keyId : '';
      return fill(labels[problem.problem === 'other-key' ? 'verify.countersign.otherKey' : 'verify.countersign.bad'], { keyId });
    }
    case 'chain': {
      const p = problem.problem;
      switch (p.kind) {
        case 'out-of-order':
          return fill(labels['verify.outOfOrder'], { position: p.position, id: p.eventId });
        case 'changed':
          return fill(labels['verify.changed'], { position: p.position, id: p.eventId });
        case 'inserted':
          return fill(labels['verify.inserted'], { position: p.position, id: p.eventId });
        case 'removed':
          return fill(labels['verify.removed'], { position: p.position, id: p.eventId });
        case 'final-hash':
          return fill(labels['verify.finalHash'], { actual: p.actual, expected: p.expected });
      }
    }
  }
}

/** Why an export carries no countersignature, in the reader's language. */
export function notCountersignedText(state: CountersignState, labels: ReportLabels): string {
  return state === 'not-enrolled' ? labels['countersign.notEnrolled'] : labels['countersign.offline'];
}

/**
 * The verdict on a file that passed: v1 or v2 (whether the header is covered), the count, the
 * hashes, and what is known of its countersignature. Lines, in the reader's language.
 */
export function describeIntact(check: Extract<ReportFileCheck, { ok: true }>, labels: ReportLabels): string[] {
  const count = check.events.length;
  if (check.version === 1 || check.reportHash === null) return [fill(labels['verify.intact.v1'], { count, hash: check.finalHash })];
  const lines = [fill(labels['verify.intact.v2'], { count, hash: check.finalHash, reportHash: check.reportHash })];
  const c = check.countersign;
  if (typeof c === 'object')
    lines.push(fill(labels[check.countersignChecked ? 'verify.countersigned' : 'verify.countersignUnchecked'], { keyId: c.keyId, time: c.signedAt }));
  else if (c !== undefined) lines.push(notCountersignedText(c, labels));
  return lines;
}
