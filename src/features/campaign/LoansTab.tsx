import { useId, useRef, useState, type FormEvent } from 'react';
import { formatAmount, type CampaignState } from '../../domain/campaign';
import { currencyUnit, loanClassLabel } from '../../domain/campaign/terms';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Playbook } from '../../domain/playbook/schema';
import { LOAN_CLASSES, type LoanClass } from '../../domain/playbook/round-terms';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { newEntryId, setLoan } from './commands';
import { checkLoan, emptyLoan, loanForm, type FieldProblem, type LoanField, type LoanForm } from './forms';
import { messages } from './messages';
import { AmountField, EntryActions, FieldError, FormActions, Recorded, UnitSelect, useProblemText } from './parts';

function ClassSelect({ label, value, onChange, testId }: { label: string; value: LoanClass; onChange: (c: LoanClass) => void; testId: string }) {
  const language = useSession((s) => s.language);
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as LoanClass)} data-testid={testId}>
        {LOAN_CLASSES.map((c) => (
          <option key={c} value={c}>
            {loanClassLabel(c, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The loans checked one by one (seed plan part 2, 四、(一)): the form names the unit, one of the
 * playbook's categories (shown in full), the borrower, the amount, the class the loan is in and
 * the class proposed, and why. Correcting a loan sets the same entry again; on every device the
 * last word counts, once.
 */
export function LoansTab({ state, playbook }: { state: CampaignState; playbook: Playbook }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const say = useProblemText();
  const categories = playbook.campaign?.loanCategories ?? [];
  const unit = currencyUnit(state.started.currency, language);
  const [form, setForm] = useState<LoanForm>(() => emptyLoan(state.units.length === 1 ? state.units[0]?.unitId : ''));
  const [editing, setEditing] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<LoanField, FieldProblem>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { category: useId(), borrower: useId(), reason: useId() };
  const set = (change: Partial<LoanForm>) => setForm((f) => ({ ...f, ...change }));
  const problem = (f: LoanField) => (problems[f] ? say(problems[f]) : undefined);
  const unitName = (id: string) => state.units.find((u) => u.unitId === id)?.name ?? id;
  const categoryText = (id: string) => {
    const i = categories.findIndex((c) => c.id === id);
    return i < 0 ? id : `${i + 1}. ${categories[i]?.text ?? id}`;
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const checked = checkLoan(form, editing ?? newEntryId());
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    setBusy(true);
    const event = await setLoan(state.streamId, checked.payload);
    setBusy(false);
    if (!event) return;
    setSaved(t(editing ? 'campaign.loan.corrected' : 'campaign.loan.saved', { borrower: checked.payload.borrower }));
    setEditing(null);
    setForm(emptyLoan(form.unitId));
  }

  return (
    <div className="campaign-tab">
      <form className="stack entry-form" onSubmit={(e) => void save(e)} noValidate data-testid="loan-form" data-editing={editing ?? undefined}>
        <h2 ref={heading} tabIndex={-1}>
          {t(editing ? 'campaign.loan.editTitle' : 'campaign.loan.title')}
        </h2>
        <UnitSelect units={state.units} value={form.unitId} onChange={(unitId) => set({ unitId })} problem={problem('unitId')} />
        <fieldset className="choice category-choice" aria-describedby={problems.categoryId ? ids.category : undefined}>
          <legend>{t('campaign.loan.category')}</legend>
          {categories.map((c, i) => (
            <label key={c.id} lang={playbook.language}>
              <input
                type="radio"
                name="loan-category"
                value={c.id}
                checked={form.categoryId === c.id}
                onChange={() => set({ categoryId: c.id })}
                data-testid={`category-${c.id}`}
              />
              <span>
                {i + 1}. {c.text}
              </span>
            </label>
          ))}
          <FieldError id={ids.category} text={problem('categoryId')} />
        </fieldset>
        <label className="field">
          <span>{t('campaign.loan.borrower')}</span>
          <input
            value={form.borrower}
            onChange={(e) => set({ borrower: e.target.value })}
            maxLength={TEXT_LIMITS.title}
            aria-invalid={problems.borrower ? true : undefined}
            aria-describedby={problems.borrower ? ids.borrower : undefined}
            data-testid="loan-borrower"
          />
          <FieldError id={ids.borrower} text={problem('borrower')} />
        </label>
        <AmountField value={form.amount} onChange={(amount) => set({ amount })} problem={problem('amount')} unit={unit} testId="loan-amount" />
        <div className="grid-form">
          <ClassSelect
            label={t('campaign.loan.currentClass')}
            value={form.currentClass}
            onChange={(currentClass) => set({ currentClass })}
            testId="loan-current"
          />
          <ClassSelect
            label={t('campaign.loan.proposedClass')}
            value={form.proposedClass}
            onChange={(proposedClass) => set({ proposedClass })}
            testId="loan-proposed"
          />
        </div>
        <label className="field">
          <span>{t('campaign.loan.reason')}</span>
          <textarea
            value={form.reason}
            onChange={(e) => set({ reason: e.target.value })}
            maxLength={TEXT_LIMITS.note}
            aria-invalid={problems.reason ? true : undefined}
            aria-describedby={problems.reason ? ids.reason : undefined}
            data-testid="loan-reason"
          />
          <FieldError id={ids.reason} text={problem('reason')} />
        </label>
        <FormActions
          busy={busy}
          editing={editing !== null}
          saveLabel={t('campaign.loan.save')}
          saveTestId="save-loan"
          onCancel={() => {
            setEditing(null);
            setProblems({});
            setForm(emptyLoan(form.unitId));
          }}
          saved={saved}
        />
      </form>
      <h2>{t('campaign.loan.list', { count: state.loans.length })}</h2>
      {state.loans.length === 0 ? (
        <p className="empty">{t('campaign.loan.none')}</p>
      ) : (
        <ul className="entry-list" data-testid="loan-list">
          {state.loans.map((l) => (
            <li key={l.entryId} className="entry-card" data-testid={`loan-${l.entryId}`} data-borrower={l.borrower}>
              <p className="entry-head">
                <strong>{l.borrower}</strong>{' '}
                <span className="amount" data-testid="entry-amount">
                  <span className="figure">{formatAmount(l.amountMinor, language)}</span> {unit}
                </span>
              </p>
              <p className="entry-line">
                {t('campaign.entry.unit', { unit: unitName(l.unitId) })} ·{' '}
                {t('campaign.loan.classes', { from: loanClassLabel(l.currentClass, language), to: loanClassLabel(l.proposedClass, language) })}
              </p>
              <p className="entry-line" lang={playbook.language}>
                {categoryText(l.categoryId)}
              </p>
              <p className="entry-line">{l.reason}</p>
              <Recorded set={l.set} first={l.first} />
              <EntryActions
                streamId={state.streamId}
                entryId={l.entryId}
                label={l.borrower}
                onEdit={() => {
                  setEditing(l.entryId);
                  setProblems({});
                  setSaved(null);
                  setForm(loanForm(l, language));
                  heading.current?.scrollIntoView({ block: 'start' });
                  heading.current?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
