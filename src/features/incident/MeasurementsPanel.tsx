import { useId, useState, type FormEvent } from 'react';
import { messages as reportMessages } from '../../domain/report/messages';
import { MEASUREMENT_MAX_ABS } from '../../domain/events/measure';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { mayStrike, type IncidentState, type MeasurementEntry } from '../../domain/incident';
import { parseReading, readingsOf, riseAlert, riseMinutes, type ReadingProblem, type RiseAlert } from '../../domain/measurements';
import type { Playbook } from '../../domain/playbook/schema';
import type { Measurement } from '../../domain/playbook/schema-plan';
import { messages as uiMessages } from '../../ui/messages';
import { useLanguage, useText } from '../../ui/text';
import { StrikeForm } from './StrikeForm';
import { recordReading } from './measure-commands';
import { messages as measureMessages } from './measure.messages';
import { messages } from './messages';
import { readingTime, TrendChart, withUnit } from './TrendChart';
import './measure.css';

/** A rise without the noise of binary fractions: 16.1 − 5.2 is "10.9", not "10.900000000000002". */
const amount = (n: number) => Math.round(n * 1000) / 1000;

/** The quick entry: one big number field, the unit beside it and "Record" on one row, for one thumb. */
function ReadingEntry({ incidentId, measurement }: { incidentId: string; measurement: Measurement }) {
  const t = useText(measureMessages);
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<{ problem: ReadingProblem; text: string } | null>(null);
  const [elsewhere, setElsewhere] = useState(false);
  const [place, setPlace] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseReading(text);
    if (!parsed.ok) {
      setProblem({ problem: parsed.problem, text: text.trim() });
      return;
    }
    setProblem(null);
    const where = elsewhere ? place.trim() : '';
    void recordReading(incidentId, { measureId: measurement.id, value: parsed.value, unit: measurement.unit, ...(where ? { place: where } : {}) }).then(
      (ok) => ok && (setText(''), setPlace(''), setElsewhere(false)),
    );
  };
  const errorText =
    problem?.problem === 'empty'
      ? t('measure.error.empty')
      : problem?.problem === 'notANumber'
        ? t('measure.error.notANumber', { text: problem.text })
        : problem
          ? t('measure.error.outOfRange', { max: MEASUREMENT_MAX_ABS.toLocaleString(language) })
          : null;
  return (
    <form className="measure-entry" noValidate onSubmit={submit} data-testid={`measure-entry-${measurement.id}`}>
      <label htmlFor={`${id}-value`} className="measure-entry-label">
        {t('measure.entry.label', { unit: measurement.unit })}
      </label>
      <div className="measure-entry-row">
        <span className="measure-input-box">
          <input
            id={`${id}-value`}
            type="text"
            inputMode="decimal"
            enterKeyHint="done"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            data-testid={`measure-input-${measurement.id}`}
          />
          <span className="measure-unit" aria-hidden="true">
            {measurement.unit}
          </span>
        </span>
        <button type="submit" className="button primary measure-record" data-testid={`measure-record-${measurement.id}`}>
          {t('measure.entry.record')}
        </button>
      </div>
      {errorText ? (
        <p id={`${id}-error`} className="measure-error" role="alert" data-testid={`measure-error-${measurement.id}`}>
          {errorText}
        </p>
      ) : null}
      <button type="button" className="link-button" aria-expanded={elsewhere} aria-controls={`${id}-place`} onClick={() => setElsewhere((x) => !x)}>
        {t('measure.entry.otherPlace')}
      </button>
      {elsewhere ? (
        <label className="field" id={`${id}-place`}>
          <span>{t('measure.entry.place')}</span>
          <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder={measurement.place} maxLength={TEXT_LIMITS.title} />
        </label>
      ) : null}
    </form>
  );
}

