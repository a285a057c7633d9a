import { format } from 'date-fns';
import type { MeasurementEntry } from '../../domain/incident';
import { trendLine } from '../../domain/measurements';
import { useText } from '../../ui/text';
import { messages } from './measure.messages';

// The chart's own box: the line is drawn in these units and the SVG scales to the width of the
// card (a phone's 390 px or a tablet's), keeping its 3:1 shape. The pad keeps the dots inside.
const WIDTH = 300;
const HEIGHT = 100;
const PAD = 8;
/** Past this many readings the picture's description summarises them; the table lists every one. */
const SAID_ONE_BY_ONE = 12;

/** "16 cm": a value with the unit it was recorded in. */
export function withUnit(value: number, unit: string): string {
  return unit ? `${value} ${unit}` : String(value);
}

/** The time of a reading: "02:14" on the day of `reference`, with the date on another day ("07-13 23:50"). */
export function readingTime(at: number, reference: number): string {
  return format(at, new Date(at).toDateString() === new Date(reference).toDateString() ? 'HH:mm' : 'MM-dd HH:mm');
}

/**
 * A small trend of one measurement's readings, drawn by the app from `trendLine` (the report
 * draws the same line). The picture is described in words for screen readers; the axis labels
 * are text beside it, so they grow with the text size instead of shrinking with the picture.
 */
export function TrendChart({ readings, label, alarm }: { readings: readonly MeasurementEntry[]; label: string; alarm: boolean }) {
  const t = useText(messages);
  const line = trendLine(readings, WIDTH, HEIGHT, PAD);
  const last = readings[readings.length - 1];
  if (!line || !last) return null;
  const unit = last.unit;
  const time = (at: number) => readingTime(at, line.to);
  const points = line.points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  const words =
    readings.length <= SAID_ONE_BY_ONE
      ? readings.map((r) => t('measure.chart.reading', { value: withUnit(r.value, r.unit), time: time(r.at) })).join(t('measure.chart.separator'))
      : t('measure.chart.many', {
          count: readings.length,
          first: time(line.from),
          last: time(line.to),
          min: withUnit(line.min, unit),
          max: withUnit(line.max, unit),
          latest: withUnit(last.value, unit),
        });
  return (
    <figure className={`trend${alarm ? ' alarm' : ''}`}>
      <div className="trend-plot">
        <div className="trend-values" aria-hidden="true">
          <span>{withUnit(line.max, unit)}</span>
          <span>{withUnit(line.min, unit)}</span>
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('measure.chart', { label, readings: words })} data-testid="trend-chart">
          <rect className="trend-box" x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} />
          {points.length > 1 ? <polyline className="trend-line" points={line.points} /> : null}
          {points.map(([x, y], i) => (
            <circle key={readings[i]?.eventId ?? i} className="trend-point" cx={x} cy={y} r="4.5" />
          ))}
        </svg>
        <div className="trend-times" aria-hidden="true">
          <span>{time(line.from)}</span>
          {line.to !== line.from ? <span>{time(line.to)}</span> : null}
        </div>
      </div>
    </figure>
  );
}
