import type { Pool, PoolClient } from 'pg';
import { newEpoch } from './sqlite-meta';
import { inTransaction, ISO_NOW } from './postgres-sql';
import { createBlobSchema } from './postgres-blobs';

/**
 * One step of the PostgreSQL schema, recorded in `schema_migrations` once it has run. Steps are
 * append-only, as in sqlite-migrations.ts: a released step is never edited, a change is a new
 * step. Each step runs in its own transaction (PostgreSQL's DDL is transactional), so a step
 * that fails leaves nothing behind.
 *
 * PostgreSQL support starts at the schema of SQLite version 10, in one step numbered 10, so a
 * version number means the same content in both: a later change is a step with the same number
 * in both lists.
 */
export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  up(client: PoolClient): Promise<void>;
}

/**
 * The bytes of an event as the organisation's running total counts them: the UTF-8 bytes of its
 * text fields and payload, the same sum as `storedEventBytes` in rate-limit.ts and the SQLite
 * trigger in sqlite-usage.ts (the database encoding is UTF-8, so octet_length is UTF-8 bytes).
 */
const EVENT_BYTES = ['id', 'stream_id', 'device_id', 'actor', 'hlc', 'type', 'payload'].map((column) => `octet_length(${column})`).join(' + ');

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 10,
    description: 'the schema of SQLite version 10 in one step, with per-organisation seq counters and shared rate buckets',
    async up(client) {
      // Why each table is as it is, where PostgreSQL differs from SQLite:
      // - events.seq is per organisation, handed out from org_counters: the append transaction
      //   locks its organisation's counter row and keeps it until commit, so seqs of one
      //   organisation are given in commit order and no reader sees N+1 before N (a SEQUENCE
      //   would hand out numbers in call order, and commit them in any order).
      // - org_usage is kept by a statement-level trigger in the insert's own transaction, so
      //   the quota total never drifts from the rows, whoever writes them.
      // - the payload and the bodies are TEXT, not jsonb: they are handed out byte for byte.
      // - timestamps are ISO text, as in SQLite, so both adapters hand out the same strings.
      // - device_tokens_active_device: a device id belongs to one active token of its
      //   organisation. SQLite gets that from its one writer; here two first pushes racing on
      //   two connections would both pass a NOT EXISTS check, so the index decides.
      // - rate_buckets: the token buckets of every server process on this database (chargeBucket).
      await client.query(`
        CREATE TABLE orgs (
          id         TEXT PRIMARY KEY,
          name       TEXT,
          created_at TEXT,
          parent_id  TEXT REFERENCES orgs (id)
        );
        CREATE INDEX orgs_parent ON orgs (parent_id);

        CREATE TABLE org_counters (
          org_id   TEXT PRIMARY KEY,
          last_seq BIGINT NOT NULL CHECK (last_seq >= 0)
        );

        CREATE TABLE events (
          org_id      TEXT NOT NULL,
          seq         BIGINT NOT NULL CHECK (seq >= 1),
          id          TEXT NOT NULL,
          stream_id   TEXT NOT NULL,
          device_id   TEXT NOT NULL,
          actor       TEXT NOT NULL,
          hlc         TEXT NOT NULL,
          type        TEXT NOT NULL,
          payload     TEXT NOT NULL,
          v           INTEGER NOT NULL,
          received_at TEXT NOT NULL,
          token_id    TEXT,
          PRIMARY KEY (org_id, seq),
          UNIQUE (org_id, id)
        );
        CREATE INDEX events_org_stream_seq ON events (org_id, stream_id, seq);

        CREATE TABLE device_tokens (
          id              TEXT PRIMARY KEY,
          org_id          TEXT NOT NULL REFERENCES orgs (id),
          token_hash      TEXT NOT NULL UNIQUE,
          label           TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          revoked_at      TEXT,
          seen_seq        BIGINT NOT NULL DEFAULT 0,
          seen_at         TEXT,
          following       TEXT NOT NULL DEFAULT '[]',
          role            TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'head-office')),
          device_id       TEXT,
          next_token_hash TEXT
        );
        CREATE INDEX device_tokens_org ON device_tokens (org_id);
        CREATE UNIQUE INDEX device_tokens_next_hash ON device_tokens (next_token_hash) WHERE next_token_hash IS NOT NULL;
        CREATE UNIQUE INDEX device_tokens_active_device ON device_tokens (org_id, device_id) WHERE device_id IS NOT NULL AND revoked_at IS NULL;

        CREATE TABLE published_playbooks (
          org_id       TEXT NOT NULL REFERENCES orgs (id),
          id           TEXT NOT NULL,
          language     TEXT NOT NULL,
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          version      TEXT NOT NULL,
          kind         TEXT NOT NULL,
          title        TEXT NOT NULL,
          hash         TEXT NOT NULL,
          note         TEXT NOT NULL,
          body         TEXT NOT NULL,
          published_at TEXT NOT NULL,
          published_by TEXT NOT NULL REFERENCES device_tokens (id),
          PRIMARY KEY (org_id, id, language, revision)
        );
        -- Written once, never changed or removed, even by a hand-typed statement: devices keep a
        -- version by its revision for ever and incidents name the hash of what they ran on.
        CREATE FUNCTION published_playbooks_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'a published playbook version never changes; publish a new revision';
        END $$;
        CREATE FUNCTION published_playbooks_never_removed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'a published playbook version is never removed';
        END $$;
        CREATE TRIGGER published_playbooks_never_change BEFORE UPDATE ON published_playbooks
          FOR EACH ROW EXECUTE FUNCTION published_playbooks_never_change();
        CREATE TRIGGER published_playbooks_never_removed BEFORE DELETE ON published_playbooks
          FOR EACH ROW EXECUTE FUNCTION published_playbooks_never_removed();
        -- TRUNCATE skips row triggers; SQLite has no TRUNCATE, PostgreSQL needs its own guard.
        CREATE TRIGGER published_playbooks_never_truncated BEFORE TRUNCATE ON published_playbooks
          FOR EACH STATEMENT EXECUTE FUNCTION published_playbooks_never_removed();

        CREATE TABLE org_signing_keys (
          org_id     TEXT PRIMARY KEY REFERENCES orgs (id),
          key_id     TEXT NOT NULL,
          public_key TEXT NOT NULL,
          secret_key TEXT NOT NULL,
          created_at TEXT NOT NULL
        );

        CREATE TABLE meta (
          one         INTEGER PRIMARY KEY CHECK (one = 1),
          epoch       TEXT NOT NULL CHECK (epoch ~ '^[0-9a-f]{32}$'),
          epoch_since TEXT NOT NULL
        );

        CREATE TABLE org_usage (
          org_id      TEXT PRIMARY KEY,
          event_bytes BIGINT NOT NULL DEFAULT 0
        );
        CREATE FUNCTION events_add_usage() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO org_usage AS u (org_id, event_bytes)
            SELECT org_id, sum(${EVENT_BYTES}) FROM added GROUP BY org_id
            ON CONFLICT (org_id) DO UPDATE SET event_bytes = u.event_bytes + excluded.event_bytes;
          RETURN NULL;
        END $$;
        CREATE FUNCTION events_remove_usage() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE org_usage u SET event_bytes = greatest(0, u.event_bytes - r.bytes)
            FROM (SELECT org_id, sum(${EVENT_BYTES}) AS bytes FROM removed GROUP BY org_id) r
            WHERE u.org_id = r.org_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER events_add_usage AFTER INSERT ON events
          REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION events_add_usage();
        CREATE TRIGGER events_remove_usage AFTER DELETE ON events
          REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION events_remove_usage();

        CREATE TABLE enrolment_codes (
          code_hash    TEXT PRIMARY KEY,
          org_id       TEXT NOT NULL REFERENCES orgs (id),
          token_id     TEXT NOT NULL UNIQUE,
          label        TEXT NOT NULL,
          role         TEXT NOT NULL CHECK (role IN ('member', 'editor', 'head-office')),
          created_at   TEXT NOT NULL,
          expires_at   TEXT NOT NULL,
          used_at      TEXT,
          device_id    TEXT,
          cancelled_at TEXT
        );
        CREATE INDEX enrolment_codes_org ON enrolment_codes (org_id);

        -- wait_s is the answer to the bucket's last charge, so that one statement can charge and
        -- answer; full_at_ms is when it is full again, from when on the row says nothing and may go.
        CREATE TABLE rate_buckets (
          key        TEXT PRIMARY KEY,
          tokens     DOUBLE PRECISION NOT NULL,
          at_ms      DOUBLE PRECISION NOT NULL,
          wait_s     INTEGER NOT NULL,
          full_at_ms DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX rate_buckets_full_at ON rate_buckets (full_at_ms);
      `);
      // The epoch from Node's CSPRNG, as sqlite-meta.ts makes it (PostgreSQL's random() is not one).
      await client.query({
        text: `INSERT INTO meta (one, epoch, epoch_since) VALUES (1, $1, ${ISO_NOW})`,
        values: [newEpoch()],
      });
    },
  },
  {
    version: 11,
    description: "notes' photos, stored by organisation and SHA-256",
    up: createBlobSchema,
  },
];

