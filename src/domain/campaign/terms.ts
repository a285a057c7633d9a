import type { RiskLevel, TriggerHorizon } from '../events/campaign';
import type { LoanClass } from '../playbook/round-terms';
import { speaker, type Language } from '../text';
import type { AmountProblem } from './money';
import { messages } from './messages';
import type { UnitStatus } from './state';

/**
 * The campaign's terms in words, for the entry forms and the report alike, so a class or a
 * level reads the same on the phone and on paper. Pure.
 */
export function loanClassLabel(c: LoanClass, language: Language): string {
  return speaker(language, messages)(`campaignTerms.loanClass.${c}`);
}

export function riskLevelLabel(level: RiskLevel, language: Language): string {
  return speaker(language, messages)(`campaignTerms.riskLevel.${level}`);
}

export function triggerHorizonLabel(horizon: TriggerHorizon, language: Language): string {
  return speaker(language, messages)(`campaignTerms.horizon.${horizon}`);
}

export function unitStatusLabel(status: UnitStatus, language: Language): string {
  return speaker(language, messages)(`campaignTerms.unitStatus.${status}`);
}

/** Why a typed amount was refused (parseAmount), as a sentence to show under the field. */
export function amountProblemText(problem: AmountProblem, language: Language): string {
  return speaker(language, messages)(`campaignTerms.amount.${problem}`);
}

/** The unit amounts are printed in: "元"/"yuan" for CNY, the ISO code otherwise. */
export function currencyUnit(currency: string, language: Language): string {
  return currency === 'CNY' ? speaker(language, messages)('campaignTerms.yuan') : currency;
}
