import { Dexie, type EntityTable } from 'dexie';
import type { MusterEvent } from '../domain/event';
import type { HlcClock } from '../domain/hlc';

/** One row per event waiting to be pushed; cleared only after the server's reply (DESIGN.md "Sync"). */
export interface OutboxEntry {
  eventId: string;
  queuedAt: number;
  attempts: number;
}

/** A playbook kept on the device (shipped or imported), stored whole as JSON. */
export interface StoredPlaybook {
  id: string;
  language: string;
  version: string;
  kind: string;
  title: string;
  source: 'shipped' | 'imported';
  body: unknown;
  storedAt: number;
}

/**
 * A stream's revision: bumped in the same transaction as any write to the stream (a local
 * event, or a pulled sync page), so an open screen can watch one small row instead of
 * re-reading thousands of events.
 */
export interface StreamRow {
  streamId: string;
  rev: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type MusterDb = Dexie & {
  events: EntityTable<MusterEvent, 'id'>;
  outbox: EntityTable<OutboxEntry, 'eventId'>;
  playbooks: Dexie.Table<StoredPlaybook, [string, string]>;
  settings: EntityTable<SettingRow, 'key'>;
  streams: EntityTable<StreamRow, 'streamId'>;
};

export type { HlcClock };

export const DB_NAME = 'muster';

/**
 * Opens the device database. The schema is versioned: a new version adds a `.version(n)`
 * block below and never edits an old one, so a device with data from any release upgrades.
 */
export function openDb(name = DB_NAME): MusterDb {
  const db = new Dexie(name) as MusterDb;
  db.version(1).stores({
    events: 'id, [streamId+hlc], type',
    outbox: 'eventId, queuedAt',
    playbooks: '[id+language], id, kind',
    settings: 'key',
    streams: 'streamId',
  });
  // Sync bookkeeping (src/storage/sync-state.ts): events the server refused, and pulled events
  // whose clock stamp was too far ahead of this device's clock.
  db.version(2).stores({
    rejected: 'eventId, at',
    flagged: 'eventId, streamId',
  });
  return db;
}
