import { FieldChecker, type Issue } from '../validation';

/** An incident begins: which playbook, real or drill, where. The stream id is the incident id. */
export interface IncidentDeclared {
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly mode: 'real' | 'drill';
  readonly title: string;
  readonly place: string;
}

export const INCIDENT_MODES = ['real', 'drill'] as const;

export function checkIncidentDeclared(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('playbookId', { min: 1, max: 100 });
  c.string('playbookVersion', { min: 1, max: 40 });
  c.oneOf('mode', INCIDENT_MODES);
  c.string('title', { min: 1, max: 200 });
  c.string('place', { max: 200 });
  c.noOtherKeys(['playbookId', 'playbookVersion', 'mode', 'title', 'place']);
  return c.issues;
}
