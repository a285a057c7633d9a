import type { DrillRun } from '../../domain/drills';
import { useLanguage, useText } from '../../ui/text';
import { dateWords } from './due-words';
import { messages } from './messages';
import { messages as reportMessages } from '../../domain/report/messages';

// The chart's own box, in SVG units; the picture scales to the card's width and keeps this
// shape. Minutes are drawn in the upper band, overdue steps as bars in the lower one: two
// quantities of different units, each on its own scale, never one axis pretending to serve both.
const WIDTH = 300;
const MINUTES_TOP = 6;
const MINUTES_BOTTOM = 86;
const BARS_TOP = 100;
const BARS_BOTTOM = 128;
const HEIGHT = 134;
/** Without overdue steps in any drill the bars band is left out: the picture ends under the minutes. */
const HEIGHT_WITHOUT_BARS = MINUTES_BOTTOM + 6;
const PAD_X = 14;
const BAR_WIDTH = 10;

/** The x of drill `i` of `n`: spread evenly, one drill in the middle. */
function xOf(i: number, n: number): number {
  return n <= 1 ? WIDTH / 2 : PAD_X + (i * (WIDTH - 2 * PAD_X)) / (n - 1);
}

/** A round top for the minutes scale: 5, 10, 15, 20, 30, 45, 60, then whole hours. */
function niceTop(max: number): number {
  for (const step of [5, 10, 15, 20, 30, 45, 60]) if (max <= step) return step;
  return Math.ceil(max / 60) * 60;
}

/** Polyline segments of a series, broken where a drill has no value (nothing to join across). */
function segments(values: readonly (number | null)[], y: (v: number) => number, n: number): string[] {
  const out: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) out.push(current.join(' '));
      current = [];
    } else current.push(`${xOf(i, n).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length > 1) out.push(current.join(' '));
  return out;
}

/**
 * Drill against drill over time, drawn by the app: minutes to the first step done and to
 * everyone accounted for (two lines), and the overdue steps of each drill (bars). The picture
 * is described in words for screen readers; every number is also in the table under it, and
 * the axis words are text beside it, so they grow with the text size.
 */
export function DrillChart({ runs }: { runs: readonly DrillRun[] }) {
  const t = useText(messages, reportMessages);
  const language = useLanguage();
  const n = runs.length;
  if (n === 0) return null;
  const first = runs.map((r) => r.firstStepMinutes);
  const headcount = runs.map((r) => r.headcountMinutes);
  const top = niceTop(Math.max(1, ...first.map((v) => v ?? 0), ...headcount.map((v) => v ?? 0)));
  const mostOverdue = Math.max(0, ...runs.map((r) => r.overdueSteps));
  const overdueTop = Math.max(1, mostOverdue);
  const bars = mostOverdue > 0;
  const yMinutes = (v: number) => MINUTES_BOTTOM - (v / top) * (MINUTES_BOTTOM - MINUTES_TOP);
  const barHeight = (v: number) => (v / overdueTop) * (BARS_BOTTOM - BARS_TOP);
  const minutes = (v: number | null, none: string) => (v === null ? none : t('minutes', { minutes: v }));
  const words = runs
    .map((r) =>
      t('drills.chart.drill', {
        date: dateWords(language, r.at),
        first: minutes(r.firstStepMinutes, t('drills.first.none')),
        headcount: minutes(
          r.headcountMinutes,
          r.headcountTotal === 0 ? t('drills.headcount.none') : t('drills.headcount.incomplete', { total: r.headcountTotal }),
        ),
        overdue: r.overdueSteps,
      }),
    )
    .join(t('drills.chart.separator'));
  const last = runs[n - 1];
  return (
    <figure className="drill-chart">
      <ul className="drill-chart-legend" aria-hidden="true">
        <li className="series-first">{t('drills.col.first')}</li>
        <li className="series-headcount">{t('drills.col.headcount')}</li>
        {bars ? <li className="series-overdue">{t('drills.chart.overdueAxis')}</li> : null}
      </ul>
      <div className="drill-chart-plot">
        <div className={bars ? 'drill-chart-axis with-bars' : 'drill-chart-axis'} aria-hidden="true">
          <span>{t('minutes', { minutes: top })}</span>
          <span>0</span>
          {bars ? <span className="drill-chart-bars-top">{mostOverdue}</span> : null}
        </div>
        <svg
          viewBox={`0 0 ${WIDTH} ${bars ? HEIGHT : HEIGHT_WITHOUT_BARS}`}
          role="img"
          aria-label={t('drills.chart', { count: n, drills: words })}
          data-testid="drill-chart"
        >
          <rect className="drill-chart-box" x="0.5" y="0.5" width={WIDTH - 1} height={MINUTES_BOTTOM + 4} />
          {bars ? <line className="drill-chart-base" x1="0" x2={WIDTH} y1={BARS_BOTTOM} y2={BARS_BOTTOM} /> : null}
          {segments(first, yMinutes, n).map((points) => (
            <polyline key={`f${points}`} className="series-first" points={points} />
          ))}
          {segments(headcount, yMinutes, n).map((points) => (
            <polyline key={`h${points}`} className="series-headcount" points={points} />
          ))}
          {runs.map((r, i) => (
            <g key={r.incidentId}>
              {r.firstStepMinutes !== null ? <circle className="series-first" cx={xOf(i, n)} cy={yMinutes(r.firstStepMinutes)} r="4.5" /> : null}
              {r.headcountMinutes !== null ? (
                <rect className="series-headcount" x={xOf(i, n) - 4} y={yMinutes(r.headcountMinutes) - 4} width="8" height="8" />
              ) : null}
              {r.overdueSteps > 0 ? (
                <rect
                  className="series-overdue"
                  x={Math.min(WIDTH - BAR_WIDTH, Math.max(0, xOf(i, n) - BAR_WIDTH / 2))}
                  y={BARS_BOTTOM - barHeight(r.overdueSteps)}
                  width={BAR_WIDTH}
                  height={barHeight(r.overdueSteps)}
                />
              ) : null}
            </g>
          ))}
        </svg>
        <div className="drill-chart-dates" aria-hidden="true">
          <span>{dateWords(language, runs[0]?.at ?? 0)}</span>
          {n > 1 && last ? <span>{dateWords(language, last.at)}</span> : null}
        </div>
      </div>
    </figure>
  );
}
