import { z } from './schema-zod';
import { described, Id, ItemList, named, PersonRef, Text } from './schema-common';
import { rule } from './messages';
import { CAMPAIGN_TABLE_ROWS, MONTH_DAY_PATTERN, ROUND_PERIODS } from './round-terms';

/**
 * What a playbook says between emergencies: inspection rounds with their recurrence, and the
 * time-boxed campaign (a playbook of kind "campaign", such as the credit-risk self-inspection of
 * seed plan part 2). Runs of both are recorded as events (domain/events/rounds.ts, campaign.ts).
 */

export { CAMPAIGN_TABLE_ROWS, LOAN_CLASSES, MONTH_DAY_PATTERN, ROUND_PERIODS, type LoanClass, type RoundPeriod } from './round-terms';
const MonthDay = z.string().regex(MONTH_DAY_PATTERN, rule('monthDay'));

const Recurrence = named(
  z.strictObject({
    times: described(z.number().int().min(1).max(31), 'at least this many rounds in every period'),
    per: described(z.enum(ROUND_PERIODS), 'the calendar period, in the branch time zone: "half-year" is January–June and July–December'),
  }),
  'Recurrence',
  'How often a round is due: the period is split into `times` equal windows, and each window needs one round (for each area).',
);

const SeasonDue = named(
  z.strictObject({
    season: described(Text, 'the season in words, e.g. "汛期" (the flood season); the branch sets its start date'),
    daysBefore: described(z.number().int().min(0).max(365), 'the round must be finished this many days before the season starts'),
  }),
  'SeasonDue',
  'A round due once a year, before a season whose start date the branch sets.',
);

const RoundArea = named(
  z.strictObject({ id: described(Id, 'unique within the round'), name: Text, source: Text.optional() }),
  'RoundArea',
  'A place checked on its own in every window (a key fire area, for example).',
);

const RoundItem = named(
  z.strictObject({ id: described(Id, 'unique within the round'), text: Text, source: Text.optional() }),
  'RoundItem',
  'One thing checked: it passes, or it is a finding.',
);

const FindingRule = named(
  z.strictObject({
    owner: described(PersonRef, 'who is ordered to rectify a finding unless the inspector names someone else, by id').optional(),
    days: described(z.number().int().min(1).max(365), 'days from the finding to its rectification deadline, unless the inspector sets another'),
    text: described(Text, 'what the plan says must happen to a finding (e.g. "order it rectified and follow it up")').optional(),
  }),
  'FindingRule',
  'What a finding needs: a description, a severity, a rectification owner and deadline; a photo is optional.',
);

export const Round = named(
  z
    .strictObject({
      id: described(Id, 'unique in the playbook; rounds done are recorded against it'),
      title: Text,
      owner: described(PersonRef, 'the role that does the round, by id in `command`'),
      every: Recurrence.optional(),
      beforeSeason: SeasonDue.optional(),
      areas: described(z.array(RoundArea), 'areas each checked on their own; leave out for one round of the whole site').optional(),
      items: z.array(RoundItem).min(1, rule('roundItems')),
      finding: FindingRule,
      source: described(Text, 'where in the source plan this comes from').optional(),
    })
    .refine((r) => (r.every === undefined) !== (r.beforeSeason === undefined), { message: rule('roundDue') }),
  'Round',
  'An inspection round: who does it, how often, which areas and what is checked.',
);
export type Round = z.output<typeof Round>;

const CampaignUnit = named(
  z.strictObject({
    id: described(Id, 'unique in the campaign'),
    name: Text,
    owner: described(PersonRef, 'who answers for this unit, by id').optional(),
  }),
  'CampaignUnit',
  'A unit that checks its own books (各社、部); the branch can add its own when it starts the campaign.',
);

const LoanCategory = named(
  z.strictObject({ id: Id, text: Text, source: Text.optional() }),
  'LoanCategory',
  'A kind of loan to check one by one (a loan entry names one).',
);

const RiskDimension = named(
  z.strictObject({
    id: Id,
    title: described(Text, 'e.g. "行业风险"'),
    text: described(Text, 'what to check, with the thresholds the plan gives'),
    source: Text.optional(),
  }),
  'RiskDimension',
  'A dimension along which major credit risk is examined (industry, region, product, customer).',
);

const CampaignTable = named(
  z.strictObject({
    id: Id,
    title: described(Text, 'the table title as it is handed in'),
    rows: described(z.enum(CAMPAIGN_TABLE_ROWS), 'what the rows are: the loan categories or the risk dimensions'),
  }),
  'CampaignTable',
  'A summary table generated from the entries and handed in with the report.',
);

export const Campaign = named(
  z.strictObject({
    lead: described(PersonRef, 'the office that leads the campaign, by id in `command`'),
    window: described(z.strictObject({ start: MonthDay, end: MonthDay }), 'the usual window, "MM-DD" to "MM-DD"; the branch sets the dates when it starts'),
    referenceDate: described(
      z.strictObject({ monthDay: MonthDay, yearsBefore: z.number().int().min(0).max(5) }),
      'the date the data are taken as of: this month and day, so many years before the window',
    ),
    deadline: described(MonthDay, 'when the report is due, "MM-DD"'),
    reportTo: described(Text, 'who receives the report'),
    units: z.array(CampaignUnit).min(1, rule('campaignUnits')),
    loanCategories: z.array(LoanCategory).min(1, rule('campaignCategories')),
    riskDimensions: z.array(RiskDimension).min(1, rule('campaignDimensions')),
    triggers: described(ItemList, 'what the report must say about trigger points and transmission paths'),
    tables: z.array(CampaignTable).min(1, rule('campaignTables')),
    reportContents: described(ItemList, 'the parts of the written report, each written as a section'),
  }),
  'Campaign',
  'A time-boxed self-inspection: who leads it, its window and reference date, what is checked, and what is handed in.',
);
export type Campaign = z.output<typeof Campaign>;
