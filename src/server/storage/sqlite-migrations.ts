import type { Database } from 'better-sqlite3';
import { createBlobSchema } from './sqlite-blobs';
import { createUsageSchema } from './sqlite-usage';

/**
 * One step of the SQLite schema. `version` is what `PRAGMA user_version` holds once the step
 * has run; steps are append-only: a released step is never edited, a change is a new step.
 */
export interface SqliteMigration {
  readonly version: number;
  readonly description: string;
  /**
   * Runs with foreign keys off, for a step that rebuilds a table others refer to (SQLite's
   * documented way to change a constraint); the step's end checks every key still holds.
   */
  readonly rebuildsTables?: boolean;
  up(db: Database): void;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'organisations and the event log',
    up(db) {
      // `seq` is AUTOINCREMENT, not a plain rowid alias, so a number is never reused after a
      // delete: pull cursors held by devices stay valid. UNIQUE(org_id, id) makes a retried
      // push an insert-or-ignore instead of a second copy, so a device may resend a batch safely.
      db.exec(`
        CREATE TABLE orgs (
          id         TEXT PRIMARY KEY,
          name       TEXT,
          created_at TEXT
        );
        CREATE TABLE events (
          seq         INTEGER PRIMARY KEY AUTOINCREMENT,
          org_id      TEXT NOT NULL,
          id          TEXT NOT NULL,
          stream_id   TEXT NOT NULL,
          device_id   TEXT NOT NULL,
          actor       TEXT NOT NULL,
          hlc         TEXT NOT NULL,
          type        TEXT NOT NULL,
          payload     TEXT NOT NULL,
          v           INTEGER NOT NULL,
          received_at TEXT NOT NULL,
          UNIQUE (org_id, id)
        );
        CREATE INDEX events_org_seq ON events (org_id, seq);
      `);
    },
  },
  {
    version: 2,
    description: 'device tokens',
    up(db) {
      // Only a SHA-256 of each token is kept: the tokens are 256 random bits, so a plain hash
      // is enough (no salt or slow hash needed) and a copy of this file enrols no device.
      // A revoked token keeps its row, so the CLI can still say whose it was and when.
      db.exec(`
        CREATE TABLE device_tokens (
          id          TEXT PRIMARY KEY,
          org_id      TEXT NOT NULL REFERENCES orgs (id),
          token_hash  TEXT NOT NULL UNIQUE,
          label       TEXT NOT NULL,
          created_at  TEXT NOT NULL,
          revoked_at  TEXT
        );
        CREATE INDEX device_tokens_org ON device_tokens (org_id);
      `);
    },
  },
  {
    version: 3,
    description: 'who has seen what: the cursor, last contact and followed incidents of each device token',
    up(db) {
      // seen_seq: the last seq the server handed that device in a pull; seen_at: when it last
      // pulled or held its stream; following: the ids of the incidents open on it (JSON list).
      // The index finds, per incident, the first event a device has not been handed.
      db.exec(`
        ALTER TABLE device_tokens ADD COLUMN seen_seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE device_tokens ADD COLUMN seen_at TEXT;
        ALTER TABLE device_tokens ADD COLUMN following TEXT NOT NULL DEFAULT '[]';
        CREATE INDEX events_org_stream_seq ON events (org_id, stream_id, seq);
      `);
    },
  },
  {
    version: 4,
    description: 'device roles, and the published playbooks of each organisation',
    up(db) {
      // Every token issued before roles existed becomes a member: publishing is granted, never
      // assumed. A published version is written once and never changed or removed (the
      // triggers make that hold even for a hand-typed UPDATE), because devices keep a version
      // by its revision for ever and incidents name the hash of what they ran on.
      // `body` is the JSON text as stored, handed out as it is, byte for byte.
      db.exec(`
        ALTER TABLE device_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor'));
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
        CREATE TRIGGER published_playbooks_never_change BEFORE UPDATE ON published_playbooks
        BEGIN
          SELECT RAISE(ABORT, 'a published playbook version never changes; publish a new revision');
        END;
        CREATE TRIGGER published_playbooks_never_removed BEFORE DELETE ON published_playbooks
        BEGIN
          SELECT RAISE(ABORT, 'a published playbook version is never removed');
        END;
      `);
    },
  },
  {
    version: 5,
    description: "each organisation's Ed25519 key that countersigns exported reports",
    up(db) {
      // One key per organisation, made on first need and never changed: reports countersigned
      // with it stay checkable against the public key the administrator handed out. The secret
      // key is the raw 32-byte seed in hex; the file is the server's own (see DATA_DIR).
      db.exec(`
        CREATE TABLE org_signing_keys (
          org_id     TEXT PRIMARY KEY REFERENCES orgs (id),
          key_id     TEXT NOT NULL,
          public_key TEXT NOT NULL,
          secret_key TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 6,
    description: "the database's identity: an epoch that a restore from a backup changes",
    up(db) {
      // One row (the CHECK keeps it one). Seq numbers only mean something within one epoch: a
      // restored file hands out again seqs that devices have already seen, so a restore writes
      // a new epoch and devices that see it pull again from 0 (sqlite-meta.ts, admin restore).
      // 128 random bits from SQLite itself, so this step needs nothing but SQL.
      db.exec(`
        CREATE TABLE meta (
          one         INTEGER PRIMARY KEY CHECK (one = 1),
          epoch       TEXT NOT NULL,
          epoch_since TEXT NOT NULL
        );
        INSERT INTO meta (one, epoch, epoch_since) VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      `);
    },
  },
  {
    version: 7,
    description: 'which device token delivered each event, and the device id each token is bound to',
    up(db) {
      // token_id: the token that pushed the event (NULL for events stored before this step), so
      // after a stolen token is found the administrator can tell what it wrote. device_id: the
      // first push from a token binds it (unless another active token holds that id); events
      // naming another device id are refused from then on.
      db.exec(`
        ALTER TABLE events ADD COLUMN token_id TEXT;
        ALTER TABLE device_tokens ADD COLUMN device_id TEXT;
      `);
    },
  },
  {
    version: 8,
    description: "the bytes each organisation's events take, for the storage quota",
    up: createUsageSchema,
  },
  {
    version: 9,
    description: 'one-time enrolment codes, and a pending next token for rotation',
    up(db) {
      // A code is kept only as a SHA-256, as tokens are. It names the token id the device will
      // get, so the administrator can withdraw it (device revoke) before it is used. used_at is
      // set once, in the same transaction that adds the token: a code cannot enrol twice.
      // next_token_hash: a rotated token waiting for its first use; until then the current one
      // still works, so a device that lost the rotation's answer is not locked out.
      db.exec(`
        CREATE TABLE enrolment_codes (
          code_hash    TEXT PRIMARY KEY,
          org_id       TEXT NOT NULL REFERENCES orgs (id),
          token_id     TEXT NOT NULL UNIQUE,
          label        TEXT NOT NULL,
          role         TEXT NOT NULL CHECK (role IN ('member', 'editor')),
          created_at   TEXT NOT NULL,
          expires_at   TEXT NOT NULL,
          used_at      TEXT,
          device_id    TEXT,
          cancelled_at TEXT
        );
        CREATE INDEX enrolment_codes_org ON enrolment_codes (org_id);
        ALTER TABLE device_tokens ADD COLUMN next_token_hash TEXT;
        CREATE UNIQUE INDEX device_tokens_next_hash ON device_tokens (next_token_hash) WHERE next_token_hash IS NOT NULL;
      `);
    },
  },
  {
    version: 10,
    description: 'organisations under a parent (branches under their head office), and the head-office role',
    rebuildsTables: true,
    up(db) {
      // parent_id: the organisation this one reports to. A head-office token reads the events
      // of every organisation below its own and writes none. SQLite cannot widen a CHECK in
      // place, so the two tables holding a role are rebuilt with the same columns, in the same
      // order, and their indexes made again.
      db.exec(`
        ALTER TABLE orgs ADD COLUMN parent_id TEXT REFERENCES orgs (id);
        CREATE INDEX orgs_parent ON orgs (parent_id);

        CREATE TABLE device_tokens_v10 (
          id              TEXT PRIMARY KEY,
          org_id          TEXT NOT NULL REFERENCES orgs (id),
          token_hash      TEXT NOT NULL UNIQUE,
          label           TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          revoked_at      TEXT,
          seen_seq        INTEGER NOT NULL DEFAULT 0,
          seen_at         TEXT,
          following       TEXT NOT NULL DEFAULT '[]',
          role            TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'head-office')),
          device_id       TEXT,
          next_token_hash TEXT
        );
        INSERT INTO device_tokens_v10 (id, org_id, token_hash, label, created_at, revoked_at, seen_seq, seen_at, following, role, device_id, next_token_hash)
          SELECT id, org_id, token_hash, label, created_at, revoked_at, seen_seq, seen_at, following, role, device_id, next_token_hash FROM device_tokens;
        DROP TABLE device_tokens;
        ALTER TABLE device_tokens_v10 RENAME TO device_tokens;
        CREATE INDEX device_tokens_org ON device_tokens (org_id);
        CREATE UNIQUE INDEX device_tokens_next_hash ON device_tokens (next_token_hash) WHERE next_token_hash IS NOT NULL;

        CREATE TABLE enrolment_codes_v10 (
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
        INSERT INTO enrolment_codes_v10 SELECT code_hash, org_id, token_id, label, role, created_at, expires_at, used_at, device_id, cancelled_at FROM enrolment_codes;
        DROP TABLE enrolment_codes;
        ALTER TABLE enrolment_codes_v10 RENAME TO enrolment_codes;
        CREATE INDEX enrolment_codes_org ON enrolment_codes (org_id);
      `);
    },
  },
  {
    version: 11,
    description: "notes' photos, stored by organisation and SHA-256",
    up: createBlobSchema,
  },
];
