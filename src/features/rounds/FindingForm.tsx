import { useId, useState, type FormEvent } from 'react';
import { FINDING_SEVERITIES, type FindingSeverity } from '../../domain/events/rounds';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Round } from '../../domain/playbook/schema-rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import type { TakenPhoto } from '../../storage/photos';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { PhotoPicker } from '../incident';
import { addDays, isYmd } from './calendar';
import { recordFinding } from './commands';
import { messages } from './messages';

/** Days to the rectification deadline when the round's rule says none (it always does in a valid playbook). */
const FALLBACK_DAYS = 7;

/**
 * A hazard found (seed plan 4, 三、2: 责令进行整改): what is wrong, general or major, who
 * rectifies it (the rule's owner by default) and by when (today plus the rule's days by
 * default), photos if wanted. Saved with its photos in one write; the item is then marked.
 */
export function FindingForm({
  streamId,
  itemId,
  itemText,
  rule,
  ownerDefault,
  today,
  onClose,
}: {
  streamId: string;
  itemId?: string;
  itemText?: string;
  rule: Round['finding'] | null;
  ownerDefault: string;
  today: string;
  onClose: () => void;
}) {
  const t = useText(messages, roundReportMessages, uiMessages);
  const id = useId();
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<FindingSeverity>('general');
  const [owner, setOwner] = useState(ownerDefault);
  const [dueDate, setDueDate] = useState(() => addDays(today, rule?.days ?? FALLBACK_DAYS));
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!description.trim()) return setProblem(t('rounds.finding.problem.description'));
    if (!owner.trim()) return setProblem(t('rounds.finding.problem.owner'));
    if (!isYmd(dueDate)) return setProblem(t('rounds.finding.problem.date'));
    setProblem(null);
    setBusy(true);
    const saved = await recordFinding(streamId, {
      ...(itemId !== undefined ? { itemId } : {}),
      description: description.trim(),
      severity,
      owner: owner.trim(),
      dueDate,
      photos,
    });
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <form className="finding-form stack" onSubmit={(e) => void save(e)} noValidate aria-labelledby={`${id}-title`} data-testid="finding-form">
      <h3 id={`${id}-title`}>
        {t('rounds.finding.form')}
        {itemText ? <span className="finding-form-item">{itemText}</span> : null}
      </h3>
      {rule?.text ? <p className="card-meta">{rule.text}</p> : null}
      <label className="field">
        <span>{t('rounds.finding.description')}</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={TEXT_LIMITS.note}
          required
          autoFocus
          data-testid="finding-description"
        />
      </label>
      <fieldset className="choice segmented">
        <legend>{t('rounds.finding.severity')}</legend>
        {FINDING_SEVERITIES.map((s) => (
          <label key={s}>
            <input type="radio" name={`${id}-severity`} checked={severity === s} onChange={() => setSeverity(s)} data-testid={`finding-severity-${s}`} />
            {t(`roundReport.severity.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('roundReport.col.owner')}</span>
        <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={TEXT_LIMITS.name} required data-testid="finding-owner" />
      </label>
      <label className="field">
        <span>{t('roundReport.col.dueDate')}</span>
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} min={today} required data-testid="finding-due" />
      </label>
      <div className="field">
        <span>{t('rounds.finding.photos')}</span>
        <PhotoPicker photos={photos} onChange={setPhotos} />
      </div>
      {problem ? (
        <p role="alert" className="error-box">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy} data-testid="finding-save">
          {t('rounds.finding.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
