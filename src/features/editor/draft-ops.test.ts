import { describe, expect, it } from 'vitest';
import { playbookForm, formField } from '../../domain/playbook/form';
import { appendItem, freshId, idsIn, moveItem, newItem, referenceOptions, removeItem, setAt, valueAt } from './draft-ops';

describe('editing a draft at a path', () => {
  const draft = { title: 'Fire', buildings: [{ id: 'main', floors: [{ id: 'b1' }, { id: 'f1' }, { id: 'f2' }] }] };

  it('sets a value deep inside without touching the draft it came from', () => {
    const next = setAt(draft, ['buildings', 0, 'floors', 1, 'label'], '1F');
    expect(valueAt(next, ['buildings', 0, 'floors', 1])).toEqual({ id: 'f1', label: '1F' });
    expect(valueAt(draft, ['buildings', 0, 'floors', 1])).toEqual({ id: 'f1' });
  });

  it('an emptied optional field leaves the file instead of staying as an empty text', () => {
    const next = setAt({ title: 'Fire', hazard: 'smoke' }, ['hazard'], undefined);
    expect(next).toEqual({ title: 'Fire' });
  });

  it('moves a floor up and down, and not past either end', () => {
    const up = moveItem(draft, ['buildings', 0, 'floors'], 2, -1);
    expect((valueAt(up, ['buildings', 0, 'floors']) as { id: string }[]).map((f) => f.id)).toEqual(['b1', 'f2', 'f1']);
    expect(moveItem(draft, ['buildings', 0, 'floors'], 0, -1)).toBe(draft);
    expect(moveItem(draft, ['buildings', 0, 'floors'], 2, 1)).toBe(draft);
  });

  it('removes an item; an optional list left empty leaves the file, a required one stays empty', () => {
    const once = removeItem({ scope: ['all'] }, ['scope'], 0, true);
    expect(once).toEqual({});
    expect(removeItem({ aftermath: [{ id: 'a' }] }, ['aftermath'], 0, false)).toEqual({ aftermath: [] });
    expect(appendItem({}, ['scope'], 'all staff')).toEqual({ scope: ['all staff'] });
  });

  it('a new floor gets an id no other thing in the draft has, and the first choice of its required choices', () => {
    const building = (formField(playbookForm(), 'buildings') as { kind: 'list'; item: Parameters<typeof newItem>[0] }).item;
    const floorList = formField(building, 'floors') as { kind: 'list'; item: Parameters<typeof newItem>[0] };
    const floor = newItem(floorList.item, new Set(['floor-1', 'floor-2']));
    expect(floor).toEqual({ id: 'floor-3', routes: [] });
    const routeList = formField(floorList.item, 'routes') as { kind: 'list'; item: Parameters<typeof newItem>[0] };
    expect(newItem(routeList.item, new Set())).toEqual({ id: 'route-1', kind: 'primary' });
    expect(freshId(idsIn(draft), 'main')).toBe('main-1');
  });

  it('offers every post of the command structure as it is now, with its group, for a step owner', () => {
    const doc = {
      command: {
        headquarters: { id: 'hq', name: 'HQ', leader: { id: 'hq.leader', title: 'Leader' } },
        groups: [{ id: 'evac', name: 'Evacuation', members: [{ id: 'evac.m', title: 'Member' }], teams: [{ id: 'evac.t', name: 'Stairs team' }] }],
        roles: [{ id: 'finder', title: 'Who finds the fire' }],
      },
      stairways: [{ id: 'north', name: 'North stairs' }, { name: 'no id yet' }],
    };
    expect(referenceOptions(doc, 'person')).toEqual([
      { id: 'hq', name: 'HQ' },
      { id: 'hq.leader', name: 'HQ · Leader' },
      { id: 'evac', name: 'Evacuation' },
      { id: 'evac.m', name: 'Evacuation · Member' },
      { id: 'evac.t', name: 'Stairs team' },
      { id: 'finder', name: 'Who finds the fire' },
    ]);
    expect(referenceOptions(doc, 'stairway')).toEqual([{ id: 'north', name: 'North stairs' }]);
    expect(referenceOptions({ command: 'broken' }, 'person')).toEqual([]);
  });
});
