import { standing, type IncidentState, type MeasurementEntry } from './incident';
import type { Measurement } from './playbook/schema-plan';

/**
 * Readings of one playbook measurement, oldest first, leaving out readings a correction struck
 * through. Pure: every device holding the same events draws the same trend and warns alike.
 */
export function readingsOf(state: IncidentState, measureId: string): MeasurementEntry[] {
  return standing(state, state.measurements).filter((m) => m.measureId === measureId);
}

export interface RiseAlert {
  /** How much the reading rose within the window, in the measurement's unit. */
  readonly rise: number;
  /** The reading the rise counts from and the latest one. */
  readonly from: MeasurementEntry;
  readonly to: MeasurementEntry;
  /** The playbook's threshold that was reached. */
  readonly amount: number;
  readonly minutes: number;
}

/**
 * Whether the latest reading rose at least the playbook's `riseWarning.amount` above the lowest
 * reading taken within `riseWarning.minutes` before it. Null when the playbook sets no threshold,
 * with fewer than two readings, or when the rise stays below it. Offline and under sync: a late
 * reading pulled from another phone simply joins the series and the answer is recomputed.
 */
export function riseAlert(readings: readonly MeasurementEntry[], definition: Pick<Measurement, 'riseWarning'>): RiseAlert | null {
  const warning = definition.riseWarning;
  const latest = readings[readings.length - 1];
  if (!warning || !latest || readings.length < 2) return null;
  const windowStart = latest.at - warning.minutes * 60_000;
  let lowest: MeasurementEntry | null = null;
  for (const r of readings) {
    if (r === latest || r.at < windowStart) continue;
    if (!lowest || r.value < lowest.value) lowest = r;
  }
  if (!lowest) return null;
  const rise = latest.value - lowest.value;
  return rise >= warning.amount ? { rise, from: lowest, to: latest, amount: warning.amount, minutes: warning.minutes } : null;
}

export interface TrendLine {
  /** SVG polyline points in a `width`×`height` box (y grows downward), one per reading. */
  readonly points: string;
  readonly min: number;
  readonly max: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The trend of readings as an SVG polyline in a `width`×`height` box with `pad` pixels of margin:
 * time across, value up. The app and the HTML report draw the same line. Null with no readings.
 */
export function trendLine(readings: readonly MeasurementEntry[], width: number, height: number, pad = 4): TrendLine | null {
  if (readings.length === 0) return null;
  const times = readings.map((r) => r.at);
  const values = readings.map((r) => r.value);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (t: number) => (to === from ? width / 2 : pad + ((t - from) / (to - from)) * (width - 2 * pad));
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad));
  const points = readings.map((r) => `${round(x(r.at))},${round(y(r.value))}`).join(' ');
  return { points, min, max, from, to };
}

const round = (n: number) => Math.round(n * 10) / 10;
