import { z } from './schema-zod';
import { described, Id, named, PersonRef, Phone, Text } from './schema-common';

/**
 * Command structure: a headquarters, groups and their sub-teams, and stand-alone roles (the
 * person who finds the fire, the on-duty leader). Every position has an id so an incident can
 * record who holds it and hand it over.
 */

const Duties = described(z.array(Text), 'what the plan says this role or group does, one sentence or clause each');

export const Position = named(
  z.strictObject({
    id: Id,
    title: described(Text, 'the post in the group, e.g. "组长", "副队长", "成员"'),
    heldBy: described(Text, 'the job title of who fills the post, e.g. "副行长"; left out where the plan leaves it blank').optional(),
    person: described(Text, 'name of the person, filled in locally; the seed plans name nobody').optional(),
    phone: Phone.optional(),
    duties: Duties.optional(),
  }),
  'Position',
  'A post in a group (leader, deputy, members) and the job title that fills it.',
);
export type Position = z.output<typeof Position>;

const teamFields = {
  id: Id,
  name: Text,
  /** Left out when the plan names no leader (the fire team's sub-teams). */
  leader: Position.optional(),
  deputies: z.array(Position).optional(),
  members: z.array(Position).optional(),
  duties: Duties.optional(),
  phone: Phone.optional(),
  location: described(Text, 'where the group sits, e.g. "分行安全保卫部"').optional(),
  staffing: described(Text, 'what the plan says about how the group is staffed').optional(),
};

export const Team = named(z.strictObject(teamFields), 'Team', "A sub-team of a group, e.g. the volunteer fire team's extinguisher team.");
export type Team = z.output<typeof Team>;

export const Group = named(
  z.strictObject({ ...teamFields, teams: described(z.array(Team), 'sub-teams, in the order the plan lists them').optional() }),
  'Group',
  'The headquarters or a group, with its posts, duties and sub-teams.',
);
export type Group = z.output<typeof Group>;

export const Role = named(
  z.strictObject({
    id: Id,
    title: Text,
    person: Text.optional(),
    phone: Phone.optional(),
    duties: Duties.optional(),
  }),
  'Role',
  'A role outside the groups that steps name as responsible, e.g. the person who finds the fire.',
);
export type Role = z.output<typeof Role>;

const InterimCommand = named(
  z.strictObject({
    when: described(Text, 'when this applies, e.g. "险情发生在夜间或休息日时"'),
    role: described(PersonRef, 'who commands in the meantime, by id'),
    until: described(Text, 'when command passes back').optional(),
    duties: Duties,
  }),
  'InterimCommand',
  'Who commands until the leader arrives (nights, rest days).',
);
type InterimCommand = z.output<typeof InterimCommand>;

export const Command = named(
  z.strictObject({
    description: described(Text, 'how the plan introduces its organisation').optional(),
    headquarters: Group,
    groups: z.array(Group),
    roles: described(z.array(Role), 'roles outside the groups').optional(),
    interimCommand: InterimCommand.optional(),
  }),
  'Command',
  'Who commands and who does what.',
);
export type Command = z.output<typeof Command>;

export const EmergencyNumber = named(
  z.strictObject({
    id: Id,
    label: Text,
    number: described(Phone, 'left out where the plan leaves it blank: fill it in before use').optional(),
    notes: Text.optional(),
  }),
  'EmergencyNumber',
  'A number to call: the fire service, the duty phone, head office.',
);
export type EmergencyNumber = z.output<typeof EmergencyNumber>;
