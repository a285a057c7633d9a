import { useId, useState } from 'react';
import { endBlockers, endOverride, hasEndBlockers, type EndBlockers } from '../../domain/ending';
import type { EndOverride } from '../../domain/events/incident';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { messages as reportMessages } from '../../domain/report/messages';
import { SKIP_REASON_RULE, skipReasonVerdict } from '../../domain/skip-reason';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { confirmOnSiteEnd } from './commands';
import { messages } from './messages';
import './ending.css';

/** Who and what is not accounted for, all of it: every name, every open critical step. */
function Blockers({ blockers, id }: { blockers: EndBlockers; id: string }) {
  const t = useText(messages, reportMessages);
  const missing = blockers.unaccounted.filter((p) => p.status === 'missing');
  const unknown = blockers.unaccounted.filter((p) => p.status === 'unknown');
  return (
    <div className="alarm-box end-blockers" id={id} data-testid="end-blockers">
      <p className="end-blockers-title">{t('end.gate.title')}</p>
      {blockers.noHeadcount ? <p data-testid="end-no-headcount">{t('incident.noHeadcount')}</p> : null}
      {missing.length ? (
        <>
          <p>{t('end.gate.missing', { count: missing.length })}</p>
          <ul className="end-names" data-testid="end-missing">
            {missing.map((p) => (
              <li key={p.key}>{p.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {unknown.length ? (
        <>
          <p>{t('end.gate.unknown', { count: unknown.length })}</p>
          <ul className="end-names" data-testid="end-unknown">
            {unknown.map((p) => (
              <li key={p.key}>{p.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {blockers.openCritical.length ? (
        <>
          <p>{t('end.gate.critical', { count: blockers.openCritical.length })}</p>
          <ul className="end-steps" data-testid="end-critical">
            {blockers.openCritical.map((s) => (
              <li key={s.stepId}>{s.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * Confirming the on-site end (seed plan 4, 四、3). With everyone accounted for and every critical
 * step done it is one tap, as before. Otherwise the gate names who and what is open, asks for a
 * reason of substance (the same rule as skipping a critical step) and then a second, explicit
 * confirmation; the end is recorded with the override, as it stood at that last tap.
 */
export function EndGate({ incident, playbook }: { incident: IncidentState; playbook: Playbook }) {
  const t = useText(messages, uiMessages, reportMessages);
  const ids = useId();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const blockers = endBlockers(incident, playbook);
  const blocked = hasEndBlockers(blockers);
  const confirm = (override?: EndOverride) => void confirmOnSiteEnd(incident.id, note.trim() || undefined, override);

  const noteField = (
    <label className="field">
      <span>{t('end.confirm.note')}</span>
      <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={TEXT_LIMITS.note} />
    </label>
  );

  if (!blocked)
    return (
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        {noteField}
        <button type="submit" className="button primary" data-testid="confirm-end">
          {t('end.confirm.submit')}
        </button>
      </form>
    );

  const override = endOverride(blockers, reason.trim());
  if (confirming && override)
    return (
      <div className="stack">
        <Blockers blockers={blockers} id={`${ids}-blockers`} />
        <div className="end-confirm" role="alertdialog" aria-labelledby={`${ids}-q`} aria-describedby={`${ids}-r`} data-testid="end-confirm">
          <p id={`${ids}-q`} className="end-confirm-title">
            {t('end.gate.confirmTitle', { people: blockers.unaccounted.length, steps: blockers.openCritical.length })}
          </p>
          <p id={`${ids}-r`} className="end-confirm-reason">
            {t('end.gate.confirmReason', { reason: override.reason })}
          </p>
          <div className="end-buttons">
            <button type="button" className="button primary" onClick={() => confirm(override)} data-testid="confirm-end-yes">
              {t('end.gate.yes')}
            </button>
            {/* Back has the focus: a hurried Enter does not end the work on site. */}
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      </div>
    );

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!skipReasonVerdict(reason).ok) return setRefused(true);
        setConfirming(true);
      }}
    >
      <Blockers blockers={blockers} id={`${ids}-blockers`} />
      {noteField}
      <label className="field">
        <span>{t('end.gate.reason')}</span>
        <textarea
          rows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setRefused(false);
          }}
          maxLength={TEXT_LIMITS.reason}
          aria-required="true"
          aria-invalid={refused || undefined}
          aria-describedby={`${ids}-blockers ${refused ? `${ids}-refused` : `${ids}-rule`}`}
          data-testid="end-reason"
        />
      </label>
      {refused ? (
        <p id={`${ids}-refused`} role="alert" className="error-box" data-testid="end-refused">
          {t('end.gate.refused', { letters: SKIP_REASON_RULE.letters, cjk: SKIP_REASON_RULE.cjk })}
        </p>
      ) : (
        <p id={`${ids}-rule`} className="card-meta">
          {t('end.gate.rule', { letters: SKIP_REASON_RULE.letters, cjk: SKIP_REASON_RULE.cjk })}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="confirm-end">
        {t('end.gate.submit')}
      </button>
    </form>
  );
}

/** What was overridden when the end was confirmed: shown under the confirmation, as recorded. */
export function EndOverrideNote({ override, names }: { override: EndOverride; names: ReadonlyMap<string, string> }) {
  const t = useText(messages, reportMessages);
  const list = (items: readonly string[]) => items.join(t('listSeparator'));
  return (
    <div className="alarm-box end-override" data-testid="end-override">
      <p>{t('end.override.recorded', { reason: override.reason })}</p>
      {override.noHeadcount ? <p>{t('ending.override.noHeadcount')}</p> : null}
      {override.unaccounted.length ? <p>{t('ending.override.unaccounted', { people: list(override.unaccounted) })}</p> : null}
      {override.openSteps.length ? <p>{t('ending.override.openSteps', { steps: list(override.openSteps.map((id) => names.get(id) ?? id)) })}</p> : null}
    </div>
  );
}
