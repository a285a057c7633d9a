// The test files' side of the throw-away PostgreSQL cluster (pg-cluster-process.ts) that
// test/pg-global-setup.ts starts once per `vitest run`: whether there is one
// (`postgresHarness()`), and a new database on it for a test (`freshPostgresDatabase()`).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { SKIP_POSTGRES_ENV } from './pg-cluster-process';

export { NOT_INSTALLED, SKIP_POSTGRES_ENV } from './pg-cluster-process';

/** What the global setup hands every test file. */
export type PostgresHarness =
  | { readonly state: 'ready'; readonly adminUrl: string }
  /** MUSTER_TEST_POSTGRES=skip: the PostgreSQL variants are skipped, with a note. */
  | { readonly state: 'skipped' }
  /** PostgreSQL is missing or would not start: the PostgreSQL variants fail with `reason`. */
  | { readonly state: 'unavailable'; readonly reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresHarness;
  }
}

/** What the global setup provided; call at a test file's top level. */
export function postgresHarness(): PostgresHarness {
  // Undefined under a config without the global setup (the e2e suite).
  const provided: PostgresHarness | undefined = inject('postgres');
  return provided ?? { state: 'unavailable', reason: 'No PostgreSQL cluster: this vitest config has no globalSetup test/pg-global-setup.ts.' };
}

export interface FreshDatabaseOptions {
  /**
   * Sort text by this ICU locale (`en-US`) rather than by code point as the cluster does (C), as
   * a database made by an administrator usually would: what a query sorts without saying how
   * then comes out differently from SQLite.
   */
  readonly icuLocale?: string;
}

/**
 * A new, empty database on the test cluster, named after `label` and unique, and its URL. It
 * goes when the cluster does, or earlier with `dropPostgresDatabase`. Throws the harness's
 * reason when PostgreSQL is unavailable.
 */
export async function freshPostgresDatabase(label: string, options: FreshDatabaseOptions = {}): Promise<string> {
  const admin = adminUrl();
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const name = `muster_${slug}_${randomBytes(4).toString('hex')}`;
  const locale = options.icuLocale;
  if (locale !== undefined && !/^[A-Za-z0-9-]+$/.test(locale)) throw new Error(`not an ICU locale name: ${locale}`);
  await withAdmin(admin, async (client) => {
    if (locale !== undefined && icuUsable) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${locale}' LOCALE 'C'`);
        return;
      } catch (error) {
        // PostgreSQL before 15 has no LOCALE_PROVIDER, and a build may lack ICU: sorted by code point then.
        const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
        if (!['42601', '0A000', '22023', '42704'].includes(String(code))) throw error;
        icuUsable = false;
        console.warn(
          `This PostgreSQL cannot make a database sorted by ICU (${error instanceof Error ? error.message : String(error)}); the test databases sort by code point.`,
        );
      }
    }
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether the cluster can make ICU-sorted databases; found out on the first try. */
let icuUsable = true;

/** Drops a database made by `freshPostgresDatabase`, ending any connection still on it. */
export async function dropPostgresDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^muster_[a-z0-9_]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  await withAdmin(adminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

function adminUrl(): string {
  const harness = postgresHarness();
  if (harness.state === 'ready') return harness.adminUrl;
  throw new Error(harness.state === 'skipped' ? `PostgreSQL tests are skipped (${SKIP_POSTGRES_ENV}=skip)` : harness.reason);
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
