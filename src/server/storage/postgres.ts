import pg from 'pg';
import { DEFAULT_DEVICE_ROLE, type DeviceRole } from '../../domain/playbook-publish';
import { ORG_COLUMNS, TOKEN_COLUMNS, toOrg, toToken, type OrgRow, type TokenRow } from './rows';
import { StoreOpenError } from './sqlite';
import { migratePostgres, NewerSchemaError, POSTGRES_MIGRATIONS, type PostgresMigration } from './postgres-migrations';
import { postgresEvents } from './postgres-events';
import { postgresPlaybooks } from './postgres-playbooks';
import { postgresBlobs } from './postgres-blobs';
import { postgresEnrolment } from './postgres-enrol';
import { postgresMeta, type DatabaseName } from './postgres-meta';
import { listenForAppends } from './postgres-listen';
import { bigintNumber, pgErrorCode, prepared } from './postgres-sql';
import type { EventStore, OrgActivity } from './types';

/**
 * The PostgreSQL adapter, for several server processes on one database (SQLite stays the
 * default: one file, zero set-up). Driver: node-postgres (`pg`), the most used PostgreSQL client
 * for Node, with a pool and named prepared statements.
 *
 * The same schema content as SQLite's version 10 (postgres-migrations.ts), with the guarantees
 * the port asks for kept by locks rather than by one writer: a per-organisation counter row for
 * seq (postgres-events.ts), the organisation's row for publishing (postgres-playbooks.ts), the
 * code's row for enrolment (postgres-enrol.ts), unique indexes for what must be one.
 */
export interface PostgresEventStore extends EventStore {
  readonly kind: 'postgres';
  /** Ends the listeners and the pool's connections. */
  close(): Promise<void>;
  /** Schema version now in the database (the highest step in `schema_migrations`). */
  readonly schemaVersion: number;
  /** Where the database is, for messages: never the password. */
  readonly name: DatabaseName;
  /** The pool, for adapter code, admin tools and tests; routes must go through the port. */
  readonly pool: pg.Pool;
  listenForAppends(onAppend: (orgId: string, seq: number) => void): Promise<() => Promise<void>>;
  chargeBucket(key: string, cost: number, burst: number, perSecond: number, nowMs: number): Promise<number>;
}

export interface PostgresStoreOptions {
  /** Connections in the pool (10 by default); the listener has one more of its own. */
  readonly poolSize?: number;
  /** How long a new connection may take before it counts as unreachable (10 s by default). */
  readonly connectTimeoutMs?: number;
  /** The listener's waits after a lost connection: the first, doubling up to the last (0.2 s to 10 s by default). */
  readonly listenerRetryMs?: { readonly first: number; readonly max: number };
  /** The schema steps; tests pass others. */
  readonly migrations?: readonly PostgresMigration[];
}

/**
 * The database cannot be used; the message names it (host, port, database, user, never the
 * password) and says what is wrong in an administrator's words. A StoreOpenError, so the
 * server's start-up reports it as it reports a bad SQLite file.
 */
export class PostgresOpenError extends StoreOpenError {}

