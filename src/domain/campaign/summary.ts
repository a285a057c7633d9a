import { RISK_LEVELS, type RiskLevel } from '../events/campaign';
import type { Playbook } from '../playbook/schema';
import { LOAN_CLASSES, type LoanClass } from '../playbook/round-terms';
import type { Attribution } from '../attribution';
import type { CampaignLoan, CampaignRisk, CampaignState, UnitStatus } from './state';

export { formatAmount, parseAmount, sumMinor, AMOUNT_PROBLEMS, type AmountProblem, type ParsedAmount } from './money';

/**
 * What the campaign adds up to (seed plan part 2, 五): the two summary tables handed in, each
 * unit's progress, and what is still missing before the deadline. Built from the reduced state
 * (state.ts), so every device shows the same figures after sync. Pure; money in integers only.
 */

/** A count of entries and the sum of their amounts in minor units (bigint: a sum never loses a fen). */
export interface Tally {
  readonly count: number;
  readonly amountMinor: bigint;
}

/** Loans counted in one row of the loan-categories table. */
export interface LoanTallies {
  readonly all: Tally;
  /** The proposed class differs from the current class. */
  readonly reclassified: Tally;
  /** From normal or special-mention into substandard, doubtful or loss (into non-performing). */
  readonly intoNonPerforming: Tally;
  readonly byProposedClass: Readonly<Record<LoanClass, Tally>>;
}

export interface LoanCategoryRow extends LoanTallies {
  /** The playbook's category id; entries in a category the playbook does not have get a row of their own (`known` false). */
  readonly categoryId: string;
  readonly text: string;
  readonly source?: string;
  readonly known: boolean;
}

/** Risks counted in one row of the risk-dimensions table. */
export interface RiskTallies {
  readonly all: Tally;
  readonly byLevel: Readonly<Record<RiskLevel, Tally>>;
}

export interface RiskDimensionRow extends RiskTallies {
  readonly dimensionId: string;
  readonly title: string;
  readonly text: string;
  readonly source?: string;
  readonly known: boolean;
}

/** One summary table, in the order of the playbook's `campaign.tables`; `total` is the sum of every entry. */
export type CampaignTable =
  | { readonly id: string; readonly title: string; readonly rows: 'loan-categories'; readonly lines: readonly LoanCategoryRow[]; readonly total: LoanTallies }
  | { readonly id: string; readonly title: string; readonly rows: 'risk-dimensions'; readonly lines: readonly RiskDimensionRow[]; readonly total: RiskTallies };

/** The classes a loan may be proposed out of and into for it to count as newly non-performing. */
export const PERFORMING_CLASSES: readonly LoanClass[] = ['normal', 'special-mention'];
export const NON_PERFORMING_CLASSES: readonly LoanClass[] = ['substandard', 'doubtful', 'loss'];

const EMPTY: Tally = { count: 0, amountMinor: 0n };
const add = (t: Tally, amount: number): Tally => ({ count: t.count + 1, amountMinor: t.amountMinor + BigInt(amount) });
const each = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, EMPTY])) as Record<K, Tally>;

/** The tallies of a list of loans: each loan is one entry, counted once in each column it belongs to. */
export function tallyLoans(loans: readonly CampaignLoan[]): LoanTallies {
  let all = EMPTY;
  let reclassified = EMPTY;
  let intoNonPerforming = EMPTY;
  const byProposedClass = each(LOAN_CLASSES);
  for (const l of loans) {
    all = add(all, l.amountMinor);
    if (l.proposedClass !== l.currentClass) reclassified = add(reclassified, l.amountMinor);
    if (PERFORMING_CLASSES.includes(l.currentClass) && NON_PERFORMING_CLASSES.includes(l.proposedClass))
      intoNonPerforming = add(intoNonPerforming, l.amountMinor);
    byProposedClass[l.proposedClass] = add(byProposedClass[l.proposedClass], l.amountMinor);
  }
  return { all, reclassified, intoNonPerforming, byProposedClass };
}

export function tallyRisks(risks: readonly CampaignRisk[]): RiskTallies {
  let all = EMPTY;
  const byLevel = each(RISK_LEVELS);
  for (const r of risks) {
    all = add(all, r.amountMinor);
    byLevel[r.level] = add(byLevel[r.level], r.amountMinor);
  }
  return { all, byLevel };
}

/** Ids in the order first seen, for entries whose category or dimension the playbook lacks. */
function unknownIds(ids: readonly string[], known: ReadonlySet<string>): string[] {
  return [...new Set(ids.filter((id) => !known.has(id)))];
}

