import type { Database } from 'better-sqlite3';
import type { EventStore } from './types';

/**
 * The bytes each organisation's events take, for the storage quota (ORG_QUOTA_MB).
 *
 * A running total in a one-row-per-organisation table, kept by triggers on `events`, rather
 * than a SUM over the events (cached or not): the SUM reads every row of the organisation —
 * the very 300 MB the quota exists to stop — each time a cache is cold, and a cache in the
 * server would not see rows written by another process (the admin CLI). The triggers run
 * inside the insert's own transaction, so the total can never drift from the rows: a push
 * that rolls back takes its addition with it, whoever the writer is. Reading it is one
 * primary-key lookup.
 *
 * An event's bytes: its text fields and payload, as UTF-8 (`length(CAST(… AS BLOB))`), the
 * same sum as `storedEventBytes` in rate-limit.ts.
 */
const EVENT_BYTES = (row: 'NEW.' | 'OLD.' | ''): string =>
  ['id', 'stream_id', 'device_id', 'actor', 'hlc', 'type', 'payload'].map((column) => `length(CAST(${row}${column} AS BLOB))`).join(' + ');

/**
 * Schema version 8: the table, filled from the events already stored, and the triggers that keep
 * it. A released migration step: change it only by a new step.
 */
export function createUsageSchema(db: Database): void {
  db.exec(`
    CREATE TABLE org_usage (
      org_id      TEXT PRIMARY KEY,
      event_bytes INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO org_usage (org_id, event_bytes)
      SELECT org_id, sum(${EVENT_BYTES('')}) FROM events GROUP BY org_id;
    CREATE TRIGGER events_add_usage AFTER INSERT ON events
    BEGIN
      INSERT INTO org_usage (org_id, event_bytes) VALUES (NEW.org_id, ${EVENT_BYTES('NEW.')})
        ON CONFLICT (org_id) DO UPDATE SET event_bytes = event_bytes + excluded.event_bytes;
    END;
    CREATE TRIGGER events_remove_usage AFTER DELETE ON events
    BEGIN
      UPDATE org_usage SET event_bytes = max(0, event_bytes - (${EVENT_BYTES('OLD.')})) WHERE org_id = OLD.org_id;
    END;
  `);
}

/** The usage part of the port, over an open, migrated connection. */
export function sqliteUsage(db: Database): Pick<EventStore, 'storedEventBytes'> {
  const usage = db.prepare<[string], { event_bytes: number }>('SELECT event_bytes FROM org_usage WHERE org_id = ?');
  return {
    storedEventBytes(orgId) {
      return Promise.resolve(usage.get(orgId)?.event_bytes ?? 0);
    },
  };
}
