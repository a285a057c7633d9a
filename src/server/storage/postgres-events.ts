import type { Pool } from 'pg';
import type { MusterEvent } from '../../domain/event';
import { MAX_PULL_BYTES } from '../../domain/sync-protocol';
import { sameContent } from './event-content';
import { toStoredEvent, type EventRow } from './rows';
import { bigintNumber, inTransaction, pgErrorCode, prepared, UNIQUE_VIOLATION } from './postgres-sql';
import type { AppendOutcome, DeviceContact, EventPage, EventStore, StoredEvent } from './types';

/** The event log half of the PostgreSQL adapter: appends, pulls, the quota total, who has seen what. */
type EventMethods = Pick<
  EventStore,
  'appendEvents' | 'bindTokenDevice' | 'readEvents' | 'latestSeq' | 'countEventsAfter' | 'storedEventBytes' | 'noteDeviceContacts' | 'incidentFollowers'
>;

/** The channel on which every append's commit is announced (see listenForAppends in postgres-listen.ts). */
export const APPENDS_CHANNEL = 'muster_appends';

const EVENT_COLUMNS =
  'e.seq, e.received_at, e.id, e.stream_id, e.device_id, e.actor, e.hlc, e.type, e.v, e.payload, (SELECT t.label FROM device_tokens t WHERE t.id = e.token_id) AS delivered_by';

// Locks the organisation's counter row (making it on its first push) until this transaction
// ends, and reads it. Every append of the organisation waits here for the one before to
// commit, so seqs are handed out in commit order. A statement of its own: the statements after
// it see the events that the transaction it waited for committed.
const claimCounter = prepared<[orgId: string], { last_seq: string }>(
  'events.claim-counter',
  `INSERT INTO org_counters AS c (org_id, last_seq) VALUES ($1, 0)
   ON CONFLICT (org_id) DO UPDATE SET last_seq = c.last_seq
   RETURNING last_seq`,
);
const eventsWithIds = prepared<[orgId: string, ids: string[]], EventRow>(
  'events.with-ids',
  `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.org_id = $1 AND e.id = ANY ($2::text[])`,
);
// One statement for the whole batch (a push carries up to 500 events): the rows, the counter
// moved on to the last of them, and the announcement, which PostgreSQL delivers on commit.
const insertEvents = prepared<
  [
    orgId: string,
    seqs: number[],
    ids: string[],
    streams: string[],
    devices: string[],
    actors: string[],
    hlcs: string[],
    types: string[],
    payloads: string[],
    vs: number[],
    receivedAt: string,
    tokenId: string | null,
  ],
  { notified: string }
>(
  'events.insert',
  `WITH added AS (
     INSERT INTO events (org_id, seq, id, stream_id, device_id, actor, hlc, type, payload, v, received_at, token_id)
     SELECT $1, e.seq, e.id, e.stream_id, e.device_id, e.actor, e.hlc, e.type, e.payload, e.v, $11, $12
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])
       AS e (seq, id, stream_id, device_id, actor, hlc, type, payload, v)
     RETURNING seq
   ), advanced AS (
     UPDATE org_counters SET last_seq = (SELECT max(seq) FROM added) WHERE org_id = $1 RETURNING last_seq
   )
   SELECT pg_notify('${APPENDS_CHANNEL}', json_build_object('orgId', $1::text, 'seq', last_seq)::text) AS notified FROM advanced`,
);
// The page is cut by bytes in the database, so rows past it never reach this process (a page
// of 1,000 events of 256 KB would be 256 MB). Each row's size is the estimate sqlite.ts makes of
// its pull JSON: 160 bytes for the names, quotes and numbers, and its texts as UTF-8. Only the
// rows that fit leave the database (the first always does), and the one after them, which tells
// that more follow: a row leaves when the rows before it fit, or when it is the first or second.
const PULLED_BYTES = ['payload', 'id', 'stream_id', 'device_id', 'actor', 'hlc', 'type', 'received_at']
  .map((column) => `octet_length(page.${column})`)
  .concat("octet_length(coalesce(page.delivered_by, ''))")
  .join(' + ');
