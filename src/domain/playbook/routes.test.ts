import { describe, expect, it } from 'vitest';
import { floorsInOrder, hasRoutes, routeBuildings, routesForFloor } from './routes';
import type { Playbook } from './schema';
import { samplePlaybook } from '#fixtures/sample-playbook';

describe('routesForFloor', () => {
  it('shows the primary route first, with its stairway and assembly point looked up', () => {
    const routes = routesForFloor(samplePlaybook(), 'main', 'floor-2');
    expect(routes?.map((r) => r.route.id)).toEqual(['primary', 'alternate']);
    expect(routes?.[0]).toMatchObject({
      building: { id: 'main' },
      floor: { id: 'floor-2', label: 'Floor 2' },
      route: { instruction: 'Go down by the central staircase.' },
      legs: [{ leg: { kind: 'stairs', direction: 'down' }, stairway: { id: 'central-staircase', name: 'Central staircase' } }],
      assemblyPoint: { id: 'car-park', location: 'North side of the building' },
    });
  });

  it('leaves the stairway out when the route says "the nearest exit"', () => {
    const [route] = routesForFloor(samplePlaybook(), 'main', 'floor-1') ?? [];
    expect(route?.legs[0]?.leg.nearest).toBe('exit');
    expect(route?.legs[0]).not.toHaveProperty('stairway');
    expect(route?.assemblyPoint?.name).toBe('Car park');
  });

  it('leaves the assembly point out when the playbook sets none', () => {
    const [route] = routesForFloor(samplePlaybook(), 'annex', 'floor-1') ?? [];
    expect(route?.legs[0]?.stairway?.name).toBe('West fire escape');
    expect(route).not.toHaveProperty('assemblyPoint');
  });

  it('tells an unknown building or floor (an old QR code) from a known one', () => {
    expect(routesForFloor(samplePlaybook(), 'main', 'floor-9')).toBeUndefined();
    expect(routesForFloor(samplePlaybook(), 'tower', 'floor-1')).toBeUndefined();
    const noBuildings = samplePlaybook();
    delete noBuildings.buildings;
    expect(routesForFloor(noBuildings, 'main', 'floor-1')).toBeUndefined();
  });
});

describe('which playbooks have routes', () => {
  it('is decided by buildings with floors, not by the kind of plan', () => {
    const flood: Playbook = { ...samplePlaybook(), kind: 'flood' };
    expect(hasRoutes(flood)).toBe(true);
    expect(routeBuildings(flood).map((b) => b.id)).toEqual(flood.buildings?.map((b) => b.id));
    const unmappedFire: Playbook = { ...samplePlaybook(), kind: 'fire' };
    delete unmappedFire.buildings;
    expect(hasRoutes(unmappedFire)).toBe(false);
  });

  it('leaves out a building with no floors', () => {
    const p = samplePlaybook();
    const [first, ...rest] = p.buildings ?? [];
    p.buildings = [{ ...first!, floors: [] }, ...rest];
    expect(routeBuildings(p).map((b) => b.id)).toEqual(rest.map((b) => b.id));
    p.buildings = [{ ...first!, floors: [] }];
    expect(hasRoutes(p)).toBe(false);
  });
});

describe('floorsInOrder', () => {
  it('lists floors from the bottom up by their order, a mezzanine between its floors, ties in file order', () => {
    const floor = (id: string, order: number) => ({ id, label: id.toUpperCase(), order, routes: [] });
    const building = { floors: [floor('2', 2), floor('b1', -1), floor('2m', 1.5), floor('1', 1), floor('b2', -2), floor('1a', 1)] };
    expect(floorsInOrder(building).map((f) => f.id)).toEqual(['b2', 'b1', '1', '1a', '2m', '2']);
    expect(building.floors.map((f) => f.id)).toEqual(['2', 'b1', '2m', '1', 'b2', '1a']);
  });
});