/** The database has a schema this Muster does not know: refused, because old code could drop what it stores. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly found: number,
    readonly latest: number,
  ) {
    super(`it has schema version ${found}, but this Muster only knows up to ${latest}; run a newer Muster`);
  }
}

/**
 * Any number will do, as long as it is always the same: every Muster process starting on this
 * database takes this advisory lock around each step, so two of them starting together cannot
 * both run one step (the second waits, then finds it done).
 */
const MIGRATION_LOCK = 0x6d757374; // "must"

/**
 * Runs the steps not yet recorded, one transaction each, and answers the schema version. A
 * database already up to date costs one short transaction.
 */
export async function migratePostgres(pool: Pool, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<number> {
  const steps = [...migrations].sort((a, b) => a.version - b.version);
  const latest = steps.at(-1)?.version ?? 0;
  for (;;) {
    const done = await inTransaction(pool, async (client) => {
      await client.query({ text: 'SELECT pg_advisory_xact_lock($1)', values: [MIGRATION_LOCK] });
      // Under the lock, so two processes creating it at once cannot collide.
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version     INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at  TEXT NOT NULL
      )`);
      const found = await schemaVersion(client);
      if (found > latest) throw new NewerSchemaError(found, latest);
      const next = steps.find((step) => step.version > found);
      if (!next) return found;
      await next.up(client);
      await client.query({
        text: `INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, ${ISO_NOW})`,
        values: [next.version, next.description],
      });
      return undefined;
    });
    if (done !== undefined) return done;
  }
}

async function schemaVersion(client: PoolClient): Promise<number> {
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return result.rows[0]?.version ?? 0;
}
