import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { useId, useState } from 'react';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Step } from '../../domain/playbook/schema';
import { SKIP_REASON_RULE, skipReasonVerdict } from '../../domain/skip-reason';
import { skipStep } from './commands';
import './incident.css';

/**
 * Skipping a step: a reason is always asked. A critical step ("cut the power", "call 119")
 * takes a reason of substance (the rule in domain/skip-reason.ts, explained before and when it
 * refuses) and then a second, explicit confirmation that names the step and the reason — on the
 * page, not a browser dialog, so it works the same on every phone and reads in the app's language.
 */
export function SkipStep({ incidentId, step, onClose }: { incidentId: string; step: Step; onClose: () => void }) {
  const t = useText(messages, uiMessages, reportMessages);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const ids = useId();
  const critical = step.critical === true;

  const skip = () => void skipStep(incidentId, step.id, reason.trim()).then((ok) => ok && onClose());

  if (confirming)
    return (
      <div className="skip-confirm" role="alertdialog" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-reason`} data-testid="skip-confirm">
        <p id={`${ids}-title`} className="skip-confirm-title">
          {t('step.skip.confirmTitle', { step: step.text })}
        </p>
        <p id={`${ids}-reason`} className="skip-confirm-reason">
          {t('step.skip.confirmReason', { reason: reason.trim() })}
        </p>
        <div className="skip-buttons">
          <button type="button" className="button primary" onClick={skip} data-testid="skip-yes">
            {t('step.skip.yes')}
          </button>
          {/* Cancel has the focus: a hurried Enter keeps the critical step open. */}
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('form.cancel')}
          </button>
        </div>
      </div>
    );

  const describedBy = [critical && !refused ? `${ids}-rule` : '', refused ? `${ids}-refused` : ''].filter(Boolean).join(' ');
  return (
    <form
      className="skip-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        if (!critical) return skip();
        if (!skipReasonVerdict(reason).ok) return setRefused(true);
        setConfirming(true);
      }}
    >
      <label className="field">
        <span>{t('step.skipReason')}</span>
        <input
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setRefused(false);
          }}
          required
          maxLength={TEXT_LIMITS.reason}
          autoFocus
          aria-invalid={refused || undefined}
          aria-describedby={describedBy || undefined}
        />
      </label>
      {critical && !refused ? (
        <p id={`${ids}-rule`} className="skip-rule">
          {t('step.skip.criticalRule', { letters: SKIP_REASON_RULE.letters, cjk: SKIP_REASON_RULE.cjk })}
        </p>
      ) : null}
      {refused ? (
        <p id={`${ids}-refused`} role="alert" className="error-box skip-refused" data-testid="skip-refused">
          {t('step.skip.refused', { letters: SKIP_REASON_RULE.letters, cjk: SKIP_REASON_RULE.cjk })}
        </p>
      ) : null}
      <div className="skip-buttons">
        <button type="submit" className="button">
          {t('step.skipConfirm')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
