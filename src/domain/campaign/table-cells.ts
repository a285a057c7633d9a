import { RISK_LEVELS } from '../events/campaign';
import { LOAN_CLASSES } from '../playbook/round-terms';
import { speaker, type Language, type Speak } from '../text';
import { messages } from './messages';
import { formatAmount } from './money';
import type { CampaignTable, LoanTallies, RiskTallies, Tally } from './summary';
import { currencyUnit, loanClassLabel, riskLevelLabel } from './terms';

type Say = Speak<typeof messages>;

/** An amount for a spreadsheet cell: yuan with two decimals and no grouping commas, from integers. */
export function csvAmount(minor: number | bigint): string {
  return formatAmount(minor, 'en').replace(/,/g, '');
}

/** The header and rows of one summary table, as plain text cells (shared by the CSV and the printable report). */
export function tableCells(table: CampaignTable, currency: string, language: Language, amount: (t: bigint) => string): { head: string[]; rows: string[][] } {
  const t: Say = speaker(language, messages);
  const unit = currencyUnit(currency, language);
  const pair = (x: Tally) => [String(x.count), amount(x.amountMinor)];
  const name = (known: boolean, text: string, id: string) => (known ? text : t('campaignReport.unknownRow', { id }));
  if (table.rows === 'loan-categories') {
    const head = [
      t('campaignReport.col.category'),
      t('campaignReport.col.count'),
      t('campaignReport.col.amount', { unit }),
      t('campaignReport.col.reclassifiedCount'),
      t('campaignReport.col.reclassifiedAmount', { unit }),
      t('campaignReport.col.intoNplCount'),
      t('campaignReport.col.intoNplAmount', { unit }),
      ...LOAN_CLASSES.flatMap((c) => [
        t('campaignReport.col.proposedCount', { class: loanClassLabel(c, language) }),
        t('campaignReport.col.proposedAmount', { class: loanClassLabel(c, language), unit }),
      ]),
    ];
    const cells = (x: LoanTallies) => [
      ...pair(x.all),
      ...pair(x.reclassified),
      ...pair(x.intoNonPerforming),
      ...LOAN_CLASSES.flatMap((c) => pair(x.byProposedClass[c])),
    ];
    const rows = [...table.lines.map((l) => [name(l.known, l.text, l.categoryId), ...cells(l)]), [t('campaignReport.total'), ...cells(table.total)]];
    return { head, rows };
  }
  const head = [
    t('campaignReport.col.dimension'),
    t('campaignReport.col.count'),
    t('campaignReport.col.amount', { unit }),
    ...RISK_LEVELS.flatMap((level) => [
      t('campaignReport.col.levelCount', { level: riskLevelLabel(level, language) }),
      t('campaignReport.col.levelAmount', { level: riskLevelLabel(level, language), unit }),
    ]),
  ];
  const cells = (x: RiskTallies) => [...pair(x.all), ...RISK_LEVELS.flatMap((level) => pair(x.byLevel[level]))];
  const rows = [...table.lines.map((l) => [name(l.known, l.title, l.dimensionId), ...cells(l)]), [t('campaignReport.total'), ...cells(table.total)]];
  return { head, rows };
}