/** The loan-categories table's rows: one per category of the playbook, in its order, then one per unknown category. */
export function loanCategoryRows(state: CampaignState, playbook: Playbook): LoanCategoryRow[] {
  const categories = playbook.campaign?.loanCategories ?? [];
  const known = new Set(categories.map((c) => c.id));
  const of = (id: string) => tallyLoans(state.loans.filter((l) => l.categoryId === id));
  return [
    ...categories.map((c) => ({ categoryId: c.id, text: c.text, ...(c.source !== undefined ? { source: c.source } : {}), known: true, ...of(c.id) })),
    ...unknownIds(
      state.loans.map((l) => l.categoryId),
      known,
    ).map((id) => ({ categoryId: id, text: id, known: false, ...of(id) })),
  ];
}

export function riskDimensionRows(state: CampaignState, playbook: Playbook): RiskDimensionRow[] {
  const dimensions = playbook.campaign?.riskDimensions ?? [];
  const known = new Set(dimensions.map((d) => d.id));
  const of = (id: string) => tallyRisks(state.risks.filter((r) => r.dimensionId === id));
  return [
    ...dimensions.map((d) => ({
      dimensionId: d.id,
      title: d.title,
      text: d.text,
      ...(d.source !== undefined ? { source: d.source } : {}),
      known: true,
      ...of(d.id),
    })),
    ...unknownIds(
      state.risks.map((r) => r.dimensionId),
      known,
    ).map((id) => ({ dimensionId: id, title: id, text: id, known: false, ...of(id) })),
  ];
}

/**
 * The summary tables the playbook names (贷款风险分类准确性排查情况汇总表, 重大信用风险隐患排查情况汇总表),
 * in its order. The total row is the tally of all entries, so it equals the sum of the rows.
 */
export function campaignTables(state: CampaignState, playbook: Playbook): CampaignTable[] {
  return (playbook.campaign?.tables ?? []).map((t) =>
    t.rows === 'loan-categories'
      ? { id: t.id, title: t.title, rows: t.rows, lines: loanCategoryRows(state, playbook), total: tallyLoans(state.loans) }
      : { id: t.id, title: t.title, rows: t.rows, lines: riskDimensionRows(state, playbook), total: tallyRisks(state.risks) },
  );
}

export interface UnitProgress {
  readonly unitId: string;
  readonly name: string;
  readonly owner?: string;
  readonly loans: number;
  readonly risks: number;
  readonly triggers: number;
  readonly paths: number;
  /** Every live entry of the unit, of any kind. */
  readonly entries: number;
  readonly loanAmountMinor: bigint;
  readonly riskAmountMinor: bigint;
  readonly status: UnitStatus;
  readonly statusNote?: string;
  readonly statusSet?: Attribution;
  /** False for a unit named only by entries (not in the campaign's unit list). */
  readonly listed: boolean;
}

/** Each unit's entries and whether it has reported, in the campaign's unit order; units named only by entries come last. */
export function unitProgress(state: CampaignState): UnitProgress[] {
  const listed = new Set(state.units.map((u) => u.unitId));
  const extra = unknownIds(
    [...state.loans, ...state.risks, ...state.triggers, ...state.paths].flatMap((e) => (e.unitId !== undefined ? [e.unitId] : [])),
    listed,
  );
  const rows = [...state.units.map((u) => ({ ...u, listed: true })), ...extra.map((id) => ({ unitId: id, name: id, status: 'open' as const, listed: false }))];
  return rows.map((u) => {
    const loans = state.loans.filter((x) => x.unitId === u.unitId);
    const risks = state.risks.filter((x) => x.unitId === u.unitId);
    const triggers = state.triggers.filter((x) => x.unitId === u.unitId).length;
    const paths = state.paths.filter((x) => x.unitId === u.unitId).length;
    return {
      unitId: u.unitId,
      name: u.name,
      ...('owner' in u && u.owner !== undefined ? { owner: u.owner } : {}),
      loans: loans.length,
      risks: risks.length,
      triggers,
      paths,
      entries: loans.length + risks.length + triggers + paths,
      loanAmountMinor: tallyLoans(loans).all.amountMinor,
      riskAmountMinor: tallyRisks(risks).all.amountMinor,
      status: u.status,
      ...('statusNote' in u && u.statusNote !== undefined ? { statusNote: u.statusNote } : {}),
      ...('statusSet' in u && u.statusSet !== undefined ? { statusSet: u.statusSet } : {}),
      listed: u.listed,
    };
  });
}

export { missingBeforeDeadline, daysBetween, type MissingBeforeDeadline } from './missing';