const eventsAfter = prepared<[orgId: string, afterSeq: number, limit: number, maxBytes: number], EventRow & { bytes: number }>(
  'events.after',
  `SELECT * FROM (
     SELECT page.*, sized.bytes, sum(sized.bytes) OVER (ORDER BY page.seq) - sized.bytes AS bytes_before, row_number() OVER (ORDER BY page.seq) AS n
     FROM (SELECT ${EVENT_COLUMNS} FROM events e WHERE e.org_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3) page,
       LATERAL (SELECT 160 + ${PULLED_BYTES} AS bytes) sized
   ) counted
   WHERE counted.n <= 2 OR counted.bytes_before <= $4
   ORDER BY counted.seq`,
);
const maxSeq = prepared<[orgId: string], { seq: string | null }>('events.max-seq', 'SELECT max(seq) AS seq FROM events WHERE org_id = $1');
const countAfter = prepared<[orgId: string, afterSeq: number], { n: string }>(
  'events.count-after',
  'SELECT count(*) AS n FROM events WHERE org_id = $1 AND seq > $2',
);
const usage = prepared<[orgId: string], { event_bytes: string }>('events.usage', 'SELECT event_bytes FROM org_usage WHERE org_id = $1');
// A device id belongs to one active token of the organisation. The NOT EXISTS answers the
// common case; two tokens racing for one device id on two connections both pass it, and then
// the unique index device_tokens_active_device refuses the second (see bindTokenDevice).
const bindDevice = prepared<[tokenId: string, deviceId: string]>(
  'tokens.bind-device',
  `UPDATE device_tokens SET device_id = $2 WHERE id = $1 AND device_id IS NULL AND NOT EXISTS
     (SELECT 1 FROM device_tokens other WHERE other.org_id = device_tokens.org_id AND other.device_id = $2 AND other.revoked_at IS NULL)`,
);
const boundDevice = prepared<[tokenId: string], { device_id: string | null }>('tokens.bound-device', 'SELECT device_id FROM device_tokens WHERE id = $1');
// In one order, so two processes writing overlapping batches wait for each other instead of deadlocking.
const lockTokens = prepared<[tokenIds: string[]]>('tokens.lock', 'SELECT id FROM device_tokens WHERE id = ANY ($1::text[]) ORDER BY id FOR UPDATE');
const noteContacts = prepared<[tokenIds: string[], seenSeqs: number[], ats: string[], following: (string | null)[]]>(
  'tokens.note-contacts',
  `UPDATE device_tokens t
   SET seen_seq = greatest(t.seen_seq, c.seen_seq), seen_at = c.at, following = coalesce(c.following, t.following)
   FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS c (token_id, seen_seq, at, following)
   WHERE t.id = c.token_id`,
);
const lastOfStream = prepared<[orgId: string, streamId: string], { seq: string | null }>(
  'events.last-of-stream',
  'SELECT max(seq) AS seq FROM events WHERE org_id = $1 AND stream_id = $2',
);
// behind_since: when the first event of the incident after the device's cursor arrived (an
// index lookup on events_org_stream_seq per following device).
const followingTokens = prepared<
  [orgId: string, streamId: string],
  { id: string; label: string; seen_seq: string; seen_at: string | null; following: string; behind_since: string | null }
>(
  'tokens.following',
  `SELECT t.id, t.label, t.seen_seq, t.seen_at, t.following,
     (SELECT e.received_at FROM events e WHERE e.org_id = t.org_id AND e.stream_id = $2 AND e.seq > t.seen_seq ORDER BY e.seq LIMIT 1) AS behind_since
   FROM device_tokens t
   WHERE t.org_id = $1 AND t.revoked_at IS NULL AND t.following <> '[]'
   ORDER BY t.created_at COLLATE "C", t.id COLLATE "C"`,
);

