import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { stepClock, type IncidentState } from '../../domain/incident';
import { plannedPhases } from '../../domain/playbook/names';
import type { Playbook, Step } from '../../domain/playbook/schema';
import { StepRow } from './StepRow';
import { VirtualList } from '../../ui/VirtualList';

/** A step row's height at 100% text, for the first layout of a windowed phase. */
const STEP_HEIGHT = 150;

/** Whether a step is past its target at `now`: open or under way after its clock ran out (a done or skipped step never is). */
function isOverdue(incident: IncidentState, step: Step, now: number): boolean {
  const status = incident.steps[step.id]?.status ?? 'open';
  const due = stepClock(incident, step)?.dueAt ?? null;
  return (status === 'open' || status === 'started') && due !== null && now > due;
}

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
  const phases = plannedPhases(playbook, t('steps.aftermath'));
  return (
    <div className="checklist">
      {phases.map((phase) => {
        const total = phase.steps.length;
        const statusOf = (id: string) => incident.steps[id]?.status ?? 'open';
        // A skipped step is not a done one: counted apart, so progress never reads a skip as work done.
        // A started step is still open work.
        const done = phase.steps.filter((s) => statusOf(s.id) === 'done').length;
        const skipped = phase.steps.filter((s) => statusOf(s.id) === 'skipped').length;
        const counts = t('step.counts', { done, skipped, open: total - done - skipped });
        return (
          <section key={phase.id} className="phase-block" aria-labelledby={`ph-${phase.id}`} data-testid={`phase-${phase.id}`}>
            <h2 id={`ph-${phase.id}`}>
              {phase.title} <span className="progress-text">{counts}</span>
            </h2>
            <progress max={total} value={done} aria-label={counts} />
            {/* A phase of a hundred steps or fewer (every plan so far) is rendered whole; a longer one is windowed. */}
            <VirtualList
              count={phase.steps.length}
              itemKey={(i) => phase.steps[i]?.id ?? String(i)}
              renderItem={(i) => {
                const step = phase.steps[i]!;
                return (
                  <StepRow
                    incidentId={incident.id}
                    step={step}
                    ownerName={names.get(step.owner) ?? step.owner}
                    state={incident.steps[step.id]}
                    items={incident.items}
                    overdue={isOverdue(incident, step, now)}
                    readOnly={readOnly}
                  />
                );
              }}
              estimateHeight={STEP_HEIGHT}
              className="step-list"
            />
          </section>
        );
      })}
    </div>
  );
}
