import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { precompress } from './precompress';

/** The repository: the app is always built from here, wherever the caller runs. */
export const ROOT = resolve(import.meta.dirname, '..');

export interface BuildOptions {
  /** Where the build goes; `dist/` by default. Another folder leaves the shared build alone. */
  outDir?: string;
  /** Build-time settings such as MUSTER_APP_VERSION. */
  env?: Record<string, string>;
  /** How much of Vite's output to show: `info` is everything, `warn` only problems. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/**
 * The production build of the app, the one every caller uses: `npm start`, the browser tests
 * and the benchmarks. It runs in its own process with NODE_ENV=production, because a test
 * runner sets NODE_ENV=test, which would make Vite bundle React's development build. Throws
 * when the build fails. Each text file gets its compressed copies beside it (precompress.ts).
 * Returns the folder it built into.
 */
export function buildApp({ outDir, env = {}, logLevel = 'warn' }: BuildOptions = {}): string {
  const out = resolve(ROOT, outDir ?? 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', logLevel, '--outDir', out, '--emptyOutDir'], {
    cwd: ROOT,
    // Vite writes warnings and errors to stderr; stdout has only progress (and the PWA plugin's
    // summary, which ignores the log level).
    stdio: ['ignore', logLevel === 'info' ? 'inherit' : 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  precompress(out);
  return out;
}

/**
 * Builds `dist/` when it is stale (see checkBuild) and says why on the console; does nothing
 * when it is up to date. Returns what it found.
 */
export function ensureBuilt(options: Omit<BuildOptions, 'outDir'> = {}): BuildCheck {
  const check = checkBuild(ROOT);
  if (check.stale) {
    console.log(`Building the app (${check.reason})…`);
    buildApp(options);
  }
  return check;
}

export interface BuildCheck {
  stale: boolean;
  /** Why a build is (or is not) needed, in words for the console. */
  reason: string;
}

/** What `vite build` reads. The server and tests are not part of the browser bundle. */
const INPUT_FILES = ['index.html', 'vite.config.ts', 'package-lock.json'];
const INPUT_FOLDERS = ['src', 'public', 'scenarios', 'build'];

/**
 * Decides whether `dist/` must be rebuilt: it is stale when `dist/index.html` is missing or
 * older than the newest input file. Only reads modification times; never builds.
 */
export function checkBuild(root: string): BuildCheck {
  const builtAt = mtimeOf(join(root, 'dist', 'index.html'));
  if (builtAt === undefined) return { stale: true, reason: 'dist/index.html is missing' };

  let newest: { path: string; mtimeMs: number } | undefined;
  for (const path of listInputs(root)) {
    const mtimeMs = mtimeOf(path);
    if (mtimeMs !== undefined && (newest === undefined || mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs };
  }
  if (newest !== undefined && newest.mtimeMs > builtAt) {
    return { stale: true, reason: `${relative(root, newest.path).split(sep).join('/')} changed after the last build` };
  }
  return { stale: false, reason: 'dist/ is up to date' };
}

export function isBuildStale(root: string): boolean {
  return checkBuild(root).stale;
}

function* listInputs(root: string): Generator<string> {
  for (const file of INPUT_FILES) yield join(root, file);
  for (const folder of INPUT_FOLDERS) yield* walk(join(root, folder), root);
}

function* walk(dir: string, root: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // A missing folder (no scenarios yet) is simply not an input.
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (isExcludedFolder(relative(root, path))) continue;
      yield* walk(path, root);
    } else if (!isTestFile(entry.name)) {
      yield path;
    }
  }
}

function isExcludedFolder(relativePath: string): boolean {
  const parts = relativePath.split(sep);
  return (parts[0] === 'src' && parts[1] === 'server') || parts.includes('node_modules');
}

function isTestFile(name: string): boolean {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