/** The port's event methods over a pool of a migrated database. */
export function postgresEvents(pool: Pool): EventMethods {
  return {
    async appendEvents(orgId, events, receivedAt, tokenId) {
      if (events.length === 0) return [];
      return inTransaction(pool, async (client) => {
        const last = bigintNumber((await claimCounter(client, orgId)).rows[0]?.last_seq);
        // What each id holds once this call is done: what was there, or the first copy in this call.
        const stored = new Map<string, StoredEvent>();
        for (const row of (await eventsWithIds(client, orgId, [...new Set(events.map((e) => e.id))])).rows) stored.set(row.id, toStoredEvent(row));
        const fresh: StoredEvent[] = [];
        const accepted = new Set<number>();
        events.forEach((e, index) => {
          if (stored.has(e.id)) return;
          // Numbered on from the counter in the order pushed; the lock makes the numbers ours.
          const row = { ...storedForm(e, receivedAt), seq: last + fresh.length + 1 };
          fresh.push(row);
          stored.set(e.id, row);
          accepted.add(index);
        });
        if (fresh.length > 0) {
          const column = <T>(pick: (row: StoredEvent) => T): T[] => fresh.map(pick);
          await insertEvents(
            client,
            orgId,
            column((r) => r.seq),
            column((r) => r.id),
            column((r) => r.streamId),
            column((r) => r.deviceId),
            column((r) => r.actor),
            column((r) => r.hlc),
            column((r) => r.type),
            column((r) => r.payloadJson),
            column((r) => r.v),
            receivedAt,
            tokenId ?? null,
          );
        }
        return events.map((e, index): AppendOutcome => {
          const row = stored.get(e.id);
          if (!row) throw new Error(`event ${e.id} was neither inserted nor found`);
          if (accepted.has(index)) return { status: 'accepted', seq: row.seq };
          return { status: sameContent(row, e) ? 'duplicate' : 'conflict', seq: row.seq };
        });
      });
    },
    async bindTokenDevice(tokenId, deviceId) {
      try {
        await bindDevice(pool, tokenId, deviceId);
      } catch (error) {
        // Another active token took this device id a moment ago: this token stays unbound.
        if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
      }
      return (await boundDevice(pool, tokenId)).rows[0]?.device_id ?? undefined;
    },
    async readEvents(orgId, afterSeq, limit, maxBytes = MAX_PULL_BYTES): Promise<EventPage> {
      // One row more than fits tells whether another page follows, without a COUNT; rows
      // further on are never read.
      const rows = (await eventsAfter(pool, orgId, afterSeq, limit + 1, maxBytes)).rows;
      const events: StoredEvent[] = [];
      let bytes = 0;
      let more = false;
      for (const row of rows) {
        const size = row.bytes;
        if (events.length === limit || (events.length > 0 && bytes + size > maxBytes)) {
          more = true;
          break;
        }
        events.push(toStoredEvent(row));
        bytes += size;
      }
      return { events, more };
    },
    async latestSeq(orgId) {
      return bigintNumber((await maxSeq(pool, orgId)).rows[0]?.seq);
    },
    async countEventsAfter(orgId, afterSeq) {
      return bigintNumber((await countAfter(pool, orgId, afterSeq)).rows[0]?.n);
    },
    async storedEventBytes(orgId) {
      return bigintNumber((await usage(pool, orgId)).rows[0]?.event_bytes);
    },
    async noteDeviceContacts(list) {
      if (list.length === 0) return;
      const contacts = [...latestPerToken(list).values()].sort((a, b) => (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0));
      await inTransaction(pool, async (client) => {
        await lockTokens(
          client,
          contacts.map((c) => c.tokenId),
        );
        await noteContacts(
          client,
          contacts.map((c) => c.tokenId),
          contacts.map((c) => c.seenSeq),
          contacts.map((c) => c.at),
          contacts.map((c) => (c.following === undefined ? null : JSON.stringify(c.following))),
        );
      });
    },
    async incidentFollowers(orgId, incidentId) {
      const latest = (await lastOfStream(pool, orgId, incidentId)).rows[0]?.seq ?? null;
      const latestSeq = latest === null ? null : bigintNumber(latest);
      const devices = (await followingTokens(pool, orgId, incidentId)).rows
        .filter((row) => parseFollowing(row.following).includes(incidentId))
        .map((row) => {
          const seenSeq = bigintNumber(row.seen_seq);
          return {
            tokenId: row.id,
            label: row.label,
            seenSeq,
            seenAt: row.seen_at,
            behindSince: latestSeq !== null && seenSeq < latestSeq ? row.behind_since : null,
          };
        });
      return { latestSeq, devices };
    },
  };
}

/** An event as this adapter stores it, before it has a seq. */
function storedForm(e: MusterEvent, receivedAt: string): Omit<StoredEvent, 'seq'> {
  const { id, streamId, deviceId, actor, hlc, type, v } = e;
  return { id, streamId, deviceId, actor, hlc, type, v, payloadJson: JSON.stringify(e.payload), receivedAt, deliveredBy: null };
}

/**
 * One contact per token, as SQLite's one-by-one updates leave it: the highest seq, the last
 * time, and the last `following` given. (One UPDATE … FROM cannot apply two rows to one token.)
 */
function latestPerToken(list: readonly DeviceContact[]): Map<string, DeviceContact> {
  const merged = new Map<string, DeviceContact>();
  for (const contact of list) {
    const before = merged.get(contact.tokenId);
    const following = contact.following ?? before?.following;
    merged.set(contact.tokenId, {
      tokenId: contact.tokenId,
      at: contact.at,
      seenSeq: Math.max(before?.seenSeq ?? contact.seenSeq, contact.seenSeq),
      ...(following !== undefined ? { following } : {}),
    });
  }
  return merged;
}

/** A stored `following` list; anything unreadable counts as following nothing (as in sqlite.ts). */
function parseFollowing(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
