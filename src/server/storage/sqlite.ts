import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-migrations';
import type { MusterEvent } from '../../domain/event';
import { DEFAULT_DEVICE_ROLE, type DeviceRole } from '../../domain/playbook-publish';
import { ORG_COLUMNS, TOKEN_COLUMNS, toOrg, toStoredEvent, toToken, type EventRow, type OrgRow, type TokenRow } from './rows';
import { MAX_PULL_BYTES } from '../../domain/sync-protocol';
import { sameContent } from './event-content';
import { sqliteMeta } from './sqlite-meta';
import { sqlitePlaybooks } from './sqlite-playbooks';
import { sqliteKeys } from './sqlite-keys';
import { sqliteEnrolment } from './sqlite-enrol';
import { keepDatabaseOwnerOnly, OWNER_ONLY_DIR } from './owner-only';
import { sqliteUsage } from './sqlite-usage';
import { sqliteBlobs } from './sqlite-blobs';
import { checkOpenedDatabase, probeSqlite, refuseEmptyFile } from './sqlite-check';
import type { AppendOutcome, DeviceContact, EventPage, EventStore, OrgActivity, StoredEvent } from './types';

/** The data file cannot be used; the message names the file and what is wrong with it. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export const SQLITE_FILE_NAME = 'muster.sqlite';

export interface SqliteEventStore extends EventStore {
  readonly kind: 'sqlite';
  close(): void;
  /** Absolute path of the database file, for messages and backups. */
  readonly file: string;
  /** Schema version now in the file (`PRAGMA user_version`). */
  readonly schemaVersion: number;
  /** The open connection, for adapter code and tests; routes must go through the port. */
  readonly db: SqliteDatabase;
}

/**
 * Opens (creating if needed) `<dataDir>/muster.sqlite` and brings its schema up to date.
 * Throws an Error naming the file and the problem when the file cannot be used, so a wrong
 * DATA_DIR is reported at start-up rather than on the first sync.
 */
export function openSqliteStore(dataDir: string, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): SqliteEventStore {
  const dir = resolve(dataDir);
  try {
    // A folder made here is the owner's only (OWNER_ONLY_DIR); one the administrator made is left as it is.
    mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  } catch (error) {
    throw new StoreOpenError(`Cannot create the data folder ${dir}: ${describeFsError(error)}`, { cause: error });
  }
  const file = join(dir, SQLITE_FILE_NAME);

  let db: SqliteDatabase | undefined;
  try {
    refuseEmptyFile(file);
    db = new Database(file);
    keepDatabaseOwnerOnly(file);
    // Before anything writes to it: a damaged or foreign file refuses the start (sqlite-check.ts).
    checkOpenedDatabase(db);
    // WAL lets pulls read while a push writes. FULL, not NORMAL: a device deletes its outbox
    // entry once the server says "accepted", so an acknowledged commit must survive a power
    // cut too — with NORMAL the last commits could vanish after the device had let go of them.
    // The cost is one fsync per push request (a batch of up to 500 events), not per event.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrate(db, migrations);
    return sqliteStore(db, file, schemaVersion);
  } catch (error) {
    db?.close();
    throw new StoreOpenError(`Cannot open the Muster database ${file}: ${describeSqliteError(error)}`, { cause: error });
  }
}

// delivered_by: the label of the token that pushed the event, looked up by its primary key.
const EVENT_COLUMNS =
  'seq, received_at, id, stream_id, device_id, actor, hlc, type, v, payload, (SELECT label FROM device_tokens WHERE device_tokens.id = events.token_id) AS delivered_by';

/**
 * About how many bytes of pull JSON a row makes (UTF-8): its fields, and room for the names,
 * quotes, numbers and escapes around them. Escapes in the payload are already in its text.
 */
function pulledEventBytes(r: EventRow): number {
  let bytes = 160;
  for (const text of [r.payload, r.id, r.stream_id, r.device_id, r.actor, r.hlc, r.type, r.received_at, r.delivered_by ?? ''])
    bytes += Buffer.byteLength(text, 'utf8');
  return bytes;
}

