import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The production build the browser tests serve: `dist/`, or MUSTER_E2E_DIST, so two runs of the
 * suite on one machine (two checkouts' worth of work) do not build over each other's files.
 */
export const DIST = process.env.MUSTER_E2E_DIST ? resolve(ROOT, process.env.MUSTER_E2E_DIST) : join(ROOT, 'dist');

/** `npm run admin -- …` on the data folder `dataDir`, as the administrator types it; answers what it printed. */
export function admin(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

/** The one-time enrolment link `device add` prints for a new device of `orgId`. */
export function enrolmentLink(server: { dataDir: string; url: string }, orgId: string, label: string, ...flags: string[]): string {
  const printed = admin(server.dataDir, 'device', 'add', orgId, label, '--url', server.url, '--no-qr', ...flags);
  const link = printed
    .split('\n')
    .find((line) => line.includes('/enrol#code='))
    ?.trim();
  if (!link) throw new Error(`device add printed no link:\n${printed}`);
  return link;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * Starts the real sync server (`src/server/main.ts`) serving `dist/`, with its own SQLite
 * folder, and resolves once it prints its URL.
 */
export async function startServer(
  opts: { staticDir?: string; dataDir?: string; port?: number; /** More environment, such as PUBLIC_URL. */ env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'muster-e2e-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: opts.staticDir ?? DIST, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 30 s:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => {
          if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
          ok(code);
        });
        child.kill('SIGTERM');
      }),
  };
}
