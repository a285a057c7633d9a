import { z } from './schema-zod';
import { Command, EmergencyNumber } from './schema-command';
import { described, Id, ItemList, LANGUAGE_PATTERN, named, PersonRef, Phone, playbookRegistry, SEMVER_PATTERN, Text } from './schema-common';
import { rule } from './messages';
import { AssemblyPoint, Building, Stairway } from './schema-evacuation';

/**
 * The playbook: everything the seed plans say, in one document per language. Written once here;
 * the JSON Schema in scenarios/ is generated from it and the validator parses with it.
 */

const PLAYBOOK_KINDS = ['flood', 'fire', 'other'] as const;
const AFTERMATH_CATEGORIES = [
  'inspection',
  'losses',
  'supplies',
  'recovery',
  'business',
  'insurance',
  'lessons',
  'investigation',
  'commendation',
  'accountability',
  'reporting',
  'plan-revision',
  'other',
] as const;
const SCHEDULE_KINDS = ['inspection', 'drill', 'training', 'other'] as const;
const SCHEDULE_PERIODS = ['day', 'week', 'month', 'quarter', 'half-year', 'year'] as const;

const StepItem = named(z.strictObject({ id: described(Id, 'unique within its step'), text: Text }), 'StepItem', 'A sub-item of a step, ticked off in order.');
type StepItem = z.output<typeof StepItem>;

export const Step = named(
  z.strictObject({
    id: described(Id, 'unique in the playbook, e.g. "step.alarm.report"; incidents record progress against it'),
    text: Text,
    owner: described(PersonRef, 'the role, group, team or position responsible, by id'),
    support: described(z.array(PersonRef), 'others who share the step, by id').optional(),
    when: described(Text, 'the condition under which the step applies, e.g. at night or on rest days').optional(),
    critical: described(z.boolean(), 'true for a step that must not be skipped; shown prominently').optional(),
    targetMinutes: described(z.number().int().min(0).max(10080), 'target time in minutes from the start of the incident, where the plan sets one').optional(),
    items: z.array(StepItem).optional(),
    source: described(Text, 'where in the source plan this comes from').optional(),
    notes: Text.optional(),
  }),
  'Step',
  'One thing to do during the response.',
);
export type Step = z.output<typeof Step>;

export const Phase = named(
  z.strictObject({
    id: Id,
    title: Text,
    summary: Text.optional(),
    steps: z.array(Step).min(1, rule('phaseSteps')),
  }),
  'Phase',
  'A stage of the response, with its steps in order.',
);
export type Phase = z.output<typeof Phase>;

const ScheduledCheck = named(
  z.strictObject({
    id: Id,
    kind: z.enum(SCHEDULE_KINDS),
    text: Text,
    owner: PersonRef.optional(),
    times: described(z.number().int().min(1).max(1000), 'at least this many times per period'),
    per: z.enum(SCHEDULE_PERIODS),
    source: Text.optional(),
  }),
  'ScheduledCheck',
  'A recurring inspection or drill and how often it must happen at least.',
);
type ScheduledCheck = z.output<typeof ScheduledCheck>;

const KeyAreas = named(
  z.strictObject({
    text: described(Text, 'how the plan introduces its key protected areas'),
    owner: described(PersonRef, 'who manages fire safety in these areas, by id').optional(),
    areas: z.array(z.strictObject({ id: Id, name: Text })).min(1, rule('keyAreas')),
    requirements: described(ItemList, 'what every key area must meet'),
  }),
  'KeyAreas',
  'Places that need particular protection and what each must meet.',
);
type KeyAreas = z.output<typeof KeyAreas>;

export const Preparation = named(
  z.strictObject({
    tasks: described(ItemList, 'work done before the season or the emergency: meetings, study, repairs, education, reporting hazards'),
    keyAreas: KeyAreas.optional(),
    schedule: described(z.array(ScheduledCheck), 'inspections and drills with their minimum frequency').optional(),
  }),
  'Preparation',
  'Preparation and prevention.',
);
export type Preparation = z.output<typeof Preparation>;

export const AftermathItem = named(
  z.strictObject({
    id: Id,
    category: z.enum(AFTERMATH_CATEGORIES),
    text: Text,
    owner: PersonRef.optional(),
    source: Text.optional(),
  }),
  'AftermathItem',
  'Something that must happen after the emergency; an incident tracks each one.',
);
export type AftermathItem = z.output<typeof AftermathItem>;

const PlanDevelopment = named(
  z.strictObject({
    content: described(Text, 'what the plan must contain').optional(),
    steps: described(ItemList, 'how the plan is written, tested and revised, in order').optional(),
  }),
  'PlanDevelopment',
  'How the plan itself is written and kept up to date.',
);

export const Playbook = z
  .strictObject({
    $schema: described(z.string(), 'path to the JSON Schema, "./playbook.schema.json" in scenarios/').optional(),
    id: described(Id, 'the same in every language version of one playbook'),
    version: described(z.string().regex(SEMVER_PATTERN, rule('semver')), 'semantic version; raise it when the content changes'),
    language: described(z.string().regex(LANGUAGE_PATTERN, rule('language')), 'BCP 47 language tag of every text in the file'),
    kind: z.enum(PLAYBOOK_KINDS),
    hazard: described(Text, 'the hazard in words, e.g. "火灾"').optional(),
    title: Text,
    summary: Text,
    organisation: Text,
    dutyPhone: described(Phone, 'the duty phone number; left out where the plan leaves it blank').optional(),
    purpose: Text.optional(),
    scope: z.array(Text).optional(),
    legalBasis: described(z.array(Text), 'laws, regulations and rules the plan is based on').optional(),
    principles: ItemList.optional(),
    planDevelopment: PlanDevelopment.optional(),
    command: Command,
    emergencyNumbers: z.array(EmergencyNumber),
    phases: z.array(Phase).min(1, rule('playbookPhases')),
    rulesForEveryone: described(ItemList, 'rules every member of staff follows, e.g. never use the elevator').optional(),
    shelterInPlace: described(ItemList, 'advice for those who cannot get out').optional(),
    stairways: z.array(Stairway).optional(),
    assemblyPoints: z.array(AssemblyPoint).optional(),
    buildings: z.array(Building).optional(),
    preparation: Preparation.optional(),
    requirements: described(ItemList, 'rules that hold during the response: discipline, posts, security').optional(),
    aftermath: z.array(AftermathItem),
    notes: described(z.array(Text), 'editorial choices made when turning the plan into this file').optional(),
  })
  // Registered without an id so the JSON Schema describes the file at its root, not by $ref.
  .register(playbookRegistry, { title: 'Muster playbook', description: 'One emergency plan in one language.' });
export type Playbook = z.output<typeof Playbook>;

/** The JSON Schema of a playbook file, as an object. Same output on every run. */
export function playbookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Playbook, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: playbookRegistry,
    unrepresentable: 'throw',
  });
}

/** The text of scenarios/playbook.schema.json: 2-space indent, trailing newline. */
export function renderPlaybookJsonSchema(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}