/** The port over an open, migrated connection. Statements are prepared once, here. */
function sqliteStore(db: SqliteDatabase, file: string, schemaVersion: number): SqliteEventStore {
  const insertEvent = db.prepare<[string, string, string, string, string, string, string, string, number, string, string | null], { seq: number }>(
    `INSERT INTO events (org_id, id, stream_id, device_id, actor, hlc, type, payload, v, received_at, token_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, id) DO NOTHING
     RETURNING seq`,
  );
  const eventById = db.prepare<[string, string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE org_id = ? AND id = ?`);
  const eventsAfter = db.prepare<[string, number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const insertOrg = db.prepare<[string, string, string, string | null]>('INSERT INTO orgs (id, name, created_at, parent_id) VALUES (?, ?, ?, ?)');
  const orgById = db.prepare<[string], OrgRow>(`SELECT ${ORG_COLUMNS} FROM orgs WHERE id = ?`);
  const allOrgs = db.prepare<[], OrgRow>(`SELECT ${ORG_COLUMNS} FROM orgs ORDER BY created_at, id`);
  const setParent = db.prepare<[string | null, string]>('UPDATE orgs SET parent_id = ? WHERE id = ?');
  // UNION, not UNION ALL: a loop typed into the file by hand still ends.
  const below = db.prepare<[string], OrgRow>(
    `WITH RECURSIVE below (id) AS (
       SELECT id FROM orgs WHERE parent_id = ?
       UNION SELECT o.id FROM orgs o JOIN below b ON o.parent_id = b.id
     )
     SELECT ${ORG_COLUMNS} FROM orgs WHERE id IN (SELECT id FROM below) ORDER BY name, id`,
  );
  const newestEvent = db.prepare<[string], { seq: number; received_at: string }>(
    'SELECT seq, received_at FROM events WHERE org_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const lastContact = db.prepare<[string], { at: string | null }>('SELECT max(seen_at) AS at FROM device_tokens WHERE org_id = ? AND revoked_at IS NULL');
  const insertToken = db.prepare<[string, string, string, string, DeviceRole, string]>(
    'INSERT INTO device_tokens (id, org_id, token_hash, label, role, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tokenByHash = db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM device_tokens WHERE token_hash = ?`);
  const tokenById = db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM device_tokens WHERE id = ?`);
  const tokensOfOrg = db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM device_tokens WHERE org_id = ? ORDER BY created_at, id`);
  const revokeToken = db.prepare<[string, string]>('UPDATE device_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');
  const setRole = db.prepare<[DeviceRole, string]>('UPDATE device_tokens SET role = ? WHERE id = ?');
  const maxSeq = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM events WHERE org_id = ?');
  const countAfter = db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM events WHERE org_id = ? AND seq > ?');
  const noteSeen = db.prepare<[number, string, string]>('UPDATE device_tokens SET seen_seq = max(seen_seq, ?), seen_at = ? WHERE id = ?');
  const noteFollowing = db.prepare<[string, string]>('UPDATE device_tokens SET following = ? WHERE id = ?');
  const followingTokens = db.prepare<[string], { id: string; label: string; seen_seq: number; seen_at: string | null; following: string }>(
    `SELECT id, label, seen_seq, seen_at, following FROM device_tokens WHERE org_id = ? AND revoked_at IS NULL AND following != '[]' ORDER BY created_at, id`,
  );
  const lastOfStream = db.prepare<[string, string], { seq: number | null }>('SELECT max(seq) AS seq FROM events WHERE org_id = ? AND stream_id = ?');
  const firstUnseen = db.prepare<[string, string, number], { received_at: string }>(
    'SELECT received_at FROM events WHERE org_id = ? AND stream_id = ? AND seq > ? ORDER BY seq LIMIT 1',
  );
  const contacts = db.transaction((list: readonly DeviceContact[]) => {
    for (const { tokenId, seenSeq, following, at } of list) {
      noteSeen.run(seenSeq, at, tokenId);
      if (following !== undefined) noteFollowing.run(JSON.stringify(following), tokenId);
    }
  });

  // IMMEDIATE takes the write lock before the first insert: seq numbers are handed out in
  // the order transactions commit, so a reader that has seen seq N has seen everything below.
  // A device id belongs to one active token of the organisation: a second token cannot take it.
  const bindDevice = db.prepare<[string, string, string]>(
    `UPDATE device_tokens SET device_id = ? WHERE id = ? AND device_id IS NULL AND NOT EXISTS
       (SELECT 1 FROM device_tokens other WHERE other.org_id = device_tokens.org_id AND other.device_id = ? AND other.revoked_at IS NULL)`,
  );
  const boundDevice = db.prepare<[string], { device_id: string | null }>('SELECT device_id FROM device_tokens WHERE id = ?');
  const append = db.transaction((orgId: string, events: readonly MusterEvent[], receivedAt: string, tokenId: string | null): AppendOutcome[] =>
    events.map((e) => {
      const inserted = insertEvent.get(orgId, e.id, e.streamId, e.deviceId, e.actor, e.hlc, e.type, JSON.stringify(e.payload), e.v, receivedAt, tokenId);
      if (inserted) return { status: 'accepted', seq: inserted.seq };
      const row = eventById.get(orgId, e.id);
      if (!row) throw new Error(`event ${e.id} was neither inserted nor found`);
      const stored = toStoredEvent(row);
      return { status: sameContent(stored, e) ? 'duplicate' : 'conflict', seq: stored.seq };
    }),
  );

  let closed = false;
  return {
    ...sqlitePlaybooks(db),
    ...sqliteKeys(db),
    ...sqliteMeta(db),
    ...sqliteEnrolment(db),
    ...sqliteUsage(db),
    ...sqliteBlobs(db),
    kind: 'sqlite',
    file,
    schemaVersion,
    db,
    close() {
      if (closed) return;
      closed = true;
      // Closing the last connection checkpoints the WAL back into the main file.
      db.close();
    },
    createOrg(org, at) {
      const parentId = org.parentId ?? null;
      insertOrg.run(org.id, org.name, at, parentId);
      return Promise.resolve({ id: org.id, name: org.name, createdAt: at, parentId });
    },
    getOrg(id) {
      const row = orgById.get(id);
      return Promise.resolve(row ? toOrg(row) : undefined);
    },
    listOrgs() {
      return Promise.resolve(allOrgs.all().map(toOrg));
    },
    setOrgParent(id, parentId) {
      setParent.run(parentId, id);
      const row = orgById.get(id);
      return Promise.resolve(row ? toOrg(row) : undefined);
    },
    descendantOrgs(orgId) {
      return Promise.resolve(below.all(orgId).map(toOrg));
    },
    orgActivity(orgIds) {
      return Promise.resolve(
        orgIds.map((orgId): OrgActivity => {
          const newest = newestEvent.get(orgId);
          return { orgId, latestSeq: newest?.seq ?? 0, lastEventAt: newest?.received_at ?? null, lastContactAt: lastContact.get(orgId)?.at ?? null };
        }),
      );
    },
    addDeviceToken(token, at) {
      const role = token.role ?? DEFAULT_DEVICE_ROLE;
      insertToken.run(token.id, token.orgId, token.tokenHash, token.label, role, at);
      return Promise.resolve({ id: token.id, orgId: token.orgId, label: token.label, role, createdAt: at, revokedAt: null });
    },
    findDeviceToken(tokenHash) {
      const row = tokenByHash.get(tokenHash);
      return Promise.resolve(row ? toToken(row) : undefined);
    },
    listDeviceTokens(orgId) {
      return Promise.resolve(tokensOfOrg.all(orgId).map(toToken));
    },
    revokeDeviceToken(id, at) {
      revokeToken.run(at, id);
      const row = tokenById.get(id);
      return Promise.resolve(row ? toToken(row) : undefined);
    },
    setDeviceRole(id, role) {
      setRole.run(role, id);
      const row = tokenById.get(id);
      return Promise.resolve(row ? toToken(row) : undefined);
    },
    appendEvents(orgId, events, receivedAt, tokenId) {
      if (events.length === 0) return Promise.resolve([]);
      return Promise.resolve(append.immediate(orgId, events, receivedAt, tokenId ?? null));
    },
    bindTokenDevice(tokenId, deviceId) {
      bindDevice.run(deviceId, tokenId, deviceId);
      const row = boundDevice.get(tokenId);
      return Promise.resolve(row ? (row.device_id ?? undefined) : undefined);
    },
    readEvents(orgId, afterSeq, limit, maxBytes = MAX_PULL_BYTES): Promise<EventPage> {
      // Rows one at a time, so a page of big events never has more than one row past the page
      // in memory. One row more than fits tells whether another page follows, without a COUNT.
      const events: StoredEvent[] = [];
      let bytes = 0;
      let more = false;
      for (const row of eventsAfter.iterate(orgId, afterSeq, limit + 1)) {
        const size = pulledEventBytes(row);
        if (events.length === limit || (events.length > 0 && bytes + size > maxBytes)) {
          more = true;
          break;
        }
        events.push(toStoredEvent(row));
        bytes += size;
      }
      return Promise.resolve({ events, more });
    },
    latestSeq(orgId) {
      return Promise.resolve(maxSeq.get(orgId)?.seq ?? 0);
    },
    countEventsAfter(orgId, afterSeq) {
      return Promise.resolve(countAfter.get(orgId, afterSeq)?.n ?? 0);
    },
    probe() {
      return Promise.resolve(probeSqlite(db));
    },
    noteDeviceContacts(list) {
      if (list.length > 0) contacts(list);
      return Promise.resolve();
    },
    incidentFollowers(orgId, incidentId) {
      const latestSeq = lastOfStream.get(orgId, incidentId)?.seq ?? null;
      const devices = followingTokens
        .all(orgId)
        .filter((row) => parseFollowing(row.following).includes(incidentId))
        .map((row) => ({
          tokenId: row.id,
          label: row.label,
          seenSeq: row.seen_seq,
          seenAt: row.seen_at,
          behindSince: latestSeq !== null && row.seen_seq < latestSeq ? (firstUnseen.get(orgId, incidentId, row.seen_seq)?.received_at ?? null) : null,
        }));
      return Promise.resolve({ latestSeq, devices });
    },
  };
}

