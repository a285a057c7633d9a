import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { branchDrillsDue } from './branch-drills';

const ZONE = 'Asia/Shanghai';
const beijing = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 2);
const NOW = beijing(2026, 9, 20);

function declared(orgId: string, streamId: string, at: number, mode: 'real' | 'drill', playbookId = 'sample-fire'): MusterEvent & { orgId: string } {
  return {
    orgId,
    id: `e-${streamId}`,
    streamId,
    deviceId: `phone-${orgId}`,
    actor: 'Officer Zhao',
    hlc: formatStamp({ wall: at, counter: 0, deviceId: `phone-${orgId}` }),
    type: 'incident.declared',
    payload: { playbookId, playbookVersion: '2.0.0', mode, title: 'Drill', place: 'B1' },
    v: EVENT_SCHEMA_VERSION,
  };
}

const branches = [
  { orgId: 'riverside', name: 'Riverside Sub-branch' },
  { orgId: 'harbour', name: 'Harbour Sub-branch' },
  { orgId: 'hill', name: 'Hill Sub-branch' },
];

describe('drills due at the branches, from head office’s copy', () => {
  it('Riverside drilled in March (overdue by 10 days in September), Harbour in May (ok), Hill never (due now); a real fire is no drill', () => {
    const rows = branchDrillsDue(
      branches,
      [
        declared('riverside', 'inc-r1', beijing(2026, 3, 10), 'drill'),
        declared('harbour', 'inc-h1', beijing(2026, 5, 1), 'drill'),
        declared('hill', 'inc-x1', beijing(2026, 9, 1), 'real'),
      ],
      [samplePlaybook()],
      NOW,
      ZONE,
      'en',
    );
    expect(rows.map((r) => [r.orgId, r.due.map((d) => [d.status, d.daysLeft])])).toEqual([
      ['riverside', [['overdue', -10]]],
      ['hill', [['due-soon', 0]]],
    ]);
    expect(rows[0]).toMatchObject({ overdue: 1, soon: 0 });
    expect(rows[1]?.due[0]?.last).toBeNull();
  });

  it('a branch’s drill counts for that branch only', () => {
    const rows = branchDrillsDue(branches.slice(0, 2), [declared('harbour', 'inc-h1', beijing(2026, 9, 1), 'drill')], [samplePlaybook()], NOW, ZONE, 'en');
    expect(rows.map((r) => r.orgId)).toEqual(['riverside']);
  });

  it('no playbook on this device: nothing can be due', () => {
    expect(branchDrillsDue(branches, [], [], NOW, ZONE, 'en')).toEqual([]);
  });
});
