/**
 * The fixed choices of rounds and campaigns, apart from the zod schema (schema-rounds.ts) so that
 * code reading records (the event checks, the summaries, the home screen) does not load zod.
 */

/** Calendar periods a recurrence counts in, in the branch's time zone. */
export const ROUND_PERIODS = ['day', 'week', 'month', 'quarter', 'half-year', 'year'] as const;
export type RoundPeriod = (typeof ROUND_PERIODS)[number];

/** A month and day without a year, "MM-DD" (a season start, a campaign window). */
export const MONTH_DAY_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The five-tier loan classification (贷款风险分类): the class a loan is in and the class proposed. */
export const LOAN_CLASSES = ['normal', 'special-mention', 'substandard', 'doubtful', 'loss'] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];

export const CAMPAIGN_TABLE_ROWS = ['loan-categories', 'risk-dimensions'] as const;
