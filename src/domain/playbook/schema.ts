import { z } from './schema-zod';
import { described, Id, named, PersonRef, playbookRegistry, Text } from './schema-common';
import { rule } from './messages';
import { Building } from './schema-evacuation';
import { planHead, planSite, planTail, STEP_DONE_BY, StepItem } from './schema-plan';
import { PlaybookV1 } from './schema-v1';

export type { AftermathItem, Preparation } from './schema-plan';

/**
 * The playbook, schema version 2: everything the seed plans say, in one document per language.
 * Written once here; the JSON Schema in scenarios/ is generated from it and the validator
 * parses with it. Files of version 1 (schema-v1.ts) are still read and migrated (migrate.ts).
 */

import { SCHEMA_VERSION } from './schema-version';

export { SCHEMA_VERSION };
export const TARGET_FROM = ['incident', 'step'] as const;

const StepTarget = named(
  z.strictObject({
    minutes: described(z.number().int().min(0).max(10080), 'the time the plan allows, in minutes'),
    from: described(z.enum(TARGET_FROM), '"incident": counted from the start of the incident; "step": from when this step is started'),
  }),
  'StepTarget',
  'A time limit the plan sets for a step.',
);

const MayBeDoneBy = named(
  z.strictObject({
    text: described(Text, 'who may do the step, as staff read it, e.g. "the electrician only"'),
    role: described(PersonRef, 'that role, team or post in `command`, by id, where there is one').optional(),
  }),
  'MayBeDoneBy',
  'A restriction on who may carry out a step.',
);

export const Step = named(
  z.strictObject({
    id: described(Id, 'unique in the playbook, e.g. "step.alarm.report"; incidents record progress against it'),
    text: Text,
    owner: described(PersonRef, 'the role, group, team or position responsible, by id'),
    support: described(z.array(PersonRef), 'others who share the step, by id').optional(),
    when: described(Text, 'the condition under which the step applies, e.g. at night or on rest days').optional(),
    mayBeDoneBy: MayBeDoneBy.optional(),
    critical: described(z.boolean(), 'true for a step that must not be skipped lightly: skipping it needs a reason and a second confirmation').optional(),
    target: StepTarget.optional(),
    doneBy: described(
      z.enum(STEP_DONE_BY),
      '"end-confirmed": this step is the on-site end itself; "closure-approved": it is the approval of the end. The end screen does not ask for it before the end',
    ).optional(),
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

export const Playbook = named(
  z.strictObject({
    ...planHead,
    schemaVersion: described(z.literal(SCHEMA_VERSION), 'the version of this schema the file is written in: 2'),
    phases: z.array(Phase).min(1, rule('playbookPhases')),
    ...planSite,
    buildings: z.array(Building).optional(),
    ...planTail,
  }),
  'Playbook',
  'A playbook written in schema version 2.',
);
export type Playbook = z.output<typeof Playbook>;

/** What a playbook file may hold: version 2, or a version 1 file that is still read. */
const PlaybookFile = z
  .union([Playbook, PlaybookV1])
  // Registered without an id so the JSON Schema describes the file at its root, not by $ref.
  .register(playbookRegistry, { title: 'Muster playbook', description: 'One emergency plan in one language (schema version 2, or 1 for older files).' });

/** The JSON Schema of a playbook file, as an object. Same output on every run. */
export function playbookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlaybookFile, {
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
