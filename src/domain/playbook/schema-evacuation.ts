import { z } from './schema-zod';
import { rule } from './messages';
import { described, Id, named, PersonRef, Text } from './schema-common';

/**
 * Buildings, floors and evacuation routes: what a member of staff sees after scanning the QR
 * code on their floor. Stairways and assembly points are listed once for the whole site and
 * routes point at them by id, because one staircase (the seed's 中央楼梯) serves two buildings.
 *
 * A route is either a way out, in one or more legs (up the ramp stairs to 1F, then out by the
 * south door), or a place to stay and wait (a refuge area, what to do there, whom to call), for
 * someone who cannot use the stairs. Safety rules hang on the building, the floor or the route
 * they concern, each with a severity, and are always shown before the routes.
 */

const STAIRWAY_KINDS = ['stairs', 'fire-escape', 'exit'] as const;
export const ROUTE_KINDS = ['primary', 'alternate', 'step-free'] as const;
export const LEG_KINDS = ['stairs', 'corridor', 'door', 'ramp'] as const;
export const LEG_DIRECTIONS = ['down', 'up', 'out', 'along'] as const;
export const NEAREST_WAYS = ['stairs', 'exit'] as const;
export const RULE_SEVERITIES = ['danger', 'warning', 'caution'] as const;

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

export const SafetyRule = named(
  z.strictObject({
    id: described(Id, 'unique within its list, e.g. "no-car-lift"'),
    severity: described(
      z.enum(RULE_SEVERITIES),
      '"danger": breaking it can kill (never take the lift); "warning": can injure or trap; "caution": do this with care',
    ),
    text: described(Text, 'the rule as staff read it, e.g. "Never take the car lift, whatever the water level"'),
    source: Text.optional(),
  }),
  'SafetyRule',
  'A rule everyone on this building, floor or route must follow; shown before the routes.',
);
export type SafetyRule = z.output<typeof SafetyRule>;

export const Leg = named(
  z.strictObject({
    kind: described(z.enum(LEG_KINDS), 'what this stretch goes through'),
    stairway: described(Id, 'for stairs: the stairway, by id; or give `nearest`').optional(),
    nearest: described(z.enum(NEAREST_WAYS), 'for stairs or a door: the nearest stairs or exit, when no named one is meant').optional(),
    direction: z.enum(LEG_DIRECTIONS).optional(),
    to: described(Text, 'where this stretch ends, e.g. "1F" or "the south door"').optional(),
    text: described(Text, 'the stretch as staff read it, e.g. "Go up the ramp stairs to 1F"'),
  }),
  'Leg',
  'One stretch of a way out: a stairway, a corridor, a door or a ramp.',
);
export type Leg = z.output<typeof Leg>;

export const CallRef = named(
  z.strictObject({
    role: described(PersonRef, 'a role, team or post in `command` whose phone to call, by id').optional(),
    emergencyNumber: described(Id, 'an entry of `emergencyNumbers`, by id').optional(),
    text: described(Text, 'why to call, e.g. "for the evacuation chair"').optional(),
  }),
  'CallRef',
  'Whom to call from a refuge: a command post or an emergency number (give one of the two).',
);
export type CallRef = z.output<typeof CallRef>;

export const Stay = named(
  z.strictObject({
    refuge: described(Text, 'where to wait, so someone who has never been there finds it, e.g. "the refuge area by the north stairs, behind the fire door"'),
    actions: described(z.array(Text).min(1), 'what to do while waiting, in order'),
    call: described(z.array(CallRef).min(1), 'whom to call to say where you are'),
  }),
  'Stay',
  'Do not go down: wait in a refuge and call for help (for someone who cannot use the stairs).',
);
export type Stay = z.output<typeof Stay>;

export const Route = named(
  z.strictObject({
    id: described(Id, 'unique within its floor, e.g. "primary"'),
    kind: described(z.enum(ROUTE_KINDS), '"primary" is shown first and every floor has exactly one; "step-free" is for someone who cannot use stairs'),
    instruction: described(Text, 'the route in one sentence, as staff read it first, e.g. "从中央楼梯向下疏散"'),
    when: described(Text, 'the condition under which to use this route, e.g. "when the ramp is flooded"').optional(),
    legs: described(z.array(Leg).min(1), 'the way out, stretch by stretch; give either this or `stay`').optional(),
    exit: described(Text, 'the door out of the building, where the legs end').optional(),
    assemblyPoint: described(Id, 'where to gather, by id').optional(),
    stay: Stay.optional(),
    rules: described(z.array(SafetyRule), 'rules for this route').optional(),
    notes: Text.optional(),
    source: described(Text, 'the rule in the source plan, e.g. "四、2、b"').optional(),
  }),
  'Route',
  'One way out from a floor, or one place to wait in it.',
);
export type Route = z.output<typeof Route>;

export const Floor = named(
  z.strictObject({
    id: described(Id, 'unique within its building, e.g. "floor-7"'),
    label: described(Text, 'as printed in the building, e.g. "B2", "2M", "7楼"'),
    order: described(z.number().min(-100).max(1000), 'position from the bottom up, e.g. B2 -2, B1 -1, 1F 1, 2M 1.5, 2F 2; floors are listed in this order'),
    level: described(z.number().int().min(-20).max(200), 'storey number; negative below ground').optional(),
    rules: described(z.array(SafetyRule), 'rules for everyone on this floor, e.g. never take the car lift').optional(),
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
    rules: described(z.array(SafetyRule), 'rules for everyone in this building').optional(),
    floors: z.array(Floor).min(1, rule('buildingFloors')),
  }),
  'Building',
  'A building and its floors.',
);
export type Building = z.output<typeof Building>;