/** Every reading of one measurement, struck ones kept and marked; a wrong one can be struck out with a reason. */
function ReadingTable({ incident, entries, now, readOnly }: { incident: IncidentState; entries: readonly MeasurementEntry[]; now: number; readOnly: boolean }) {
  const t = useText(measureMessages, messages, reportMessages);
  const common = useText(uiMessages);
  const [striking, setStriking] = useState<string | null>(null);
  const eventOf = (eventId: string) => incident.timeline.find((e) => e.id === eventId);
  return (
    <details className="measure-readings">
      <summary>{t('measure.table.summary', { count: entries.length })}</summary>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('measure.table.time')}</th>
            <th scope="col">{t('measure.table.value')}</th>
            <th scope="col">{t('commander.by')}</th>
          </tr>
        </thead>
        <tbody>
          {[...entries].reverse().map((r) => {
            const struck = incident.struck[r.eventId];
            const event = eventOf(r.eventId);
            return (
              <tr key={r.eventId} data-testid="measure-reading" data-struck={struck ? 'true' : undefined}>
                <td>
                  <time dateTime={new Date(r.at).toISOString()}>{readingTime(r.at, now)}</time>
                </td>
                <td>
                  <span className={struck ? 'measure-value struck-value' : 'measure-value'}>{withUnit(r.value, r.unit)}</span>
                  {r.place ? <span className="measure-where"> {t('measure.latestAt', { place: r.place })}</span> : null}
                  {struck ? (
                    <span className="measure-struck">
                      {' '}
                      — {t('measure.table.struck')}
                      {struck.reason ? `: ${struck.reason}` : ''}
                    </span>
                  ) : null}
                  {!readOnly && event && mayStrike(incident, event) ? (
                    striking === r.eventId ? (
                      <StrikeForm incidentId={incident.id} eventId={r.eventId} onClose={() => setStriking(null)} />
                    ) : (
                      <div>
                        <button type="button" className="link-button" onClick={() => setStriking(r.eventId)}>
                          {common('entry.strike')}
                        </button>
                      </div>
                    )
                  ) : null}
                </td>
                <td>{r.actor}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function RiseWarning({ alert, unit, testId }: { alert: RiseAlert; unit: string; testId: string }) {
  const t = useText(measureMessages);
  return (
    <p className="alarm-box measure-alarm" role="alert" data-testid={testId}>
      {t('measure.rise', {
        rise: withUnit(amount(alert.rise), unit),
        minutes: riseMinutes(alert),
        amount: withUnit(alert.amount, unit),
        minutesPlan: alert.minutes,
      })}
    </p>
  );
}

function MeasurementCard({ incident, measurement, now, readOnly }: { incident: IncidentState; measurement: Measurement; now: number; readOnly: boolean }) {
  const t = useText(measureMessages);
  const id = useId();
  const readings = readingsOf(incident, measurement.id);
  const entries = incident.measurements.filter((m) => m.measureId === measurement.id);
  const latest = readings[readings.length - 1];
  const alert = riseAlert(readings, measurement);
  return (
    <section className={`measure-card${alert ? ' alarm' : ''}`} aria-labelledby={`${id}-h`} data-testid={`measure-${measurement.id}`}>
      <h3 id={`${id}-h`}>
        {measurement.label}
        {measurement.place ? <span className="measure-place"> · {measurement.place}</span> : null}
      </h3>
      <p className="measure-latest" aria-live="polite" data-testid={`measure-latest-${measurement.id}`}>
        {latest ? (
          <>
            {t('measure.latest', { value: withUnit(latest.value, latest.unit), time: readingTime(latest.at, now), actor: latest.actor })}
            {latest.place ? ` ${t('measure.latestAt', { place: latest.place })}` : ''}
          </>
        ) : (
          <>
            {t('measure.none')} · {t('measure.unit', { unit: measurement.unit })}
          </>
        )}
      </p>
      {alert ? <RiseWarning alert={alert} unit={latest?.unit ?? measurement.unit} testId={`measure-rise-${measurement.id}`} /> : null}
      {readOnly ? null : <ReadingEntry incidentId={incident.id} measurement={measurement} />}
      <TrendChart readings={readings} label={measurement.label} alarm={Boolean(alert)} />
      {entries.length ? <ReadingTable incident={incident} entries={entries} now={now} readOnly={readOnly} /> : null}
    </section>
  );
}

/**
 * The playbook's readings on the incident (issue 18): for each measurement the latest reading
 * with its time and who took it, a quick entry, a small trend, and the plan's rise warning in
 * alarm style. Nothing at all for a playbook that measures nothing.
 */
export function MeasurementsPanel({ incident, playbook, now, readOnly }: { incident: IncidentState; playbook: Playbook; now: number; readOnly: boolean }) {
  const t = useText(measureMessages);
  const id = useId();
  const measurements = playbook.measurements ?? [];
  if (measurements.length === 0) return null;
  return (
    <section className="measurements" aria-labelledby={`${id}-h`} data-testid="measurements">
      <h2 id={`${id}-h`}>{t('measure.title')}</h2>
      {measurements.map((m) => (
        <MeasurementCard key={m.id} incident={incident} measurement={m} now={now} readOnly={readOnly} />
      ))}
    </section>
  );
}
