import type { Measurement } from '../../domain/playbook/schema-plan';
import { useText } from '../../ui/text';
import { messages } from './messages';

/** The readings the plan asks for during the response: what, where, in which unit, and when the app warns. */
export function MeasurementList({ measurements }: { measurements: readonly Measurement[] }) {
  const t = useText(messages);
  return (
    <ul className="plain-list measure-defs" data-testid="measurements">
      {measurements.map((m) => (
        <li key={m.id} className="card">
          <strong className="card-title">{m.label}</strong>
          {m.place ? <span className="card-meta">{t('reader.measure.where', { place: m.place })}</span> : null}
          <span className="card-meta">{t('reader.measure.unit', { unit: m.unit })}</span>
          <span className={m.riseWarning ? 'label' : 'card-meta'}>
            {m.riseWarning
              ? t('reader.measure.rise', { amount: `${m.riseWarning.amount} ${m.unit}`, minutes: m.riseWarning.minutes })
              : t('reader.measure.noRise')}
          </span>
        </li>
      ))}
    </ul>
  );
}