/** A stored `following` list; anything unreadable counts as following nothing. */
function parseFollowing(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function migrate(db: SqliteDatabase, migrations: readonly SqliteMigration[]): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const found = userVersion(db);
  if (found > latest) {
    // Running old code on a newer file could silently drop what the newer schema stores.
    throw new Error(`it has schema version ${found}, but this Muster only knows up to ${latest}; run a newer Muster`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (userVersion(db) >= migration.version) continue;
    // Only outside a transaction does this pragma take effect (SQLite's table-rebuild procedure).
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      // IMMEDIATE takes the write lock before reading user_version, so two processes starting
      // on the same file cannot both run the same step.
      db.transaction(() => {
        if (userVersion(db) >= migration.version) return;
        migration.up(db);
        if (migration.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`schema step ${migration.version} would leave ${broken.length} broken references; nothing was changed`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
  return userVersion(db);
}

function userVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function describeSqliteError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'the file is not a SQLite database (is DATA_DIR pointing at the right folder?)';
    case 'SQLITE_CORRUPT':
      return 'the file is damaged (SQLite reports it corrupt). Stop Muster, copy your latest backup of the database over this file (deleting the -wal and -shm files beside it, if any), and start again';
    case 'SQLITE_CANTOPEN':
      return 'the file cannot be opened (check that it is a file, not a folder, and that the folder is writable)';
    case 'SQLITE_READONLY':
      return 'the file is read-only; Muster needs to write to it';
    case 'SQLITE_BUSY':
      return 'the database is locked by another process';
    default:
      return message;
  }
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file with that name is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
