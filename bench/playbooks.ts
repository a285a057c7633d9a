import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaybookText, validatePlaybook } from '../src/domain/playbook/validate';
import { median } from './measure';

const SCENARIOS = join(import.meta.dirname, '..', 'scenarios');

/** A large but valid playbook: the shipped fire plan grown to 200 floors and 50 roles. */
export function generatedPlaybook(floors: number, roles: number): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(SCENARIOS, 'fire.en.json'), 'utf8')) as Record<string, unknown> & {
    command: { roles?: unknown[] };
    buildings: { floors: unknown[] }[];
  };
  const building = base.buildings[0] as { id: string; name: string; floors: { routes: unknown[] }[] };
  const template = building.floors[building.floors.length - 1]!;
  const tower = {
    id: 'tower',
    name: 'Generated tower',
    floors: Array.from({ length: floors }, (_, i) => ({ ...template, id: `gen-${i}`, label: `G${i}`, level: i - 5 })),
  };
  const extraRoles = Array.from({ length: roles }, (_, i) => ({ id: `gen-role-${i}`, title: `Generated role ${i}`, duties: ['Stand by'] }));
  return {
    ...base,
    id: 'generated',
    command: { ...base.command, roles: [...(base.command.roles ?? []), ...extraRoles] },
    buildings: [...base.buildings, tower],
  };
}

export function benchPlaybooks(): { validateShippedPlaybooksMs: number; validate200Floors50RolesMs: number } {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json') && f !== 'playbook.schema.json');
  const texts = files.map((f) => ({ f, text: readFileSync(join(SCENARIOS, f), 'utf8') }));
  const shipped: number[] = [];
  for (let r = 0; r < 10; r++) {
    const start = performance.now();
    for (const { f, text } of texts) {
      if (!parsePlaybookText(text, f).ok) throw new Error(`${f} is not valid`);
    }
    shipped.push(performance.now() - start);
  }
  const big = generatedPlaybook(200, 50);
  const large: number[] = [];
  for (let r = 0; r < 10; r++) {
    const start = performance.now();
    const result = validatePlaybook(big);
    large.push(performance.now() - start);
    if (!result.ok) throw new Error(`generated playbook invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  }
  return { validateShippedPlaybooksMs: median(shipped), validate200Floors50RolesMs: median(large) };
}
