import { useText } from '../../ui/text';
import type { Playbook } from '../../domain/playbook/schema';
import { messages } from './messages';

/** The response phases and their steps, in order, with who does each. */
export function PhaseList({ playbook, names }: { playbook: Playbook; names: Map<string, string> }) {
  const t = useText(messages);
  return (
    <ol className="phases">
      {playbook.phases.map((phase) => (
        <li key={phase.id} className="phase" data-testid={`phase-${phase.id}`}>
          <h3>{phase.title}</h3>
          {phase.summary ? <p>{phase.summary}</p> : null}
          <ol className="steps">
            {phase.steps.map((step) => (
              <li key={step.id} className={step.critical ? 'step critical' : 'step'}>
                <p className="step-text">
                  {step.critical ? <span className="badge real">{t('reader.step.critical')}</span> : null} {step.text}
                </p>
                <p className="step-meta">
                  {t('reader.step.owner')}: {names.get(step.owner) ?? step.owner}
                  {step.support?.length ? ` · ${t('reader.step.support')}: ${step.support.map((s) => names.get(s) ?? s).join('、')}` : ''}
                  {step.target !== undefined ? ` · ${t(`reader.step.target.${step.target.from}`, { minutes: step.target.minutes })}` : ''}
                </p>
                {step.when ? (
                  <p className="step-meta step-when">
                    {t('reader.step.when')}: {step.when}
                  </p>
                ) : null}
                {step.mayBeDoneBy ? (
                  <p className="step-meta step-only-by">
                    {t('reader.step.onlyBy')}: {step.mayBeDoneBy.text}
                  </p>
                ) : null}
                {step.items?.length ? (
                  <ol className="step-items">
                    {step.items.map((item) => (
                      <li key={item.id}>{item.text}</li>
                    ))}
                  </ol>
                ) : null}
                {step.notes ? <p className="note">{step.notes}</p> : null}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
