import { describe, expect, it } from 'vitest';
import type { MusterEvent } from '../event';
import { campaignEvent as ev, campaignPlaybook, STARTED } from './fixtures.test-support';
import { daysBetween, missingBeforeDeadline } from './missing';
import { reduceCampaign, type CampaignState } from './state';

const playbook = campaignPlaybook();
const SECTIONS = playbook.campaign?.reportContents.map((s) => s.id) ?? [];

function state(events: readonly MusterEvent[]): CampaignState {
  const s = reduceCampaign([ev('campaign.started', STARTED, 0), ...events]);
  if (!s) throw new Error('no campaign');
  return s;
}

const report = (unitId: string, minute: number) => ev('campaign.unitStatus', { unitId, status: 'reported' }, minute);
const allUnitsReport = () => STARTED.units.map((u, i) => report(u.unitId, 50 + i));
const triggersAndPath = () => [
  ev('campaign.triggerSet', { entryId: 't-near', horizon: 'near', description: '一季度到期贷款集中' }, 60),
  ev('campaign.triggerSet', { entryId: 't-long', horizon: 'long', description: '房地产下行' }, 61),
  ev('campaign.pathSet', { entryId: 'p1', description: '担保圈代偿', cutOff: '压降互保' }, 62),
];
const allSections = () => SECTIONS.map((sectionId, i) => ev('campaign.findingsSet', { sectionId, text: `第${i + 1}部分` }, 70 + i));

describe('what is still missing before the deadline (3/20)', () => {
  it('on the first day: 5 days left, every unit, category, dimension, trigger, path and section missing', () => {
    const m = missingBeforeDeadline(state([]), playbook, '2027-03-15');
    expect([m.daysLeft, m.overdue, m.submitted, m.complete]).toEqual([5, false, false, false]);
    expect(m.unitsNotReported.map((u) => [u.unitId, u.owner])).toEqual([
      ['unit.coops', '王主任'],
      ['unit.customer-managers', undefined],
      ['unit.branches', undefined],
    ]);
    expect(m.categoriesWithoutEntry).toHaveLength(7);
    expect(m.dimensionsWithoutEntry.map((d) => d.title)).toEqual(['行业风险', '区域风险', '业务品种', '客户风险']);
    expect([m.noNearTrigger, m.noLongTrigger, m.noPath]).toEqual([true, true, true]);
    expect(m.emptySections.map((s) => s.sectionId)).toEqual(SECTIONS);
  });

  it('a category with an entry from any unit is no longer missing', () => {
    const m = missingBeforeDeadline(
      state([
        ev(
          'campaign.loanSet',
          {
            entryId: 'l1',
            unitId: 'unit.branches',
            categoryId: 'loan.bridge',
            borrower: '某公司',
            amountMinor: 1,
            currentClass: 'normal',
            proposedClass: 'substandard',
            reason: '借新还旧',
          },
          5,
        ),
      ]),
      playbook,
      '2027-03-16',
    );
    expect(m.categoriesWithoutEntry.map((c) => c.categoryId)).not.toContain('loan.bridge');
    expect(m.categoriesWithoutEntry).toHaveLength(6);
  });

  it('once every unit has reported, an empty category means nothing was found, not something missing', () => {
    const m = missingBeforeDeadline(state(allUnitsReport()), playbook, '2027-03-19');
    expect(m.unitsNotReported).toEqual([]);
    expect(m.categoriesWithoutEntry).toEqual([]);
    expect(m.dimensionsWithoutEntry).toEqual([]);
    // The trigger points, paths and the written report are the office's work: units reporting does not excuse them.
    expect([m.noNearTrigger, m.noLongTrigger, m.noPath, m.complete]).toEqual([true, true, true, false]);
  });

  it('a unit that takes its report back is missing again', () => {
    const m = missingBeforeDeadline(
      state([...allUnitsReport(), ev('campaign.unitStatus', { unitId: 'unit.coops', status: 'open' }, 90)]),
      playbook,
      '2027-03-19',
    );
    expect(m.unitsNotReported.map((u) => u.unitId)).toEqual(['unit.coops']);
    expect(m.categoriesWithoutEntry).toHaveLength(7);
  });

  it('a section written only with spaces is still empty', () => {
    const m = missingBeforeDeadline(state([ev('campaign.findingsSet', { sectionId: 'content.overall', text: '  \n ' }, 5)]), playbook, '2027-03-15');
    expect(m.emptySections.map((s) => s.sectionId)).toContain('content.overall');
  });

  it('is complete when everything is in, due today on 3/20, and overdue the day after unless handed in', () => {
    const done = [...allUnitsReport(), ...triggersAndPath(), ...allSections()];
    const today = missingBeforeDeadline(state(done), playbook, '2027-03-20');
    expect([today.complete, today.daysLeft, today.overdue]).toEqual([true, 0, false]);
    const late = missingBeforeDeadline(state(done), playbook, '2027-03-22');
    expect([late.daysLeft, late.overdue]).toEqual([-2, true]);
    const handedIn = missingBeforeDeadline(state([...done, ev('campaign.submitted', { to: '风险管理经营中心' }, 100)]), playbook, '2027-03-22');
    expect([handedIn.overdue, handedIn.submitted]).toEqual([false, true]);
  });
});

describe('days between two calendar dates', () => {
  it('counts across month ends, leap days and years', () => {
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-03-20')).toBe(79);
    expect(daysBetween('2027-03-21', '2027-03-20')).toBe(-1);
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2027-02-29', '2027-3-20', '20.03.2027', '']) expect(() => daysBetween(bad, '2027-03-20')).toThrow(RangeError);
  });
});
