import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { format } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { headcountTotals, stepClock, stepStatus, type IncidentState, type StepState } from '../../domain/incident';
import { plannedPhases } from '../../domain/playbook/names';
import type { Playbook, Step } from '../../domain/playbook/schema';
import { playbookMessages } from '../playbooks';
import { CallBar } from './CallBar';
import { checkStepItem, markStepDone, startStep } from './commands';
import { formatElapsed } from './hooks';
import { MeasurementsPanel } from './MeasurementsPanel';
import { messages } from './messages';
import { messages as nowMessages } from './now.messages';
import { alertedSteps, newlyOverdue, OVERDUE_VIBRATION, rememberAlerted, type StepDue } from './overdue-alert';
import { SkipStep } from './SkipStep';
import './now.css';

/** How many open steps the now view shows: what one screen holds with buttons a thumb can hit. */
const NEXT_STEPS = 3;

const tabHref = (incidentId: string, tab: string) => `/incidents/${encodeURIComponent(incidentId)}?tab=${tab}`;

/** The open steps (open or under way) in the plan's order, the aftermath last. */
function openSteps(incident: IncidentState, playbook: Playbook, aftermathTitle: string): Step[] {
  return plannedPhases(playbook, aftermathTitle)
    .flatMap((phase) => phase.steps)
    .filter((step) => {
      const status = stepStatus(incident, step.id);
      return status === 'open' || status === 'started';
    });
}

/** The time now, every `ms` while `ms` is set (a running step clock), else the time of the first render. */
function useTicking(ms: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (ms === null) return;
    const tick = () => setNow(Date.now());
    // At once when a clock starts (the time of the first render may be long past), then every `ms`.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, ms);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ms]);
  return now;
}

function browserMemory(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage switched off: the buzz is still given once per step while the page stays open
  }
}

/**
 * Buzzes once when a shown step's target time runs out while this view is open (where the
 * phone can vibrate): overdue-alert.ts decides, this only keeps the last check and the memory.
 */
function useOverdueBuzz(incidentId: string, dues: readonly StepDue[], now: number): void {
  const lastCheck = useRef(now);
  const buzzed = useRef<Set<string>>(new Set());
  useEffect(() => {
    const since = lastCheck.current;
    lastCheck.current = now;
    const memory = browserMemory();
    const known = new Set([...buzzed.current, ...alertedSteps(memory, incidentId)]);
    const fresh = newlyOverdue(dues, since, now, known);
    if (fresh.length === 0) return;
    for (const id of fresh) buzzed.current.add(id);
    rememberAlerted(memory, incidentId, fresh);
    if ('vibrate' in navigator) navigator.vibrate([...OVERDUE_VIBRATION]);
  }, [incidentId, dues, now]);
}

/** A step's clock: counting down to its target time, then how long past it. */
function StepClockLine({ dueAt, now }: { dueAt: number; now: number }) {
  const t = useText(nowMessages);
  const overdue = now > dueAt;
  const vars = { at: format(dueAt, 'HH:mm'), time: formatElapsed(Math.abs(dueAt - now)) };
  return (
    <p className={overdue ? 'now-clock overdue' : 'now-clock'} data-testid="now-clock">
      {t(overdue ? 'now.due.overdue' : 'now.due.left', vars)}
    </p>
  );
}

