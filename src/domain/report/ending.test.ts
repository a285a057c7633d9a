import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type MusterEvent } from '../event';
import { formatStamp } from '../hlc';
import { reduceIncident } from '../incident';
import { playbookNames } from '../playbook/names';
import { describeEvent } from './describe';
import { overrideWhat, reportBriefing, reportOverride } from './ending';
import { reportLabels } from './labels';

const T0 = Date.UTC(2026, 10, 29, 18, 0);
function ev<K extends 'incident.declared' | 'end.confirmed'>(type: K, payload: EventPayloads[K], minute: number): MusterEvent {
  return {
    id: `e-${type}`,
    streamId: 'inc',
    deviceId: 'phone-a',
    actor: 'Li',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}
const declared = ev('incident.declared', { playbookId: 'sample-fire', playbookVersion: '1.0.0', mode: 'real', title: 'Fire', place: '' }, 0);
const names = playbookNames(samplePlaybook());

describe('an end confirmed over open items', () => {
  it('says how many people and critical steps were open, why, who and when; then every name and step in full', () => {
    const end = ev('end.confirmed', { override: { reason: 'Smoke too thick', unaccounted: ['Ann', 'Bo'], openSteps: ['step.alarm.report'] } }, 90);
    for (const [language, text, people, steps] of [
      [
        'en',
        'Ended with 2 people unaccounted for and 1 critical step open — reason: Smoke too thick; by Li, 2026-11-30 03:30:00',
        'Not accounted for when the end was confirmed: Ann, Bo',
        'Critical steps open when the end was confirmed: Report the fire.',
      ],
      [
        'zh-CN',
        '在2 人未清点到、1 个关键步骤未完成的情况下结束现场处置——原因：Smoke too thick；Li，2026-11-30 03:30:00',
        '确认结束时未清点到：Ann、Bo',
        '确认结束时未完成的关键步骤：Report the fire.',
      ],
    ] as const) {
      const labels = reportLabels(language);
      const o = reportOverride(reduceIncident('inc', [declared, end]), labels, names, 480);
      expect(o).toMatchObject({ text, unaccountedText: people, openStepsText: steps, noHeadcountText: null, by: 'Li', when: '2026-11-30 03:30:00' });
      // The timeline line carries it too, with the names in full.
      expect(describeEvent(end, labels, names, new Map())).toContain(people);
    }
    expect(reportOverride(reduceIncident('inc', [declared, ev('end.confirmed', {}, 90)]), reportLabels('en'), names, 480)).toBeNull();
  });

  it('words one person, one step, and no headcount at all', () => {
    const labels = reportLabels('en');
    expect(overrideWhat({ unaccounted: ['Ann'], openSteps: [] }, labels)).toBe('1 person unaccounted for');
    expect(overrideWhat({ unaccounted: [], openSteps: ['a', 'b'] }, labels)).toBe('2 critical steps open');
    expect(overrideWhat({ unaccounted: [], openSteps: ['a'], noHeadcount: true }, labels)).toBe('no headcount taken and 1 critical step open');
    expect(
      describeEvent(ev('end.confirmed', { override: { reason: 'r', unaccounted: [], openSteps: [], noHeadcount: true } }, 5), labels, names, new Map()),
    ).toBe('On-site end confirmed with no headcount taken — reason: r');
  });
});

describe('a handover briefing', () => {
  it('prints the eight parts of an ICS 201 in order, an empty part as none', () => {
    const b = reportBriefing(
      {
        situation: ['Water 20 cm'],
        objectives: [],
        done: ['Called 119'],
        open: ['Move boxes'],
        accounted: 12,
        missing: ['Ann'],
        resources: [],
        losses: [],
        messages: ['02:38 Li arrived'],
      },
      'Li',
      '2026-11-30 02:40:00',
      reportLabels('en'),
    );
    expect(b.title).toBe('Briefing given to Li, 2026-11-30 02:40:00 (ICS 201)');
    expect(b.parts.map((p) => [p.label, p.items])).toEqual([
      ['Situation', ['Water 20 cm']],
      ['Objectives', ['None recorded.']],
      ['Actions done', ['Called 119']],
      ['Actions open', ['Move boxes']],
      ['People', ['12 accounted for', 'not accounted for: Ann']],
      ['Resources', ['None recorded.']],
      ['Losses', ['None recorded.']],
      ['Latest messages', ['02:38 Li arrived']],
    ]);
  });
});
