import { useState, type FormEvent } from 'react';
import { formatAmount, unitProgress, type CampaignState, type MissingBeforeDeadline } from '../../domain/campaign';
import { messages as termMessages } from '../../domain/campaign/messages';
import { currencyUnit, unitStatusLabel } from '../../domain/campaign/terms';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Playbook } from '../../domain/playbook/schema';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { newUnitId, setUnit, setUnitStatus } from './commands';
import { messages } from './messages';

/**
 * What is still missing before the deadline (seed plan part 2, 四 and 五), said in full: the
 * units still checking, the categories and dimensions with no entry, the trigger points and
 * paths, the empty report sections. In alarm style once the deadline has passed.
 */
export function MissingList({ missing, playbook }: { missing: MissingBeforeDeadline; playbook: Playbook }) {
  const t = useText(messages, termMessages);
  const sep = t('campaignReport.listSeparator');
  // The categories by the numbers the loan form shows them with: their full texts are there, and would fill the screen here.
  const categories = playbook.campaign?.loanCategories ?? [];
  const numbered = missing.categoriesWithoutEntry.map((c) => {
    const i = categories.findIndex((x) => x.id === c.categoryId);
    return i < 0 ? c.text : String(i + 1);
  });
  const lines = [
    missing.unitsNotReported.length ? t('campaignReport.missing.units', { names: missing.unitsNotReported.map((u) => u.name).join(sep) }) : null,
    numbered.length ? t('campaign.progress.noLoanIn', { numbers: numbered }) : null,
    missing.dimensionsWithoutEntry.length
      ? t('campaignReport.missing.dimensions', { items: missing.dimensionsWithoutEntry.map((d) => d.title).join(sep) })
      : null,
    missing.noNearTrigger ? t('campaignReport.missing.nearTrigger') : null,
    missing.noLongTrigger ? t('campaignReport.missing.longTrigger') : null,
    missing.noPath ? t('campaignReport.missing.path') : null,
    missing.emptySections.length ? t('campaignReport.missing.sections', { items: missing.emptySections.map((s) => s.text).join(sep) }) : null,
  ].filter((x): x is string => x !== null);
  const deadline =
    missing.daysLeft > 0
      ? t('campaignReport.missing.daysLeft', { days: missing.daysLeft, deadline: missing.deadline })
      : missing.daysLeft === 0
        ? t('campaignReport.missing.dueToday', { deadline: missing.deadline })
        : t('campaignReport.missing.overdue', { days: -missing.daysLeft, deadline: missing.deadline });
  return (
    <section
      className={missing.overdue ? 'alarm-box missing-box' : 'missing-box'}
      aria-labelledby="missing-h"
      data-testid="missing"
      data-overdue={missing.overdue}
    >
      <h2 id="missing-h">{t('campaign.progress.missing')}</h2>
      {missing.submitted ? null : <p className="missing-deadline">{deadline}</p>}
      {lines.length === 0 ? (
        <p>{t('campaignReport.missing.nothing')}</p>
      ) : (
        <ul className="missing-items">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddUnit({ streamId }: { streamId: string }) {
  const t = useText(messages);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [busy, setBusy] = useState(false);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const event = await setUnit(streamId, { unitId: newUnitId(), name: name.trim(), ...(owner.trim() ? { owner: owner.trim() } : {}) });
    setBusy(false);
    if (event) {
      setName('');
      setOwner('');
    }
  }
  return (
    <form className="stack entry-form" onSubmit={(e) => void add(e)}>
      <h3>{t('campaign.start.addUnit')}</h3>
      <div className="grid-form">
        <label className="field">
          <span>{t('campaign.progress.unitName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={TEXT_LIMITS.title} required />
        </label>
        <label className="field">
          <span>{t('campaign.progress.unitOwner')}</span>
          <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={TEXT_LIMITS.name} />
        </label>
      </div>
      <button type="submit" className="button" disabled={busy || !name.trim()}>
        {t('campaign.progress.addUnit')}
      </button>
    </form>
  );
}

/** Each unit's entries and whether it has finished checking (各社、部 report when they have checked everything), then what is still missing. */
export function ProgressTab({ state, playbook, missing }: { state: CampaignState; playbook: Playbook; missing: MissingBeforeDeadline }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const unit = currencyUnit(state.started.currency, language);
  const rows = unitProgress(state);
  return (
    <div className="campaign-tab">
      <MissingList missing={missing} playbook={playbook} />
      <h2>{t('campaign.progress.units')}</h2>
      <ul className="entry-list" data-testid="unit-progress">
        {rows.map((u) => {
          const reported = u.status === 'reported';
          return (
            <li
              key={u.unitId}
              className={reported ? 'entry-card unit-card reported' : 'entry-card unit-card'}
              data-testid={`unit-${u.unitId}`}
              data-status={u.status}
            >
              <p className="entry-head">
                <strong>{u.name}</strong> <span className={reported ? 'unit-status reported' : 'unit-status'}>{unitStatusLabel(u.status, language)}</span>
              </p>
              <p className="entry-line">{u.owner ? t('campaign.progress.owner', { owner: u.owner }) : t('campaign.progress.noOwner')}</p>
              <p className="entry-line">
                {t('campaign.progress.counts', { loans: u.loans, risks: u.risks, entries: u.entries })}
                {u.loans ? ` · ${t('campaign.progress.loanAmount', { amount: `${formatAmount(u.loanAmountMinor, language)} ${unit}` })}` : ''}
              </p>
              {u.listed ? (
                <button
                  type="button"
                  className="button unit-toggle"
                  aria-pressed={reported}
                  aria-label={t('campaign.progress.finishedLabel', { unit: u.name })}
                  onClick={() => void setUnitStatus(state.streamId, u.unitId, reported ? 'open' : 'reported')}
                  data-testid="unit-finished"
                >
                  {t('campaign.progress.finished')}
                </button>
              ) : (
                <p className="card-meta">{t('campaign.progress.unlisted')}</p>
              )}
            </li>
          );
        })}
      </ul>
      <AddUnit streamId={state.streamId} />
    </div>
  );
}
