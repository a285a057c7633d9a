// Shared by the server tests: temp folders, free ports, raw HTTP and the real server process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The schema version a file has once the server has opened it: the last migration's. */
export const LATEST_SCHEMA_VERSION = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));

const made: string[] = [];

/** A fresh folder under the OS temp dir, removed by `removeTempDirs()`. */
export function makeTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `muster-${label}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Asks the OS for a port nobody listens on, then frees it for the test to use. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GET with the path sent exactly as written: fetch() would normalise `/../` away. */
export function rawGet(port: number, path: string, agent?: Agent): Promise<RawResponse> {
  return new Promise((resolveGet, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const started: ChildProcessWithoutNullStreams[] = [];

/** Kills (by pid) any server process a failed test left running. */
export function stopStrayServers(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the first match of `pattern` in stderr. */
  waitForError(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** Runs `node --import tsx src/server/main.ts` the way a deployment would, with only `env` set. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolveExit(code);
    }),
  );
  started.push(child);

  // Only a guard against a hung process: starting tsx on a busy machine can take many seconds.
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> =>
    new Promise((resolveMatch, reject) => {
      const source = child[stream];
      const check = (): boolean => {
        const match = (stream === 'stdout' ? out : err).match(pattern);
        if (match === null) return false;
        cleanup();
        resolveMatch(match);
        return true;
      };
      const onExit = (code: number | null): void => {
        if (check()) return;
        cleanup();
        reject(new Error(`server exited (${code}) before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${pattern} within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        source.off('data', check);
        child.off('exit', onExit);
      };
      if (check()) return;
      if (exitCode !== undefined) {
        onExit(exitCode);
        return;
      }
      source.on('data', check);
      child.once('exit', onExit);
    });

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForOutput: (pattern, timeoutMs) => waitFor('stdout', pattern, timeoutMs),
    waitForError: (pattern, timeoutMs) => waitFor('stderr', pattern, timeoutMs),
    exited,
  };
}

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
export function exitWithin(server: ServerProcess, ms: number): Promise<number | null> {
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms later\nstdout: ${server.stdout()}`)), ms);
    server.exited.then(
      (code) => {
        clearTimeout(timer);
        resolveExit(code);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
