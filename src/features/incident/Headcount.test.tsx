import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../domain/event';
import { reduceIncident } from '../../domain/incident';
import { reduceRoster } from '../../domain/roster';
import { HeadcountView } from './Headcount';

// What the people tab says at a glance. An empty roster must never read as "all clear".

const at = (n: number, device = 'phone-a'): string => `${String(1784080800000 + n * 60_000).padStart(15, '0')}-0000-${device}`;
const event = (n: number, type: string, payload: unknown, actor = '王值班', deviceId = 'phone-a', streamId = 'inc-1'): MusterEvent =>
  ({
    id: `0198e000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    streamId,
    deviceId,
    actor,
    hlc: at(n, deviceId),
    type,
    payload,
    v: 1,
  }) as MusterEvent;

const branchRoster = reduceRoster([
  event(1, 'roster.personSet', { personId: 'p-wang', name: '王伟', floor: '3F', assemblyPoint: '北广场' }, '安全员', 'office', 'roster'),
  event(2, 'roster.personSet', { personId: 'p-li', name: '李娜', floor: '1F', assemblyPoint: '北广场' }, '安全员', 'office', 'roster'),
  event(3, 'roster.personSet', { personId: 'p-sun', name: '孙强', floor: '3F', assemblyPoint: '南门' }, '安全员', 'office', 'roster'),
]);
const linked = event(10, 'roster.linked', { people: branchRoster.people.map(({ set: _, ...p }) => p) });

function render(events: readonly MusterEvent[], opts: { readOnly?: boolean; roster?: typeof branchRoster | null } = {}): string {
  return renderToStaticMarkup(<HeadcountView incident={reduceIncident('inc-1', events)} readOnly={opts.readOnly ?? false} roster={opts.roster ?? null} />);
}

function summary(events: readonly MusterEvent[]): { text: string; className: string } {
  const html = render(events, { readOnly: true });
  const match = /<p class="([^"]+)" role="status" data-testid="headcount-summary">(.*?)<\/p>/.exec(html);
  return { className: match?.[1] ?? '', text: (match?.[2] ?? '').replace(/<br\/>/g, ' | ') };
}

/** The text of the element with `data-testid="id"` (its tags stripped). */
function textOf(html: string, testId: string): string[] {
  return [...html.matchAll(new RegExp(`data-testid="${testId}"[^>]*>(.*?)</(p|button|li)>`, 'g'))].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
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

describe('counting against the branch roster', () => {
  it('offers the branch roster in one tap while the incident has not linked it, and not after', () => {
    expect(textOf(render([], { roster: branchRoster }), 'link-roster')).toEqual(['Count against the branch roster (3 people)']);
    expect(textOf(render([linked], { roster: branchRoster }), 'link-roster')).toEqual([]);
    expect(textOf(render([], { roster: null }), 'link-roster')).toEqual([]);
    // Head office reads the incident: nothing to tap.
    expect(textOf(render([], { roster: branchRoster, readOnly: true }), 'link-roster')).toEqual([]);
  });

  it('offers only the people added to the branch roster since it was linked', () => {
    const partial = event(10, 'roster.linked', { people: [{ personId: 'p-wang', name: '王伟' }] });
    expect(textOf(render([partial], { roster: branchRoster }), 'link-roster')).toEqual(['Add the 2 people new on the branch roster']);
  });

  it('groups people by floor, those not accounted for first, with the count of each floor', () => {
    const html = render([linked, event(11, 'person.accounted', { person: '王伟', personId: 'p-wang', status: 'safe', via: 'scan' })]);
    const floors = [...html.matchAll(/data-testid="group-([^"]*)"/g)].map((m) => m[1]);
    expect(floors).toEqual(['1F', '3F']);
    const threeF = html.slice(html.indexOf('data-testid="group-3F"'));
    expect(threeF.indexOf('person-p-sun')).toBeLessThan(threeF.indexOf('person-p-wang'));
    expect(threeF).toContain('1 of 2 not accounted for');
    expect(html).toContain('scanned by 王值班');
  });

  it('shows where a missing person was last seen, and a person counted twice by two counters', () => {
    const html = render([
      linked,
      event(11, 'person.accounted', { person: '孙强', personId: 'p-sun', status: 'missing', floor: '3F' }, '赵保安', 'phone-b'),
      event(12, 'person.accounted', { person: '王伟', personId: 'p-wang', status: 'safe', via: 'scan' }),
      event(13, 'person.accounted', { person: '王伟', status: 'safe' }, '钱主任', 'tablet'),
    ]);
    expect(textOf(html, 'last-seen')).toEqual([expect.stringMatching(/^Last seen on floor 3F \(赵保安, .*2026.*\)$/) as string]);
    expect(textOf(html, 'reported-twice')).toEqual([expect.stringMatching(/^Counted twice: 王值班 .*; 钱主任 /) as string]);
  });

  it('lists visitors and contractors apart from staff, with what they are', () => {
    const html = render([
      linked,
      event(11, 'roster.added', { people: ['快递员'], kind: 'visitor' }),
      event(12, 'roster.added', { people: ['电工老周'], kind: 'contractor' }),
    ]);
    const visitors = html.slice(html.indexOf('data-testid="visitors"'));
    expect(visitors).toContain('person-快递员');
    expect(visitors).toContain('Contractor');
    expect(html.indexOf('person-快递员')).toBeGreaterThan(html.indexOf('data-testid="visitors"'));
  });

  it('warns that a name typed before the roster was linked may be a roster person', () => {
    const html = render([event(9, 'roster.added', { people: ['王伟'] }), linked]);
    expect(textOf(html, 'possible-duplicate')).toContain('May be the same person as 王伟 (3F)');
  });

  it('read only (head office, a closed incident): no buttons that write', () => {
    const html = render([linked], { readOnly: true, roster: branchRoster });
    expect(html).not.toContain('roster-input');
    expect(html).not.toContain('scan-start');
    expect(html).not.toMatch(/<button[^>]*>Safe</);
  });
});
