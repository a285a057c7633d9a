import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { format } from 'date-fns';
import { memo, useState } from 'react';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { playbookMessages } from '../playbooks';
import { messages } from './messages';
import { useSession } from '../../ui/session';
import type { IncidentState, StepState } from '../../domain/incident';
import type { Step } from '../../domain/playbook/schema';
import { checkStepItem, markStepDone, reopenStep, startStep } from './commands';
import { SkipStep } from './SkipStep';
import './incident.css';

interface StepRowProps {
  incidentId: string;
  step: Step;
  ownerName: string;
  state: StepState | undefined;
  items: IncidentState['items'];
  /** Past its target time now (the caller reads the ticking clock, so a row re-renders only when this flips). */
  overdue: boolean;
  readOnly: boolean;
  /** Its key and place, set by VirtualList when the checklist is windowed. */
  'data-key'?: string;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

/** "Started 02:14 by Zhou · target 10 min", or overdue: the clock of a step whose target counts from its own start. */
function StartedLine({ state, minutes, overdue }: { state: StepState; minutes: number; overdue: boolean }) {
  const t = useText(messages, uiMessages, reportMessages);
  const language = useSession((s) => s.language);
  const started = state.started ?? state;
  // Hours and minutes, as the brief clock of one step is read; the full date is in the title and the timeline.
  const vars = { actor: started.actor, time: format(started.at, 'HH:mm'), minutes };
  return (
    <p className={overdue ? 'step-started overdue' : 'step-started'} data-testid="step-started" title={formatDateTime(language, started.at)}>
      {t(overdue ? 'step.started.overdue' : 'step.started', vars)}
    </p>
  );
}

/** Who did it and when: done, skipped (with the reason, in its own colour and word) or reopened. */
function StatusLine({ state }: { state: StepState }) {
  const t = useText(messages, uiMessages, reportMessages);
  const language = useSession((s) => s.language);
  const time = formatDateTime(language, state.at);
  if (state.status === 'done') return <p className="step-who">{t('step.status.done', { actor: state.actor, time })}</p>;
  if (state.status === 'skipped')
    return <p className="step-who skipped">{t('step.status.skipped', { actor: state.actor, time, reason: state.reason ?? '' })}</p>;
  if (state.status === 'open') return <p className="step-who">{t('step.status.reopened', { actor: state.actor, time })}</p>;
  return null;
}

/**
 * One step: big Done button, Skip with a reason (a critical step: a reason of substance and a
 * second confirmation), Start for a step whose target counts from its own start, Reopen; who may
 * do it, who did it and when; overdue when past its target.
 */
export const StepRow = memo(function StepRow({ incidentId, step, ownerName, state, items, overdue, readOnly, ...place }: StepRowProps) {
  const t = useText(messages, uiMessages, reportMessages);
  const tPlaybook = useText(playbookMessages);
  const [skipping, setSkipping] = useState(false);
  const status = state?.status ?? 'open';
  const target = step.target;
  const fromStep = target?.from === 'step';
  const cls = ['step-row', `status-${status}`, step.critical ? 'critical' : '', overdue ? 'overdue' : ''].filter(Boolean).join(' ');
  let targetText = '';
  if (target && !fromStep) targetText = t(overdue ? 'step.overdue' : 'step.target', { minutes: target.minutes });
  else if (target && status !== 'started') targetText = t('step.target.fromStep', { minutes: target.minutes });
  return (
    <li className={cls} data-testid={`step-${step.id}`} data-status={status} {...place}>
      <div className="step-main">
        <p className="step-text">
          {step.critical ? <span className="badge real">{tPlaybook('reader.step.critical')}</span> : null} {step.text}
        </p>
        <p className="step-meta">
          {ownerName}
          {targetText ? ` · ${targetText}` : ''}
        </p>
        {/* A restriction, not the owner: the facilities group owns the step, only its electrician may do it. */}
        {step.mayBeDoneBy ? (
          <p className="step-may" data-testid="step-may">
            {t('step.mayBeDoneBy', { who: step.mayBeDoneBy.text })}
          </p>
        ) : null}
        {/* The plan's condition ("at night or on a holiday") decides whether the step applies: never hidden. */}
        {step.when ? <p className="step-when">{t('step.when', { when: step.when })}</p> : null}
        {state && status === 'started' && target ? <StartedLine state={state} minutes={target.minutes} overdue={overdue} /> : null}
        {state ? <StatusLine state={state} /> : null}
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
        <SkipStep incidentId={incidentId} step={step} onClose={() => setSkipping(false)} />
      ) : status === 'done' || status === 'skipped' ? (
        <div className="step-actions">
          <button type="button" className="button" onClick={() => void reopenStep(incidentId, step.id)}>
            {t('step.reopen')}
          </button>
        </div>
      ) : (
        <div className="step-actions">
          {/* The clock of a step-relative target runs from this tap; Done stays at hand for a step finished at once. */}
          {fromStep && status === 'open' ? (
            <button type="button" className="button primary start-button" onClick={() => void startStep(incidentId, step.id)} data-testid="step-start">
              {t('step.start')}
            </button>
          ) : null}
          <button
            type="button"
            className={fromStep && status === 'open' ? 'button done-button' : 'button primary done-button'}
            onClick={() => void markStepDone(incidentId, step.id)}
          >
            {t('status.done')}
          </button>
          <button type="button" className="button" onClick={() => setSkipping(true)}>
            {t('step.skip')}
          </button>
        </div>
      )}
    </li>
  );
});
