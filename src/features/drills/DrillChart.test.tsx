import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DrillRun } from '../../domain/drills';
import { DrillChart } from './DrillChart';

// The session's language is read from the browser when its store is made: English here (the
// Chinese wording is checked in test/e2e/drills.e2e.ts).
vi.hoisted(() => Object.defineProperty(globalThis, 'navigator', { value: { language: 'en', languages: ['en'] }, configurable: true }));

const run = (at: string, first: number | null, headcount: number | null, overdue: number): DrillRun => ({
  incidentId: `inc-${at}`,
  title: `Drill ${at}`,
  at: Date.parse(`${at}T02:00:00Z`),
  closed: true,
  firstStepMinutes: first,
  headcountMinutes: headcount,
  headcountTotal: headcount === null ? 0 : 12,
  overdueSteps: overdue,
  missedSteps: 0,
  skippedSteps: 0,
  revisions: [],
});

describe('the drill chart', () => {
  it('March and September: two points per line, a bar for the 2 overdue steps of March, every number said in words', () => {
    const html = renderToStaticMarkup(<DrillChart runs={[run('2026-03-10', 4, 18, 2), run('2026-09-08', 2, 11, 0)]} />);
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html.match(/class="series-headcount" x=/g)).toHaveLength(2);
    expect(html.match(/class="series-overdue" x=/g)).toHaveLength(1);
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html).toMatch(/Chart comparing 2 drills: 10 Mar 2026: first step 4 min, everyone accounted for 18 min, steps overdue 2; 8 Sept? 2026/);
    // The minutes scale is rounded up to 20; the bars' top is the most overdue steps.
    expect(html).toContain('>20 min<');
    expect(html).toContain('class="drill-chart-bars-top">2<');
  });

  it('no overdue step in any drill: no bars band, no legend for it', () => {
    const html = renderToStaticMarkup(<DrillChart runs={[run('2026-03-10', 4, null, 0)]} />);
    expect(html).not.toContain('series-overdue');
    expect(html).toContain('viewBox="0 0 300 92"');
    expect(html).toContain('no headcount');
  });

  it('a drill with no step done breaks the line instead of joining across it', () => {
    const html = renderToStaticMarkup(<DrillChart runs={[run('2026-01-10', 4, 9, 0), run('2026-03-10', null, 8, 0), run('2026-06-10', 5, 7, 0)]} />);
    expect(html.match(/<polyline class="series-first"/g)).toBeNull();
    expect(html.match(/<polyline class="series-headcount"/g)).toHaveLength(1);
  });
});
