import { parsePath } from '../../domain/playbook/json-path';

/**
 * The editor's sections, as a safety officer thinks of the plan: what it is, who commands,
 * whom to call, what to do, the buildings and their ways out, what to prepare, what follows.
 * Each lists the playbook's root fields it holds; every root field the form has is in exactly
 * one section (sections.test.ts), so nothing a playbook can say is out of the editor's reach.
 */
export const SECTIONS = [
  {
    id: 'plan',
    fields: [
      'id',
      'version',
      'language',
      'kind',
      'hazard',
      'title',
      'summary',
      'organisation',
      'dutyPhone',
      'purpose',
      'scope',
      'legalBasis',
      'principles',
      'planDevelopment',
      'notes',
    ],
  },
  { id: 'command', fields: ['command'] },
  { id: 'numbers', fields: ['emergencyNumbers'] },
  { id: 'steps', fields: ['phases', 'measurements', 'requirements'] },
  { id: 'buildings', fields: ['buildings', 'stairways', 'assemblyPoints', 'rulesForEveryone', 'shelterInPlace'] },
  { id: 'preparation', fields: ['preparation'] },
  { id: 'aftermath', fields: ['aftermath'] },
  { id: 'campaign', fields: ['campaign'] },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'] | 'publish';

export function isSectionId(value: string | null): value is SectionId {
  return value === 'publish' || SECTIONS.some((s) => s.id === value);
}

/** The section holding the field an issue names; a field the form does not know is in the plan. */
export function sectionOf(path: string): SectionId {
  const [head] = parsePath(path);
  return SECTIONS.find((s) => (s.fields as readonly string[]).includes(String(head)))?.id ?? 'plan';
}

/** The list items on the way to `path` (`buildings[0]`, `buildings[0].floors[2]` …), which must be open to show it. */
export function itemsOnTheWay(path: string): string[] {
  const segments = parsePath(path);
  const out: string[] = [];
  let text = '';
  for (const seg of segments) {
    text = typeof seg === 'number' ? `${text}[${seg}]` : text ? `${text}.${String(seg)}` : String(seg);
    if (typeof seg === 'number') out.push(text);
  }
  return out;
}