function NowStep({
  incidentId,
  step,
  ownerName,
  state,
  items,
  dueAt,
  now,
  readOnly,
}: {
  incidentId: string;
  step: Step;
  ownerName: string;
  state: StepState | undefined;
  items: IncidentState['items'];
  dueAt: number | null;
  now: number;
  readOnly: boolean;
}) {
  const t = useText(messages, uiMessages, reportMessages);
  const tPlaybook = useText(playbookMessages);
  const [skipping, setSkipping] = useState(false);
  const status = state?.status ?? 'open';
  const fromStep = step.target?.from === 'step';
  const overdue = dueAt !== null && now > dueAt;
  const cls = ['now-step', step.critical ? 'critical' : '', overdue ? 'overdue' : ''].filter(Boolean).join(' ');
  const started = status === 'started' ? (state?.started ?? state) : undefined;
  return (
    <li className={cls} data-testid={`now-step-${step.id}`} data-status={status}>
      <p className="now-step-text">
        {step.critical ? <span className="badge real">{tPlaybook('reader.step.critical')}</span> : null} {step.text}
      </p>
      <p className="now-step-meta">
        {ownerName}
        {step.target && fromStep && status === 'open' ? ` · ${t('step.target.fromStep', { minutes: step.target.minutes })}` : ''}
      </p>
      {step.mayBeDoneBy ? <p className="now-step-may">{t('step.mayBeDoneBy', { who: step.mayBeDoneBy.text })}</p> : null}
      {step.when ? <p className="now-step-meta">{t('step.when', { when: step.when })}</p> : null}
      {started && step.target ? (
        <p className="now-step-meta">{t('step.started', { actor: started.actor, time: format(started.at, 'HH:mm'), minutes: step.target.minutes })}</p>
      ) : null}
      {dueAt !== null ? <StepClockLine dueAt={dueAt} now={now} /> : null}
      {step.items?.length ? (
        <ul className="step-checks">
          {step.items.map((item) => (
            <li key={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={items[`${step.id} ${item.id}`]?.checked ?? false}
                  disabled={readOnly}
                  onChange={(e) => void checkStepItem(incidentId, step.id, item.id, e.target.checked)}
                />
                {item.text}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : skipping ? (
        <SkipStep incidentId={incidentId} step={step} onClose={() => setSkipping(false)} />
      ) : (
        <div className="now-actions">
          {fromStep && status === 'open' ? (
            <button type="button" className="button now-start" onClick={() => void startStep(incidentId, step.id)} data-testid="now-start">
              {t('step.start')}
            </button>
          ) : null}
          <button type="button" className="button primary now-done" onClick={() => void markStepDone(incidentId, step.id)} data-testid="now-done">
            {t('status.done')}
          </button>
          <button type="button" className="button now-skip" onClick={() => setSkipping(true)} data-testid="now-skip">
            {t('step.skip')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The next open steps, large, each with its clock; the only part of the view that ticks every second. */
function NextSteps({
  incident,
  steps,
  openCount,
  names,
  readOnly,
}: {
  incident: IncidentState;
  steps: readonly Step[];
  openCount: number;
  names: Map<string, string>;
  readOnly: boolean;
}) {
  const t = useText(nowMessages);
  const dues: StepDue[] = steps.map((s) => ({ stepId: s.id, dueAt: stepClock(incident, s)?.dueAt ?? null }));
  const now = useTicking(dues.some((d) => d.dueAt !== null) ? 1000 : null);
  // A closed incident has nothing left to run out.
  useOverdueBuzz(incident.id, readOnly ? [] : dues, now);
  return (
    <section className="now-next" aria-labelledby="now-next-heading">
      <h2 id="now-next-heading" className="now-next-heading">
        {t('now.next', { open: openCount })}
      </h2>
      {steps.length === 0 ? (
        <p className="ok-box" data-testid="now-all-done">
          {t('now.allDone')}
        </p>
      ) : (
        <ol className="now-steps" data-testid="now-steps">
          {steps.map((step, i) => (
            <NowStep
              key={step.id}
              incidentId={incident.id}
              step={step}
              ownerName={names.get(step.owner) ?? step.owner}
              state={incident.steps[step.id]}
              items={incident.items}
              dueAt={dues[i]?.dueAt ?? null}
              now={now}
              readOnly={readOnly}
            />
          ))}
        </ol>
      )}
      <Link className="now-more-link" href={tabHref(incident.id, 'steps')} replace data-testid="now-full-checklist">
        {t('now.fullChecklist')}
      </Link>
    </section>
  );
}

/** One line of the headcount, missing people in the alarm colour; opens the headcount tab. */
function HeadcountLine({ incident }: { incident: IncidentState }) {
  const t = useText(nowMessages);
  const totals = headcountTotals(incident);
  // Not accounted for: reported missing, or on the roster with no report at all (as the headcount tab
  // counts them). An empty roster is not all clear either: nobody has been counted.
  const missing = totals.missing + totals.unknown;
  return (
    <Link
      className={missing > 0 || totals.total === 0 ? 'now-headcount alarm' : 'now-headcount'}
      href={tabHref(incident.id, 'people')}
      replace
      data-testid="now-headcount"
    >
      {totals.total === 0 ? (
        t('now.headcount.empty')
      ) : (
        <>
          {t('now.headcount', { safe: totals.safe, injured: totals.injured, total: totals.total })}
          {missing > 0 ? (
            <>
              {' · '}
              <strong className="now-missing">{t('now.headcount.missing', { count: missing })}</strong>
            </>
          ) : null}
        </>
      )}
    </Link>
  );
}

/**
 * The incident at 2 a.m. on one screen: the next three open steps with Done and Skip under the
 * thumb (the first Done above the fold of a phone), their clocks, one-tap calls, the headcount
 * in one line and the readings. The full checklist and the other tabs stay one tap away.
 */
export function NowView({
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
  const t = useText(reportMessages);
  const open = openSteps(incident, playbook, t('steps.aftermath'));
  return (
    <div className="now-view" data-testid="now-view">
      <NextSteps incident={incident} steps={open.slice(0, NEXT_STEPS)} openCount={open.length} names={names} readOnly={readOnly} />
      <CallBar incident={incident} playbook={playbook} names={names} />
      <HeadcountLine incident={incident} />
      <MeasurementsPanel incident={incident} playbook={playbook} now={now} readOnly={readOnly} />
    </div>
  );
}
