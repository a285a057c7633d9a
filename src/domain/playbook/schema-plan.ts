import { z } from './schema-zod';
import { Command, EmergencyNumber } from './schema-command';
import { described, Id, ItemList, LANGUAGE_PATTERN, named, PersonRef, Phone, SEMVER_PATTERN, Text } from './schema-common';
import { rule } from './messages';
import { AssemblyPoint, Stairway } from './schema-evacuation';
import { Campaign, Round } from './schema-rounds';

/**
 * The parts of a playbook that every schema version shares: what the plan is, who commands,
 * what to prepare and what must happen after. schema.ts (v2) and schema-v1.ts add their own
 * phases and buildings to these fields.
 */

export const PLAYBOOK_KINDS = ['flood', 'fire', 'campaign', 'other'] as const;
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

/** A step that the ending records itself (seed plan 4, 四、3: 确认 then 批准), not a step to finish before it. */
export const STEP_DONE_BY = ['end-confirmed', 'closure-approved'] as const;

export const StepItem = named(
  z.strictObject({ id: described(Id, 'unique within its step'), text: Text }),
  'StepItem',
  'A sub-item of a step, ticked off in order.',
);

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

export const Preparation = named(
  z.strictObject({
    tasks: described(ItemList, 'work done before the season or the emergency: meetings, study, repairs, education, reporting hazards'),
    keyAreas: KeyAreas.optional(),
    schedule: described(z.array(ScheduledCheck), 'inspections and drills with their minimum frequency').optional(),
    rounds: described(z.array(Round), 'inspection rounds done on the phone, each with its recurrence, areas and check items').optional(),
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

/**
 * The root fields of a playbook that every version shares, in the order a file lists them:
 * `planHead`, then the version's phases, `planSite`, the version's buildings, `planTail`.
 */
export const planHead = {
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
};

const MeasurementRise = named(
  z.strictObject({
    amount: described(z.number().positive().max(1_000_000), "a rise of at least this much, in the measurement's unit …"),
    minutes: described(z.number().int().min(1).max(1440), '… within this many minutes shows a warning'),
  }),
  'MeasurementRise',
  'How fast a reading may rise before the app warns (water rising 10 cm in 30 minutes, for example).',
);

export const Measurement = named(
  z.strictObject({
    id: described(Id, 'unique in the playbook; readings are recorded against it'),
    label: described(Text, 'what is measured, e.g. "water level"'),
    unit: described(z.string().min(1).max(40), 'the unit every reading is entered in, e.g. "cm"'),
    place: described(Text, 'where it is read, e.g. "the basement ramp"').optional(),
    riseWarning: MeasurementRise.optional(),
    source: described(Text, 'where in the source plan this comes from').optional(),
  }),
  'Measurement',
  'Something responders read and record as a number with a unit during the response.',
);
export type Measurement = z.output<typeof Measurement>;

export const planSite = {
  measurements: described(z.array(Measurement), 'readings to record during the response, each with its unit and an optional rise warning').optional(),
  rulesForEveryone: described(ItemList, 'rules every member of staff follows, e.g. never use the elevator').optional(),
  shelterInPlace: described(ItemList, 'advice for those who cannot get out').optional(),
  stairways: z.array(Stairway).optional(),
  assemblyPoints: z.array(AssemblyPoint).optional(),
};

export const planTail = {
  preparation: Preparation.optional(),
  requirements: described(ItemList, 'rules that hold during the response: discipline, posts, security').optional(),
  aftermath: z.array(AftermathItem),
  campaign: described(Campaign, 'for a playbook of kind "campaign": the self-inspection it runs').optional(),
  notes: described(z.array(Text), 'editorial choices made when turning the plan into this file').optional(),
};
