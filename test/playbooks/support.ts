import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Playbook } from '../../src/domain/playbook/schema';
import { routesForFloor } from '../../src/domain/playbook/routes';
import { validatePlaybook } from '../../src/domain/playbook/validate';
import type { Group, Team } from '../../src/domain/playbook/schema-command';
import type { Step } from '../../src/domain/playbook/schema';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const SHIPPED = ['fire.zh-CN.json', 'fire.en.json', 'flood.zh-CN.json', 'flood.en.json'] as const;

export function readScenario(name: string): unknown {
  return JSON.parse(readFileSync(join(repoRoot, 'scenarios', name), 'utf8'));
}

/** A shipped playbook, validated; throws with the issues if it is not valid. */
export function loadPlaybook(name: string): Playbook {
  const result = validatePlaybook(readScenario(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.playbook;
}

export function allGroups(p: Playbook): (Group | Team)[] {
  const groups = [p.command.headquarters, ...p.command.groups];
  return groups.flatMap((g) => [g, ...(g.teams ?? [])]);
}

export function groupById(p: Playbook, id: string): Group | Team {
  const found = allGroups(p).find((g) => g.id === id);
  if (!found) throw new Error(`no group ${id}`);
  return found;
}

export function stepById(p: Playbook, id: string): Step {
  const found = p.phases.flatMap((ph) => ph.steps).find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** A floor's routes in a form a table can hold: "primary: central-staircase down". */
export function routeSummary(p: Playbook, buildingId: string, floorId: string): string[] | undefined {
  return routesForFloor(p, buildingId, floorId)?.map(
    ({ route, legs }) =>
      `${route.kind}: ${legs.map(({ leg, stairway }) => `${stairway?.id ?? `nearest ${leg.nearest ?? '?'}`} ${leg.direction ?? '?'}`).join(', then ')}`,
  );
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one of our scripts the way npm will: node with tsx, from the repository root. */
export function runScript(script: string, args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
