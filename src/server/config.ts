import { join, resolve } from 'node:path';

interface ServerConfig {
  host: string;
  port: number;
  /** Absolute. */
  dataDir: string;
  /** Absolute. */
  staticDir: string;
  slowTestRoute: boolean;
}

/** A wrong environment variable; the message names the variable and says what would work. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads HOST, PORT, DATA_DIR and STATIC_DIR. Relative DATA_DIR and STATIC_DIR are taken from
 * the current folder, as a shell user expects; the built app defaults to `<repo>/dist`.
 */
export function readServerConfig(env: NodeJS.ProcessEnv, repoRoot: string, cwd: string = process.cwd()): ServerConfig {
  const staticDir = given(env.STATIC_DIR);
  return {
    host: given(env.HOST) ?? '127.0.0.1',
    port: parsePort(env.PORT),
    dataDir: resolve(cwd, given(env.DATA_DIR) ?? 'data'),
    staticDir: staticDir === undefined ? join(repoRoot, 'dist') : resolve(cwd, staticDir),
    slowTestRoute: env.MUSTER_TEST_SLOW_ROUTE === '1',
  };
}

export function parsePort(raw: string | undefined): number {
  const value = given(raw);
  if (value === undefined) return 8080;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, but it is "${raw}". Example: PORT=8080`);
  }
  return port;
}

/** `PORT=` in a shell gives an empty string; treat it like an unset variable. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
