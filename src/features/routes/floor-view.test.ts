import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { floorView } from './floor-view';

describe('a floor page', () => {
  it('shows what the plan says about the floor itself before its routes, in the plan’s language', () => {
    const playbook = samplePlaybook();
    const building = playbook.buildings?.[0];
    const floor = building?.floors[0];
    if (!building || !floor) throw new Error('the sample has no floor');
    floor.notes = 'Never take the car lift: it stops at the flooded ramp.';
    const view = floorView(playbook, building.id, floor.id);
    expect(view?.floorNotes).toEqual({ title: 'On this floor', text: 'Never take the car lift: it stops at the flooded ramp.' });

    const zh = floorView({ ...playbook, language: 'zh-CN' }, building.id, floor.id);
    expect(zh?.floorNotes?.title).toBe('本层须知');
  });

  it('has no floor notes section when the plan says nothing about the floor', () => {
    const playbook = samplePlaybook();
    const building = playbook.buildings?.[0];
    const floor = building?.floors[1];
    if (!building || !floor) throw new Error('the sample has no second floor');
    delete floor.notes;
    expect(floorView(playbook, building.id, floor.id)?.floorNotes).toBeUndefined();
  });
});
