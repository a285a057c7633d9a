import { describe, expect, it } from 'vitest';
import { checkLoan, checkRisk, emptyLoan, emptyRisk, loanForm, type LoanForm } from './forms';
import type { CampaignLoan } from '../../domain/campaign';

const a = { eventId: 'e1', actor: '李志伟', deviceId: 'd-a', hlc: '0', at: 0 };
const filled: LoanForm = {
  ...emptyLoan('unit.coops'),
  categoryId: 'loan.overdue-90',
  borrower: ' 城关建材有限公司 ',
  amount: '1,234.56',
  currentClass: 'normal',
  proposedClass: 'substandard',
  reason: '本金逾期120天仍为正常类',
};

describe('a loan entered on the phone', () => {
  it('becomes a loanSet payload with the amount in integer fen and the texts trimmed', () => {
    expect(checkLoan(filled, 'e-1')).toEqual({
      ok: true,
      payload: {
        entryId: 'e-1',
        unitId: 'unit.coops',
        categoryId: 'loan.overdue-90',
        borrower: '城关建材有限公司',
        amountMinor: 123456,
        currentClass: 'normal',
        proposedClass: 'substandard',
        reason: '本金逾期120天仍为正常类',
      },
    });
    // Money never goes through a float: 0.1 + 0.2 yuan typed as one sum is 30 fen exactly, and 1.2万 is 12,000 yuan.
    expect(checkLoan({ ...filled, amount: '0.30' }, 'e-1')).toMatchObject({ payload: { amountMinor: 30 } });
    expect(checkLoan({ ...filled, amount: '1.2万' }, 'e-1')).toMatchObject({ payload: { amountMinor: 1_200_000 } });
  });

  it('is refused with the reason for a bad amount, so nothing is written', () => {
    expect(checkLoan({ ...filled, amount: '12.345' }, 'e-1')).toEqual({ ok: false, problems: { amount: 'too-many-decimals' } });
    expect(checkLoan({ ...filled, amount: 'abc' }, 'e-1')).toEqual({ ok: false, problems: { amount: 'not-a-number' } });
    expect(checkLoan({ ...filled, amount: '' }, 'e-1')).toEqual({ ok: false, problems: { amount: 'empty' } });
    expect(checkLoan({ ...filled, amount: '-5' }, 'e-1')).toEqual({ ok: false, problems: { amount: 'negative' } });
  });

  it('names every field left empty at once', () => {
    expect(checkLoan(emptyLoan(), 'e-1')).toEqual({
      ok: false,
      problems: { unitId: 'required', categoryId: 'required', borrower: 'required', reason: 'required', amount: 'empty' },
    });
  });

  it('comes back into the form to be corrected, its amount parsing back to the same fen', () => {
    const loan: CampaignLoan = {
      entryId: 'e-1',
      unitId: 'unit.coops',
      categoryId: 'loan.bridge',
      borrower: 'Beta',
      amountMinor: 123_456_789,
      currentClass: 'special-mention',
      proposedClass: 'doubtful',
      reason: 'bridge',
      set: a,
      first: a,
    };
    const form = loanForm(loan, 'en');
    expect(form.amount).toBe('1,234,567.89');
    expect(checkLoan(form, 'e-1')).toMatchObject({ ok: true, payload: { amountMinor: 123_456_789, entryId: 'e-1' } });
  });
});

describe('a risk entered on the phone', () => {
  it('needs a unit, a dimension, a description and an amount', () => {
    expect(checkRisk(emptyRisk('unit.coops'), 'e-2')).toEqual({ ok: false, problems: { dimensionId: 'required', description: 'required', amount: 'empty' } });
    expect(checkRisk({ ...emptyRisk('unit.coops'), dimensionId: 'risk.industry', description: '房地产', amount: '500万', level: 'high' }, 'e-2')).toEqual({
      ok: true,
      payload: { entryId: 'e-2', unitId: 'unit.coops', dimensionId: 'risk.industry', description: '房地产', amountMinor: 500_000_000, level: 'high' },
    });
  });
});