/**
 * Connects to `url` (postgres://user:password@host:port/database), brings the schema up to
 * date and answers the store. Throws PostgresOpenError when the database cannot be used, so a
 * wrong DATABASE_URL is reported at start-up rather than on the first sync.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresEventStore> {
  const name = databaseName(url);
  if (!name) {
    throw new PostgresOpenError(
      'Cannot open the Muster database: DATABASE_URL is not a PostgreSQL address like postgres://user:password@host:5432/database (check the host, the port and any special characters in the password, which must be %-encoded)',
    );
  }
  const connection: pg.ClientConfig = { connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10, application_name: 'muster' });
  // An idle connection that breaks (the server restarted) is dropped by the pool and replaced
  // on next use; without a listener the 'error' event would end the process.
  pool.on('error', (error) => console.error(`Muster: a PostgreSQL connection to ${where(name)} failed while idle: ${error.message}`));
  let schemaVersion: number;
  try {
    schemaVersion = await migratePostgres(pool, options.migrations ?? POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new PostgresOpenError(`Cannot open the Muster database ${where(name)}: ${hideSecret(describeOpenError(error, name), url)}`, { cause: error });
  }
  const retry = options.listenerRetryMs ?? { first: 200, max: 10_000 };
  const listeners = new Set<() => Promise<void>>();
  let closed = false;
  return {
    ...postgresOrgsAndTokens(pool),
    ...postgresEvents(pool),
    ...postgresPlaybooks(pool),
    ...postgresBlobs(pool),
    ...postgresEnrolment(pool),
    ...postgresMeta(pool, name),
    kind: 'postgres',
    schemaVersion,
    name,
    pool,
    async listenForAppends(onAppend) {
      const stop = await listenForAppends({ client: connection, firstRetryMs: retry.first, maxRetryMs: retry.max }, onAppend);
      const stopOnce = async (): Promise<void> => {
        if (!listeners.delete(stopOnce)) return;
        await stop();
      };
      listeners.add(stopOnce);
      return stopOnce;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

// Lists are sorted by code point (COLLATE "C") with missing values first, as SQLite sorts them,
// whatever locale the database was made with.
const insertOrg = prepared<[id: string, name: string, at: string, parentId: string | null]>(
  'orgs.insert',
  'INSERT INTO orgs (id, name, created_at, parent_id) VALUES ($1, $2, $3, $4)',
);
const orgById = prepared<[id: string], OrgRow>('orgs.by-id', `SELECT ${ORG_COLUMNS} FROM orgs WHERE id = $1`);
const allOrgs = prepared<[], OrgRow>('orgs.all', `SELECT ${ORG_COLUMNS} FROM orgs ORDER BY created_at COLLATE "C" NULLS FIRST, id COLLATE "C"`);
const setParent = prepared<[id: string, parentId: string | null], OrgRow>(
  'orgs.set-parent',
  `UPDATE orgs SET parent_id = $2 WHERE id = $1 RETURNING ${ORG_COLUMNS}`,
);
// UNION, not UNION ALL: a loop typed into the table by hand still ends.
const below = prepared<[orgId: string], OrgRow>(
  'orgs.below',
  `WITH RECURSIVE below (id) AS (
     SELECT id FROM orgs WHERE parent_id = $1
     UNION SELECT o.id FROM orgs o JOIN below b ON o.parent_id = b.id
   )
   SELECT ${ORG_COLUMNS} FROM orgs WHERE id IN (SELECT id FROM below) ORDER BY name COLLATE "C" NULLS FIRST, id COLLATE "C"`,
);
// One round trip for any number of organisations, answered in the order asked.
const activity = prepared<[orgIds: string[]], { org_id: string; seq: string | null; received_at: string | null; last_contact: string | null }>(
  'orgs.activity',
  `SELECT o.org_id, newest.seq, newest.received_at,
     (SELECT max(t.seen_at COLLATE "C") FROM device_tokens t WHERE t.org_id = o.org_id AND t.revoked_at IS NULL) AS last_contact
   FROM unnest($1::text[]) WITH ORDINALITY AS o (org_id, position)
   LEFT JOIN LATERAL (SELECT e.seq, e.received_at FROM events e WHERE e.org_id = o.org_id ORDER BY e.seq DESC LIMIT 1) newest ON true
   ORDER BY o.position`,
);
const insertToken = prepared<[id: string, orgId: string, tokenHash: string, label: string, role: DeviceRole, at: string]>(
  'tokens.insert',
  'INSERT INTO device_tokens (id, org_id, token_hash, label, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
);
const tokenByHash = prepared<[tokenHash: string], TokenRow>('tokens.by-hash', `SELECT ${TOKEN_COLUMNS} FROM device_tokens WHERE token_hash = $1`);
const tokensOfOrg = prepared<[orgId: string], TokenRow>(
  'tokens.of-org',
  `SELECT ${TOKEN_COLUMNS} FROM device_tokens WHERE org_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"`,
);
const revokeToken = prepared<[id: string, at: string], TokenRow>(
  'tokens.revoke',
  `UPDATE device_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`,
);
const setRole = prepared<[id: string, role: DeviceRole], TokenRow>(
  'tokens.set-role',
  `UPDATE device_tokens SET role = $2 WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`,
);

type OrgAndTokenMethods = Pick<
  EventStore,
  | 'createOrg'
  | 'getOrg'
  | 'listOrgs'
  | 'setOrgParent'
  | 'descendantOrgs'
  | 'orgActivity'
  | 'addDeviceToken'
  | 'findDeviceToken'
  | 'listDeviceTokens'
  | 'revokeDeviceToken'
  | 'setDeviceRole'
>;

function postgresOrgsAndTokens(pool: pg.Pool): OrgAndTokenMethods {
  return {
    async createOrg(org, at) {
      const parentId = org.parentId ?? null;
      await insertOrg(pool, org.id, org.name, at, parentId);
      return { id: org.id, name: org.name, createdAt: at, parentId };
    },
    async getOrg(id) {
      const row = (await orgById(pool, id)).rows[0];
      return row ? toOrg(row) : undefined;
    },
    async listOrgs() {
      return (await allOrgs(pool)).rows.map(toOrg);
    },
    async setOrgParent(id, parentId) {
      const row = (await setParent(pool, id, parentId)).rows[0];
      return row ? toOrg(row) : undefined;
    },
    async descendantOrgs(orgId) {
      return (await below(pool, orgId)).rows.map(toOrg);
    },
    async orgActivity(orgIds) {
      if (orgIds.length === 0) return [];
      return (await activity(pool, [...orgIds])).rows.map((row): OrgActivity => ({
        orgId: row.org_id,
        latestSeq: bigintNumber(row.seq),
        lastEventAt: row.received_at,
        lastContactAt: row.last_contact,
      }));
    },
    async addDeviceToken(token, at) {
      const role = token.role ?? DEFAULT_DEVICE_ROLE;
      await insertToken(pool, token.id, token.orgId, token.tokenHash, token.label, role, at);
      return { id: token.id, orgId: token.orgId, label: token.label, role, createdAt: at, revokedAt: null };
    },
    async findDeviceToken(tokenHash) {
      const row = (await tokenByHash(pool, tokenHash)).rows[0];
      return row ? toToken(row) : undefined;
    },
    async listDeviceTokens(orgId) {
      return (await tokensOfOrg(pool, orgId)).rows.map(toToken);
    },
    async revokeDeviceToken(id, at) {
      const row = (await revokeToken(pool, id, at)).rows[0];
      return row ? toToken(row) : undefined;
    },
    async setDeviceRole(id, role) {
      const row = (await setRole(pool, id, role)).rows[0];
      return row ? toToken(row) : undefined;
    },
  };
}

/** Host, port, database and user from the URL as pg reads it; the password never leaves it. Undefined when it is no postgres:// URL. */
function databaseName(url: string): (DatabaseName & { readonly user: string }) | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return undefined;
  const user = safeDecode(parsed.username) || process.env.PGUSER || 'postgres';
  return {
    host: parsed.hostname || parsed.searchParams.get('host') || process.env.PGHOST || 'localhost',
    port: parsed.port || parsed.searchParams.get('port') || process.env.PGPORT || '5432',
    database: safeDecode(parsed.pathname.replace(/^\//, '')) || process.env.PGDATABASE || user,
    user,
  };
}

function where(name: DatabaseName & { readonly user?: string }): string {
  return `"${name.database}" on ${name.host}:${name.port}${name.user ? ` (user "${name.user}")` : ''}`;
}

/** What went wrong, in words an administrator can act on; the driver's own text otherwise. */
function describeOpenError(error: unknown, name: DatabaseName & { readonly user: string }): string {
  if (error instanceof NewerSchemaError) return error.message;
  const code = pgErrorCode(error) ?? firstInnerCode(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing answers there: is PostgreSQL running, and are the host and port in DATABASE_URL right?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${name.host} cannot be found: check the host in DATABASE_URL`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the server cannot be reached (a firewall, or the wrong host?)';
    case '28P01':
      return `authentication failed: the server refused the password of user "${name.user}"; check the user and password in DATABASE_URL`;
    case '28000':
      return `authentication failed: the server refused user "${name.user}" (${message}); check the user in DATABASE_URL and the server's pg_hba.conf`;
    case '3D000':
      return `the database does not exist: create it (createdb --owner=${name.user} ${name.database}) or correct its name in DATABASE_URL`;
    case '42501':
      return `user "${name.user}" may not create Muster's tables in it: make the user the database's owner, or grant it CREATE on the schema (${message})`;
    case '53300':
      return 'the server has no free connection (max_connections); try again, or raise max_connections';
    case '25006':
      return 'the server accepts only reads (a standby?): point DATABASE_URL at the primary';
    case '57P03':
      return 'the server is starting up or shutting down; try again in a moment';
    default:
      if (/timeout/i.test(message)) return 'no answer in time: is the host right, and does a firewall let the port through?';
      return message;
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError of the attempts. */
function firstInnerCode(error: unknown): string | undefined {
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const code = pgErrorCode(inner);
      if (code) return code;
    }
  }
  return undefined;
}

/** A driver's message may quote what it was given: the password is taken out, as typed and as URL-encoded. */
function hideSecret(text: string, url: string): string {
  const password = new URL(url).password;
  let hidden = text;
  for (const form of new Set([password, safeDecode(password)])) if (form !== '') hidden = hidden.split(form).join('***');
  return hidden;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
