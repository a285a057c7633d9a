import { z } from './schema-zod';
import { described, Id, named, PersonRef, Text } from './schema-common';
import { rule } from './messages';
import { planHead, planSite, planTail, STEP_DONE_BY, StepItem } from './schema-plan';
import { NEAREST_WAYS } from './schema-evacuation';

/**
 * Playbook schema version 1: the files written before floors had an order of their own and
 * routes had legs. Every v1 file keeps loading: the validator reads it with this schema and
 * migrate.ts turns it into the current version. Nothing new is added here.
 */

const ROUTE_KINDS_V1 = ['primary', 'alternate', 'accessible'] as const;
const ROUTE_DIRECTIONS = ['down', 'up', 'out'] as const;

const StepV1 = named(
  z.strictObject({
    id: described(Id, 'unique in the playbook, e.g. "step.alarm.report"; incidents record progress against it'),
    text: Text,
    owner: described(PersonRef, 'the role, group, team or position responsible, by id'),
    support: described(z.array(PersonRef), 'others who share the step, by id').optional(),
    when: described(Text, 'the condition under which the step applies, e.g. at night or on rest days').optional(),
    critical: described(z.boolean(), 'true for a step that must not be skipped; shown prominently').optional(),
    targetMinutes: described(z.number().int().min(0).max(10080), 'target time in minutes from the start of the incident, where the plan sets one').optional(),
    doneBy: described(z.enum(STEP_DONE_BY), 'as in version 2: a step that the ending itself records').optional(),
    items: z.array(StepItem).optional(),
    source: described(Text, 'where in the source plan this comes from').optional(),
    notes: Text.optional(),
  }),
  'StepV1',
  'One thing to do during the response (schema version 1).',
);
export type StepV1 = z.output<typeof StepV1>;

const PhaseV1 = named(
  z.strictObject({ id: Id, title: Text, summary: Text.optional(), steps: z.array(StepV1).min(1, rule('phaseSteps')) }),
  'PhaseV1',
  'A stage of the response, with its steps in order (schema version 1).',
);

const RouteV1 = named(
  z.strictObject({
    id: described(Id, 'unique within its floor, e.g. "primary"'),
    kind: described(z.enum(ROUTE_KINDS_V1), '"primary" is shown first; every floor has exactly one'),
    stairway: described(Id, 'the stairway to use, by id; give either this or `nearest`').optional(),
    nearest: described(z.enum(NEAREST_WAYS), 'use the nearest stairs or exit; give either this or `stairway`').optional(),
    direction: z.enum(ROUTE_DIRECTIONS),
    instruction: described(Text, 'the route as staff read it, e.g. "从中央楼梯向下疏散"'),
    exit: described(Text, 'the door out of the building').optional(),
    assemblyPoint: described(Id, 'where to gather, by id').optional(),
    notes: Text.optional(),
    source: described(Text, 'the rule in the source plan, e.g. "四、2、b"').optional(),
  }),
  'RouteV1',
  'One way out from a floor (schema version 1).',
);
export type RouteV1 = z.output<typeof RouteV1>;

const FloorV1 = named(
  z.strictObject({
    id: described(Id, 'unique within its building, e.g. "floor-7"'),
    label: described(Text, 'as printed in the building, e.g. "B2", "7楼"'),
    level: described(z.number().int().min(-20).max(200), 'storey number for sorting; negative below ground').optional(),
    routes: z.array(RouteV1).min(1, rule('floorRoutes')),
    notes: Text.optional(),
  }),
  'FloorV1',
  'A floor and its evacuation routes (schema version 1).',
);
export type FloorV1 = z.output<typeof FloorV1>;

const BuildingV1 = named(
  z.strictObject({ id: Id, name: Text, description: Text.optional(), floors: z.array(FloorV1).min(1, rule('buildingFloors')) }),
  'BuildingV1',
  'A building and its floors (schema version 1).',
);

export const PlaybookV1 = named(
  z.strictObject({
    ...planHead,
    schemaVersion: described(z.literal(1), 'left out in most version 1 files').optional(),
    phases: z.array(PhaseV1).min(1, rule('playbookPhases')),
    ...planSite,
    buildings: z.array(BuildingV1).optional(),
    ...planTail,
  }),
  'PlaybookV1',
  'A playbook written in schema version 1 (no "schemaVersion", or 1). Still read; new files use version 2.',
);
export type PlaybookV1 = z.output<typeof PlaybookV1>;
