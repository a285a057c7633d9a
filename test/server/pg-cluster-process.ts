// A throw-away PostgreSQL cluster: initdb and pg_ctl in a temp folder, on a free port. The
// test run starts one (test/pg-global-setup.ts); the scale bench starts its own. Nothing here
// needs vitest, so plain `tsx` scripts can use it too.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './support';

export const SKIP_POSTGRES_ENV = 'MUSTER_TEST_POSTGRES';

export const NOT_INSTALLED =
  'PostgreSQL is not installed: the storage tests run on both SQLite and PostgreSQL. ' +
  `Install it (apt-get install postgresql) or set ${SKIP_POSTGRES_ENV}=skip to run the SQLite half only.`;

/** The superuser initdb makes; trust authentication, so the URLs carry no password. */
const SUPERUSER = 'muster_test';
/** Only a guard against a hung initdb or server: pg_ctl -w waits for the server to accept connections. */
const START_GUARD_SECONDS = 120;

export interface RunningCluster {
  readonly adminUrl: string;
  /** Stops the server at once (its data is thrown away) and removes its folder; safe to call twice. */
  stop(): void;
}

interface Binaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

/** initdb and pg_ctl from PATH, else from the newest /usr/lib/postgresql/<version>/bin; undefined when neither has them. */
export function findPostgresBinaries(): Binaries | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const versioned = (): string[] => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return [];
    return readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => join(root, version, 'bin'));
  };
  for (const dir of [...dirs, ...versioned()]) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (isExecutable(initdb) && isExecutable(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * initdb and pg_start in a new temp folder, on a free port on 127.0.0.1. PostgreSQL refuses to
 * run as root, so under root the folder is given to the `postgres` user and both run as it.
 * Durability is off (fsync=off, initdb --no-sync): the cluster dies with the run.
 */
export async function startCluster(binaries: Binaries): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'muster-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (file: string, args: string[]): void => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    execFileSync(command, argv, { stdio: 'pipe', timeout: START_GUARD_SECONDS * 1000 });
  };
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      const [command, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', binaries.pgCtl, '-D', data, '-m', 'immediate', '-w', 'stop']]
        : [binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']];
      spawnSync(command, argv, { stdio: 'pipe', timeout: START_GUARD_SECONDS * 1000 });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A run killed before its teardown still stops its server (the postmaster outlives us otherwise).
  const onExit = (): void => stop();
  process.once('exit', onExit);

  try {
    if (asRoot) chownSync(dir, ...postgresUser());
    run(binaries.initdb, ['-D', data, '--auth=trust', `--username=${SUPERUSER}`, '--encoding=UTF8', '--locale=C', '--no-sync']);
    // In the configuration file, not on the command line (where it would win over everything):
    // a run that measures, as the scale bench does, turns it on again with ALTER SYSTEM.
    appendFileSync(join(data, 'postgresql.conf'), '\n# A throw-away cluster: nothing here has to survive a power cut.\nfsync = off\n');
    // The port is free when asked, but another process may take it before the server binds:
    // then pg_ctl fails and a fresh port is tried.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c max_connections=200`;
      // Marked before pg_ctl answers: a server that came up too late for it is still stopped.
      started = true;
      try {
        run(binaries.pgCtl, ['-D', data, '-l', log, '-w', '-t', String(START_GUARD_SECONDS), '-o', options, 'start']);
        return {
          adminUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
          stop: () => {
            process.off('exit', onExit);
            stop();
          },
        };
      } catch (error) {
        const logText = existsSync(log) ? readFileSync(log, 'utf8') : '';
        if (attempt < 3 && /could not bind|already in use/i.test(logText)) continue;
        throw new Error(`PostgreSQL did not start (pg_ctl: ${describeRun(error)})\n${logText.slice(-4000)}`, { cause: error });
      }
    }
  } catch (error) {
    process.off('exit', onExit);
    stop();
    throw error instanceof Error && error.message.startsWith('PostgreSQL did not start')
      ? error
      : new Error(`Could not make a throw-away PostgreSQL cluster: ${describeRun(error)}`, { cause: error });
  }
}

function postgresUser(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return [uid, gid];
}

function describeRun(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'stderr' in error) {
    const stderr = String(error.stderr).trim();
    if (stderr) return stderr;
  }
  return error instanceof Error ? error.message : String(error);
}
