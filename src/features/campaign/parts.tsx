import { useId, useState, type FormEvent } from 'react';
import type { Attribution } from '../../domain/attribution';
import type { CampaignUnitState } from '../../domain/campaign';
import { amountProblemText } from '../../domain/campaign/terms';
import { messages as termMessages } from '../../domain/campaign/messages';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { formatDateTime } from '../../ui/date-time';
import { messages as uiMessages } from '../../ui/messages';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import type { FieldProblem } from './forms';
import { removeEntry } from './commands';
import { messages } from './messages';

/** The name this device records under, and a way to change it (every entry says who made it). */
export function WhoAmI() {
  const t = useText(messages, uiMessages);
  const name = useSession((s) => s.actorName);
  const setActorName = useSession((s) => s.setActorName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (!editing && name)
    return (
      <p className="card-meta">
        {t('campaign.you.are', { name })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
          data-testid="change-name"
        >
          {t('campaign.you.change')}
        </button>
      </p>
    );
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        setActorName(draft);
        setEditing(false);
      }}
    >
      <label className="field grow">
        <span>{t('campaign.you')}</span>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={TEXT_LIMITS.name} autoComplete="name" required data-testid="your-name" />
      </label>
      <button type="submit" className="button" data-testid="save-name">
        {t('form.save')}
      </button>
    </form>
  );
}

/** What is wrong with a field, said under it in the user's language. */
export function useProblemText(): (problem: FieldProblem) => string {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  return (problem) => (problem === 'required' ? t('campaign.form.required') : amountProblemText(problem, language));
}

/** A field's error under it, tied to the input by `aria-describedby`. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {text}
    </span>
  );
}

/** An amount typed as text ("1,234.56", "1.2万"), parsed into fen when saved: never through a float. */
export function AmountField({
  value,
  onChange,
  problem,
  unit,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  unit: string;
  testId: string;
}) {
  const t = useText(termMessages);
  const errorId = useId();
  return (
    <label className="field">
      <span>{t('campaignReport.col.amount', { unit })}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode="decimal"
        autoComplete="off"
        placeholder="1,234.56"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-testid={testId}
      />
      <FieldError id={errorId} text={problem} />
    </label>
  );
}

/** The unit an entry belongs to: a choice among the campaign's units. */
export function UnitSelect({
  units,
  value,
  onChange,
  problem,
  optional,
}: {
  units: readonly CampaignUnitState[];
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  optional?: boolean;
}) {
  const t = useText(messages);
  const errorId = useId();
  return (
    <label className="field">
      <span>{t(optional ? 'campaign.form.unitOptional' : 'campaign.form.unit')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-testid="entry-unit"
      >
        <option value="">{t(optional ? 'campaign.form.wholeCampaign' : 'campaign.form.chooseUnit')}</option>
        {units.map((u) => (
          <option key={u.unitId} value={u.unitId}>
            {u.owner ? `${u.name} (${u.owner})` : u.name}
          </option>
        ))}
      </select>
      <FieldError id={errorId} text={problem} />
    </label>
  );
}

/** Who wrote an entry as it stands, and when (and who first wrote it, when someone else corrected it). */
export function Recorded({ set, first }: { set: Attribution; first: Attribution }) {
  const t = useText(messages, termMessages);
  const language = useSession((s) => s.language);
  const when = (a: Attribution) => t('campaignReport.recordedBy', { actor: a.actor, time: formatDateTime(language, a.at) });
  return (
    <span className="card-meta">{first.eventId === set.eventId ? when(set) : t('campaign.entry.corrected', { first: when(first), last: when(set) })}</span>
  );
}

/** Correct an entry (the form takes it back), or remove it with a reason: the removal stays on record. */
export function EntryActions({ streamId, entryId, label, onEdit }: { streamId: string; entryId: string; label: string; onEdit: () => void }) {
  const t = useText(messages, uiMessages);
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  async function remove(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    const done = await removeEntry(streamId, entryId, reason.trim());
    setBusy(false);
    if (done) setRemoving(false);
  }
  if (!removing)
    return (
      <div className="button-row">
        <button type="button" className="button small" onClick={onEdit} aria-label={t('campaign.entry.editLabel', { entry: label })} data-testid="edit-entry">
          {t('campaign.entry.edit')}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => setRemoving(true)}
          aria-label={t('campaign.entry.removeLabel', { entry: label })}
          data-testid="remove-entry"
        >
          {t('campaign.entry.remove')}
        </button>
      </div>
    );
  return (
    <form className="stack remove-entry" onSubmit={(e) => void remove(e)}>
      <label className="field">
        <span>{t('campaign.entry.removeReason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={TEXT_LIMITS.reason} required autoFocus data-testid="remove-reason" />
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || !reason.trim()} data-testid="confirm-remove">
          {t('campaign.entry.remove')}
        </button>
        <button type="button" className="button" onClick={() => setRemoving(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The end of every entry form: save (or save the correction), cancel a correction, and what was
 * last saved, said to a screen reader.
 */
export function FormActions({
  busy,
  editing,
  saveLabel,
  saveTestId,
  onCancel,
  saved,
}: {
  busy: boolean;
  editing: boolean;
  saveLabel: string;
  saveTestId: string;
  onCancel: () => void;
  saved: string | null;
}) {
  const t = useText(messages);
  return (
    <>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy} data-testid={saveTestId}>
          {editing ? t('campaign.entry.saveCorrection') : saveLabel}
        </button>
        {editing ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('campaign.entry.cancelEdit')}
          </button>
        ) : null}
      </div>
      <p role="status" className="saved-note">
        {saved}
      </p>
    </>
  );
}
