import { Dexie, type EntityTable, type Table } from 'dexie';
import type { MusterEvent } from '../domain/event';
import type { HlcClock } from '../domain/hlc';
import type { FlaggedEvent, RejectedEvent } from './sync-state';

/** One row per event waiting to be pushed; cleared only once the server has replied about it. */
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
interface StreamRow {
  streamId: string;
  rev: number;
}

interface SettingRow {
  key: string;
  value: unknown;
}

export type { HlcClock };

const DB_NAME = 'muster';

/**
 * The device database. The schema is versioned: a new version adds a `.version(n)` block
 * below and never edits an old one, so a device with data from any release upgrades. Every
 * table, whichever version added it, is declared here with its row type, so no code reaches a
 * table by name and casts it.
 */
export class MusterDb extends Dexie {
  // `declare`: Dexie defines the tables itself in `stores()`; a class field would overwrite them.
  declare events: EntityTable<MusterEvent, 'id'>;
  declare outbox: EntityTable<OutboxEntry, 'eventId'>;
  declare playbooks: Table<StoredPlaybook, [string, string]>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare streams: EntityTable<StreamRow, 'streamId'>;
  declare rejected: EntityTable<RejectedEvent, 'eventId'>;
  declare flagged: EntityTable<FlaggedEvent, 'eventId'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      events: 'id, [streamId+hlc], type',
      outbox: 'eventId, queuedAt',
      playbooks: '[id+language], id, kind',
      settings: 'key',
      streams: 'streamId',
    });
    // Sync bookkeeping (src/storage/sync-state.ts): events the server refused, and pulled events
    // whose clock stamp was too far ahead of this device's clock.
    this.version(2).stores({
      rejected: 'eventId, at',
      flagged: 'eventId, streamId',
    });
  }
}

/** Opens the device database (created or upgraded on first use). */
export function openDb(name = DB_NAME): MusterDb {
  return new MusterDb(name);
}
