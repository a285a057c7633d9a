import { join, resolve } from 'node:path';
import { DEFAULT_MIN_FREE_DISK_BYTES } from './health';
import { DEFAULT_COST_LIMITS, MIN_TOKEN_BYTES_PER_MINUTE, type CostLimits } from './rate-limit';

interface ServerConfig {
  host: string;
  port: number;
  /** Absolute. */
  dataDir: string;
  /** Absolute. */
  staticDir: string;
  slowTestRoute: boolean;
  /** HTTP_PORT: plain HTTP that redirects to HTTPS (and serves /ca); only with a certificate. */
  httpPort?: number;
  /** PUBLIC_URL: the address phones use, without a trailing slash. */
  publicUrl?: string;
  /** TRUST_PROXY: believe X-Forwarded-Proto and X-Forwarded-Host from a reverse proxy. */
  trustProxy: boolean;
  /** TLS_CERT and TLS_KEY (absolute): a certificate from elsewhere. */
  tlsCert?: string;
  tlsKey?: string;
  /** TOKEN_BYTES_PER_MINUTE, ORG_QUOTA_MB, UNAUTHENTICATED_PER_MINUTE. */
  limits: CostLimits;
  /** MIN_FREE_DISK_MB, in bytes: below it /api/health answers 503. */
  minFreeDiskBytes: number;
  /**
   * DATABASE_URL: postgres://… puts the events in PostgreSQL, where several server processes
   * can share them. Unset: the SQLite file in DATA_DIR (one process, nothing to install).
   */
  databaseUrl?: string;
}

/** A wrong environment variable; the message names the variable and says what would work. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads HOST, PORT, HTTP_PORT, DATA_DIR, DATABASE_URL, STATIC_DIR, PUBLIC_URL, TRUST_PROXY, TLS_CERT and
 * TLS_KEY, the cost limits (TOKEN_BYTES_PER_MINUTE, ORG_QUOTA_MB, UNAUTHENTICATED_PER_MINUTE)
 * and MIN_FREE_DISK_MB (the free space below which /api/health answers 503).
 * Relative paths are taken from the current folder, as a shell user expects; the
 * built app defaults to `<repo>/dist`.
 */
export function readServerConfig(env: NodeJS.ProcessEnv, repoRoot: string, cwd: string = process.cwd()): ServerConfig {
  const staticDir = given(env.STATIC_DIR);
  const tlsCert = given(env.TLS_CERT);
  const tlsKey = given(env.TLS_KEY);
  const httpPort = given(env.HTTP_PORT);
  const publicUrl = given(env.PUBLIC_URL);
  const databaseUrl = given(env.DATABASE_URL);
  return {
    ...(databaseUrl === undefined ? {} : { databaseUrl: parseDatabaseUrl(databaseUrl) }),
    host: given(env.HOST) ?? '127.0.0.1',
    port: parsePort(env.PORT),
    ...(httpPort === undefined ? {} : { httpPort: parsePort(httpPort, 'HTTP_PORT') }),
    ...(publicUrl === undefined ? {} : { publicUrl: parsePublicUrl(publicUrl, 'PUBLIC_URL') }),
    trustProxy: parseFlag(env.TRUST_PROXY, 'TRUST_PROXY'),
    ...(tlsCert === undefined ? {} : { tlsCert: resolve(cwd, tlsCert) }),
    ...(tlsKey === undefined ? {} : { tlsKey: resolve(cwd, tlsKey) }),
    dataDir: resolve(cwd, given(env.DATA_DIR) ?? 'data'),
    staticDir: staticDir === undefined ? join(repoRoot, 'dist') : resolve(cwd, staticDir),
    slowTestRoute: env.MUSTER_TEST_SLOW_ROUTE === '1',
    limits: readCostLimits(env),
    minFreeDiskBytes: parseWhole(env.MIN_FREE_DISK_MB, 'MIN_FREE_DISK_MB', 0, DEFAULT_MIN_FREE_DISK_BYTES / (1024 * 1024)) * 1024 * 1024,
  };
}

export function parsePort(raw: string | undefined, variable = 'PORT'): number {
  const value = given(raw);
  if (value === undefined) return 8080;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigError(`${variable} must be a whole number from 1 to 65535, but it is "${raw}". Example: ${variable}=${variable === 'PORT' ? 8080 : 80}`);
  }
  return port;
}

/**
 * A public address: http(s), a host, nothing after it. Returned without the trailing slash,
 * ready to have a path appended. `what` names the setting in the message.
 */
export function parsePublicUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${what} must be a full address such as https://muster.branch.lan:8443; got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${what} must start with https:// (or http://); got "${raw}".`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`${what} must be the server's address only, with no path, ? or #, such as https://muster.branch.lan:8443; got "${raw}".`);
  }
  return url.origin;
}

/**
 * A PostgreSQL address, `postgres://user:password@host:5432/database` (or `postgresql://`).
 * The message never repeats the password: it may be pasted into a ticket.
 */
export function parseDatabaseUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const example = 'DATABASE_URL=postgres://muster:secret@db.branch.lan:5432/muster';
  if (url === undefined || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new ConfigError(
      `DATABASE_URL must be a PostgreSQL address starting with postgres://, such as ${example}; unset it to keep the SQLite file in DATA_DIR.`,
    );
  }
  if (url.hostname === '' && !url.searchParams.has('host')) throw new ConfigError(`DATABASE_URL names no host; for example ${example}`);
  if (url.pathname === '' || url.pathname === '/') throw new ConfigError(`DATABASE_URL names no database (the part after the last /); for example ${example}`);
  return raw;
}

/** The cost limits (rate-limit.ts), each its default when unset. */
function readCostLimits(env: NodeJS.ProcessEnv): CostLimits {
  const quotaMb = parseWhole(env.ORG_QUOTA_MB, 'ORG_QUOTA_MB', 1, DEFAULT_COST_LIMITS.orgQuotaBytes / (1024 * 1024));
  return {
    tokenBytesPerMinute: parseWhole(env.TOKEN_BYTES_PER_MINUTE, 'TOKEN_BYTES_PER_MINUTE', MIN_TOKEN_BYTES_PER_MINUTE, DEFAULT_COST_LIMITS.tokenBytesPerMinute),
    orgQuotaBytes: quotaMb * 1024 * 1024,
    unauthenticatedPerMinute: parseWhole(env.UNAUTHENTICATED_PER_MINUTE, 'UNAUTHENTICATED_PER_MINUTE', 1, DEFAULT_COST_LIMITS.unauthenticatedPerMinute),
  };
}

function parseWhole(raw: string | undefined, variable: string, min: number, fallback: number): number {
  const value = given(raw);
  if (value === undefined) return fallback;
  const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min)) throw new ConfigError(`${variable} must be a whole number of at least ${min}, but it is "${raw}". Example: ${variable}=${fallback}`);
  return n;
}

function parseFlag(raw: string | undefined, variable: string): boolean {
  const value = given(raw)?.toLowerCase();
  if (value === undefined || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new ConfigError(`${variable} must be 1 (on) or 0 (off); got "${raw}".`);
}

/** `PORT=` in a shell gives an empty string; treat it like an unset variable. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
