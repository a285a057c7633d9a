import { parseAmount, formatAmount, type AmountProblem } from '../../domain/campaign';
import type { CampaignLoan, CampaignRisk } from '../../domain/campaign';
import type { CampaignLoanSet, CampaignRiskSet, RiskLevel } from '../../domain/events/campaign';
import type { LoanClass } from '../../domain/playbook/round-terms';
import type { Language } from '../../domain/text';

/**
 * What the entry forms hold (as typed) and the event payload each becomes, or why it cannot:
 * an amount is parsed from text into integer fen (parseAmount), never through a float, and a
 * form with a problem writes nothing. Pure, so the rules are tested without a screen.
 */

/** Why a field cannot be saved: an amount's own reason, or a required field left empty. */
export type FieldProblem = AmountProblem | 'required';
export type Checked<P, F extends string> =
  { readonly ok: true; readonly payload: P } | { readonly ok: false; readonly problems: Partial<Record<F, FieldProblem>> };

export interface LoanForm {
  readonly unitId: string;
  readonly categoryId: string;
  readonly borrower: string;
  readonly amount: string;
  readonly currentClass: LoanClass;
  readonly proposedClass: LoanClass;
  readonly reason: string;
}
export type LoanField = keyof LoanForm;

export const emptyLoan = (unitId = ''): LoanForm => ({
  unitId,
  categoryId: '',
  borrower: '',
  amount: '',
  currentClass: 'normal',
  proposedClass: 'special-mention',
  reason: '',
});

/** A recorded loan back in the form, to correct it: the amount as the list shows it, which parses back to the same fen. */
export function loanForm(l: CampaignLoan, language: Language): LoanForm {
  return {
    unitId: l.unitId,
    categoryId: l.categoryId,
    borrower: l.borrower,
    amount: formatAmount(l.amountMinor, language),
    currentClass: l.currentClass,
    proposedClass: l.proposedClass,
    reason: l.reason,
  };
}

function required<F extends string>(problems: Partial<Record<F, FieldProblem>>, form: Readonly<Record<F, string>>, fields: readonly F[]): void {
  for (const f of fields) if (form[f].trim() === '') problems[f] = 'required';
}

export function checkLoan(form: LoanForm, entryId: string): Checked<CampaignLoanSet, LoanField> {
  const problems: Partial<Record<LoanField, FieldProblem>> = {};
  required(problems, form, ['unitId', 'categoryId', 'borrower', 'reason']);
  const amount = parseAmount(form.amount);
  if (!amount.ok) problems.amount = amount.problem;
  if (!amount.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    payload: {
      entryId,
      unitId: form.unitId,
      categoryId: form.categoryId,
      borrower: form.borrower.trim(),
      amountMinor: amount.minor,
      currentClass: form.currentClass,
      proposedClass: form.proposedClass,
      reason: form.reason.trim(),
    },
  };
}

export interface RiskForm {
  readonly unitId: string;
  readonly dimensionId: string;
  readonly description: string;
  readonly amount: string;
  readonly level: RiskLevel;
}
export type RiskField = keyof RiskForm;

export const emptyRisk = (unitId = ''): RiskForm => ({ unitId, dimensionId: '', description: '', amount: '', level: 'medium' });

export function riskForm(r: CampaignRisk, language: Language): RiskForm {
  return { unitId: r.unitId, dimensionId: r.dimensionId, description: r.description, amount: formatAmount(r.amountMinor, language), level: r.level };
}

export function checkRisk(form: RiskForm, entryId: string): Checked<CampaignRiskSet, RiskField> {
  const problems: Partial<Record<RiskField, FieldProblem>> = {};
  required(problems, form, ['unitId', 'dimensionId', 'description']);
  const amount = parseAmount(form.amount);
  if (!amount.ok) problems.amount = amount.problem;
  if (!amount.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    payload: {
      entryId,
      unitId: form.unitId,
      dimensionId: form.dimensionId,
      description: form.description.trim(),
      amountMinor: amount.minor,
      level: form.level,
    },
  };
}
