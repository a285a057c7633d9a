import { fill, type ReportLabels } from './labels';
import type { ReportFileProblem } from './json';

/** What went wrong with a report file, in the reader's language, naming the event and its position. */
export function describeFileProblem(problem: ReportFileProblem, labels: ReportLabels): string {
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
