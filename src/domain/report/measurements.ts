import type { IncidentState, MeasurementEntry } from '../incident';
import { readingsOf, riseAlert, trendLine, type RiseAlert } from '../measurements';
import type { Playbook } from '../playbook/schema';
import type { Measurement } from '../playbook/schema-plan';
import { formatDateTime, formatNumber, minutesBetween } from './format';
import { fill, type ReportLabels } from './labels';
import type { Correction, ReportMeasurement, ReportReading } from './types';

/**
 * The trend's box, the same as the app's chart (features/incident/TrendChart.tsx): both draw
 * `trendLine` in it, so the printed line is the line the responders saw.
 */
export const TREND_BOX = { width: 300, height: 100, pad: 8 } as const;

/** "35 cm": a value with its unit. */
export function withUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/**
 * Every measurement of the incident: one per playbook measurement (with none recorded when it
 * has no reading), then one per other id that has readings (a playbook changed since). Each
 * lists every reading, struck ones marked, and judges the rise warning reading by reading as
 * the app did when the reading was entered: `riseAlert` over the standing readings up to it.
 * Pure.
 */
export function reportMeasurements(
  incident: IncidentState,
  playbook: Playbook,
  labels: ReportLabels,
  offset: number,
  correction: (eventId: string) => { struck?: Correction },
): ReportMeasurement[] {
  const defined = playbook.measurements ?? [];
  const known = new Set(defined.map((m) => m.id));
  const others = [...new Set(incident.measurements.map((m) => m.measureId))].filter((id) => !known.has(id));
  const definitions: Measurement[] = [
    ...defined,
    ...others.map((id) => ({ id, label: id, unit: incident.measurements.find((m) => m.measureId === id)?.unit ?? '' })),
  ];
  return definitions.map((d) => oneMeasurement(incident, d, labels, offset, correction));
}

/**
 * The rise warning the app showed with each standing reading, by the reading's event id: the
 * playbook's rule applied to the readings up to it (`riseAlert` over each prefix), so a warning
 * that was on at 02:35 and gone by 02:50 is reported as it was shown.
 */
export function riseWarnings(standing: readonly MeasurementEntry[], d: Pick<Measurement, 'riseWarning'>): Map<string, RiseAlert> {
  const out = new Map<string, RiseAlert>();
  if (!d.riseWarning) return out;
  standing.forEach((r, i) => {
    const alert = riseAlert(standing.slice(0, i + 1), d);
    if (alert) out.set(r.eventId, alert);
  });
  return out;
}

function oneMeasurement(
  incident: IncidentState,
  d: Measurement,
  labels: ReportLabels,
  offset: number,
  correction: (eventId: string) => { struck?: Correction },
): ReportMeasurement {
  const at = (ms: number) => formatDateTime(ms, offset);
  const standing = readingsOf(incident, d.id);
  const warnings = new Map<string, string>();
  for (const [eventId, alert] of riseWarnings(standing, d))
    warnings.set(
      eventId,
      fill(labels['measurements.warning'], {
        rise: withUnit(alert.rise, alert.to.unit),
        minutes: minutesBetween(alert.from.at, alert.to.at),
        from: withUnit(alert.from.value, alert.from.unit),
        time: at(alert.from.at),
      }),
    );
  const all = incident.measurements.filter((m) => m.measureId === d.id);
  const readings = all.map((m): ReportReading => ({
    eventId: m.eventId,
    at: m.at,
    when: at(m.at),
    value: m.value,
    unit: m.unit,
    valueText: withUnit(m.value, m.unit),
    place: m.place ?? d.place ?? '',
    by: m.actor,
    ...(warnings.has(m.eventId) ? { warning: warnings.get(m.eventId) } : {}),
    ...correction(m.eventId),
  }));
  const first = standing.find((r) => warnings.has(r.eventId));
  const rule = d.riseWarning;
  return {
    id: d.id,
    label: d.label,
    unit: d.unit,
    ...(d.place ? { place: d.place } : {}),
    readings,
    summaryText: summaryOf(standing, d, labels, offset),
    ruleText: rule ? fill(labels['measurements.rule'], { amount: withUnit(rule.amount, d.unit), minutes: rule.minutes }) : labels['measurements.noRule'],
    warningsText: !rule
      ? null
      : first
        ? fill(labels['measurements.reached'], { count: warnings.size, total: standing.length, time: at(first.at) })
        : labels['measurements.notReached'],
    warnings: warnings.size,
    trend: trendOf(standing, d, labels, offset, warnings.size > 0),
  };
}

function summaryOf(standing: readonly MeasurementEntry[], d: Measurement, labels: ReportLabels, offset: number): string {
  const last = standing[standing.length - 1];
  const head = standing[0];
  if (!last || !head) return labels.none;
  const values = standing.map((r) => r.value);
  return fill(labels['measurements.summary'], {
    count: standing.length,
    first: formatDateTime(head.at, offset),
    last: formatDateTime(last.at, offset),
    min: withUnit(Math.min(...values), last.unit || d.unit),
    max: withUnit(Math.max(...values), last.unit || d.unit),
    latest: withUnit(last.value, last.unit || d.unit),
  });
}

function trendOf(standing: readonly MeasurementEntry[], d: Measurement, labels: ReportLabels, offset: number, alarm: boolean): ReportMeasurement['trend'] {
  const line = trendLine(standing, TREND_BOX.width, TREND_BOX.height, TREND_BOX.pad);
  const unit = standing[standing.length - 1]?.unit ?? d.unit;
  if (!line) return null;
  return {
    points: line.points,
    minText: withUnit(line.min, unit),
    maxText: withUnit(line.max, unit),
    fromText: formatDateTime(line.from, offset),
    toText: formatDateTime(line.to, offset),
    alarm,
    description: fill(labels['measurements.trend'], { label: d.label, summary: summaryOf(standing, d, labels, offset) }),
  };
}
