import { describe, expect, it } from 'vitest';
import { currentPlaybook, migrateV1, schemaVersionOf } from './migrate';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';

describe('reading a version 1 playbook as version 2', () => {
  it('gives, for the sample, exactly the playbook written by hand in version 2', () => {
    expect(migrateV1(samplePlaybookV1())).toEqual(samplePlaybook());
  });

  it('turns an "accessible" route into a step-free one and keeps every word of it', () => {
    const v1 = samplePlaybookV1();
    v1.buildings![0]!.floors[1]!.routes.push({
      id: 'ramp',
      kind: 'accessible',
      nearest: 'exit',
      direction: 'out',
      instruction: 'Take the ramp by the lift lobby.',
      exit: 'East door',
      notes: 'Ask the floor warden for help.',
      source: 'IV.3',
    });
    const route = migrateV1(v1).buildings![0]!.floors[1]!.routes[2];
    expect(route).toEqual({
      id: 'ramp',
      kind: 'step-free',
      instruction: 'Take the ramp by the lift lobby.',
      legs: [{ kind: 'door', nearest: 'exit', direction: 'out', text: 'Take the ramp by the lift lobby.' }],
      exit: 'East door',
      notes: 'Ask the floor warden for help.',
      source: 'IV.3',
    });
  });

  it('makes a leg through a stairway listed as an exit a door', () => {
    const v1 = samplePlaybookV1();
    v1.stairways!.push({ id: 'loading-door', name: 'Loading door', kind: 'exit' });
    v1.buildings![1]!.floors[0]!.routes[0]!.stairway = 'loading-door';
    expect(migrateV1(v1).buildings![1]!.floors[0]!.routes[0]!.legs).toEqual([
      { kind: 'door', stairway: 'loading-door', direction: 'down', text: 'Go down by the west fire escape.' },
    ]);
  });

  it('orders floors by their level, and a floor without one by its place in the file', () => {
    const v1 = samplePlaybookV1();
    v1.buildings![0]!.floors[0]!.level = -1;
    delete v1.buildings![0]!.floors[1]!.level;
    const floors = migrateV1(v1).buildings![0]!.floors;
    expect(floors.map((f) => [f.id, f.order, f.level])).toEqual([
      ['floor-1', -1, -1],
      ['floor-2', 1, undefined],
    ]);
    expect(floors[1]).not.toHaveProperty('level');
  });

  it('counts a v1 target from the start of the incident, and leaves a step without one without', () => {
    const steps = migrateV1(samplePlaybookV1()).phases[0]!.steps;
    expect(steps[0]!.target).toEqual({ minutes: 0, from: 'incident' });
    expect(steps[0]).not.toHaveProperty('targetMinutes');
    expect(steps[1]).not.toHaveProperty('target');
  });

  it('changes nothing in the file it reads', () => {
    const v1 = samplePlaybookV1();
    migrateV1(v1);
    expect(v1).toEqual(samplePlaybookV1());
  });

  it('knows a file by the version it says, 1 when it says none, and leaves version 2 as it is', () => {
    expect(schemaVersionOf(samplePlaybookV1())).toBe(1);
    expect(schemaVersionOf({ ...samplePlaybookV1(), schemaVersion: 1 })).toBe(1);
    expect(schemaVersionOf(samplePlaybook())).toBe(2);
    expect(schemaVersionOf('x')).toBe(1);
    const v2 = samplePlaybook();
    expect(currentPlaybook(v2)).toBe(v2);
    expect(currentPlaybook(samplePlaybookV1())).toEqual(samplePlaybook());
  });
});
