import { z } from './schema-zod';
import { rule } from './messages';
import { described, Id, named, Text } from './schema-common';

/**
 * Buildings, floors and evacuation routes: what a member of staff sees after scanning the QR
 * code on their floor. Stairways and assembly points are listed once for the whole site and
 * routes point at them by id, because one staircase (the seed's 中央楼梯) serves two buildings.
 */

const STAIRWAY_KINDS = ['stairs', 'fire-escape', 'exit'] as const;
const ROUTE_KINDS = ['primary', 'alternate', 'accessible'] as const;
const ROUTE_DIRECTIONS = ['down', 'up', 'out'] as const;
const NEAREST_WAYS = ['stairs', 'exit'] as const;

export const Stairway = named(
  z.strictObject({
    id: Id,
    name: Text,
    kind: z.enum(STAIRWAY_KINDS).optional(),
    description: Text.optional(),
  }),
  'Stairway',
  'A named staircase, fire escape or exit that routes use.',
);
export type Stairway = z.output<typeof Stairway>;

export const AssemblyPoint = named(
  z.strictObject({
    id: Id,
    name: Text,
    location: described(Text, 'where it is, so someone who has never been there finds it'),
  }),
  'AssemblyPoint',
  'Where people gather after leaving the building and are counted.',
);
export type AssemblyPoint = z.output<typeof AssemblyPoint>;

export const Route = named(
  z.strictObject({
    id: described(Id, 'unique within its floor, e.g. "primary"'),
    kind: described(z.enum(ROUTE_KINDS), '"primary" is shown first; every floor has exactly one'),
    stairway: described(Id, 'the stairway to use, by id; give either this or `nearest`').optional(),
    nearest: described(z.enum(NEAREST_WAYS), 'use the nearest stairs or exit; give either this or `stairway`').optional(),
    direction: z.enum(ROUTE_DIRECTIONS),
    instruction: described(Text, 'the route as staff read it, e.g. "从中央楼梯向下疏散"'),
    exit: described(Text, 'the door out of the building').optional(),
    assemblyPoint: described(Id, 'where to gather, by id').optional(),
    notes: Text.optional(),
    source: described(Text, 'the rule in the source plan, e.g. "四、2、b"').optional(),
  }),
  'Route',
  'One way out from a floor.',
);
export type Route = z.output<typeof Route>;

export const Floor = named(
  z.strictObject({
    id: described(Id, 'unique within its building, e.g. "floor-7"'),
    label: described(Text, 'as printed in the building, e.g. "B2", "2M", "7楼"'),
    level: described(z.number().int().min(-20).max(200), 'storey number for sorting; negative below ground').optional(),
    routes: z.array(Route).min(1, rule('floorRoutes')),
    notes: Text.optional(),
  }),
  'Floor',
  'A floor and its evacuation routes.',
);
export type Floor = z.output<typeof Floor>;

export const Building = named(
  z.strictObject({
    id: Id,
    name: Text,
    description: Text.optional(),
    floors: z.array(Floor).min(1, rule('buildingFloors')),
  }),
  'Building',
  'A building and its floors.',
);
export type Building = z.output<typeof Building>;
