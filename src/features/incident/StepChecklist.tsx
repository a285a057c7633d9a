import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { memo, useState } from 'react';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { playbookMessages } from '../playbooks';
import { messages } from './messages';
import { useSession } from '../../ui/session';
import type { IncidentState, StepState } from '../../domain/incident';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { plannedPhases } from '../../domain/playbook/names';
import type { Playbook, Step } from '../../domain/playbook/schema';
import { checkStepItem, markStepDone, reopenStep, skipStep } from './commands';

interface StepRowProps {
  incidentId: string;
  step: Step;
  ownerName: string;
  state: StepState | undefined;
  items: IncidentState['items'];
  elapsedMin: number;
  readOnly: boolean;
}

/** One step: big Done button, Skip with a reason, Reopen; who and when; overdue when past its target. */
const StepRow = memo(function StepRow({ incidentId, step, ownerName, state, items, elapsedMin, readOnly }: StepRowProps) {
  const t = useText(messages, uiMessages, reportMessages);
  const tPlaybook = useText(playbookMessages);
  const language = useSession((s) => s.language);
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const status = state?.status ?? 'open';
  const targetMinutes = step.target?.from === 'incident' ? step.target.minutes : undefined;
  const overdue = status === 'open' && targetMinutes !== undefined && elapsedMin > targetMinutes;
  const cls = ['step-row', `status-${status}`, step.critical ? 'critical' : '', overdue ? 'overdue' : ''].filter(Boolean).join(' ');
  return (
    <li className={cls} data-testid={`step-${step.id}`} data-status={status}>
      <div className="step-main">
        <p className="step-text">
          {step.critical ? <span className="badge real">{tPlaybook('reader.step.critical')}</span> : null} {step.text}
        </p>
        <p className="step-meta">
          {ownerName}
          {targetMinutes !== undefined ? ` · ${overdue ? t('step.overdue', { minutes: targetMinutes }) : t('step.target', { minutes: targetMinutes })}` : ''}
        </p>
        {/* The plan's condition ("at night or on a holiday") decides whether the step applies: never hidden. */}
        {step.when ? <p className="step-when">{t('step.when', { when: step.when })}</p> : null}
        {state && status !== 'open' ? (
          <p className={status === 'skipped' ? 'step-who skipped' : 'step-who'}>
            {status === 'done'
              ? t('step.status.done', { actor: state.actor, time: formatDateTime(language, state.at) })
              : t('step.status.skipped', { actor: state.actor, time: formatDateTime(language, state.at), reason: state.reason ?? '' })}
          </p>
        ) : state ? (
          <p className="step-who">{t('step.status.reopened', { actor: state.actor, time: formatDateTime(language, state.at) })}</p>
        ) : null}
        {step.items?.length ? (
          <ul className="step-checks">
            {step.items.map((item) => {
              const checked = items[`${step.id} ${item.id}`]?.checked ?? false;
              return (
                <li key={item.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={readOnly}
                      onChange={(e) => void checkStepItem(incidentId, step.id, item.id, e.target.checked)}
                    />
                    {item.text}
                  </label>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      {readOnly ? null : skipping ? (
        <form
          className="skip-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            void skipStep(incidentId, step.id, reason.trim()).then((ok) => ok && (setSkipping(false), setReason('')));
          }}
        >
          <label className="field">
            <span>{t('step.skipReason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={TEXT_LIMITS.reason} autoFocus />
          </label>
          <div className="button-row">
            <button type="submit" className="button">
              {t('step.skipConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setSkipping(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="step-actions">
          {status === 'open' ? (
            <>
              <button type="button" className="button primary done-button" aria-pressed={false} onClick={() => void markStepDone(incidentId, step.id)}>
                {t('status.done')}
              </button>
              <button type="button" className="button" onClick={() => setSkipping(true)}>
                {t('step.skip')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => void reopenStep(incidentId, step.id)}>
              {t('step.reopen')}
            </button>
          )}
        </div>
      )}
    </li>
  );
});

/** The playbook's phases as a checklist, with progress per phase; the plan's aftermath comes last. */
export function StepChecklist({
  incident,
  playbook,
  names,
  now,
  readOnly,
}: {
  incident: IncidentState;
  playbook: Playbook;
  names: Map<string, string>;
  now: number;
  readOnly: boolean;
}) {
  const t = useText(messages, uiMessages, reportMessages);
  const started = incident.declared?.at ?? now;
  const elapsedMin = (now - started) / 60_000;
  const phases = plannedPhases(playbook, t('steps.aftermath'));
  return (
    <div className="checklist">
      {phases.map((phase) => {
        const total = phase.steps.length;
        const statusOf = (id: string) => incident.steps[id]?.status ?? 'open';
        // A skipped step is not a done one: counted apart, so progress never reads a skip as work done.
        const done = phase.steps.filter((s) => statusOf(s.id) === 'done').length;
        const skipped = phase.steps.filter((s) => statusOf(s.id) === 'skipped').length;
        const counts = t('step.counts', { done, skipped, open: total - done - skipped });
        return (
          <section key={phase.id} className="phase-block" aria-labelledby={`ph-${phase.id}`} data-testid={`phase-${phase.id}`}>
            <h2 id={`ph-${phase.id}`}>
              {phase.title} <span className="progress-text">{counts}</span>
            </h2>
            <progress max={total} value={done} aria-label={counts} />
            <ol className="step-list">
              {phase.steps.map((step) => (
                <StepRow
                  key={step.id}
                  incidentId={incident.id}
                  step={step}
                  ownerName={names.get(step.owner) ?? step.owner}
                  state={incident.steps[step.id]}
                  items={incident.items}
                  elapsedMin={elapsedMin}
                  readOnly={readOnly}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
