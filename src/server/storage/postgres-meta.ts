import type { Pool } from 'pg';
import { newEpoch } from './sqlite-meta';
import { inTransaction, prepared } from './postgres-sql';
import type { EventStore } from './types';

/**
 * The database's identity (the epoch, see sqlite-meta.ts for why), backups, and the token
 * buckets shared by every server process on the database.
 */
type MetaMethods = Pick<EventStore, 'databaseEpoch' | 'renewEpoch' | 'backupTo' | 'probe'> & Required<Pick<EventStore, 'chargeBucket'>>;

/** Where the database is, for messages: never the password. */
export interface DatabaseName {
  readonly database: string;
  readonly host: string;
  readonly port: string;
}

const readEpoch = prepared<[], { epoch: string }>('meta.epoch', 'SELECT epoch FROM meta WHERE one = 1');
const writeEpoch = prepared<[epoch: string, at: string]>('meta.renew-epoch', 'UPDATE meta SET epoch = $1, epoch_since = $2 WHERE one = 1');

// The bucket refilled and charged in one statement, the same arithmetic as createRateLimiter
// in rate-limit.ts, in the same order of operations on doubles, so both answer alike. The row
// lock that ON CONFLICT DO UPDATE takes makes two processes charging one bucket take turns.
// A new bucket starts full, so its first charge (at most `burst`) is always allowed.
const charge = prepared<[key: string, cost: number, burst: number, perSecond: number, nowMs: number], { wait_s: number }>(
  'buckets.charge',
  `WITH asked AS (
     SELECT $1::text AS key, least($2::float8, $3::float8) AS charge, $3::float8 AS burst, $4::float8 AS per_second, $5::float8 AS now_ms
   )
   INSERT INTO rate_buckets AS b (key, tokens, at_ms, wait_s, full_at_ms)
   SELECT key, burst - charge, now_ms, 0, now_ms + charge / per_second * 1000 FROM asked
   ON CONFLICT (key) DO UPDATE SET (tokens, wait_s, at_ms, full_at_ms) = (
     SELECT left_over, wait_s, asked.now_ms, asked.now_ms + (asked.burst - left_over) / asked.per_second * 1000
     FROM asked,
       LATERAL (SELECT least(asked.burst, b.tokens + greatest(0, asked.now_ms - b.at_ms) / 1000 * asked.per_second) AS refilled) r,
       LATERAL (SELECT r.refilled >= asked.charge AS allowed) a,
       LATERAL (SELECT CASE WHEN a.allowed THEN r.refilled - asked.charge ELSE r.refilled END AS left_over,
                       CASE WHEN a.allowed THEN 0 ELSE greatest(1, ceil((asked.charge - r.refilled) / asked.per_second))::int END AS wait_s) o
   )
   RETURNING wait_s`,
);
// A full bucket says nothing (a missing one starts full): dropped now and then, as the
// in-memory limiter drops its full buckets, so addresses seen once do not pile up.
const sweep = prepared<[nowMs: number]>('buckets.sweep', 'DELETE FROM rate_buckets WHERE full_at_ms <= $1');
const SWEEP_EVERY_MS = 60_000;

const probeRead = prepared<[]>('probe.read', 'SELECT epoch FROM meta WHERE one = 1');
// A row written and rolled back: it fails on a read-only database or standby, a full or broken
// disk the server reports at once, or a lock held too long; it leaves nothing behind. The key
// cannot be a real bucket's (those are token ids and addresses), and the row is never committed.
const probeWrite = prepared<[]>(
  'probe.write',
  `INSERT INTO rate_buckets AS b (key, tokens, at_ms, wait_s, full_at_ms) VALUES ('muster health probe', 0, 0, 0, 0)
   ON CONFLICT (key) DO UPDATE SET tokens = b.tokens`,
);
/** The probe runs on every /api/health: it gives up on a lock after this long instead of queueing behind it. */
const PROBE_TIMEOUT_MS = 2_000;

export function postgresMeta(pool: Pool, name: DatabaseName): MetaMethods {
  let lastSweep = 0;
  return {
    async databaseEpoch() {
      const row = (await readEpoch(pool)).rows[0];
      if (!row) throw new Error('the meta table has no row; the database was not migrated');
      return row.epoch;
    },
    async renewEpoch(at) {
      const epoch = newEpoch();
      await writeEpoch(pool, epoch, at);
      return epoch;
    },
    backupTo() {
      // A server cannot write a consistent copy of a PostgreSQL database to a file of its own:
      // that is pg_dump's work, run where the database is.
      return Promise.reject(
        new Error(
          `Muster cannot copy a PostgreSQL database itself. Back up the database "${name.database}" on ${name.host}:${name.port} with pg_dump ` +
            `(pg_dump --format=custom --file=muster.dump ${name.database}); after putting one back with pg_restore, run npm run admin -- epoch renew so that devices pull again.`,
        ),
      );
    },
    async probe() {
      const read = await probeRead(pool).then(
        () => undefined,
        (error: unknown) => messageOf(error),
      );
      const write = await inTransaction(pool, async (client) => {
        await client.query(`SET LOCAL lock_timeout = ${PROBE_TIMEOUT_MS}`);
        await client.query(`SET LOCAL statement_timeout = ${PROBE_TIMEOUT_MS}`);
        await probeWrite(client);
        // Thrown to roll the row back; any other error is the probe's finding.
        throw new ProbeRolledBack();
      }).then(
        () => undefined,
        (error: unknown) => (error instanceof ProbeRolledBack ? undefined : messageOf(error)),
      );
      return { read, write };
    },
    async chargeBucket(key, cost, burst, perSecond, nowMs) {
      const wait = (await charge(pool, key, cost, burst, perSecond, nowMs)).rows[0]?.wait_s;
      if (wait === undefined) throw new Error(`the rate bucket ${key} was not charged`);
      if (nowMs - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = nowMs;
        await sweep(pool, nowMs);
      }
      return wait;
    },
  };
}

class ProbeRolledBack extends Error {}

function messageOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? `${String(error.code)}: ` : '';
  return `${code}${error instanceof Error ? error.message : String(error)}`;
}
