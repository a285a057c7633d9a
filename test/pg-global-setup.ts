import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, NOT_INSTALLED, SKIP_POSTGRES_ENV, startCluster, type RunningCluster } from './server/pg-cluster-process';

let cluster: RunningCluster | undefined;

/**
 * One throw-away PostgreSQL cluster for the whole run, so that the storage contract tests run on
 * PostgreSQL as well as SQLite. Only the cluster is made here (about a second); the files that
 * need PostgreSQL make their own databases on it. When PostgreSQL is missing or does not start,
 * the reason reaches those files, which fail with it; the rest of the suite runs as usual.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env[SKIP_POSTGRES_ENV] === 'skip') {
    console.warn(`${SKIP_POSTGRES_ENV}=skip: the PostgreSQL variants of the storage tests are skipped; only SQLite is tested.`);
    project.provide('postgres', { state: 'skipped' });
    return;
  }
  const binaries = findPostgresBinaries();
  if (!binaries) {
    console.error(NOT_INSTALLED);
    project.provide('postgres', { state: 'unavailable', reason: NOT_INSTALLED });
    return;
  }
  try {
    cluster = await startCluster(binaries);
    project.provide('postgres', { state: 'ready', adminUrl: cluster.adminUrl });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(reason);
    project.provide('postgres', { state: 'unavailable', reason });
  }
}

export function teardown(): void {
  cluster?.stop();
  cluster = undefined;
}
