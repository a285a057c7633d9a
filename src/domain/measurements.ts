import { standing, type IncidentState, type MeasurementEntry } from './incident';
import { MEASUREMENT_MAX_ABS } from './events/measure';
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

/** Why a typed reading was refused: nothing typed, not a number, or beyond `MEASUREMENT_MAX_ABS`. */
export type ReadingProblem = 'empty' | 'notANumber' | 'outOfRange';

/**
 * A reading as typed on a phone: "12", "12.5", "-3", and what a Chinese keyboard types in
 * full-width mode ("１２．５", "12。5"). Spaces around it are ignored. Anything else is not a
 * number: "abc", "12cm" (a unit typed into the box is never read as a value), "1e3", and a comma
 * ("1,5" or "1,500" could each mean two readings a hundred times apart). Pure; the same text
 * gives the same answer on every device.
 */
export function parseReading(text: string): { ok: true; value: number } | { ok: false; problem: ReadingProblem } {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/\uFF0B/g, '+')
    .trim();
  if (plain === '') return { ok: false, problem: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(plain)) return { ok: false, problem: 'notANumber' };
  const value = Number(plain);
  if (!Number.isFinite(value) || Math.abs(value) > MEASUREMENT_MAX_ABS) return { ok: false, problem: 'outOfRange' };
  // -0 would be recorded and shown as "0" elsewhere but "-0" by some formatters.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Whole minutes between the two readings a rise alert compares (at least 0). */
export function riseMinutes(alert: Pick<RiseAlert, 'from' | 'to'>): number {
  return Math.max(0, Math.round((alert.to.at - alert.from.at) / 60_000));
}
