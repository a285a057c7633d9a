import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../domain/event';
import { reduceIncident } from '../../domain/incident';
import { Headcount } from './Headcount';

// What the people tab says at a glance. An empty roster must never read as "all clear".

const at = (n: number): string => `${String(1784080800000 + n).padStart(15, '0')}-0000-phone-a`;
const event = (n: number, type: string, payload: unknown): MusterEvent =>
  ({
    id: `0198e000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: at(n),
    type,
    payload,
    v: 1,
  }) as MusterEvent;

function summary(events: readonly MusterEvent[]): { text: string; className: string } {
  const html = renderToStaticMarkup(<Headcount incident={reduceIncident('inc-1', events)} readOnly />);
  const match = /<p class="([^"]+)" role="status" data-testid="headcount-summary">(.*?)<\/p>/.exec(html);
  return { className: match?.[1] ?? '', text: (match?.[2] ?? '').replace(/<br\/>/g, ' | ') };
}

describe('the headcount summary', () => {
  it('says an empty roster is empty and nobody is counted, not that everyone is accounted for', () => {
    const { text, className } = summary([]);
    expect(text).toMatch(/^The roster is empty: nobody has been counted yet/);
    expect(text).not.toMatch(/Everyone/);
    expect(className).toBe('alarm-box');
  });

  it('says who is missing first, and all clear only when everyone on a roster is counted', () => {
    const roster = event(1, 'roster.added', { people: ['A', 'B'] });
    expect(summary([roster]).text).toMatch(/^Not accounted for: 2/);
    const safe = (n: number, person: string) => event(n, 'person.accounted', { person, status: 'safe' });
    expect(summary([roster, safe(2, 'A')]).className).toBe('alarm-box');
    const all = summary([roster, safe(2, 'A'), safe(3, 'B')]);
    expect(all.text).toMatch(/^Everyone on the roster is accounted for/);
    expect(all.className).toBe('ok-box');
  });
});
