import { describe, expect, it } from 'vitest';
import { comparePlaybookTwins, validatePlaybook } from '../../src/domain/playbook/validate';
import { loadPlaybook, readScenario, SHIPPED } from './support';

describe('the playbooks shipped in scenarios/', () => {
  it.each(SHIPPED)('%s passes the validator and points editors at the schema', (name) => {
    const json = readScenario(name);
    const result = validatePlaybook(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect((json as Record<string, unknown>).$schema).toBe('./playbook.schema.json');
  });

  it.each(SHIPPED)('%s is named after its kind and language', (name) => {
    const p = loadPlaybook(name);
    expect(name).toBe(`${p.kind}.${p.language}.json`);
  });

  it.each([
    ['fire.zh-CN.json', 'fire.en.json'],
    ['flood.zh-CN.json', 'flood.en.json'],
  ])('%s and %s are twins: same id and version, every id and owner the same', (zhName, enName) => {
    const zh = loadPlaybook(zhName);
    const en = loadPlaybook(enName);
    expect(en.id).toBe(zh.id);
    expect(en.version).toBe(zh.version);
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    expect(comparePlaybookTwins(en, zh)).toEqual([]);
  });

  it('gives the flood and fire playbooks different ids', () => {
    expect(loadPlaybook('flood.zh-CN.json').id).not.toBe(loadPlaybook('fire.zh-CN.json').id);
  });
});

describe('the four shipped files are version 1 files, and stay so', () => {
  it.each(SHIPPED)('%s says no schema version and is read as version 2 without a word changed', (name) => {
    const json = readScenario(name) as Record<string, unknown>;
    expect(json).not.toHaveProperty('schemaVersion');
    const p = loadPlaybook(name);
    expect(p.schemaVersion).toBe(2);
    const steps = (json.phases as { steps: { id: string; text: string; targetMinutes?: number }[] }[]).flatMap((ph) => ph.steps);
    expect(p.phases.flatMap((ph) => ph.steps).map((s) => [s.id, s.text, s.target?.minutes])).toEqual(steps.map((s) => [s.id, s.text, s.targetMinutes]));
    const routes = ((json.buildings ?? []) as { floors: { routes: { instruction: string }[] }[] }[]).flatMap((b) => b.floors.flatMap((f) => f.routes));
    const migrated = (p.buildings ?? []).flatMap((b) => b.floors.flatMap((f) => f.routes));
    expect(migrated.map((r) => [r.instruction, r.legs?.[0]?.text])).toEqual(routes.map((r) => [r.instruction, r.instruction]));
  });
});

describe('the example building in scenarios/examples/', () => {
  const EXAMPLES = ['riverside.zh-CN.json', 'riverside.en.json'] as const;

  it.each(EXAMPLES)('%s is a valid version 2 playbook that points editors at the schema', (name) => {
    const json = readScenario(`examples/${name}`) as Record<string, unknown>;
    const result = validatePlaybook(json);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(json.$schema).toBe('../playbook.schema.json');
    expect(json.schemaVersion).toBe(2);
  });

  it('is a pair of twins', () => {
    const zh = loadPlaybook('examples/riverside.zh-CN.json');
    const en = loadPlaybook('examples/riverside.en.json');
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
    expect(comparePlaybookTwins(en, zh)).toEqual([]);
  });

  it('has what real buildings have: basements, a mezzanine, a refuge, a conditional route, a two-leg route, teams without a leader post', () => {
    const p = loadPlaybook('examples/riverside.en.json');
    const floors = p.buildings?.[0]?.floors ?? [];
    expect(floors.filter((f) => f.order < 0).length).toBe(2);
    expect(floors.some((f) => !Number.isInteger(f.order))).toBe(true);
    const routes = floors.flatMap((f) => f.routes);
    expect(routes.some((r) => r.stay !== undefined && r.kind === 'step-free')).toBe(true);
    expect(routes.some((r) => r.when !== undefined)).toBe(true);
    expect(routes.some((r) => (r.legs?.length ?? 0) >= 2)).toBe(true);
    expect(p.command.groups.filter((g) => !g.leader).length).toBeGreaterThanOrEqual(3);
    expect(floors.some((f) => f.rules?.some((r) => r.severity === 'danger'))).toBe(true);
  });
});
