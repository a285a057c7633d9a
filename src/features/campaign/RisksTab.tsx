import { useId, useRef, useState, type FormEvent } from 'react';
import { formatAmount, type CampaignState } from '../../domain/campaign';
import { currencyUnit, riskLevelLabel } from '../../domain/campaign/terms';
import { RISK_LEVELS } from '../../domain/events/campaign';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Playbook } from '../../domain/playbook/schema';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { newEntryId, setRisk } from './commands';
import { checkRisk, emptyRisk, riskForm, type FieldProblem, type RiskField, type RiskForm } from './forms';
import { messages } from './messages';
import { AmountField, EntryActions, FieldError, FormActions, Recorded, UnitSelect, useProblemText } from './parts';

/**
 * Major credit risks along the plan's four dimensions (seed plan part 2, 四、(二): industry,
 * region, product, customer), each chosen with what to check and the thresholds the plan gives
 * in full, then described, with its amount and level.
 */
export function RisksTab({ state, playbook }: { state: CampaignState; playbook: Playbook }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const say = useProblemText();
  const dimensions = playbook.campaign?.riskDimensions ?? [];
  const unit = currencyUnit(state.started.currency, language);
  const [form, setForm] = useState<RiskForm>(() => emptyRisk(state.units.length === 1 ? state.units[0]?.unitId : ''));
  const [editing, setEditing] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<RiskField, FieldProblem>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { dimension: useId(), description: useId() };
  const set = (change: Partial<RiskForm>) => setForm((f) => ({ ...f, ...change }));
  const problem = (f: RiskField) => (problems[f] ? say(problems[f]) : undefined);
  const unitName = (id: string) => state.units.find((u) => u.unitId === id)?.name ?? id;
  const dimensionTitle = (id: string) => dimensions.find((d) => d.id === id)?.title ?? id;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const checked = checkRisk(form, editing ?? newEntryId());
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    setBusy(true);
    const event = await setRisk(state.streamId, checked.payload);
    setBusy(false);
    if (!event) return;
    setSaved(t(editing ? 'campaign.risk.corrected' : 'campaign.risk.saved'));
    setEditing(null);
    setForm(emptyRisk(form.unitId));
  }

  return (
    <div className="campaign-tab">
      <form className="stack entry-form" onSubmit={(e) => void save(e)} noValidate data-testid="risk-form" data-editing={editing ?? undefined}>
        <h2 ref={heading} tabIndex={-1}>
          {t(editing ? 'campaign.risk.editTitle' : 'campaign.risk.title')}
        </h2>
        <UnitSelect units={state.units} value={form.unitId} onChange={(unitId) => set({ unitId })} problem={problem('unitId')} />
        <fieldset className="choice category-choice" aria-describedby={problems.dimensionId ? ids.dimension : undefined}>
          <legend>{t('campaign.risk.dimension')}</legend>
          {dimensions.map((d) => (
            <label key={d.id} lang={playbook.language}>
              <input
                type="radio"
                name="risk-dimension"
                value={d.id}
                checked={form.dimensionId === d.id}
                onChange={() => set({ dimensionId: d.id })}
                data-testid={`dimension-${d.id}`}
              />
              <span>
                <strong>{d.title}</strong>
                <span className="dimension-text">{d.text}</span>
              </span>
            </label>
          ))}
          <FieldError id={ids.dimension} text={problem('dimensionId')} />
        </fieldset>
        <label className="field">
          <span>{t('campaign.risk.description')}</span>
          <textarea
            value={form.description}
            onChange={(e) => set({ description: e.target.value })}
            maxLength={TEXT_LIMITS.note}
            aria-invalid={problems.description ? true : undefined}
            aria-describedby={problems.description ? ids.description : undefined}
            data-testid="risk-description"
          />
          <FieldError id={ids.description} text={problem('description')} />
        </label>
        <AmountField value={form.amount} onChange={(amount) => set({ amount })} problem={problem('amount')} unit={unit} testId="risk-amount" />
        <fieldset className="choice segmented">
          <legend>{t('campaign.risk.level')}</legend>
          {RISK_LEVELS.map((level) => (
            <label key={level}>
              <input type="radio" name="risk-level" checked={form.level === level} onChange={() => set({ level })} data-testid={`level-${level}`} />
              {riskLevelLabel(level, language)}
            </label>
          ))}
        </fieldset>
        <FormActions
          busy={busy}
          editing={editing !== null}
          saveLabel={t('campaign.risk.save')}
          saveTestId="save-risk"
          onCancel={() => {
            setEditing(null);
            setProblems({});
            setForm(emptyRisk(form.unitId));
          }}
          saved={saved}
        />
      </form>
      <h2>{t('campaign.risk.list', { count: state.risks.length })}</h2>
      {state.risks.length === 0 ? (
        <p className="empty">{t('campaign.risk.none')}</p>
      ) : (
        <ul className="entry-list" data-testid="risk-list">
          {state.risks.map((r) => (
            <li key={r.entryId} className="entry-card" data-testid={`risk-${r.entryId}`}>
              <p className="entry-head">
                <strong lang={playbook.language}>{dimensionTitle(r.dimensionId)}</strong> ·{' '}
                {t('campaign.risk.levelIs', { level: riskLevelLabel(r.level, language) })}{' '}
                <span className="amount" data-testid="entry-amount">
                  <span className="figure">{formatAmount(r.amountMinor, language)}</span> {unit}
                </span>
              </p>
              <p className="entry-line">{r.description}</p>
              <p className="entry-line">{t('campaign.entry.unit', { unit: unitName(r.unitId) })}</p>
              <Recorded set={r.set} first={r.first} />
              <EntryActions
                streamId={state.streamId}
                entryId={r.entryId}
                label={r.description}
                onEdit={() => {
                  setEditing(r.entryId);
                  setProblems({});
                  setSaved(null);
                  setForm(riskForm(r, language));
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
