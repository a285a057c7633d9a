import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import type { MusterEvent } from '../../domain/event';
import { reduceIncident } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { MeasurementsPanel } from './MeasurementsPanel';

// The app's language comes from the browser's when the session store is made; server rendering
// reads that first state, so the test fixes it to English before anything is imported (the
// Chinese wording is checked in test/e2e/measurements.e2e.ts).
vi.hoisted(() => Object.defineProperty(globalThis, 'navigator', { value: { language: 'en', languages: ['en'] }, configurable: true }));

// What the readings say on the incident, read from the markup a phone would show: the latest
// reading, the rise warning in the plan's words, the trend's points and every reading listed.

const T0 = Date.UTC(2026, 6, 13, 18, 10);
let n = 0;
function ev(type: MusterEvent['type'], payload: unknown, minute: number): MusterEvent {
  n += 1;
  return {
    id: `0198e000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: 'Wang on duty',
    hlc: `${String(T0 + minute * 60_000).padStart(15, '0')}-0000-phone-a`,
    type,
    payload,
    v: 1,
  } as MusterEvent;
}
const declared = ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'real', title: 'Water at the door', place: '1F' }, 0);
const door = (value: number, minute: number, place?: string) =>
  ev('measurement.recorded', { measureId: 'water.door', value, unit: 'cm', ...(place ? { place } : {}) }, minute);

const measuring: Playbook = {
  ...samplePlaybook(),
  measurements: [
    { id: 'water.door', label: 'Water at the door', unit: 'cm', place: 'Main entrance', riseWarning: { amount: 10, minutes: 30 } },
    { id: 'water.vault', label: 'Water in the vault', unit: 'cm' },
  ],
};

function render(events: readonly MusterEvent[], opts: { playbook?: Playbook; readOnly?: boolean } = {}): string {
  return renderToStaticMarkup(
    <MeasurementsPanel
      incident={reduceIncident('inc-1', events)}
      playbook={opts.playbook ?? measuring}
      now={T0 + 60 * 60_000}
      readOnly={opts.readOnly ?? false}
    />,
  );
}

/** The text of the first element with `data-testid="id"` (its tags stripped). */
function testId(html: string, id: string): string | null {
  const match = new RegExp(`data-testid="${id.replace(/\./g, '\\.')}"[^>]*>([\\s\\S]*?)</(p|section|svg)>`).exec(html);
  return match ? (match[1] ?? '').replace(/<[^>]+>/g, '') : null;
}

describe('the readings on the incident', () => {
  it('a playbook that measures nothing shows nothing, not an empty box', () => {
    expect(render([declared], { playbook: { ...samplePlaybook(), measurements: [] } })).toBe('');
    const { measurements: _, ...none } = measuring;
    expect(render([declared], { playbook: none })).toBe('');
  });

  it('before any reading: each measurement, its place and unit, and the entry, but no trend', () => {
    const html = render([declared]);
    expect(html).toContain('Water at the door');
    expect(html).toContain('Main entrance');
    expect(testId(html, 'measure-latest-water.door')).toBe('No reading yet · Unit: cm');
    expect(html).toContain('inputMode="decimal"');
    expect(html).not.toContain('data-testid="trend-chart"');
    expect(html).not.toContain('measure-rise');
  });

  it('5, 9 and 16 cm in 24 minutes: the latest with time and person, the warning in the plan’s words, three points', () => {
    const html = render([declared, door(5, 1), door(9, 11), door(16, 25)]);
    expect(testId(html, 'measure-latest-water.door')).toMatch(/^Latest: 16 cm · \d\d:\d\d, Wang on duty$/);
    expect(testId(html, 'measure-rise-water.door')).toBe('Rising fast: +11 cm in 24 min (plan: 10 cm in 30 min)');
    expect(html.match(/class="trend-point"/g)).toHaveLength(3);
    expect(html).toMatch(/role="img" aria-label="Trend of Water at the door: 5 cm at \d\d:\d\d; 9 cm at \d\d:\d\d; 16 cm at \d\d:\d\d"/);
    expect(html.match(/data-testid="measure-reading"/g)).toHaveLength(3);
    // The vault has no threshold and no reading.
    expect(testId(html, 'measure-latest-water.vault')).toBe('No reading yet · Unit: cm');
  });

  it('a reading taken elsewhere says where', () => {
    const html = render([declared, door(12, 1, 'Side door')]);
    expect(testId(html, 'measure-latest-water.door')).toMatch(/^Latest: 12 cm · \d\d:\d\d, Wang on duty \(at Side door\)$/);
  });

  it('a struck reading leaves the trend and the warning but stays listed, crossed out with the reason', () => {
    const typo = door(160, 25);
    const html = render([declared, door(5, 1), door(9, 11), typo, ev('entry.struck', { targetId: typo.id, reason: 'one zero too many' }, 26)]);
    expect(html).not.toContain('measure-rise');
    expect(html.match(/class="trend-point"/g)).toHaveLength(2);
    expect(html.match(/data-testid="measure-reading"/g)).toHaveLength(3);
    expect(html).toContain('struck-value">160 cm');
    expect(html).toContain('struck out: one zero too many');
  });

  it('read only (a closed incident, head office): readings, trend and warning, no entry and no strike', () => {
    const html = render([declared, door(5, 1), door(16, 20)], { readOnly: true });
    expect(html).not.toContain('<form');
    expect(html).not.toContain('Strike out');
    expect(testId(html, 'measure-rise-water.door')).toBe('Rising fast: +11 cm in 19 min (plan: 10 cm in 30 min)');
  });
});
